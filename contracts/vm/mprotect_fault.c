/* mprotect changes what an access may do, and a forbidden access raises
 * SIGSEGV with the right si_code: write to a page, make it PROT_READ and check
 * reading still works while a write faults with SEGV_ACCERR at the exact
 * address; make it PROT_NONE and check a read faults too; restore
 * PROT_READ|PROT_WRITE and check the old contents are intact. An access to an
 * unmapped page faults with SEGV_MAPERR, and mprotect on an unaligned address
 * fails with EINVAL. Syscalls: mmap, mprotect, munmap, rt_sigaction.
 */
#include "../contract.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>

static sigjmp_buf jb;
static volatile int got_code;
static void *volatile got_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got_code = si->si_code;
	got_addr = si->si_addr;
	siglongjmp(jb, 1);
}

static const char *code_name(int c)
{
	return c == SEGV_ACCERR ? "SEGV_ACCERR" : c == SEGV_MAPERR ? "SEGV_MAPERR" : "other";
}

/* probe performs one access and reports whether it faulted. */
static int probe(volatile char *p, int write)
{
	got_code = 0;
	got_addr = NULL;
	if (sigsetjmp(jb, 1) == 0) {
		if (write)
			*p = 'w';
		else
			(void)*p;
		return 0;
	}
	return 1;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);

	char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	p[10] = 'k';
	CHECK(mprotect(p, pg, PROT_READ) == 0);
	say("read of PROT_READ page faults: %s", probe(p + 10, 0) ? "yes" : "no");
	CHECK(!probe(p + 10, 0));
	int f = probe(p + 20, 1);
	say("write to PROT_READ page faults: %s %s", f ? "yes" : "no", code_name(got_code));
	CHECK(f && got_code == SEGV_ACCERR);
	say("fault address is the written byte: %s", got_addr == p + 20 ? "yes" : "no");
	CHECK(got_addr == p + 20);

	CHECK(mprotect(p, pg, PROT_NONE) == 0);
	f = probe(p + 10, 0);
	say("read of PROT_NONE page faults: %s %s", f ? "yes" : "no", code_name(got_code));
	CHECK(f && got_code == SEGV_ACCERR);

	CHECK(mprotect(p, pg, PROT_READ | PROT_WRITE) == 0);
	say("contents after restoring: %c", p[10]);
	CHECK(p[10] == 'k' && !probe(p + 20, 1));
	say("second page unaffected by mprotect: %s", !probe(p + pg, 1) ? "yes" : "no");

	CHECK(munmap(p + pg, pg) == 0);
	f = probe(p + pg, 0);
	say("read of unmapped page faults: %s %s", f ? "yes" : "no", code_name(got_code));
	CHECK(f && got_code == SEGV_MAPERR);

	/* musl's mprotect() rounds the address down, so use the raw syscall. */
	CHECK_ERR(syscall(SYS_mprotect, p + 1, pg, PROT_READ), EINVAL);
	say("mprotect unaligned address: EINVAL");
	CHECK(munmap(p, pg) == 0);
	contract_pass();
	return 0;
}
