/* Checks that a pthread mutex (futex-based) gives mutual exclusion: four
 * threads each add 1 to a shared counter 20000 times under the mutex and the
 * final value is exactly 80000; trylock on a held mutex fails with EBUSY and
 * an error-checking mutex reports EDEADLK on relock and EPERM on unlock by a
 * non-owner. Syscalls: clone, futex(FUTEX_WAIT/FUTEX_WAKE private). */
#include "../contract.h"
#include <pthread.h>

#define THREADS 4
#define ROUNDS 20000

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ec;
static long counter;
static int unlock_err;

static void *adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		CHECK(pthread_mutex_lock(&mu) == 0);
		long v = counter;
		if ((i & 255) == 0)
			sched_yield();
		counter = v + 1;
		CHECK(pthread_mutex_unlock(&mu) == 0);
	}
	return NULL;
}

static void *stranger(void *arg)
{
	(void)arg;
	unlock_err = pthread_mutex_unlock(&ec);
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];
	pthread_mutexattr_t a;

	for (int i = 0; i < THREADS; i++)
		CHECK(pthread_create(&t[i], NULL, adder, NULL) == 0);
	for (int i = 0; i < THREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	CHECK(counter == (long)THREADS * ROUNDS);
	say("counter after %d threads x %d locked increments: %ld", THREADS, ROUNDS, counter);

	CHECK(pthread_mutex_lock(&mu) == 0);
	CHECK(pthread_mutex_trylock(&mu) == EBUSY);
	say("trylock on held mutex: EBUSY");
	CHECK(pthread_mutex_unlock(&mu) == 0);

	CHECK(pthread_mutexattr_init(&a) == 0);
	CHECK(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK) == 0);
	CHECK(pthread_mutex_init(&ec, &a) == 0);
	CHECK(pthread_mutex_lock(&ec) == 0);
	CHECK(pthread_mutex_lock(&ec) == EDEADLK);
	say("errorcheck relock by owner: EDEADLK");
	CHECK(pthread_create(&t[0], NULL, stranger, NULL) == 0);
	CHECK(pthread_join(t[0], NULL) == 0);
	CHECK(unlock_err == EPERM);
	say("errorcheck unlock by non-owner: EPERM");
	CHECK(pthread_mutex_unlock(&ec) == 0);
	contract_pass();
	return 0;
}
