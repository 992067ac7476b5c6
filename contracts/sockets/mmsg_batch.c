/* sendmmsg sends several datagrams in one call and returns how many went;
 * recvmmsg receives up to vlen datagrams, one per mmsghdr, filling each
 * msg_len and keeping message boundaries. With MSG_DONTWAIT on an empty
 * socket recvmmsg fails with EAGAIN; with MSG_WAITFORONE it returns after
 * the first datagram even when vlen asks for more. On a stream socket pair
 * sendmmsg works too, but the receiver sees a byte stream. Syscalls:
 * sendmmsg, recvmmsg, socketpair, read.
 */
#include "../contract.h"
#include <sys/socket.h>

int main(void)
{
	int sv[2];
	CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
	char *words[] = {"one", "three", "seven"};
	struct iovec iov[3];
	struct mmsghdr out[3];
	memset(out, 0, sizeof out);
	for (int i = 0; i < 3; i++) {
		iov[i].iov_base = words[i];
		iov[i].iov_len = strlen(words[i]);
		out[i].msg_hdr.msg_iov = &iov[i];
		out[i].msg_hdr.msg_iovlen = 1;
	}
	/* musl's sendmmsg loops over sendmsg on 64-bit targets; the
	 * contract is about the syscall. */
	int n = syscall(SYS_sendmmsg, sv[0], out, 3, 0);
	say("sendmmsg of 3 datagrams: %d", n);
	CHECK(n == 3);
	say("msg_len filled by sendmmsg: %u %u %u", out[0].msg_len, out[1].msg_len, out[2].msg_len);
	CHECK(out[0].msg_len == 3 && out[1].msg_len == 5 && out[2].msg_len == 5);

	char buf[4][16];
	struct iovec riov[4];
	struct mmsghdr in[4];
	memset(in, 0, sizeof in);
	memset(buf, 0, sizeof buf);
	for (int i = 0; i < 4; i++) {
		riov[i].iov_base = buf[i];
		riov[i].iov_len = sizeof buf[i];
		in[i].msg_hdr.msg_iov = &riov[i];
		in[i].msg_hdr.msg_iovlen = 1;
	}
	n = recvmmsg(sv[1], in, 2, 0, NULL);
	say("recvmmsg with vlen 2: %d: %s (%u), %s (%u)", n, buf[0], in[0].msg_len, buf[1], in[1].msg_len);
	CHECK(n == 2 && strcmp(buf[0], "one") == 0 && strcmp(buf[1], "three") == 0 && in[1].msg_len == 5);
	n = recvmmsg(sv[1], in, 4, MSG_WAITFORONE, NULL);
	say("MSG_WAITFORONE with vlen 4 and one queued: %d: %s", n, buf[0]);
	CHECK(n == 1 && strncmp(buf[0], "seven", 5) == 0);
	CHECK_ERR(recvmmsg(sv[1], in, 4, MSG_DONTWAIT, NULL), EAGAIN);
	say("MSG_DONTWAIT on an empty socket: EAGAIN");
	close(sv[0]);
	close(sv[1]);

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(syscall(SYS_sendmmsg, sv[0], out, 3, 0) == 3);
	char all[32] = {0};
	ssize_t r = read(sv[1], all, sizeof all);
	say("stream receiver reads %ld bytes: %s", (long)r, all);
	CHECK(r == 13 && strcmp(all, "onethreeseven") == 0);
	contract_pass();
	return 0;
}
