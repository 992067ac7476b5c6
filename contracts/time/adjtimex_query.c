/* adjtimex with modes 0 only reads the kernel clock state, so it needs no
 * privilege: it returns a clock state between TIME_OK and TIME_ERROR, fills a
 * timex whose time field agrees with CLOCK_REALTIME to within one second, and
 * reports a tick length near 10000 us (USER_HZ 100). clock_adjtime on
 * CLOCK_REALTIME with modes 0 does the same; on CLOCK_MONOTONIC, which
 * cannot be adjusted, it fails with EOPNOTSUPP, and on an unknown clock with
 * EINVAL. (Setting modes is not tested: its result depends on
 * privilege.) Syscalls: adjtimex, clock_adjtime, clock_gettime (all raw).
 */
#include "../contract.h"
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>

int main(void)
{
	struct timex tx;
	memset(&tx, 0, sizeof tx);
	long st = syscall(SYS_adjtimex, &tx);
	say("adjtimex(modes 0) state in TIME_OK..TIME_ERROR: %s", st >= TIME_OK && st <= TIME_ERROR ? "yes" : "no");
	CHECK(st >= TIME_OK && st <= TIME_ERROR);
	struct timespec ts;
	CHECK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts) == 0);
	say("timex time within 1 s of CLOCK_REALTIME: %s", ts.tv_sec - tx.time.tv_sec <= 1 && ts.tv_sec >= tx.time.tv_sec ? "yes" : "no");
	CHECK(ts.tv_sec >= tx.time.tv_sec && ts.tv_sec - tx.time.tv_sec <= 1);
	say("tick within 10%% of 10000 us: %s", tx.tick >= 9000 && tx.tick <= 11000 ? "yes" : "no");
	CHECK(tx.tick >= 9000 && tx.tick <= 11000);

	memset(&tx, 0, sizeof tx);
	st = syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	say("clock_adjtime(CLOCK_REALTIME, modes 0) state valid: %s", st >= TIME_OK && st <= TIME_ERROR ? "yes" : "no");
	CHECK(st >= TIME_OK && st <= TIME_ERROR);
	memset(&tx, 0, sizeof tx);
	CHECK_ERR(syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, &tx), EOPNOTSUPP);
	say("clock_adjtime(CLOCK_MONOTONIC): EOPNOTSUPP");
	CHECK_ERR(syscall(SYS_clock_adjtime, 12345, &tx), EINVAL);
	say("clock_adjtime(unknown clock): EINVAL");
	contract_pass();
	return 0;
}
