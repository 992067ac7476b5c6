/* Workloads for the tracer overhead benchmark (trace/bench_test.go).
 *   bench getppid N     N getppid calls
 *   bench mix N         N rounds of openat/fstat/read/close + mmap/munmap
 *   bench fork N        N fork + exit + wait4
 *   bench threads T N   T threads, N getppid each
 * It prints "elapsed_ns N": the time of the workload itself, read through
 * the vDSO (untraced), so a tracer's start-up cost is not counted. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long n;

static void *spin(void *arg)
{
	(void)arg;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	const char *mode = argv[1];
	n = atol(argv[argc - 1]);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!strcmp(mode, "getppid")) {
		spin(0);
	} else if (!strcmp(mode, "mix")) {
		char buf[4096];
		struct stat st;
		for (long i = 0; i < n; i++) {
			int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
			fstat(fd, &st);
			read(fd, buf, sizeof buf);
			close(fd);
			void *p = mmap(0, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			((char *)p)[0] = 1;
			munmap(p, 65536);
		}
	} else if (!strcmp(mode, "fork")) {
		for (long i = 0; i < n; i++) {
			pid_t p = fork();
			if (p == 0)
				_exit(0);
			waitpid(p, 0, 0);
		}
	} else if (!strcmp(mode, "threads")) {
		int t = atoi(argv[2]);
		pthread_t th[64];
		for (int i = 0; i < t && i < 64; i++)
			pthread_create(&th[i], 0, spin, 0);
		for (int i = 0; i < t && i < 64; i++)
			pthread_join(th[i], 0);
	} else {
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("elapsed_ns %lld\n", (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec));
	return 0;
}
