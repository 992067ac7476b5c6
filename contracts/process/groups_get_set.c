/* Supplementary groups: getgroups(0, NULL) returns the count and a call
 * with that size returns the same list that /proc/self/status shows in
 * "Groups:"; a buffer smaller than the count fails with EINVAL. setgroups
 * needs CAP_SETGID: with it (tried in a child) the new list is what
 * getgroups returns and an empty list clears it; without it setgroups fails
 * with EPERM. Both outcomes print the same lines. Group ids are compared,
 * never printed. Syscalls: getgroups, setgroups, fork, wait4, open, read.
 */
#include "../contract.h"
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* procGroups parses the Groups: line of /proc/self/status into g. */
static int procGroups(gid_t *g, int max)
{
	char buf[8192];
	int fd = open("/proc/self/status", O_RDONLY);
	CHECK(fd >= 0);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	CHECK(n > 0);
	close(fd);
	buf[n] = 0;
	char *p = strstr(buf, "\nGroups:");
	CHECK(p != NULL);
	p += 8;
	int k = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p < '0' || *p > '9' || k == max)
			break;
		g[k++] = strtoul(p, &p, 10);
	}
	return k;
}

int main(void)
{
	long n = syscall(SYS_getgroups, 0, NULL);
	CHECK(n >= 0 && n < 64);
	gid_t got[64], proc[64];
	CHECK(syscall(SYS_getgroups, n, got) == n);
	int k = procGroups(proc, 64);
	int same = k == n;
	for (int i = 0; same && i < k; i++)
		same = got[i] == proc[i];
	say("getgroups agrees with /proc/self/status: %s", same ? "yes" : "no");
	CHECK(same);
	if (n > 0) {
		CHECK_ERR(syscall(SYS_getgroups, n - 1, got), EINVAL);
	}
	say("buffer smaller than the count: EINVAL (when there are groups)");

	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		gid_t want[2] = {4242, 4343}, have[4];
		long r = syscall(SYS_setgroups, 2, want);
		if (contract_has_cap(CAP_SETGID)) {
			if (r != 0 || syscall(SYS_getgroups, 4, have) != 2 || have[0] != 4242 || have[1] != 4343)
				_exit(1);
			if (syscall(SYS_setgroups, 0, NULL) != 0 || syscall(SYS_getgroups, 0, NULL) != 0)
				_exit(2);
		} else if (r != -1 || errno != EPERM) {
			_exit(3);
		}
		_exit(0);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("setgroups: sets the list with CAP_SETGID, EPERM without: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
