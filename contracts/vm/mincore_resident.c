/* mincore reports which pages of a mapping are resident: a freshly mapped
 * anonymous region has no resident pages, touching one page makes exactly
 * that page resident, and after MADV_DONTNEED it is gone again. An unaligned
 * address fails with EINVAL and a range that is not mapped with ENOMEM.
 * Syscalls: mmap, mincore, madvise, munmap.
 */
#include "../contract.h"
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	unsigned char v[4];
	CHECK(mincore(p, 4 * pg, v) == 0);
	say("resident before touch: %d%d%d%d", v[0] & 1, v[1] & 1, v[2] & 1, v[3] & 1);
	CHECK(!(v[0] & 1) && !(v[1] & 1) && !(v[2] & 1) && !(v[3] & 1));

	p[2 * pg] = 1;
	CHECK(mincore(p, 4 * pg, v) == 0);
	say("resident after touching page 2: %d%d%d%d", v[0] & 1, v[1] & 1, v[2] & 1, v[3] & 1);
	CHECK(!(v[0] & 1) && !(v[1] & 1) && (v[2] & 1) && !(v[3] & 1));

	CHECK(madvise(p, 4 * pg, MADV_DONTNEED) == 0);
	CHECK(mincore(p, 4 * pg, v) == 0);
	say("resident after MADV_DONTNEED: %d%d%d%d", v[0] & 1, v[1] & 1, v[2] & 1, v[3] & 1);
	CHECK(!(v[2] & 1));

	CHECK_ERR(mincore(p + 1, pg, v), EINVAL);
	say("unaligned address: EINVAL");
	CHECK(munmap(p + 3 * pg, pg) == 0);
	CHECK_ERR(mincore(p, 4 * pg, v), ENOMEM);
	say("range with unmapped page: ENOMEM");
	CHECK(munmap(p, 3 * pg) == 0);
	contract_pass();
	return 0;
}
