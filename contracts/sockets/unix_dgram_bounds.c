/* Checks that AF_UNIX SOCK_DGRAM and SOCK_SEQPACKET socketpairs keep message
 * boundaries: each recv returns one whole message, a short buffer truncates
 * the message (MSG_TRUNC in msg_flags) and drops its tail, MSG_PEEK leaves the
 * message queued, and a zero-length datagram is delivered as a 0-byte
 * message. Syscalls: socketpair, sendto, recvfrom, recvmsg. */
#include "../contract.h"
#include <sys/socket.h>
#include <sys/uio.h>

static void run(int type, const char *name)
{
	int sv[2];
	char buf[16];
	struct iovec iov = { .iov_base = buf, .iov_len = 3 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

	CHECK(socketpair(AF_UNIX, type, 0, sv) == 0);
	CHECK(send(sv[0], "abc", 3, 0) == 3);
	CHECK(send(sv[0], "defghij", 7, 0) == 7);
	CHECK(send(sv[0], "k", 1, 0) == 1);
	CHECK(send(sv[0], "", 0, 0) == 0);
	CHECK(send(sv[0], "end", 3, 0) == 3);

	CHECK(recv(sv[1], buf, sizeof buf, MSG_PEEK) == 3);
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 3 && memcmp(buf, "abc", 3) == 0);
	say("%s: peek then recv: abc", name);
	CHECK(recvmsg(sv[1], &m, 0) == 3);
	CHECK(memcmp(buf, "def", 3) == 0 && (m.msg_flags & MSG_TRUNC));
	say("%s: 7-byte message into 3 bytes: def, MSG_TRUNC set", name);
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 1 && buf[0] == 'k');
	say("%s: next message: k (tail dropped)", name);
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 0);
	say("%s: empty message: 0 bytes", name);
	CHECK(recv(sv[1], buf, sizeof buf, 0) == 3 && memcmp(buf, "end", 3) == 0);
	say("%s: last message: end", name);
	CHECK_ERR(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
	say("%s: queue empty: EAGAIN", name);
	close(sv[0]), close(sv[1]);
}

int main(void)
{
	run(SOCK_DGRAM, "dgram");
	run(SOCK_SEQPACKET, "seqpacket");
	contract_pass();
	return 0;
}
