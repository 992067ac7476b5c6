/* Checks that socketpair(AF_UNIX, SOCK_STREAM) returns two connected ends
 * that carry bytes in both directions, that shutdown(SHUT_WR) on one end makes
 * the peer's read return 0 (EOF) while the other direction keeps working, and
 * that SOCK_CLOEXEC sets FD_CLOEXEC. Syscalls: socketpair, write, read,
 * shutdown, fcntl(F_GETFD). */
#include "../contract.h"
#include <fcntl.h>
#include <sys/socket.h>

int main(void)
{
	int sv[2];
	char buf[16];

	CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	say("socketpair: ok");
	CHECK((fcntl(sv[0], F_GETFD) & FD_CLOEXEC) != 0);
	CHECK((fcntl(sv[1], F_GETFD) & FD_CLOEXEC) != 0);
	say("both ends close-on-exec: yes");

	CHECK(write(sv[0], "ping", 4) == 4);
	CHECK(read(sv[1], buf, sizeof buf) == 4);
	CHECK(memcmp(buf, "ping", 4) == 0);
	say("end0 -> end1: ping");
	CHECK(write(sv[1], "pong!", 5) == 5);
	CHECK(read(sv[0], buf, sizeof buf) == 5);
	CHECK(memcmp(buf, "pong!", 5) == 0);
	say("end1 -> end0: pong!");

	CHECK(shutdown(sv[0], SHUT_WR) == 0);
	CHECK(read(sv[1], buf, sizeof buf) == 0);
	say("read after peer SHUT_WR: 0 (eof)");
	CHECK(write(sv[1], "back", 4) == 4);
	CHECK(read(sv[0], buf, sizeof buf) == 4);
	CHECK(memcmp(buf, "back", 4) == 0);
	say("reverse direction after SHUT_WR: still works");

	CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);
	contract_pass();
	return 0;
}
