/* MAP_FIXED replaces whatever was mapped at the requested address: mmap a
 * three-page anonymous region, fill it, then map one fresh anonymous page with
 * MAP_FIXED over the middle page and check the kernel returned exactly that
 * address, that the new page reads as zeros and that the neighbouring pages
 * kept their contents. MAP_FIXED_NOREPLACE over the same range must fail with
 * EEXIST, and MAP_FIXED with an unaligned address with EINVAL. Syscalls: mmap
 * (MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, MAP_FIXED_NOREPLACE), munmap.
 */
#include "../contract.h"
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *base = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(base != MAP_FAILED);
	memset(base, 'a', 3 * pg);

	char *mid = mmap(base + pg, pg, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(mid != MAP_FAILED);
	say("MAP_FIXED returned requested address: %s", mid == base + pg ? "yes" : "no");
	CHECK(mid == base + pg);

	int zero = 1;
	for (long i = 0; i < pg; i++)
		if (mid[i] != 0)
			zero = 0;
	say("replaced page reads zero: %s", zero ? "yes" : "no");
	CHECK(zero);
	say("neighbours kept contents: %s",
	    base[0] == 'a' && base[pg - 1] == 'a' && base[2 * pg] == 'a' &&
			    base[3 * pg - 1] == 'a' ? "yes" : "no");
	CHECK(base[0] == 'a' && base[3 * pg - 1] == 'a');

	errno = 0;
	void *r = mmap(base + pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	say("MAP_FIXED_NOREPLACE over mapping: %s", r == MAP_FAILED && errno == EEXIST ? "EEXIST" : "unexpected");
	CHECK(r == MAP_FAILED && errno == EEXIST);

	CHECK_ERR(mmap(base + 1, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED ? -1 : 0, EINVAL);
	say("MAP_FIXED unaligned address: EINVAL");

	CHECK(munmap(base, 3 * pg) == 0);
	contract_pass();
	return 0;
}
