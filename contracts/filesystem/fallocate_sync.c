/* fallocate reserves space and fsync/fdatasync flush: fallocate(0, 0, 8192)
 * grows an empty file to 8192 bytes that read as zero; FALLOC_FL_KEEP_SIZE
 * allocates beyond the end without changing st_size; FALLOC_FL_PUNCH_HOLE
 * (with KEEP_SIZE) zeroes a range of written data while the size stays;
 * fsync, fdatasync and sync_file_range succeed on the file. fallocate with
 * length 0 fails with EINVAL, on a read-only descriptor with EBADF, on a pipe
 * with ESPIPE; fsync on a pipe fails with EINVAL. Syscalls: fallocate,
 * fsync, fdatasync, sync_file_range, openat, pwrite64, pread64, fstat,
 * pipe2.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/stat.h>

static long size_of(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	int fd = open("fa.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	if (fallocate(fd, 0, 0, 8192) != 0 && errno == EOPNOTSUPP)
		say("CONTRACT_FAIL fallocate unsupported by the file system of the working directory");
	CHECK(size_of(fd) == 8192);
	say("size after fallocate 8192: %ld", size_of(fd));
	char buf[16];
	CHECK(pread(fd, buf, sizeof buf, 4000) == sizeof buf);
	say("allocated bytes read zero: %s", buf[0] == 0 && buf[15] == 0 ? "yes" : "no");
	CHECK(buf[0] == 0 && buf[15] == 0);
	CHECK(fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 8192) == 0);
	say("size after KEEP_SIZE allocation: %ld", size_of(fd));
	CHECK(size_of(fd) == 8192);

	memset(buf, 'd', sizeof buf);
	CHECK(pwrite(fd, buf, sizeof buf, 4096) == sizeof buf);
	CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 4096, 4096) == 0);
	memset(buf, 'x', sizeof buf);
	CHECK(pread(fd, buf, sizeof buf, 4096) == sizeof buf);
	say("punched range reads zero: %s, size %ld", buf[0] == 0 && buf[15] == 0 ? "yes" : "no", size_of(fd));
	CHECK(buf[0] == 0 && size_of(fd) == 8192);

	CHECK(fsync(fd) == 0 && fdatasync(fd) == 0);
	CHECK(sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE) == 0);
	say("fsync, fdatasync, sync_file_range: ok");

	CHECK_ERR(fallocate(fd, 0, 0, 0), EINVAL);
	say("fallocate length 0: EINVAL");
	int ro = open("fa.dat", O_RDONLY);
	CHECK(ro >= 0);
	CHECK_ERR(fallocate(ro, 0, 0, 4096), EBADF);
	say("fallocate on read-only descriptor: EBADF");
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK_ERR(fallocate(p[1], 0, 0, 4096), ESPIPE);
	say("fallocate on a pipe: ESPIPE");
	CHECK_ERR(fsync(p[1]), EINVAL);
	say("fsync on a pipe: EINVAL");
	close(p[0]);
	close(p[1]);
	close(ro);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
