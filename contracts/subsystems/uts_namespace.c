/* Checks a private UTS namespace created together with a user namespace: in
 * a child, unshare(CLONE_NEWUSER|CLONE_NEWUTS) gives a new /proc/self/ns/uts
 * identity, sethostname there is visible through uname, the parent's
 * hostname is untouched, and joining the old UTS namespace again with setns
 * fails with EPERM (no CAP_SYS_ADMIN over its owner) while setns with a
 * mismatched nstype fails with EINVAL. Namespace ids and host names are
 * compared, never printed. Syscalls: fork, unshare, sethostname, uname,
 * readlink, open, setns, wait4. */
#include "../contract.h"
#include <fcntl.h>
#include <sched.h>
#include <sys/utsname.h>
#include <sys/wait.h>

int main(void)
{
	struct utsname before, after;
	char l1[64] = { 0 }, l2[64] = { 0 };
	int st;
	pid_t p;

	CHECK(uname(&before) == 0);
	p = fork();
	CHECK(p >= 0);
	if (p == 0) {
		struct utsname u;
		int old = open("/proc/self/ns/uts", O_RDONLY | O_CLOEXEC);
		CHECK(old >= 0);
		CHECK(readlink("/proc/self/ns/uts", l1, sizeof l1 - 1) > 0);
		CHECK(strncmp(l1, "uts:[", 5) == 0);
		say("ns link format: uts:[...]");
		CHECK(unshare(CLONE_NEWUSER | CLONE_NEWUTS) == 0);
		CHECK(readlink("/proc/self/ns/uts", l2, sizeof l2 - 1) > 0);
		CHECK(strcmp(l1, l2) != 0);
		say("after unshare: uts namespace link changed");
		CHECK(sethostname("syscov-uts", 10) == 0);
		CHECK(uname(&u) == 0 && strcmp(u.nodename, "syscov-uts") == 0);
		say("nodename inside: %s", u.nodename);
		CHECK_ERR(setns(old, CLONE_NEWNET), EINVAL);
		say("setns(uts fd, CLONE_NEWNET): EINVAL");
		CHECK_ERR(setns(old, CLONE_NEWUTS), EPERM);
		say("setns back to the original uts namespace: EPERM");
		_exit(0);
	}
	CHECK(waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(uname(&after) == 0 && strcmp(before.nodename, after.nodename) == 0);
	say("parent nodename unchanged");
	contract_pass();
	return 0;
}
