/* setuid/setgid to the caller's own ids always succeed and leave real,
 * effective and saved ids equal, for root and for an unprivileged user alike;
 * getresuid/getresgid report the same ids as getuid/geteuid/getgid; a
 * setresuid(-1, -1, -1) is a no-op that succeeds. An unprivileged process
 * that tries to become another user gets EPERM; a privileged one that drops
 * to an unprivileged uid in a child then cannot regain root (EPERM) - both
 * cases reduce to "a non-root process cannot switch to a foreign uid", which
 * is what is printed. Syscalls: getuid, geteuid, getgid, getegid, getresuid,
 * getresgid, setuid, setgid, setresuid, setresgid, fork, wait4.
 */
#include "../contract.h"
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;
	CHECK(getresuid(&r, &e, &s) == 0 && getresgid(&gr, &ge, &gs) == 0);
	say("getresuid matches getuid/geteuid: %s", r == getuid() && e == geteuid() ? "yes" : "no");
	CHECK(r == getuid() && e == geteuid());
	say("getresgid matches getgid/getegid: %s", gr == getgid() && ge == getegid() ? "yes" : "no");
	CHECK(gr == getgid() && ge == getegid());

	/* Raw syscalls: libc setuid() broadcasts to all threads, which is fine
	 * here, but the contract is about the syscall itself. */
	CHECK(syscall(SYS_setgid, getgid()) == 0);
	CHECK(syscall(SYS_setuid, getuid()) == 0);
	say("setgid(getgid()) and setuid(getuid()): ok");
	CHECK(syscall(SYS_setresuid, -1, -1, -1) == 0 && syscall(SYS_setresgid, -1, -1, -1) == 0);
	say("setresuid/setresgid(-1, -1, -1): ok");
	CHECK(getresuid(&r, &e, &s) == 0);
	say("real, effective and saved uid equal: %s", r == e && e == s ? "yes" : "no");
	CHECK(r == e && e == s);

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		/* Become (or stay) an unprivileged user, then try to switch. */
		uid_t u = getuid() == 0 ? 65534 : getuid();
		gid_t g = getgid() == 0 ? 65534 : getgid();
		if (syscall(SYS_setgroups, 0, NULL) != 0 && errno != EPERM)
			_exit(10);
		if (syscall(SYS_setresgid, g, g, g) != 0 || syscall(SYS_setresuid, u, u, u) != 0)
			_exit(11);
		errno = 0;
		if (syscall(SYS_setuid, 0) != -1 || errno != EPERM)
			_exit(12);
		errno = 0;
		if (syscall(SYS_setuid, u) != 0)
			_exit(13);
		_exit(0);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("unprivileged setuid(0): %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "EPERM" : "unexpected");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
