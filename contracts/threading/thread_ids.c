/* Checks thread identity: all threads of a process share getpid() and
 * getppid(), each has a distinct gettid(), the main thread's tid equals the
 * pid, /proc/self/task lists one entry per live thread, and
 * set_tid_address returns the caller's tid. Syscalls: gettid, getpid,
 * getppid, set_tid_address, clone, getdents64. */
#include "../contract.h"
#include <dirent.h>
#include <pthread.h>
#include <sys/syscall.h>

#define N 3
static pid_t tids[N], pids[N], ppids[N];
static pthread_barrier_t bar;

static void *worker(void *arg)
{
	int i = (int)(long)arg;
	tids[i] = (pid_t)syscall(SYS_gettid);
	pids[i] = getpid();
	ppids[i] = getppid();
	pthread_barrier_wait(&bar);
	pthread_barrier_wait(&bar);
	return NULL;
}

static int count_tasks(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;
	CHECK(d != NULL);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

int main(void)
{
	pthread_t t[N];
	pid_t me = (pid_t)syscall(SYS_gettid);
	int dummy;

	CHECK(me == getpid());
	say("main thread: tid == pid");
	CHECK(syscall(SYS_set_tid_address, &dummy) == me);
	say("set_tid_address returns caller's tid");
	CHECK(count_tasks() == 1);
	say("tasks before threads: 1");
	CHECK(pthread_barrier_init(&bar, NULL, N + 1) == 0);
	for (int i = 0; i < N; i++)
		CHECK(pthread_create(&t[i], NULL, worker, (void *)(long)i) == 0);
	pthread_barrier_wait(&bar);
	CHECK(count_tasks() == N + 1);
	say("tasks with %d extra threads: %d", N, N + 1);
	pthread_barrier_wait(&bar);
	for (int i = 0; i < N; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	for (int i = 0; i < N; i++) {
		CHECK(pids[i] == getpid() && ppids[i] == getppid());
		CHECK(tids[i] != me && tids[i] > 0);
		for (int j = 0; j < i; j++)
			CHECK(tids[i] != tids[j]);
	}
	say("threads: same pid and ppid, distinct tids");
	CHECK(count_tasks() == 1);
	say("tasks after join: 1");
	contract_pass();
	return 0;
}
