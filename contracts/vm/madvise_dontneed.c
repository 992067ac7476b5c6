/* madvise(MADV_DONTNEED) on a private anonymous mapping drops the pages, so
 * the next read sees zero-fill, while on a MAP_SHARED file mapping the data
 * comes back from the file. Unknown advice fails with EINVAL, and advice on an
 * unmapped range with ENOMEM. Syscalls: mmap, madvise (MADV_DONTNEED,
 * MADV_WILLNEED, MADV_NORMAL), mincore, openat, ftruncate, munmap.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *a = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED);
	memset(a, 'z', 2 * pg);
	CHECK(madvise(a, pg, MADV_DONTNEED) == 0);
	say("anonymous page after MADV_DONTNEED: %s", a[0] == 0 && a[pg - 1] == 0 ? "zero" : "kept");
	CHECK(a[0] == 0 && a[pg - 1] == 0);
	say("neighbouring page untouched: %c", a[pg]);
	CHECK(a[pg] == 'z');

	int fd = open("adv.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, pg) == 0);
	char *s = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(s != MAP_FAILED);
	s[0] = 'f';
	CHECK(madvise(s, pg, MADV_DONTNEED) == 0);
	say("shared file page after MADV_DONTNEED: %c", s[0]);
	CHECK(s[0] == 'f');

	CHECK(madvise(s, pg, MADV_WILLNEED) == 0);
	CHECK(madvise(s, pg, MADV_NORMAL) == 0);
	say("MADV_WILLNEED and MADV_NORMAL accepted");
	CHECK_ERR(madvise(a, pg, 12345), EINVAL);
	say("unknown advice: EINVAL");
	CHECK(munmap(a, 2 * pg) == 0);
	CHECK_ERR(madvise(a, pg, MADV_WILLNEED), ENOMEM);
	say("advice on unmapped range: ENOMEM");

	CHECK(munmap(s, pg) == 0);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
