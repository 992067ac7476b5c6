/* Checks recv flags on an AF_UNIX stream: MSG_PEEK returns data without
 * consuming it, MSG_DONTWAIT on an empty blocking socket fails with EAGAIN
 * without changing O_NONBLOCK, MSG_WAITALL gathers bytes from several
 * writes, and FIONREAD reports the queued byte count. Syscalls:
 * socketpair, sendto, recvfrom, ioctl(FIONREAD), fcntl(F_GETFL). */
#include "../contract.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

int main(void)
{
	int sv[2], n;
	char buf[16];

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK_ERR(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
	CHECK((fcntl(sv[1], F_GETFL) & O_NONBLOCK) == 0);
	say("MSG_DONTWAIT on empty socket: EAGAIN, O_NONBLOCK still clear");

	CHECK(send(sv[0], "abcdef", 6, 0) == 6);
	CHECK(ioctl(sv[1], FIONREAD, &n) == 0 && n == 6);
	say("FIONREAD after 6-byte send: 6");
	CHECK(recv(sv[1], buf, 4, MSG_PEEK) == 4 && memcmp(buf, "abcd", 4) == 0);
	CHECK(ioctl(sv[1], FIONREAD, &n) == 0 && n == 6);
	say("MSG_PEEK 4: abcd, FIONREAD still 6");
	CHECK(recv(sv[1], buf, 2, 0) == 2 && memcmp(buf, "ab", 2) == 0);
	say("recv 2: ab");

	CHECK(send(sv[0], "gh", 2, 0) == 2);
	CHECK(send(sv[0], "ij", 2, 0) == 2);
	CHECK(recv(sv[1], buf, 8, MSG_WAITALL) == 8);
	CHECK(memcmp(buf, "cdefghij", 8) == 0);
	say("MSG_WAITALL 8 across three sends: cdefghij");
	CHECK(ioctl(sv[1], FIONREAD, &n) == 0 && n == 0);
	say("FIONREAD when drained: 0");
	close(sv[0]), close(sv[1]);
	contract_pass();
	return 0;
}
