/* MAP_PRIVATE is copy-on-write per mapping: map one file twice with
 * MAP_PRIVATE, write through the first mapping and check that the second
 * mapping and the file (read back with pread) still hold the old bytes, while
 * a MAP_SHARED mapping of the same file writes through to the file and is seen
 * by a later read. Syscalls: openat, pwrite64, mmap (MAP_PRIVATE, MAP_SHARED),
 * pread64, munmap, close.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("cow.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	char buf[16];
	memset(buf, 'o', sizeof buf);
	CHECK(pwrite(fd, buf, sizeof buf, 0) == (ssize_t)sizeof buf);
	CHECK(ftruncate(fd, pg) == 0);

	char *p1 = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *p2 = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(p1 != MAP_FAILED && p2 != MAP_FAILED);
	CHECK(p1[0] == 'o' && p2[0] == 'o');
	p1[0] = 'X';
	say("private write visible in own mapping: %c", p1[0]);
	say("other private mapping sees: %c", p2[0]);
	CHECK(p2[0] == 'o');
	CHECK(pread(fd, buf, 1, 0) == 1);
	say("file after private write: %c", buf[0]);
	CHECK(buf[0] == 'o');

	char *s = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED);
	s[1] = 'S';
	CHECK(pread(fd, buf, 2, 0) == 2);
	say("file after shared write: %c%c", buf[0], buf[1]);
	CHECK(buf[1] == 'S');
	say("untouched private mapping sees shared write: %c", p2[1]);
	CHECK(p2[1] == 'S');
	say("copied private page keeps its copy: %c", p1[1]);
	CHECK(p1[1] == 'o');

	CHECK(munmap(p1, pg) == 0 && munmap(p2, pg) == 0 && munmap(s, pg) == 0);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
