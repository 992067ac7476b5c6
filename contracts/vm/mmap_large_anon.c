/* A large anonymous mapping is page aligned, zero filled and lazily backed:
 * map 256 MiB PROT_READ|PROT_WRITE, check the address is page aligned, read a
 * byte from every 1 MiB step (all zero), write a marker into a few pages
 * spread over the range and read them back, and check with mincore that a
 * written page is resident. Then build a 2 MiB-aligned 2 MiB window the way
 * allocators do (map 4 MiB, munmap the unaligned head and tail) and check the
 * window is usable and the page after it is gone. Syscalls: mmap
 * (MAP_NORESERVE), mincore, munmap.
 */
#include "../contract.h"
#include <stdint.h>
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	size_t len = 256UL << 20;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK(p != MAP_FAILED);
	say("256 MiB mapping page aligned: %s", ((uintptr_t)p % pg) == 0 ? "yes" : "no");
	CHECK(((uintptr_t)p % pg) == 0);

	int zero = 1;
	for (size_t off = 0; off < len; off += 1UL << 20)
		if (p[off + 123] != 0)
			zero = 0;
	say("sampled bytes read zero: %s", zero ? "yes" : "no");
	CHECK(zero);

	for (int i = 0; i < 4; i++)
		p[(size_t)i * (64UL << 20)] = (unsigned char)(i + 1);
	int back = 1;
	for (int i = 0; i < 4; i++)
		if (p[(size_t)i * (64UL << 20)] != i + 1)
			back = 0;
	say("markers read back: %s", back ? "yes" : "no");
	CHECK(back);

	unsigned char vec;
	CHECK(mincore(p, pg, &vec) == 0);
	say("written page resident: %s", (vec & 1) ? "yes" : "no");
	CHECK(vec & 1);

	/* Over-map 4 MiB and trim to a 2 MiB aligned 2 MiB window. */
	size_t two = 2UL << 20;
	unsigned char *o = mmap(NULL, 2 * two, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(o != MAP_FAILED);
	uintptr_t a = ((uintptr_t)o + two - 1) & ~(uintptr_t)(two - 1);
	size_t head = a - (uintptr_t)o, tail = 2 * two - head - two;
	if (head)
		CHECK(munmap(o, head) == 0);
	if (tail)
		CHECK(munmap((void *)(a + two), tail) == 0);
	((unsigned char *)a)[0] = 1;
	((unsigned char *)a)[two - 1] = 2;
	say("trimmed 2 MiB window usable: %s", ((unsigned char *)a)[two - 1] == 2 ? "yes" : "no");
	CHECK(mincore((void *)(a + two), pg, &vec) == -1 && errno == ENOMEM);
	say("page after trimmed window unmapped: ENOMEM from mincore");

	CHECK(munmap((void *)a, two) == 0);
	CHECK(munmap(p, len) == 0);
	contract_pass();
	return 0;
}
