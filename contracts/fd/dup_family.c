/* dup, dup2 and dup3 create descriptors that share one open file: dup
 * returns the lowest free number; dup2 onto an open descriptor closes it
 * first and dup2(fd, fd) returns fd unchanged; dup3 with O_CLOEXEC sets
 * FD_CLOEXEC on the new descriptor only, dup3(fd, fd) fails with EINVAL and
 * unknown dup3 flags with EINVAL; all copies share the file offset and status
 * flags; dup of a closed descriptor and dup2 to a negative target fail with
 * EBADF. Syscalls: dup, dup2, dup3, openat, fcntl (F_GETFD, F_GETFL,
 * F_SETFL), lseek, close.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	int fd = open("dup.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	int hole = dup(fd);
	CHECK(hole > fd);
	int a = dup(fd);
	CHECK(close(hole) == 0);
	int b = dup(fd);
	say("dup reuses lowest free number: %s", b == hole ? "yes" : "no");
	CHECK(b == hole);

	int target = open("dup.dat", O_RDONLY);
	CHECK(target >= 0);
	CHECK(dup2(fd, target) == target);
	CHECK(write(fd, "abcdef", 6) == 6);
	say("dup2 target now shares offset: %ld", (long)lseek(target, 0, SEEK_CUR));
	CHECK(lseek(target, 0, SEEK_CUR) == 6);
	say("dup2(fd, fd) returns fd: %s", syscall(SYS_dup2, fd, fd) == fd ? "yes" : "no");
	CHECK(syscall(SYS_dup2, fd, fd) == fd);

	int c = dup3(fd, 50, O_CLOEXEC);
	CHECK(c == 50);
	say("dup3 O_CLOEXEC: new fd cloexec %d, old fd cloexec %d",
	    !!(fcntl(c, F_GETFD) & FD_CLOEXEC), !!(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	CHECK((fcntl(c, F_GETFD) & FD_CLOEXEC) && !(fcntl(fd, F_GETFD) & FD_CLOEXEC));
	CHECK_ERR(syscall(SYS_dup3, fd, fd, 0), EINVAL);
	say("dup3(fd, fd): EINVAL");
	CHECK_ERR(syscall(SYS_dup3, fd, 51, 0x4), EINVAL);
	say("dup3 unknown flag: EINVAL");

	CHECK(fcntl(a, F_SETFL, O_APPEND) == 0);
	say("status flags shared through dup: %s", fcntl(c, F_GETFL) & O_APPEND ? "yes" : "no");
	CHECK(fcntl(c, F_GETFL) & O_APPEND);

	CHECK(close(b) == 0);
	CHECK_ERR(dup(b), EBADF);
	say("dup of closed fd: EBADF");
	CHECK_ERR(dup2(fd, -1), EBADF);
	say("dup2 to negative target: EBADF");
	CHECK_ERR(dup2(b, 60), EBADF);
	say("dup2 from closed fd: EBADF");
	close(a);
	close(c);
	close(target);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
