// decode.c: one call of each value the decoding acceptance test of
// issue 3 names. Built with glibc's gcc: glibc's pthread_create uses
// clone3. The output path is argv[1].
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

static void *thread(void *arg) { return arg; }

int main(int argc, char **argv) {
	if (argc != 2) {
		fprintf(stderr, "usage: decode FILE\n");
		return 2;
	}
	int fd = syscall(SYS_openat, AT_FDCWD, argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		perror("openat");
		return 1;
	}
	close(fd);
	int s = syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0) {
		perror("socket");
		return 1;
	}
	if (syscall(SYS_fcntl, s, F_SETFL, O_NONBLOCK) != 0) {
		perror("fcntl");
		return 1;
	}
	close(s);
	// Standard input is not a terminal in the test: ENOTTY is fine, the
	// request is what is decoded.
	struct winsize ws;
	syscall(SYS_ioctl, 0, TIOCGWINSZ, &ws);
	int word = 0;
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	pthread_t t;
	if (pthread_create(&t, NULL, thread, NULL) != 0) {
		fprintf(stderr, "pthread_create failed\n");
		return 1;
	}
	pthread_join(t, NULL);
	return 0;
}
