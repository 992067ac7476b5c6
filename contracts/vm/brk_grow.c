/* The program break moves with brk: query it with brk(0), grow it by four
 * pages and check the new memory is writable and zero, shrink it back and
 * check brk reports the old value. A request below the start of the data
 * segment is refused: the kernel leaves the break unchanged and returns the
 * current value (the raw syscall never returns -1). Syscall: brk (raw, via
 * syscall(SYS_brk), since libc wrappers hide the return value).
 */
#include "../contract.h"
#include <sys/syscall.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	unsigned long cur = (unsigned long)syscall(SYS_brk, 0);
	CHECK(cur != 0);
	unsigned long want = cur + 4 * pg;
	unsigned long got = (unsigned long)syscall(SYS_brk, want);
	say("brk grew to requested end: %s", got == want ? "yes" : "no");
	CHECK(got == want);

	char *p = (char *)cur;
	int zero = 1;
	for (long i = 0; i < 4 * pg; i++)
		if (p[i])
			zero = 0;
	say("new heap memory zero: %s", zero ? "yes" : "no");
	CHECK(zero);
	memset(p, 'b', 4 * pg);
	say("new heap memory writable: %s", p[4 * pg - 1] == 'b' ? "yes" : "no");

	got = (unsigned long)syscall(SYS_brk, cur);
	say("brk shrank back: %s", got == cur ? "yes" : "no");
	CHECK(got == cur);
	got = (unsigned long)syscall(SYS_brk, 4096);
	say("brk below data segment refused, break unchanged: %s", got == cur ? "yes" : "no");
	CHECK(got == cur);
	contract_pass();
	return 0;
}
