/* Checks tgkill targeting one thread: a signal sent with
 * tgkill(getpid(), tid, SIGUSR1) runs the handler in exactly that thread
 * (the handler sees gettid() == tid), both when aimed at the main thread and
 * at a second thread; a wrong thread-group id gives ESRCH and a bad signal
 * EINVAL. Syscalls: tgkill, gettid, getpid, rt_sigaction, clone. */
#include "../contract.h"
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>

static volatile pid_t handled_in;
static volatile sig_atomic_t ready, done;
static volatile pid_t worker_tid;

static pid_t tid(void) { return (pid_t)syscall(SYS_gettid); }
static void on_usr1(int s) { (void)s; handled_in = tid(); }

static void *worker(void *arg)
{
	(void)arg;
	worker_tid = tid();
	ready = 1;
	while (!done)
		sched_yield();
	return NULL;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	pthread_t t;
	pid_t me = tid();

	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	CHECK(syscall(SYS_tgkill, getpid(), me, SIGUSR1) == 0);
	CHECK(handled_in == me);
	say("tgkill main thread: handler ran in main thread before return");

	CHECK(pthread_create(&t, NULL, worker, NULL) == 0);
	while (!ready)
		sched_yield();
	CHECK(worker_tid != me);
	handled_in = 0;
	CHECK(syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1) == 0);
	for (int i = 0; i < 1000000 && handled_in == 0; i++)
		sched_yield();
	CHECK(handled_in == worker_tid);
	say("tgkill worker thread: handler ran in worker thread");
	done = 1;
	CHECK(pthread_join(t, NULL) == 0);

	CHECK_ERR(syscall(SYS_tgkill, getpid() + 100000, me, SIGUSR1), ESRCH);
	say("tgkill wrong tgid: ESRCH");
	CHECK_ERR(syscall(SYS_tgkill, getpid(), me, 1000), EINVAL);
	say("tgkill signal 1000: EINVAL");
	CHECK(syscall(SYS_tgkill, getpid(), me, 0) == 0);
	say("tgkill signal 0 (existence check): 0");
	contract_pass();
	return 0;
}
