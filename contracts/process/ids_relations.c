/* Process ids relate as expected: in a single-threaded process gettid equals
 * getpid; a forked child gets a different pid, sees the parent's pid from
 * getppid, and fork returns the child's pid to the parent (checked through a
 * pipe, since pids are never printed); a thread created by pthreads shares
 * getpid but has its own gettid. Syscalls: getpid, getppid, gettid (raw),
 * fork, clone (pthread_create), wait4, pipe2.
 */
#include "../contract.h"
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static pid_t thread_pid, thread_tid;

static void *thr(void *arg)
{
	(void)arg;
	thread_pid = getpid();
	thread_tid = syscall(SYS_gettid);
	return NULL;
}

int main(void)
{
	pid_t me = getpid();
	say("gettid == getpid in main thread: %s", syscall(SYS_gettid) == me ? "yes" : "no");
	CHECK(syscall(SYS_gettid) == me);

	int p[2];
	CHECK(pipe(p) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		pid_t v[3] = {getpid(), getppid(), (pid_t)syscall(SYS_gettid)};
		write(p[1], v, sizeof v);
		_exit(0);
	}
	pid_t v[3];
	CHECK(read(p[0], v, sizeof v) == sizeof v);
	say("child's getpid equals fork's return: %s", v[0] == pid ? "yes" : "no");
	CHECK(v[0] == pid);
	say("child's pid differs from parent's: %s", v[0] != me ? "yes" : "no");
	say("child's getppid is parent: %s", v[1] == me ? "yes" : "no");
	CHECK(v[1] == me);
	say("child's gettid equals its pid: %s", v[2] == pid ? "yes" : "no");
	CHECK(v[2] == pid);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st));

	pthread_t t;
	CHECK(pthread_create(&t, NULL, thr, NULL) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	say("thread shares getpid: %s", thread_pid == me ? "yes" : "no");
	CHECK(thread_pid == me);
	say("thread has its own tid: %s", thread_tid != me && thread_tid > 0 ? "yes" : "no");
	CHECK(thread_tid != me && thread_tid > 0);
	contract_pass();
	return 0;
}
