/* membarrier: MEMBARRIER_CMD_QUERY returns a bit mask of the supported
 * commands, which includes GLOBAL and PRIVATE_EXPEDITED on current kernels;
 * PRIVATE_EXPEDITED before registering fails with EPERM, and after
 * REGISTER_PRIVATE_EXPEDITED succeeds, also with a second thread running.
 * An unknown command fails with EINVAL. Only the bits checked are printed
 * (the full mask depends on the kernel's configuration). Syscalls:
 * membarrier, clone (pthread_create), futex.
 */
#include "../contract.h"
#include <linux/membarrier.h>
#include <pthread.h>

static long mb(int cmd)
{
	return syscall(SYS_membarrier, cmd, 0, 0);
}

static void *idle(void *arg)
{
	return arg;
}

int main(void)
{
	long mask = mb(MEMBARRIER_CMD_QUERY);
	CHECK(mask >= 0);
	say("QUERY lists GLOBAL: %s, PRIVATE_EXPEDITED: %s", mask & MEMBARRIER_CMD_GLOBAL ? "yes" : "no",
	    mask & MEMBARRIER_CMD_PRIVATE_EXPEDITED ? "yes" : "no");
	CHECK((mask & MEMBARRIER_CMD_GLOBAL) && (mask & MEMBARRIER_CMD_PRIVATE_EXPEDITED));
	CHECK_ERR(mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED), EPERM);
	say("PRIVATE_EXPEDITED before registering: EPERM");
	CHECK(mb(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0);
	CHECK(mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0);
	say("after REGISTER_PRIVATE_EXPEDITED: ok");
	pthread_t t;
	CHECK(pthread_create(&t, NULL, idle, NULL) == 0);
	CHECK(mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	say("with a second thread: ok");
	CHECK_ERR(mb(1 << 20), EINVAL);
	say("unknown command: EINVAL");
	contract_pass();
	return 0;
}
