/* Checks select/pselect6 fd_set results: a zero timeout on idle fds returns
 * 0 and clears the sets, ready fds are left set and counted once per set,
 * a positive timeout on an idle pipe elapses, and a closed fd in the set
 * fails with EBADF, nfds < 0 with EINVAL. Syscalls: pselect6 (select),
 * pipe2, write, close. */
#include "../contract.h"
#include <sys/select.h>

int main(void)
{
	int a[2], b[2];
	fd_set r, w;
	struct timeval tv = { 0, 0 };
	int n;

	CHECK(pipe2(a, 0) == 0 && pipe2(b, 0) == 0);
	n = (b[1] > a[1] ? b[1] : a[1]) + 1;

	FD_ZERO(&r);
	FD_SET(a[0], &r);
	FD_SET(b[0], &r);
	CHECK(select(n, &r, NULL, NULL, &tv) == 0);
	CHECK(!FD_ISSET(a[0], &r) && !FD_ISSET(b[0], &r));
	say("idle readers, zero timeout: 0, sets cleared");

	CHECK(write(b[1], "x", 1) == 1);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(a[0], &r);
	FD_SET(b[0], &r);
	FD_SET(a[1], &w);
	tv.tv_sec = 1;
	CHECK(select(n, &r, &w, NULL, &tv) == 2);
	CHECK(!FD_ISSET(a[0], &r) && FD_ISSET(b[0], &r) && FD_ISSET(a[1], &w));
	say("one readable + one writable: 2, only those bits set");

	FD_ZERO(&r);
	FD_SET(a[0], &r);
	tv.tv_sec = 0, tv.tv_usec = 20000;
	CHECK(select(n, &r, NULL, NULL, &tv) == 0);
	say("20ms timeout on idle pipe: 0");

	close(a[1]);
	FD_ZERO(&r);
	FD_SET(a[1], &r);
	tv.tv_sec = 0, tv.tv_usec = 0;
	CHECK_ERR(select(n, &r, NULL, NULL, &tv), EBADF);
	say("closed fd in set: EBADF");
	CHECK_ERR(select(-1, NULL, NULL, NULL, &tv), EINVAL);
	say("nfds -1: EINVAL");
	close(a[0]), close(b[0]), close(b[1]);
	contract_pass();
	return 0;
}
