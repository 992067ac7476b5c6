/* Checks thread-specific data built on per-thread TLS: a pthread key holds
 * a different value in each thread, a new thread starts with NULL, values set
 * in one thread are invisible to the others, and the key's destructor runs
 * once for each exiting thread with a non-NULL value (not for the main
 * thread, which never exits here). Syscalls: clone (via pthread_create),
 * futex (join), set_robust_list/set_tid_address as the libc uses them. */
#include "../contract.h"
#include <pthread.h>

static pthread_key_t key;
static int destructed[4];
static __thread int tls_counter;

static void dtor(void *p) { destructed[*(int *)p]++; }

static void *worker(void *arg)
{
	int *id = arg;
	CHECK(pthread_getspecific(key) == NULL);
	CHECK(tls_counter == 0);
	CHECK(pthread_setspecific(key, id) == 0);
	tls_counter = 100 + *id;
	for (int i = 0; i < 1000; i++)
		CHECK(pthread_getspecific(key) == id);
	CHECK(tls_counter == 100 + *id);
	return NULL;
}

int main(void)
{
	static int ids[4] = { 0, 1, 2, 3 };
	pthread_t t[3];
	int mine = 0;

	CHECK(pthread_key_create(&key, dtor) == 0);
	CHECK(pthread_setspecific(key, &mine) == 0);
	tls_counter = 7;
	for (int i = 0; i < 3; i++)
		CHECK(pthread_create(&t[i], NULL, worker, &ids[i + 1]) == 0);
	for (int i = 0; i < 3; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	say("3 threads: each saw NULL first, then its own value");
	CHECK(pthread_getspecific(key) == &mine);
	CHECK(tls_counter == 7);
	say("main thread value and __thread variable unchanged");
	CHECK(destructed[0] == 0 && destructed[1] == 1 && destructed[2] == 1 &&
	      destructed[3] == 1);
	say("destructor ran once per exited thread, not for main");
	CHECK(pthread_key_delete(key) == 0);
	contract_pass();
	return 0;
}
