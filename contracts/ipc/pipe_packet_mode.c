/* pipe2 with O_DIRECT makes a packet-mode pipe: each write is one packet,
 * a read returns at most one packet even when more are queued and the
 * buffer is larger, and a read with a buffer smaller than the packet
 * returns the first bytes and discards the rest of that packet. An ordinary
 * pipe merges the two writes into one read. Packet mode belongs to the
 * write end: F_GETFL shows O_DIRECT there (not on the read end), and
 * F_SETFL on the write end turns it on and off. Syscalls: pipe2, write, read,
 * fcntl.
 */
#include "../contract.h"
#include <fcntl.h>

int main(void)
{
	int p[2];
	CHECK(pipe2(p, O_DIRECT) == 0);
	say("F_GETFL of the write end has O_DIRECT: %s", fcntl(p[1], F_GETFL) & O_DIRECT ? "yes" : "no");
	CHECK(fcntl(p[1], F_GETFL) & O_DIRECT);
	say("F_GETFL of the read end has O_DIRECT: %s", fcntl(p[0], F_GETFL) & O_DIRECT ? "yes" : "no");
	CHECK(write(p[1], "first", 5) == 5 && write(p[1], "second", 6) == 6);
	char buf[64] = {0};
	ssize_t n = read(p[0], buf, sizeof buf);
	say("packet read 1: %ld bytes \"%.*s\"", (long)n, (int)(n > 0 ? n : 0), buf);
	CHECK(n == 5 && memcmp(buf, "first", 5) == 0);
	n = read(p[0], buf, sizeof buf);
	say("packet read 2: %ld bytes \"%.*s\"", (long)n, (int)(n > 0 ? n : 0), buf);
	CHECK(n == 6 && memcmp(buf, "second", 6) == 0);

	CHECK(write(p[1], "truncated", 9) == 9 && write(p[1], "next", 4) == 4);
	n = read(p[0], buf, 3);
	say("3-byte read of a 9-byte packet: \"%.*s\"", (int)(n > 0 ? n : 0), buf);
	CHECK(n == 3 && memcmp(buf, "tru", 3) == 0);
	n = read(p[0], buf, sizeof buf);
	say("next read: \"%.*s\" (rest of the packet discarded)", (int)(n > 0 ? n : 0), buf);
	CHECK(n == 4 && memcmp(buf, "next", 4) == 0);
	close(p[0]);
	close(p[1]);

	int q[2];
	CHECK(pipe2(q, 0) == 0);
	CHECK(write(q[1], "first", 5) == 5 && write(q[1], "second", 6) == 6);
	n = read(q[0], buf, sizeof buf);
	say("ordinary pipe read: %ld bytes", (long)n);
	CHECK(n == 11);
	CHECK(fcntl(q[1], F_SETFL, O_DIRECT) == 0 && (fcntl(q[1], F_GETFL) & O_DIRECT));
	CHECK(write(q[1], "ab", 2) == 2 && write(q[1], "cd", 2) == 2);
	n = read(q[0], buf, sizeof buf);
	say("after F_SETFL O_DIRECT on the write end: %ld bytes", (long)n);
	CHECK(n == 2);
	CHECK(fcntl(q[1], F_SETFL, 0) == 0 && !(fcntl(q[1], F_GETFL) & O_DIRECT));
	say("F_SETFL 0 clears O_DIRECT: yes");
	contract_pass();
	return 0;
}
