/* mremap resizes and moves mappings while keeping their contents: grow a
 * two-page anonymous mapping to eight pages with MREMAP_MAYMOVE, check the old
 * bytes survived and the new tail reads zero; shrink it back in place to one
 * page; move it to a chosen free address with MREMAP_FIXED; and check that
 * growing without MREMAP_MAYMOVE when the next page is taken fails with ENOMEM
 * and that an unaligned old address fails with EINVAL. Syscalls: mmap,
 * mremap (0, MREMAP_MAYMOVE, MREMAP_FIXED), munmap.
 */
#include "../contract.h"
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	memset(p, 'm', 2 * pg);

	char *q = mremap(p, 2 * pg, 8 * pg, MREMAP_MAYMOVE);
	CHECK(q != MAP_FAILED);
	say("grown mapping keeps contents: %s", q[0] == 'm' && q[2 * pg - 1] == 'm' ? "yes" : "no");
	CHECK(q[0] == 'm' && q[2 * pg - 1] == 'm');
	say("grown tail reads zero: %s", q[2 * pg] == 0 && q[8 * pg - 1] == 0 ? "yes" : "no");
	CHECK(q[2 * pg] == 0 && q[8 * pg - 1] == 0);

	char *r = mremap(q, 8 * pg, pg, 0);
	say("shrink stays in place: %s", r == q ? "yes" : "no");
	CHECK(r == q);

	/* Reserve a destination range, then move the page onto it. */
	char *dst = mmap(NULL, 4 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(dst != MAP_FAILED);
	char *m = mremap(r, pg, pg, MREMAP_MAYMOVE | MREMAP_FIXED, dst + pg);
	say("MREMAP_FIXED moved to requested address: %s", m == dst + pg ? "yes" : "no");
	CHECK(m == dst + pg);
	say("moved page keeps contents: %c", m[0]);
	CHECK(m[0] == 'm');

	/* dst+2pg is still mapped (PROT_NONE), so growing in place cannot work. */
	CHECK_ERR(mremap(m, pg, 2 * pg, 0) == MAP_FAILED ? -1 : 0, ENOMEM);
	say("grow in place into taken range: ENOMEM");
	CHECK_ERR(mremap(m + 1, pg, pg, 0) == MAP_FAILED ? -1 : 0, EINVAL);
	say("unaligned old address: EINVAL");

	CHECK(munmap(dst, 4 * pg) == 0);
	contract_pass();
	return 0;
}
