/* Checks personality: querying with 0xffffffff returns the current
 * persona without changing it, its base (PER_MASK part) is PER_LINUX;
 * setting ADDR_NO_RANDOMIZE returns the previous persona and the flag reads
 * back; restoring the previous value works; a child created by fork
 * inherits the persona. Only the base persona and flag deltas are printed,
 * since the caller may run under setarch. Syscalls: personality, fork,
 * wait4. */
#include "../contract.h"
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static long query(void) { return syscall(SYS_personality, 0xffffffffUL); }

int main(void)
{
	long orig, r;
	int st;
	pid_t p;

	orig = query();
	CHECK(orig >= 0 && query() == orig);
	say("query twice: same value");
	CHECK((orig & PER_MASK) == PER_LINUX);
	say("base persona: PER_LINUX");

	r = syscall(SYS_personality, (unsigned long)(orig | ADDR_NO_RANDOMIZE));
	CHECK(r == orig);
	say("set ADDR_NO_RANDOMIZE: returns previous persona");
	CHECK(query() & ADDR_NO_RANDOMIZE);
	say("ADDR_NO_RANDOMIZE reads back set");

	p = fork();
	CHECK(p >= 0);
	if (p == 0)
		_exit(query() & ADDR_NO_RANDOMIZE ? 0 : 1);
	CHECK(waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	say("forked child inherits the flag");

	CHECK(syscall(SYS_personality, (unsigned long)orig) == (orig | ADDR_NO_RANDOMIZE));
	CHECK(query() == orig);
	say("restored original persona");
	contract_pass();
	return 0;
}
