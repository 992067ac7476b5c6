/* pread64 and pwrite64 use an explicit offset and leave the file offset
 * alone: after write("0123456789") the offset is 10; pwrite at offset 2 and
 * pread at offset 1 do not move it; pwrite past the end extends the file and
 * leaves a zero-filled gap; pread at or beyond end of file returns 0. A
 * negative offset fails with EINVAL, and on a pipe both fail with ESPIPE.
 * Syscalls: openat, write, pwrite64, pread64, lseek, fstat, pipe2.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
	int fd = open("pio.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "0123456789", 10) == 10);
	CHECK(pwrite(fd, "AB", 2, 2) == 2);
	say("offset after pwrite: %ld", (long)lseek(fd, 0, SEEK_CUR));
	CHECK(lseek(fd, 0, SEEK_CUR) == 10);
	char buf[32] = {0};
	CHECK(pread(fd, buf, 4, 1) == 4);
	say("pread(4, offset 1): %s", buf);
	CHECK(strcmp(buf, "1AB4") == 0);
	say("offset after pread: %ld", (long)lseek(fd, 0, SEEK_CUR));
	CHECK(lseek(fd, 0, SEEK_CUR) == 10);

	CHECK(pwrite(fd, "Z", 1, 14) == 1);
	struct stat st;
	CHECK(fstat(fd, &st) == 0);
	say("size after pwrite at 14: %ld", (long)st.st_size);
	CHECK(st.st_size == 15);
	memset(buf, 'x', sizeof buf);
	CHECK(pread(fd, buf, sizeof buf, 9) == 6);
	say("gap bytes zero: %s", buf[1] == 0 && buf[4] == 0 && buf[5] == 'Z' ? "yes" : "no");
	CHECK(buf[0] == '9' && buf[1] == 0 && buf[2] == 0 && buf[3] == 0 && buf[4] == 0 && buf[5] == 'Z');
	say("pread at end of file: %ld", (long)pread(fd, buf, 4, 15));
	CHECK(pread(fd, buf, 4, 15) == 0 && pread(fd, buf, 4, 1000) == 0);

	CHECK_ERR(syscall(SYS_pread64, fd, buf, 1, -1L), EINVAL);
	say("negative offset: EINVAL");
	int p[2];
	CHECK(pipe(p) == 0);
	CHECK_ERR(pwrite(p[1], "x", 1, 0), ESPIPE);
	CHECK_ERR(pread(p[0], buf, 1, 0), ESPIPE);
	say("pread/pwrite on a pipe: ESPIPE");
	close(p[0]);
	close(p[1]);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
