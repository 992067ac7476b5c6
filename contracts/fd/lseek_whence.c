/* lseek positions the file offset: SEEK_SET, SEEK_CUR and SEEK_END compute
 * the documented positions, seeking past the end is allowed and a write there
 * leaves a hole, SEEK_DATA and SEEK_HOLE find the data at 0 and the
 * (implicit) hole at end of file, and a resulting negative offset fails with
 * EINVAL, an unknown whence with EINVAL, SEEK_DATA at end of file with ENXIO,
 * and lseek on a pipe with ESPIPE. Two descriptors from separate opens have
 * independent offsets, but a dup shares one. Syscalls: openat, write,
 * lseek (SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE), dup, pipe2.
 */
#include "../contract.h"
#include <fcntl.h>

int main(void)
{
	int fd = open("seek.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "0123456789", 10) == 10);
	say("SEEK_SET 3: %ld", (long)lseek(fd, 3, SEEK_SET));
	say("SEEK_CUR +4: %ld", (long)lseek(fd, 4, SEEK_CUR));
	say("SEEK_END -2: %ld", (long)lseek(fd, -2, SEEK_END));
	CHECK(lseek(fd, 0, SEEK_CUR) == 8);
	char c;
	CHECK(read(fd, &c, 1) == 1);
	say("byte at 8: %c", c);
	CHECK(c == '8');

	CHECK(lseek(fd, 20, SEEK_END) == 30);
	CHECK(write(fd, "E", 1) == 1);
	say("size after write past end: %ld", (long)lseek(fd, 0, SEEK_END));
	CHECK(lseek(fd, 0, SEEK_END) == 31);
	say("SEEK_DATA from 0: %ld", (long)lseek(fd, 0, SEEK_DATA));
	CHECK(lseek(fd, 0, SEEK_DATA) == 0);
	off_t h = lseek(fd, 0, SEEK_HOLE);
	say("SEEK_HOLE from 0 is at or before end: %s", h > 0 && h <= 31 ? "yes" : "no");
	CHECK(h > 0 && h <= 31);
	CHECK_ERR(lseek(fd, 31, SEEK_DATA), ENXIO);
	say("SEEK_DATA at end of file: ENXIO");

	CHECK_ERR(lseek(fd, -100, SEEK_END), EINVAL);
	say("negative result: EINVAL");
	CHECK_ERR(lseek(fd, 0, 77), EINVAL);
	say("unknown whence: EINVAL");
	say("offset unchanged after failures: %ld", (long)lseek(fd, 0, SEEK_CUR));

	int other = open("seek.dat", O_RDONLY);
	int dupd = dup(fd);
	CHECK(other >= 0 && dupd >= 0);
	CHECK(lseek(fd, 5, SEEK_SET) == 5);
	say("separate open has own offset: %ld", (long)lseek(other, 0, SEEK_CUR));
	CHECK(lseek(other, 0, SEEK_CUR) == 0);
	say("dup shares offset: %ld", (long)lseek(dupd, 0, SEEK_CUR));
	CHECK(lseek(dupd, 0, SEEK_CUR) == 5);

	int p[2];
	CHECK(pipe(p) == 0);
	CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
	say("lseek on pipe: ESPIPE");
	close(p[0]);
	close(p[1]);
	close(other);
	close(dupd);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
