/* sigaltstack moves signal handling onto a separate stack: after installing
 * a 64 KiB alternate stack, a handler registered with SA_ONSTACK runs with a
 * local variable inside that stack and sigaltstack(NULL, &old) inside the
 * handler reports SS_ONSTACK; a handler without SA_ONSTACK runs on the normal
 * stack; outside handlers the stack reads back with flags 0 and the given
 * size; SS_DISABLE removes it; a size below MINSIGSTKSZ fails with ENOMEM and
 * an unknown flag with EINVAL. Syscalls: sigaltstack, rt_sigaction
 * (SA_ONSTACK), tgkill (raise).
 */
#include "../contract.h"
#include <signal.h>
#include <stdint.h>
#include <sys/syscall.h>

static char *alt;
static size_t altsz = 64 * 1024;
static volatile int on_alt, flags_onstack;

static void handler(int sig)
{
	(void)sig;
	volatile char local;
	uintptr_t a = (uintptr_t)&local;
	on_alt = a >= (uintptr_t)alt && a < (uintptr_t)alt + altsz;
	stack_t cur;
	flags_onstack = sigaltstack(NULL, &cur) == 0 && (cur.ss_flags & SS_ONSTACK);
}

int main(void)
{
	alt = malloc(altsz);
	CHECK(alt != NULL);
	stack_t ss = {.ss_sp = alt, .ss_size = altsz, .ss_flags = 0}, old;
	CHECK(sigaltstack(&ss, NULL) == 0);
	CHECK(sigaltstack(NULL, &old) == 0);
	say("installed: flags %d, size matches %s", old.ss_flags, old.ss_size == altsz ? "yes" : "no");
	CHECK(old.ss_flags == 0 && old.ss_size == altsz && old.ss_sp == alt);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = SA_ONSTACK;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	sa.sa_flags = 0;
	CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);

	CHECK(raise(SIGUSR1) == 0);
	say("SA_ONSTACK handler on alternate stack: %s, SS_ONSTACK reported: %s", on_alt ? "yes" : "no",
	    flags_onstack ? "yes" : "no");
	CHECK(on_alt && flags_onstack);
	CHECK(raise(SIGUSR2) == 0);
	say("handler without SA_ONSTACK on alternate stack: %s", on_alt ? "yes" : "no");
	CHECK(!on_alt && !flags_onstack);

	stack_t dis = {.ss_flags = SS_DISABLE};
	CHECK(sigaltstack(&dis, NULL) == 0);
	CHECK(sigaltstack(NULL, &old) == 0);
	say("after SS_DISABLE: %s", old.ss_flags & SS_DISABLE ? "disabled" : "enabled");
	CHECK(old.ss_flags & SS_DISABLE);
	CHECK(raise(SIGUSR1) == 0);
	say("SA_ONSTACK handler with no alternate stack runs on normal stack: %s", !on_alt ? "yes" : "no");
	CHECK(!on_alt);

	stack_t small = {.ss_sp = alt, .ss_size = 512, .ss_flags = 0};
	CHECK_ERR(syscall(SYS_sigaltstack, &small, NULL), ENOMEM);
	say("size below MINSIGSTKSZ: ENOMEM");
	stack_t bad = {.ss_sp = alt, .ss_size = altsz, .ss_flags = 0x1234};
	CHECK_ERR(syscall(SYS_sigaltstack, &bad, NULL), EINVAL);
	say("unknown flag: EINVAL");
	free(alt);
	contract_pass();
	return 0;
}
