/* I/O priorities: ioprio_set of the best-effort class at level 4 for the
 * calling process reads back the same value from ioprio_get; the idle class
 * is allowed without privilege; the real-time class needs CAP_SYS_ADMIN or
 * CAP_SYS_NICE (EPERM without; the same line is printed either way); an
 * unknown class fails with EINVAL (levels above 7 are not checked: since
 * Linux 6.5 those bits carry I/O hints), and so does an unknown "which"; a pid that does not exist fails with ESRCH.
 * Syscalls: ioprio_set, ioprio_get, capget, fork, wait4.
 */
#include "../contract.h"
#include <linux/capability.h>
#include <sys/wait.h>

#define WHO_PROCESS 1
#define CLASS_SHIFT 13
#define PRIO(class, level) (((class) << CLASS_SHIFT) | (level))
enum { CLASS_RT = 1, CLASS_BE = 2, CLASS_IDLE = 3 };

static long get(int who)
{
	return syscall(SYS_ioprio_get, WHO_PROCESS, who);
}

static long set(int who, int prio)
{
	return syscall(SYS_ioprio_set, WHO_PROCESS, who, prio);
}

int main(void)
{
	CHECK(set(0, PRIO(CLASS_BE, 4)) == 0);
	long v = get(0);
	say("best-effort level 4 reads back: class %ld level %ld", v >> CLASS_SHIFT, v & 0xff);
	CHECK(v == PRIO(CLASS_BE, 4));
	CHECK_ERR(set(0, PRIO(7, 0)), EINVAL);
	say("class 7: EINVAL");
	CHECK_ERR(syscall(SYS_ioprio_get, 9, 0), EINVAL);
	say("unknown which: EINVAL");

	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		if (set(0, PRIO(CLASS_IDLE, 0)) != 0 || get(0) != PRIO(CLASS_IDLE, 0))
			_exit(1);
		long r = set(0, PRIO(CLASS_RT, 0));
		int priv = contract_has_cap(CAP_SYS_ADMIN) || contract_has_cap(CAP_SYS_NICE);
		if (priv ? r != 0 : (r != -1 || errno != EPERM))
			_exit(2);
		_exit(0);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("idle class allowed; real-time only with CAP_SYS_ADMIN or CAP_SYS_NICE: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK_ERR(get(c), ESRCH);
	say("reaped child: ESRCH");
	contract_pass();
	return 0;
}
