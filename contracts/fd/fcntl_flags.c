/* fcntl reads and changes descriptor and status flags: F_GETFL reports the
 * access mode and O_APPEND given to open; F_SETFL turns O_NONBLOCK on (a read
 * of an empty pipe then fails with EAGAIN) and off, and silently ignores the
 * access mode bits; F_SETFD/F_GETFD toggle FD_CLOEXEC; F_DUPFD and
 * F_DUPFD_CLOEXEC return the lowest free descriptor at or above the
 * argument. An unknown command fails with EINVAL and a closed descriptor with
 * EBADF. Syscalls: fcntl (F_GETFL, F_SETFL, F_GETFD, F_SETFD, F_DUPFD,
 * F_DUPFD_CLOEXEC), openat, pipe2, read.
 */
#include "../contract.h"
#include <fcntl.h>

int main(void)
{
	int fd = open("fl.dat", O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0600);
	CHECK(fd >= 0);
	int fl = fcntl(fd, F_GETFL);
	say("access mode O_WRONLY: %s, O_APPEND: %s", (fl & O_ACCMODE) == O_WRONLY ? "yes" : "no",
	    fl & O_APPEND ? "yes" : "no");
	CHECK((fl & O_ACCMODE) == O_WRONLY && (fl & O_APPEND));
	CHECK(fcntl(fd, F_SETFL, O_RDWR) == 0);
	fl = fcntl(fd, F_GETFL);
	say("F_SETFL cannot change access mode: %s; O_APPEND cleared: %s",
	    (fl & O_ACCMODE) == O_WRONLY ? "yes" : "no", fl & O_APPEND ? "no" : "yes");
	CHECK((fl & O_ACCMODE) == O_WRONLY && !(fl & O_APPEND));

	int p[2];
	CHECK(pipe(p) == 0);
	CHECK(fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK) == 0);
	char c;
	CHECK_ERR(read(p[0], &c, 1), EAGAIN);
	say("O_NONBLOCK via F_SETFL, empty pipe read: EAGAIN");
	CHECK(fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) & ~O_NONBLOCK) == 0);
	say("O_NONBLOCK cleared: %s", fcntl(p[0], F_GETFL) & O_NONBLOCK ? "no" : "yes");

	say("FD_CLOEXEC initially: %d", fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
	say("FD_CLOEXEC after F_SETFD: %d", fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);

	int d = fcntl(fd, F_DUPFD, 40);
	say("F_DUPFD 40: %d, cloexec %d", d, fcntl(d, F_GETFD) & FD_CLOEXEC);
	CHECK(d == 40 && fcntl(d, F_GETFD) == 0);
	int e = fcntl(fd, F_DUPFD_CLOEXEC, 40);
	say("F_DUPFD_CLOEXEC 40 with 40 taken: %d, cloexec %d", e, fcntl(e, F_GETFD) & FD_CLOEXEC);
	CHECK(e == 41 && fcntl(e, F_GETFD) == FD_CLOEXEC);

	CHECK_ERR(fcntl(fd, 0x7777), EINVAL);
	say("unknown command: EINVAL");
	CHECK(close(e) == 0);
	CHECK_ERR(fcntl(e, F_GETFD), EBADF);
	say("closed descriptor: EBADF");
	close(d);
	close(p[0]);
	close(p[1]);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
