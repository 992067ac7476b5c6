/* ptrace: a child that calls PTRACE_TRACEME and stops itself with SIGSTOP
 * is seen stopped by its parent's waitpid (WIFSTOPPED, SIGSTOP); the parent
 * reads a word of the child's memory with PTRACE_PEEKDATA (the value the
 * child set after fork), writes one with PTRACE_POKEDATA, and lets it go
 * with PTRACE_CONT; the child sees the poked value and exits with it.
 * PTRACE_GETREGS/GETSIGINFO report the stop. Tracing a process that is not
 * a stopped tracee fails with ESRCH. Syscalls: ptrace, fork, tkill (raise), wait4.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>

static volatile long word = 1;

int main(void)
{
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		word = 0x1234;
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0)
			_exit(100);
		raise(SIGSTOP);
		_exit(word == 0x5678 ? 0 : 101);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("tracee stopped by SIGSTOP: %s", WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP ? "yes" : "no");
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	siginfo_t si;
	CHECK(ptrace(PTRACE_GETSIGINFO, c, 0, &si) == 0);
	say("PTRACE_GETSIGINFO: signal %s", si.si_signo == SIGSTOP ? "SIGSTOP" : "other");
	CHECK(si.si_signo == SIGSTOP);
	struct user_regs_struct regs;
	CHECK(ptrace(PTRACE_GETREGS, c, 0, &regs) == 0);
	errno = 0;
	long v = ptrace(PTRACE_PEEKDATA, c, (void *)&word, 0);
	CHECK(errno == 0);
	say("PTRACE_PEEKDATA reads the child's value: %#lx (parent's copy %#lx)", v, word);
	CHECK(v == 0x1234 && word == 1);
	CHECK(ptrace(PTRACE_POKEDATA, c, (void *)&word, (void *)0x5678L) == 0);
	CHECK(ptrace(PTRACE_CONT, c, 0, 0) == 0);
	CHECK(waitpid(c, &st, 0) == c);
	say("child saw the poked value: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK_ERR(ptrace(PTRACE_CONT, c, 0, 0), ESRCH);
	say("PTRACE_CONT on a reaped tracee: ESRCH");
	contract_pass();
	return 0;
}
