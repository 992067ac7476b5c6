/* Flushing calls: sync always succeeds; syncfs, fsync and fdatasync on a
 * regular file succeed and keep the data readable; fsync and fdatasync on a
 * pipe fail with EINVAL (nothing to flush), syncfs on a pipe succeeds (it
 * flushes the pipe's pseudo file system); on a closed descriptor all fail
 * with EBADF. Syscalls: sync, syncfs, fsync, fdatasync, pipe, open,
 * write, pread64.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void)
{
	int fd = open("data", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "flushed", 7) == 7);
	sync();
	say("sync: returns");
	CHECK(syscall(SYS_syncfs, fd) == 0);
	CHECK(fsync(fd) == 0);
	CHECK(fdatasync(fd) == 0);
	say("syncfs, fsync, fdatasync on a file: ok");
	char buf[8] = {0};
	CHECK(pread(fd, buf, 7, 0) == 7 && strcmp(buf, "flushed") == 0);

	int p[2];
	CHECK(pipe(p) == 0);
	CHECK_ERR(fsync(p[1]), EINVAL);
	CHECK_ERR(fdatasync(p[1]), EINVAL);
	say("fsync and fdatasync on a pipe: EINVAL");
	CHECK(syscall(SYS_syncfs, p[1]) == 0);
	say("syncfs on a pipe: ok");
	CHECK(close(fd) == 0);
	CHECK_ERR(syscall(SYS_syncfs, fd), EBADF);
	CHECK_ERR(fsync(fd), EBADF);
	CHECK_ERR(fdatasync(fd), EBADF);
	say("closed descriptor: EBADF");
	contract_pass();
	return 0;
}
