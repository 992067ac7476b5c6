/* While a handler runs, its own signal is blocked unless SA_NODEFER is
 * given, and sa_mask adds more: a SIGUSR1 handler that raises SIGUSR1 again
 * finishes before the second delivery (maximum nesting depth 1, two runs);
 * with SA_NODEFER the second delivery nests inside the first (depth 2); a
 * handler with SIGUSR2 in sa_mask sees SIGUSR2 blocked inside and unblocked
 * after return; SA_RESETHAND restores SIG_DFL after the first delivery.
 * Syscalls: rt_sigaction (SA_NODEFER, SA_RESETHAND, sa_mask),
 * rt_sigprocmask, tgkill (raise).
 */
#include "../contract.h"
#include <signal.h>

static volatile int depth, maxdepth, runs, usr2_blocked;

static void h(int sig)
{
	depth++;
	runs++;
	if (depth > maxdepth)
		maxdepth = depth;
	if (runs == 1)
		raise(sig);
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	usr2_blocked = sigismember(&cur, SIGUSR2);
	depth--;
}

static void install(int flags, int mask_usr2)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (mask_usr2)
		sigaddset(&sa.sa_mask, SIGUSR2);
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	depth = maxdepth = runs = 0;
}

int main(void)
{
	install(0, 0);
	CHECK(raise(SIGUSR1) == 0);
	say("default: runs %d, max nesting %d", runs, maxdepth);
	CHECK(runs == 2 && maxdepth == 1);
	install(SA_NODEFER, 0);
	CHECK(raise(SIGUSR1) == 0);
	say("SA_NODEFER: runs %d, max nesting %d", runs, maxdepth);
	CHECK(runs == 2 && maxdepth == 2);

	install(0, 1);
	CHECK(raise(SIGUSR1) == 0);
	sigset_t cur;
	CHECK(sigprocmask(SIG_BLOCK, NULL, &cur) == 0);
	say("sa_mask SIGUSR2 blocked inside handler: %s, after return: %s", usr2_blocked ? "yes" : "no",
	    sigismember(&cur, SIGUSR2) ? "yes" : "no");
	CHECK(usr2_blocked && !sigismember(&cur, SIGUSR2));

	install(SA_RESETHAND, 0);
	runs = 1; /* do not re-raise */
	CHECK(raise(SIGUSR1) == 0);
	struct sigaction now;
	CHECK(sigaction(SIGUSR1, NULL, &now) == 0);
	say("SA_RESETHAND: disposition after delivery is %s", now.sa_handler == SIG_DFL ? "SIG_DFL" : "handler");
	CHECK(now.sa_handler == SIG_DFL && runs == 2);
	contract_pass();
	return 0;
}
