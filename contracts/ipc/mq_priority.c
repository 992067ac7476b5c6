/* POSIX message queues deliver the highest priority first and, within a
 * priority, in send order; mq_receive reports the priority. mq_getattr
 * shows the attributes given to mq_open and the current message count; a
 * receive buffer smaller than mq_msgsize fails with EMSGSIZE, and so does a
 * message longer than mq_msgsize. O_CREAT|O_EXCL on an existing name fails
 * with EEXIST; after mq_unlink, opening without O_CREAT fails with ENOENT
 * while the open descriptor keeps working. The queue name is random and
 * unlinked on every exit path. Syscalls: mq_open, mq_timedsend,
 * mq_timedreceive, mq_getsetattr, mq_unlink, getrandom.
 */
#include "../contract.h"
#include <fcntl.h>
#include <mqueue.h>
#include <sys/random.h>

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
	struct mq_attr attr = {.mq_maxmsg = 8, .mq_msgsize = 32};
	mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr);
	CHECK(q != (mqd_t)-1);
	contract_on_fail(cleanup);

	CHECK(mq_send(q, "low-a", 6, 1) == 0);
	CHECK(mq_send(q, "high", 5, 9) == 0);
	CHECK(mq_send(q, "low-b", 6, 1) == 0);
	CHECK(mq_send(q, "mid", 4, 5) == 0);
	struct mq_attr got;
	CHECK(mq_getattr(q, &got) == 0);
	say("maxmsg %ld, msgsize %ld, curmsgs %ld, nonblocking %s", got.mq_maxmsg, got.mq_msgsize, got.mq_curmsgs,
	    got.mq_flags & O_NONBLOCK ? "yes" : "no");
	CHECK(got.mq_maxmsg == 8 && got.mq_msgsize == 32 && got.mq_curmsgs == 4);

	char small[8];
	CHECK_ERR(mq_receive(q, small, sizeof small, NULL), EMSGSIZE);
	say("receive buffer smaller than msgsize: EMSGSIZE");
	char big[40] = {0};
	CHECK_ERR(mq_send(q, big, 33, 0), EMSGSIZE);
	say("message longer than msgsize: EMSGSIZE");

	const char *want[] = {"high", "mid", "low-a", "low-b"};
	for (int i = 0; i < 4; i++) {
		char buf[32];
		unsigned prio;
		ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
		CHECK(n > 0);
		say("received %s (priority %u, %ld bytes)", buf, prio, (long)n);
		CHECK(strcmp(buf, want[i]) == 0);
	}

	CHECK(mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &attr) == (mqd_t)-1 && errno == EEXIST);
	say("O_CREAT|O_EXCL on the existing name: EEXIST");
	CHECK(mq_unlink(name) == 0);
	contract_on_fail(NULL);
	CHECK(mq_open(name, O_RDWR) == (mqd_t)-1 && errno == ENOENT);
	say("open after mq_unlink: ENOENT");
	CHECK_ERR(mq_unlink(name), ENOENT);
	CHECK(mq_send(q, "after", 6, 0) == 0);
	char buf[32];
	CHECK(mq_receive(q, buf, sizeof buf, NULL) == 6);
	say("unlinked queue still works through its descriptor: %s", buf);
	CHECK(mq_close(q) == 0);
	contract_pass();
	return 0;
}
