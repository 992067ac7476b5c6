/* Checks user namespaces as used by unprivileged sandboxes: in a forked
 * child, unshare(CLONE_NEWUSER) succeeds for root and non-root alike; before
 * any mapping getuid/getgid return the overflow ids 65534; after writing
 * "deny" to setgroups and "0 <outer id> 1" to uid_map and gid_map the child
 * is uid 0 / gid 0 inside, holds CAP_SYS_ADMIN in its effective set, and a
 * second write to uid_map fails with EPERM; the parent's ids are unchanged.
 * Syscalls: fork, unshare, getuid, getgid, open, write, capget, wait4. */
#include "../contract.h"
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static int put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;
	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

int main(void)
{
	uid_t ou = getuid();
	gid_t og = getgid();
	char map[64];
	int st;
	pid_t p;

	p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct d[2];

		CHECK(unshare(CLONE_NEWUSER) == 0);
		say("unshare(CLONE_NEWUSER): ok");
		CHECK(getuid() == 65534 && getgid() == 65534);
		say("unmapped ids: uid 65534 gid 65534");
		snprintf(map, sizeof map, "0 %u 1", (unsigned)ou);
		CHECK(put("/proc/self/uid_map", map) == 0);
		CHECK(put("/proc/self/setgroups", "deny") == 0);
		snprintf(map, sizeof map, "0 %u 1", (unsigned)og);
		CHECK(put("/proc/self/gid_map", map) == 0);
		say("wrote uid_map, setgroups=deny, gid_map");
		CHECK(getuid() == 0 && getgid() == 0);
		say("mapped ids: uid 0 gid 0");
		CHECK(syscall(SYS_capget, &h, d) == 0);
		CHECK(d[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective & CAP_TO_MASK(CAP_SYS_ADMIN));
		say("CAP_SYS_ADMIN effective inside the namespace: yes");
		errno = 0;
		CHECK(put("/proc/self/uid_map", "0 0 1") == -1 && errno == EPERM);
		say("second uid_map write: EPERM");
		_exit(0);
	}
	CHECK(waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(getuid() == ou && getgid() == og);
	say("parent ids unchanged");
	contract_pass();
	return 0;
}
