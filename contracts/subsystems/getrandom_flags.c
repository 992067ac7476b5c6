/* getrandom fills the buffer: two 32-byte reads differ (a collision has
 * probability 2^-256) and are not all zero; GRND_NONBLOCK and GRND_INSECURE
 * succeed once the pool is ready (always, after boot); a request of 0
 * bytes returns 0; an unknown flag, or GRND_INSECURE together with
 * GRND_RANDOM, fails with EINVAL; a bad buffer with EFAULT. Nothing random
 * is printed. Syscalls: getrandom.
 */
#include "../contract.h"
#include <sys/random.h>

#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif

int main(void)
{
	unsigned char a[32] = {0}, b[32] = {0}, zero[32] = {0};
	CHECK(syscall(SYS_getrandom, a, sizeof a, 0) == 32);
	CHECK(syscall(SYS_getrandom, b, sizeof b, 0) == 32);
	say("two reads differ: %s, non-zero: %s", memcmp(a, b, 32) ? "yes" : "no", memcmp(a, zero, 32) ? "yes" : "no");
	CHECK(memcmp(a, b, 32) != 0 && memcmp(a, zero, 32) != 0);
	CHECK(syscall(SYS_getrandom, a, sizeof a, GRND_NONBLOCK) == 32);
	CHECK(syscall(SYS_getrandom, a, sizeof a, GRND_INSECURE) == 32);
	CHECK(syscall(SYS_getrandom, a, 16, GRND_RANDOM | GRND_NONBLOCK) == 16);
	say("GRND_NONBLOCK, GRND_INSECURE, GRND_RANDOM|GRND_NONBLOCK: full reads");
	say("0 bytes: %ld", (long)syscall(SYS_getrandom, a, 0, 0));
	CHECK(syscall(SYS_getrandom, a, 0, 0) == 0);
	CHECK_ERR(syscall(SYS_getrandom, a, sizeof a, 0x100), EINVAL);
	CHECK_ERR(syscall(SYS_getrandom, a, sizeof a, GRND_INSECURE | GRND_RANDOM), EINVAL);
	say("unknown flag, or GRND_INSECURE|GRND_RANDOM: EINVAL");
	CHECK_ERR(syscall(SYS_getrandom, (void *)8, 16, 0), EFAULT);
	say("bad buffer: EFAULT");
	contract_pass();
	return 0;
}
