/* close_range closes or marks whole ranges of descriptors: with
 * CLOSE_RANGE_CLOEXEC it sets FD_CLOEXEC on descriptors 30-32 and leaves them
 * open; without flags it closes 30-31 and leaves 32 and 33 alone; a range
 * with first > last fails with EINVAL and an unknown flag with EINVAL; a range
 * reaching ~0U is accepted. Syscalls: close_range (raw), dup2, fcntl
 * (F_GETFD).
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

int main(void)
{
	for (int i = 30; i <= 33; i++)
		CHECK(dup2(0, i) == i);
	CHECK(syscall(SYS_close_range, 30, 32, CLOSE_RANGE_CLOEXEC) == 0);
	say("CLOSE_RANGE_CLOEXEC 30-32: cloexec %d%d%d, 33 untouched %d",
	    fcntl(30, F_GETFD), fcntl(31, F_GETFD), fcntl(32, F_GETFD), fcntl(33, F_GETFD));
	CHECK(fcntl(30, F_GETFD) == FD_CLOEXEC && fcntl(32, F_GETFD) == FD_CLOEXEC && fcntl(33, F_GETFD) == 0);

	CHECK(syscall(SYS_close_range, 30, 31, 0) == 0);
	errno = 0;
	int a = fcntl(30, F_GETFD), ea = errno;
	say("30 after close_range 30-31: %s", a == -1 && ea == EBADF ? "closed" : "open");
	CHECK(a == -1 && ea == EBADF);
	CHECK(fcntl(31, F_GETFD) == -1);
	say("32 and 33 still open: %s", fcntl(32, F_GETFD) >= 0 && fcntl(33, F_GETFD) >= 0 ? "yes" : "no");
	CHECK(fcntl(32, F_GETFD) >= 0 && fcntl(33, F_GETFD) >= 0);

	CHECK_ERR(syscall(SYS_close_range, 33, 32, 0), EINVAL);
	say("first > last: EINVAL");
	CHECK_ERR(syscall(SYS_close_range, 32, 33, 0x80), EINVAL);
	say("unknown flag: EINVAL");
	CHECK(syscall(SYS_close_range, 32, ~0U, 0) == 0);
	say("range to ~0U closes the rest: %s", fcntl(32, F_GETFD) == -1 && fcntl(33, F_GETFD) == -1 ? "yes" : "no");
	CHECK(fcntl(33, F_GETFD) == -1);
	say("stdout survived: %s", fcntl(1, F_GETFD) >= 0 ? "yes" : "no");
	contract_pass();
	return 0;
}
