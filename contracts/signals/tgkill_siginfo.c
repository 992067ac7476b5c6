/* A signal sent to one thread reaches that thread with sender information:
 * tgkill(getpid(), gettid(), SIGUSR1) runs the SA_SIGINFO handler on the
 * calling thread with si_code SI_TKILL and si_pid/si_uid of the caller;
 * rt_tgsigqueueinfo delivers si_code SI_QUEUE with the given value; a signal
 * sent with tgkill to a second thread runs the handler on that thread, not
 * on the main thread. Syscalls: tgkill, rt_tgsigqueueinfo, gettid,
 * rt_sigaction (SA_SIGINFO), clone (pthread_create), futex.
 */
#include "../contract.h"
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>

static volatile pid_t handler_tid;
static volatile int code, value, pid_ok, uid_ok;
static volatile pid_t worker_tid;
static volatile int worker_go;

static void h(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	handler_tid = syscall(SYS_gettid);
	code = si->si_code;
	value = si->si_value.sival_int;
	pid_ok = si->si_pid == getpid();
	uid_ok = si->si_uid == getuid();
}

static void *worker(void *arg)
{
	(void)arg;
	worker_tid = syscall(SYS_gettid);
	while (!worker_go)
		sched_yield();
	return NULL;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = h;
	sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	pid_t me = syscall(SYS_gettid);
	CHECK(syscall(SYS_tgkill, getpid(), me, SIGUSR1) == 0);
	say("tgkill self: handled on caller: %s, %s, si_pid/si_uid are caller's: %s",
	    handler_tid == me ? "yes" : "no", code == SI_TKILL ? "SI_TKILL" : "other", pid_ok && uid_ok ? "yes" : "no");
	CHECK(handler_tid == me && code == SI_TKILL && pid_ok && uid_ok);

	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = 99;
	CHECK(syscall(SYS_rt_tgsigqueueinfo, getpid(), me, SIGUSR1, &si) == 0);
	say("rt_tgsigqueueinfo: %s value %d", code == SI_QUEUE ? "SI_QUEUE" : "other", value);
	CHECK(code == SI_QUEUE && value == 99);

	pthread_t t;
	handler_tid = 0;
	CHECK(pthread_create(&t, NULL, worker, NULL) == 0);
	while (!worker_tid)
		sched_yield();
	CHECK(syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1) == 0);
	while (!handler_tid)
		sched_yield();
	say("tgkill to worker thread: handled on worker: %s", handler_tid == worker_tid ? "yes" : "no");
	CHECK(handler_tid == worker_tid);
	worker_go = 1;
	CHECK(pthread_join(t, NULL) == 0);
	contract_pass();
	return 0;
}
