/* Checks timerfd on CLOCK_MONOTONIC: a disarmed timer reports zero in
 * timerfd_gettime and EAGAIN on a non-blocking read; a 10 ms one-shot timer
 * becomes readable and reads an expiration count of 1, after which it is
 * disarmed; an interval timer accumulates several expirations; bad clocks
 * and flags give EINVAL. Syscalls: timerfd_create, timerfd_settime,
 * timerfd_gettime, read, poll. */
#include "../contract.h"
#include <poll.h>
#include <stdint.h>
#include <sys/timerfd.h>
#include <time.h>

int main(void)
{
	int t;
	uint64_t n;
	struct itimerspec its = { 0 }, cur;
	struct pollfd p;

	t = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	CHECK(t >= 0);
	CHECK(timerfd_gettime(t, &cur) == 0);
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
	say("new timer: disarmed");
	CHECK_ERR(read(t, &n, 8), EAGAIN);
	say("read disarmed timer: EAGAIN");

	its.it_value.tv_nsec = 10 * 1000 * 1000;
	CHECK(timerfd_settime(t, 0, &its, NULL) == 0);
	CHECK(timerfd_gettime(t, &cur) == 0);
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0 &&
	      cur.it_value.tv_nsec <= 10 * 1000 * 1000);
	say("armed 10ms: remaining in (0, 10ms]");
	p.fd = t, p.events = POLLIN;
	CHECK(poll(&p, 1, 2000) == 1 && (p.revents & POLLIN));
	CHECK(read(t, &n, 8) == 8 && n == 1);
	say("after expiry: expirations 1");
	CHECK(timerfd_gettime(t, &cur) == 0 && cur.it_value.tv_sec == 0 &&
	      cur.it_value.tv_nsec == 0);
	say("one-shot: disarmed after expiry");

	its.it_value.tv_nsec = 1000 * 1000;
	its.it_interval.tv_nsec = 1000 * 1000;
	CHECK(timerfd_settime(t, 0, &its, NULL) == 0);
	CHECK(poll(&p, 1, 2000) == 1);
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	CHECK(read(t, &n, 8) == 8 && n >= 2);
	say("1ms interval after ~10ms: at least 2 expirations");
	memset(&its, 0, sizeof its);
	CHECK(timerfd_settime(t, 0, &its, &cur) == 0);
	CHECK(cur.it_interval.tv_nsec == 1000 * 1000);
	say("disarm returns old interval 1ms");

	CHECK_ERR(timerfd_create(12345, 0), EINVAL);
	say("timerfd_create bad clock: EINVAL");
	CHECK_ERR(timerfd_create(CLOCK_MONOTONIC, 0x4000000), EINVAL);
	say("timerfd_create bad flag: EINVAL");
	its.it_value.tv_nsec = 1000000000;
	CHECK_ERR(timerfd_settime(t, 0, &its, NULL), EINVAL);
	say("settime tv_nsec = 1e9: EINVAL");
	close(t);
	contract_pass();
	return 0;
}
