/* ioctl on pipes and files answers generic requests and refuses terminal
 * ones: FIONREAD on a pipe counts the unread bytes (0, then 5, then 2 after
 * reading 3); FIONREAD on a regular file is accepted; TIOCGWINSZ and TCGETS
 * on a pipe and on a regular file fail with ENOTTY (isatty is false); FIONBIO
 * toggles O_NONBLOCK; FIOCLEX sets FD_CLOEXEC; a closed descriptor fails with
 * EBADF. Syscalls: ioctl (FIONREAD, TIOCGWINSZ, TCGETS, FIONBIO, FIOCLEX),
 * pipe2, openat, fcntl.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	int n = -1;
	CHECK(ioctl(p[0], FIONREAD, &n) == 0);
	say("FIONREAD empty pipe: %d", n);
	CHECK(n == 0);
	CHECK(write(p[1], "hello", 5) == 5);
	CHECK(ioctl(p[0], FIONREAD, &n) == 0);
	say("FIONREAD after write 5: %d", n);
	CHECK(n == 5);
	char buf[3];
	CHECK(read(p[0], buf, 3) == 3);
	CHECK(ioctl(p[0], FIONREAD, &n) == 0);
	say("FIONREAD after read 3: %d", n);
	CHECK(n == 2);

	struct winsize ws;
	CHECK_ERR(ioctl(p[0], TIOCGWINSZ, &ws), ENOTTY);
	say("TIOCGWINSZ on pipe: ENOTTY");
	struct termios t;
	CHECK_ERR(ioctl(p[1], TCGETS, &t), ENOTTY);
	say("TCGETS on pipe: ENOTTY");

	int fd = open("ioctl.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "abcd", 4) == 4);
	CHECK(ioctl(fd, FIONREAD, &n) == 0);
	say("FIONREAD on regular file accepted");
	CHECK_ERR(ioctl(fd, TIOCGWINSZ, &ws), ENOTTY);
	say("TIOCGWINSZ on regular file: ENOTTY");
	say("isatty(file): %d", isatty(fd));

	int on = 1;
	CHECK(ioctl(p[0], FIONBIO, &on) == 0);
	say("FIONBIO sets O_NONBLOCK: %s", fcntl(p[0], F_GETFL) & O_NONBLOCK ? "yes" : "no");
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	CHECK(ioctl(fd, FIOCLEX) == 0);
	say("FIOCLEX sets FD_CLOEXEC: %s", fcntl(fd, F_GETFD) & FD_CLOEXEC ? "yes" : "no");
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);

	CHECK(close(fd) == 0);
	CHECK_ERR(ioctl(fd, FIONREAD, &n), EBADF);
	say("ioctl on closed descriptor: EBADF");
	close(p[0]);
	close(p[1]);
	contract_pass();
	return 0;
}
