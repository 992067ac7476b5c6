/* Checks robust futexes: a thread that locks a PTHREAD_MUTEX_ROBUST mutex
 * and exits without unlocking it leaves the kernel to walk its robust list
 * (set_robust_list) at exit and mark the lock word FUTEX_OWNER_DIED, so the
 * next pthread_mutex_lock returns EOWNERDEAD; after
 * pthread_mutex_consistent the mutex works normally. Also checks
 * get_robust_list/set_robust_list directly: a wrong length fails with
 * EINVAL and the registered head reads back. Syscalls: set_robust_list,
 * get_robust_list, futex, clone, exit. */
#include "../contract.h"
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>

static pthread_mutex_t mu;

static void *locker(void *arg)
{
	(void)arg;
	CHECK(pthread_mutex_lock(&mu) == 0);
	return NULL;
}

static struct robust_list_head head2;

static void *lister(void *arg)
{
	struct robust_list_head *got = NULL;
	size_t len = 0;
	(void)arg;
	CHECK_ERR(syscall(SYS_set_robust_list, &head2, sizeof head2 + 1), EINVAL);
	head2.list.next = &head2.list;
	CHECK(syscall(SYS_set_robust_list, &head2, sizeof head2) == 0);
	CHECK(syscall(SYS_get_robust_list, 0, &got, &len) == 0);
	CHECK(got == &head2 && len == sizeof head2);
	return NULL;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_t t;

	CHECK(pthread_mutexattr_init(&a) == 0);
	CHECK(pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST) == 0);
	CHECK(pthread_mutex_init(&mu, &a) == 0);
	CHECK(pthread_create(&t, NULL, locker, NULL) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	say("thread exited holding a robust mutex");
	CHECK(pthread_mutex_lock(&mu) == EOWNERDEAD);
	say("next lock: EOWNERDEAD");
	CHECK(pthread_mutex_consistent(&mu) == 0);
	CHECK(pthread_mutex_unlock(&mu) == 0);
	CHECK(pthread_mutex_lock(&mu) == 0);
	CHECK(pthread_mutex_unlock(&mu) == 0);
	say("after consistent: lock/unlock ok");

	CHECK(pthread_create(&t, NULL, lister, NULL) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	say("set_robust_list bad len: EINVAL; registered head reads back");
	contract_pass();
	return 0;
}
