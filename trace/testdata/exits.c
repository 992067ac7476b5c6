/* The tracer's exceptions, with known counts. Raw syscalls throughout, so
 * libc adds nothing of its own:
 *  - 9 handled SIGUSR1, each raised by kill: 9 rt_sigreturn;
 *  - 3 syscall(-1): -ENOSYS with the number the kernel hides, so 3
 *    unattributed exits and never an rt_sigreturn;
 *  - child 1 calls exit_group(3): one exit_group;
 *  - child 2 is killed by SIGKILL while blocked in pause: no exit counted;
 *  - child 3 dies of SIGSEGV in user space: no exit counted;
 *  - thread A returns (musl and glibc end a thread with exit): one exit;
 *  - thread B blocks in pause and thread C spins in user space when the
 *    main thread calls exit_group(0): one more exit_group, and the two
 *    threads it takes down count nothing.
 * Totals: rt_sigreturn 9, exit_group 2, exit 1, unattributed 3. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int handled, spinning, pausing;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void *returns(void *arg) { return arg; }

static void *pauses(void *arg)
{
	pausing = 1;
	syscall(SYS_pause);
	return arg;
}

static void *spins(void *arg)
{
	spinning = 1;
	for (;;)
		;
	return arg;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, 0);
	for (int i = 0; i < 9; i++)
		syscall(SYS_kill, getpid(), SIGUSR1);
	if (handled != 9)
		return 1;
	for (int i = 0; i < 3; i++)
		syscall(-1);

	pid_t c1 = fork();
	if (c1 == 0)
		syscall(SYS_exit_group, 3);
	pid_t c2 = fork();
	if (c2 == 0)
		for (;;)
			syscall(SYS_pause);
	pid_t c3 = fork();
	if (c3 == 0) {
		/* No core dump, not even to a core_pattern pipe. */
		struct rlimit no_core = {0, 0};
		syscall(SYS_setrlimit, RLIMIT_CORE, &no_core);
		syscall(SYS_prctl, PR_SET_DUMPABLE, 0, 0, 0, 0);
		*(volatile int *)0 = 1;
	}
	int st;
	waitpid(c1, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 3)
		return 2;
	syscall(SYS_kill, c2, SIGKILL);
	waitpid(c2, &st, 0);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
		return 3;
	waitpid(c3, &st, 0);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV)
		return 4;

	pthread_t a, b, c;
	pthread_create(&a, 0, returns, 0);
	pthread_join(a, 0);
	pthread_create(&b, 0, pauses, 0);
	pthread_create(&c, 0, spins, 0);
	while (!pausing || !spinning)
		syscall(SYS_sched_yield);
	syscall(SYS_exit_group, 0);
	return 5;
}
