/* System-administration calls refuse safely: each is called with an
 * argument that can never act (a missing swap file, a wrong reboot magic,
 * an unknown syslog action, vhangup in a new session without a terminal),
 * so the outcome only shows the kernel's checks in their order. Without the
 * capability each fails with EPERM before the argument is looked at; with
 * it, swapon and swapoff fail with ENOENT, reboot with EINVAL, syslog with
 * EINVAL, and vhangup succeeds doing nothing. Both outcomes print the same
 * lines. Syscalls: swapon, swapoff, reboot, syslog, vhangup, setsid,
 * capget, fork, wait4.
 */
#include "../contract.h"
#include <linux/capability.h>
#include <sys/wait.h>

/* expect checks r/errno against want when the capability is held and
 * against EPERM otherwise. */
static int expect(long r, int cap, int want)
{
	int e = errno;
	if (contract_has_cap(cap))
		return want == 0 ? r == 0 : r == -1 && e == want;
	return r == -1 && e == EPERM;
}

int main(void)
{
	errno = 0;
	CHECK(expect(syscall(SYS_swapon, "no-such-swap-file", 0), CAP_SYS_ADMIN, ENOENT));
	errno = 0;
	CHECK(expect(syscall(SYS_swapoff, "no-such-swap-file"), CAP_SYS_ADMIN, ENOENT));
	say("swapon/swapoff of a missing file: ENOENT with CAP_SYS_ADMIN, EPERM without");
	/* magic1 0 is never LINUX_REBOOT_MAGIC1: the call cannot reboot. */
	errno = 0;
	CHECK(expect(syscall(SYS_reboot, 0, 0, 0, NULL), CAP_SYS_BOOT, EINVAL));
	say("reboot with a wrong magic: EINVAL with CAP_SYS_BOOT, EPERM without");
	errno = 0;
	long r = syscall(SYS_syslog, 99, NULL, 0);
	int e = errno;
	CHECK(contract_has_cap(CAP_SYSLOG) || contract_has_cap(CAP_SYS_ADMIN) ? r == -1 && e == EINVAL : r == -1 && e == EPERM);
	say("syslog action 99: EINVAL with CAP_SYSLOG, EPERM without");

	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		if (setsid() < 0)
			_exit(2); /* never hang up a terminal we might still have */
		errno = 0;
		_exit(expect(syscall(SYS_vhangup), CAP_SYS_TTY_CONFIG, 0) ? 0 : 1);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("vhangup without a terminal: no-op with CAP_SYS_TTY_CONFIG, EPERM without: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
