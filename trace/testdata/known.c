/* A program with a known syscall mix, for the tracer's exactness tests:
 * 1000 getppid in the main thread, 33 in a forked child, 44 in a pthread;
 * 100 successful and 7 failing (ENOENT) openat(O_RDONLY|O_CLOEXEC);
 * 5 mmap(PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE);
 * one fork, one pthread_create; exit_group twice (main, child), exit once
 * (the thread). Raw syscalls are used so libc adds nothing of its own. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void *thread_main(void *arg)
{
	(void)arg;
	for (int i = 0; i < 44; i++)
		syscall(SYS_getppid);
	return 0;
}

int main(void)
{
	for (int i = 0; i < 1000; i++)
		syscall(SYS_getppid);
	for (int i = 0; i < 100; i++) {
		long fd = syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_CLOEXEC);
		syscall(SYS_close, fd);
	}
	for (int i = 0; i < 7; i++)
		syscall(SYS_openat, AT_FDCWD, "/nonexistent-syscov", O_RDONLY | O_CLOEXEC);
	for (int i = 0; i < 5; i++)
		syscall(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 33; i++)
			syscall(SYS_getppid);
		syscall(SYS_exit_group, 0);
	}
	int st;
	waitpid(pid, &st, 0);
	pthread_t th;
	pthread_create(&th, 0, thread_main, 0);
	pthread_join(th, 0);
	return 0;
}
