/* POSIX message queue limits and timeouts: mq_timedreceive on an empty
 * queue with an absolute deadline already past fails with ETIMEDOUT, and
 * mq_timedsend on a full queue likewise; after mq_setattr sets O_NONBLOCK
 * both fail at once with EAGAIN instead, and mq_setattr returns the old
 * flags. A deadline with tv_nsec out of range fails with EINVAL when the
 * call would block. Opening a read-only queue descriptor and sending fails
 * with EBADF. Syscalls: mq_open, mq_timedsend, mq_timedreceive,
 * mq_getsetattr, mq_unlink, getrandom.
 */
#include "../contract.h"
#include <fcntl.h>
#include <mqueue.h>
#include <sys/random.h>
#include <time.h>

static char name[64];

static void cleanup(void)
{
	mq_unlink(name);
}

int main(void)
{
	unsigned long long r;
	CHECK(getrandom(&r, sizeof r, 0) == sizeof r);
	snprintf(name, sizeof name, "/syscov-mq-%016llx", r);
	struct mq_attr attr = {.mq_maxmsg = 2, .mq_msgsize = 16};
	mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	CHECK(q != (mqd_t)-1);
	contract_on_fail(cleanup);
	mqd_t ro = mq_open(name, O_RDONLY);
	CHECK(ro != (mqd_t)-1);
	CHECK(mq_unlink(name) == 0); /* the descriptors keep the queue alive */
	contract_on_fail(NULL);

	struct timespec past;
	CHECK(clock_gettime(CLOCK_REALTIME, &past) == 0);
	past.tv_sec -= 1;
	char buf[16];
	CHECK_ERR(mq_timedreceive(q, buf, sizeof buf, NULL, &past), ETIMEDOUT);
	say("timed receive on an empty queue: ETIMEDOUT");
	struct timespec bad = {past.tv_sec, 2000000000L};
	CHECK_ERR(mq_timedreceive(q, buf, sizeof buf, NULL, &bad), EINVAL);
	say("deadline with tv_nsec out of range: EINVAL");

	CHECK(mq_send(q, "a", 1, 0) == 0 && mq_send(q, "b", 1, 0) == 0);
	CHECK_ERR(mq_timedsend(q, "c", 1, 0, &past), ETIMEDOUT);
	say("timed send on a full queue: ETIMEDOUT");
	CHECK_ERR(mq_send(ro, "c", 1, 0), EBADF);
	say("send on a read-only descriptor: EBADF");

	struct mq_attr nb = {.mq_flags = O_NONBLOCK}, old;
	CHECK(mq_setattr(q, &nb, &old) == 0);
	say("old flags nonblocking: %s", old.mq_flags & O_NONBLOCK ? "yes" : "no");
	CHECK(!(old.mq_flags & O_NONBLOCK));
	CHECK_ERR(mq_send(q, "c", 1, 0), EAGAIN);
	say("nonblocking send on a full queue: EAGAIN");
	CHECK(mq_receive(q, buf, sizeof buf, NULL) == 1 && mq_receive(q, buf, sizeof buf, NULL) == 1);
	CHECK_ERR(mq_receive(q, buf, sizeof buf, NULL), EAGAIN);
	say("nonblocking receive on an empty queue: EAGAIN");
	struct mq_attr now;
	CHECK(mq_getattr(q, &now) == 0);
	say("flags now nonblocking: %s, curmsgs %ld", now.mq_flags & O_NONBLOCK ? "yes" : "no", now.mq_curmsgs);
	CHECK((now.mq_flags & O_NONBLOCK) && now.mq_curmsgs == 0);
	CHECK(mq_close(q) == 0 && mq_close(ro) == 0);
	contract_pass();
	return 0;
}
