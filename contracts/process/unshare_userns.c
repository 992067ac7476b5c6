/* unshare(CLONE_NEWUSER) works without privilege and remaps ids: a forked
 * child unshares a user namespace, where it first appears as the overflow
 * uid 65534; after writing "deny" to /proc/self/setgroups and mapping its
 * outer uid and gid to 0 through uid_map and gid_map it sees itself as uid 0
 * and gid 0 with a full effective capability set inside the namespace, while
 * the parent's ids are unchanged. Writing uid_map a second time fails with
 * EPERM. setns with a descriptor that is not a namespace fails with EINVAL.
 * Syscalls: unshare, openat/write on /proc/self/{setgroups,uid_map,gid_map},
 * getuid, getgid, capget, setns, fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, s, strlen(s));
	int e = errno;
	close(fd);
	errno = e;
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

int main(void)
{
	uid_t ou = getuid();
	gid_t og = getgid();
	int p[2];
	CHECK(pipe(p) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char r[6] = {'-', '-', '-', '-', '-', '-'};
		close(p[0]);
		if (unshare(CLONE_NEWUSER) == 0) {
			r[0] = getuid() == 65534 ? 'o' : 'x';
			char map[64];
			int ok = write_file("/proc/self/setgroups", "deny") == 0;
			snprintf(map, sizeof map, "0 %u 1\n", (unsigned)ou);
			ok = ok && write_file("/proc/self/uid_map", map) == 0;
			snprintf(map, sizeof map, "0 %u 1\n", (unsigned)og);
			ok = ok && write_file("/proc/self/gid_map", map) == 0;
			r[1] = ok ? 'm' : 'x';
			r[2] = getuid() == 0 && getgid() == 0 ? 'z' : 'x';
			struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
			struct __user_cap_data_struct d[2];
			if (syscall(SYS_capget, &h, d) == 0)
				r[3] = (d[0].effective & (1u << CAP_SYS_ADMIN)) &&
					       (d[0].effective & (1u << CAP_SETUID)) ? 'c' : 'x';
			snprintf(map, sizeof map, "0 %u 1\n", (unsigned)ou);
			errno = 0;
			r[4] = write_file("/proc/self/uid_map", map) == -1 && errno == EPERM ? 'e' : 'x';
			int fd = open(".", O_RDONLY | O_DIRECTORY);
			errno = 0;
			r[5] = syscall(SYS_setns, fd, 0) == -1 && errno == EINVAL ? 'i' : 'x';
			close(fd);
		} else {
			r[0] = 'u';
		}
		write(p[1], r, sizeof r);
		_exit(0);
	}
	close(p[1]);
	char r[6];
	CHECK(read(p[0], r, sizeof r) == sizeof r);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st));
	if (r[0] == 'u')
		say("CONTRACT_FAIL unshare(CLONE_NEWUSER) refused: user namespaces are disabled on this host");
	CHECK(r[0] != 'u');
	say("unmapped uid inside new namespace is 65534: %s", r[0] == 'o' ? "yes" : "no");
	say("setgroups deny, uid_map and gid_map written: %s", r[1] == 'm' ? "yes" : "no");
	say("ids inside after mapping: %s", r[2] == 'z' ? "0 0" : "other");
	say("full capabilities inside: %s", r[3] == 'c' ? "yes" : "no");
	say("second uid_map write: %s", r[4] == 'e' ? "EPERM" : "unexpected");
	say("setns on a directory fd: %s", r[5] == 'i' ? "EINVAL" : "unexpected");
	CHECK(memcmp(r, "omzcei", 6) == 0);
	say("parent ids unchanged: %s", getuid() == ou && getgid() == og ? "yes" : "no");
	CHECK(getuid() == ou && getgid() == og);
	contract_pass();
	return 0;
}
