/* A MAP_SHARED file mapping and the file are the same data: bytes written
 * with write() are visible in an existing mapping, bytes stored through the
 * mapping are visible to read() and survive munmap, and msync(MS_SYNC) and
 * msync(MS_ASYNC) succeed on the range. msync with both MS_SYNC and MS_ASYNC
 * fails with EINVAL, and on an unmapped range with ENOMEM. Syscalls: openat,
 * ftruncate, mmap (MAP_SHARED), pwrite64, pread64, msync, munmap.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("sync.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, 2 * pg) == 0);
	char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);

	CHECK(pwrite(fd, "hello", 5, pg) == 5);
	say("mapping sees pwrite: %.5s", m + pg);
	CHECK(memcmp(m + pg, "hello", 5) == 0);

	memcpy(m, "mapped", 6);
	CHECK(msync(m, pg, MS_SYNC) == 0);
	CHECK(msync(m, 2 * pg, MS_ASYNC) == 0);
	say("msync MS_SYNC and MS_ASYNC: ok");
	char buf[8] = {0};
	CHECK(pread(fd, buf, 6, 0) == 6);
	say("pread sees store: %s", buf);
	CHECK(strcmp(buf, "mapped") == 0);

	CHECK_ERR(msync(m, pg, MS_SYNC | MS_ASYNC), EINVAL);
	say("MS_SYNC|MS_ASYNC: EINVAL");
	CHECK(munmap(m, 2 * pg) == 0);
	CHECK_ERR(msync(m, pg, MS_SYNC), ENOMEM);
	say("msync unmapped range: ENOMEM");

	memset(buf, 0, sizeof buf);
	CHECK(pread(fd, buf, 6, 0) == 6);
	say("data after munmap: %s", buf);
	CHECK(strcmp(buf, "mapped") == 0);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
