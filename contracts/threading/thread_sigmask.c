/* Checks that the signal mask is per thread: a worker thread that blocks
 * SIGUSR1 does not change the main thread's mask; a process-directed
 * kill(getpid(), SIGUSR1) while main blocks it and the worker does not is
 * handled by the worker; a new thread inherits its creator's mask.
 * Syscalls: rt_sigprocmask, rt_sigaction, kill, gettid, clone. */
#include "../contract.h"
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>

static volatile pid_t handled_in;
static volatile sig_atomic_t stop;
static volatile pid_t worker_tid;
static int inherited;

static pid_t tid(void) { return (pid_t)syscall(SYS_gettid); }
static void on_usr1(int s) { (void)s; handled_in = tid(); }

static void *blocker(void *arg)
{
	sigset_t s;
	(void)arg;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	CHECK(pthread_sigmask(SIG_BLOCK, &s, NULL) == 0);
	return NULL;
}

static void *receiver(void *arg)
{
	sigset_t s, cur;
	(void)arg;
	CHECK(pthread_sigmask(SIG_BLOCK, NULL, &cur) == 0);
	inherited = sigismember(&cur, SIGUSR1) && sigismember(&cur, SIGHUP);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	CHECK(pthread_sigmask(SIG_UNBLOCK, &s, NULL) == 0);
	worker_tid = tid();
	while (!stop)
		sched_yield();
	return NULL;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t s, cur;
	pthread_t t;

	CHECK(pthread_create(&t, NULL, blocker, NULL) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	CHECK(pthread_sigmask(SIG_BLOCK, NULL, &cur) == 0 && !sigismember(&cur, SIGUSR2));
	say("worker blocked SIGUSR2: main mask unchanged");

	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGHUP);
	CHECK(pthread_sigmask(SIG_BLOCK, &s, NULL) == 0);
	CHECK(pthread_create(&t, NULL, receiver, NULL) == 0);
	while (!worker_tid)
		sched_yield();
	CHECK(inherited);
	say("new thread inherited SIGUSR1|SIGHUP blocked");
	CHECK(kill(getpid(), SIGUSR1) == 0);
	for (int i = 0; i < 1000000 && !handled_in; i++)
		sched_yield();
	CHECK(handled_in == worker_tid);
	say("kill(getpid()) with main blocking: handled by the unblocked thread");
	stop = 1;
	CHECK(pthread_join(t, NULL) == 0);
	contract_pass();
	return 0;
}
