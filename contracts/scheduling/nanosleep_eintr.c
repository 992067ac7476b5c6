/* Checks that a signal interrupts nanosleep with EINTR and writes the
 * unslept remainder, even when the handler was installed with SA_RESTART
 * (nanosleep is never restarted transparently); a second thread sends the
 * signal to the sleeping main thread with tgkill after ~5 ms, so a 2 s sleep
 * ends early with 0 < remainder < 2 s. Syscalls: rt_sigaction(SA_RESTART),
 * nanosleep, tgkill, clone. */
#include "../contract.h"
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>

static pid_t main_tid;
static volatile sig_atomic_t hits;
static void on_usr1(int s) { (void)s; hits++; }

static void *poker(void *arg)
{
	struct timespec d = { 0, 5 * 1000 * 1000 };
	(void)arg;
	nanosleep(&d, NULL);
	CHECK(syscall(SYS_tgkill, getpid(), main_tid, SIGUSR1) == 0);
	return NULL;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	struct timespec d = { 2, 0 }, rem = { 0, 0 };
	pthread_t t;
	long r;
	int e;

	main_tid = (pid_t)syscall(SYS_gettid);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	CHECK(pthread_create(&t, NULL, poker, NULL) == 0);
	r = syscall(SYS_nanosleep, &d, &rem);
	e = errno;
	CHECK(pthread_join(t, NULL) == 0);
	errno = e;
	CHECK(r == -1 && e == EINTR);
	say("nanosleep 2s hit by SIGUSR1 (SA_RESTART): EINTR");
	CHECK(hits == 1);
	say("handler ran once");
	CHECK(rem.tv_sec >= 0 && rem.tv_nsec >= 0 && rem.tv_nsec < 1000000000L);
	CHECK(rem.tv_sec < 2 && (rem.tv_sec > 0 || rem.tv_nsec > 0));
	say("remainder: > 0 and < 2s");
	contract_pass();
	return 0;
}
