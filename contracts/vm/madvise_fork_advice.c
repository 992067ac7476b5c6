/* madvise advice that changes what fork does with a private anonymous
 * mapping: after MADV_WIPEONFORK the child sees zeros where the parent has
 * data (the parent keeps its data), MADV_KEEPONFORK undoes it; after
 * MADV_DONTFORK the mapping is absent in the child (touching it raises
 * SIGSEGV), MADV_DOFORK undoes it. MADV_WIPEONFORK on a shared mapping
 * fails with EINVAL, and so does an unknown advice. MADV_FREE, MADV_COLD
 * and MADV_PAGEOUT succeed and never lose data written after them.
 * Syscalls: madvise, mmap, munmap, fork, wait4, prctl.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#ifndef MADV_COLD
#define MADV_COLD 20
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

/* child runs fn in a fork and returns its wait status. */
static int child(char *p, int (*fn)(char *))
{
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); /* no core dump on SIGSEGV */
		signal(SIGSEGV, SIG_DFL);
		_exit(fn(p));
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	return st;
}

static int sees_data(char *p)
{
	return p[0] == 'D' && p[4095] == 'E' ? 0 : 1;
}

static int sees_zeros(char *p)
{
	return p[0] == 0 && p[4095] == 0 ? 0 : 1;
}

static int exited0(int st)
{
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	p[0] = 'D';
	p[4095] = 'E';

	CHECK(madvise(p, pg, MADV_WIPEONFORK) == 0);
	int st = child(p, sees_zeros);
	say("MADV_WIPEONFORK: child sees zeros %s, parent keeps data %s", exited0(st) ? "yes" : "no", sees_data(p) == 0 ? "yes" : "no");
	CHECK(exited0(st) && sees_data(p) == 0);
	CHECK(madvise(p, pg, MADV_KEEPONFORK) == 0);
	st = child(p, sees_data);
	say("MADV_KEEPONFORK: child sees the data %s", exited0(st) ? "yes" : "no");
	CHECK(exited0(st));

	CHECK(madvise(p, pg, MADV_DONTFORK) == 0);
	st = child(p, sees_data);
	say("MADV_DONTFORK: child touching the range gets %s", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV ? "SIGSEGV" : "no fault");
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	CHECK(madvise(p, pg, MADV_DOFORK) == 0);
	st = child(p, sees_data);
	say("MADV_DOFORK: child sees the data %s", exited0(st) ? "yes" : "no");
	CHECK(exited0(st));

	char *sh = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(sh != MAP_FAILED);
	CHECK_ERR(madvise(sh, pg, MADV_WIPEONFORK), EINVAL);
	say("MADV_WIPEONFORK on a shared mapping: EINVAL");
	CHECK_ERR(madvise(p, pg, 999), EINVAL);
	say("unknown advice: EINVAL");

	int adv[] = {MADV_FREE, MADV_COLD, MADV_PAGEOUT};
	for (int i = 0; i < 3; i++) {
		CHECK(madvise(p, pg, adv[i]) == 0);
		p[1] = 'x';
		CHECK(p[1] == 'x');
	}
	say("MADV_FREE, MADV_COLD, MADV_PAGEOUT: ok, later writes kept");
	CHECK(munmap(sh, pg) == 0 && munmap(p, pg) == 0);
	contract_pass();
	return 0;
}
