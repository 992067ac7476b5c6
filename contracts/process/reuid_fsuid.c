/* The older id calls: setreuid(-1, -1) and setregid(-1, -1) change
 * nothing and succeed; setreuid(ruid, euid) with the current ids succeeds
 * for anyone. setfsuid and setfsgid return the previous file-system id,
 * which starts as the effective id; setting it to the current euid/egid
 * succeeds, and a request an unprivileged process may not make leaves it
 * unchanged (the call has no error return, so the next call shows the old
 * value). A process with CAP_SETUID can swap real and effective uid in a
 * child and back. Ids are compared, never printed. Syscalls: setreuid,
 * setregid, setfsuid, setfsgid, fork, wait4; capget as root, and
 * getresuid as root with CAP_SETUID.
 */
#include "../contract.h"
#include <linux/capability.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
	uid_t u = geteuid();
	gid_t g = getegid();
	CHECK(syscall(SYS_setreuid, -1, -1) == 0 && syscall(SYS_setregid, -1, -1) == 0);
	CHECK(syscall(SYS_setreuid, getuid(), u) == 0 && syscall(SYS_setregid, getgid(), g) == 0);
	say("setreuid/setregid with -1 or the current ids: ok");

	say("setfsuid returns the effective uid at first: %s", syscall(SYS_setfsuid, u) == u ? "yes" : "no");
	CHECK(syscall(SYS_setfsuid, u) == u);
	CHECK(syscall(SYS_setfsgid, g) == g && syscall(SYS_setfsgid, g) == g);
	say("setfsgid returns the effective gid: yes");
	/* -1 is never valid: a query that changes nothing. */
	CHECK(syscall(SYS_setfsuid, -1) == u);

	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		uid_t r, e, s;
		if (u == 0 && contract_has_cap(CAP_SETUID)) {
			/* Privileged: make the fs uid 4242, then real/effective swap. */
			if (syscall(SYS_setfsuid, 4242) != 0 || syscall(SYS_setfsuid, -1) != 4242)
				_exit(1);
			if (syscall(SYS_setreuid, 4242, 0) != 0 || getresuid(&r, &e, &s) || r != 4242 || e != 0)
				_exit(2);
			if (syscall(SYS_setreuid, 0, 0) != 0 || getuid() != 0)
				_exit(3);
		} else {
			/* Unprivileged: a foreign fs uid is refused silently. */
			syscall(SYS_setfsuid, u + 1);
			if (syscall(SYS_setfsuid, -1) != u)
				_exit(4);
			errno = 0;
			if (syscall(SYS_setreuid, u + 1, -1) != -1 || errno != EPERM)
				_exit(5);
		}
		_exit(0);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("foreign ids: taken with CAP_SETUID, refused without: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
