/* A pseudo-terminal pair: posix_openpt opens /dev/ptmx; TIOCGPTN gives the
 * pty number (not printed) and TIOCSPTLCK unlocks it, after which the
 * /dev/pts/N slave opens; TCGETS on the slave reports canonical mode with
 * echo, isatty is true for it and false for a pipe (ENOTTY); in canonical
 * mode a read on the master side's input waits for a whole line; after
 * TCSETS turns ICANON and ECHO off, a single byte is readable at once;
 * TIOCSWINSZ sets a window size that TIOCGWINSZ reads back. Output written
 * to the slave arrives at the master with "\n" turned into "\r\n" (ONLCR).
 * Syscalls: open (ptmx, pts), ioctl (TIOCGPTN, TIOCSPTLCK, TCGETS, TCSETS,
 * TIOCGWINSZ, TIOCSWINSZ, FIONREAD), read, write, pipe, poll.
 */
#include "../contract.h"
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0);
	unsigned n;
	CHECK(ioctl(m, TIOCGPTN, &n) == 0);
	int lock = 0;
	CHECK(ioctl(m, TIOCSPTLCK, &lock) == 0);
	char path[32];
	snprintf(path, sizeof path, "/dev/pts/%u", n);
	int s = open(path, O_RDWR | O_NOCTTY);
	CHECK(s >= 0);
	say("TIOCGPTN, TIOCSPTLCK unlock, slave opens: yes");

	struct termios t;
	CHECK(ioctl(s, TCGETS, &t) == 0);
	say("slave starts canonical with echo: %s", (t.c_lflag & ICANON) && (t.c_lflag & ECHO) ? "yes" : "no");
	CHECK((t.c_lflag & ICANON) && (t.c_lflag & ECHO));
	int p[2];
	CHECK(pipe(p) == 0);
	int tty = isatty(s);
	errno = 0;
	int notty = isatty(p[0]) == 0 && errno == ENOTTY;
	say("isatty: slave %s, pipe %s", tty == 1 ? "yes" : "no", notty ? "no (ENOTTY)" : "unexpected");
	CHECK(tty == 1 && notty);

	/* Canonical: a partial line is not readable on the slave yet. */
	t.c_lflag &= ~ECHO;
	CHECK(ioctl(s, TCSETS, &t) == 0);
	CHECK(write(m, "par", 3) == 3);
	int avail = -1;
	CHECK(ioctl(s, FIONREAD, &avail) == 0);
	say("canonical mode, partial line: %d bytes readable", avail);
	CHECK(avail == 0);
	CHECK(write(m, "tial\n", 5) == 5);
	char buf[32] = {0};
	ssize_t r = read(s, buf, sizeof buf);
	say("after the newline: read %ld bytes", (long)r);
	CHECK(r == 8 && memcmp(buf, "partial\n", 8) == 0);

	t.c_lflag &= ~ICANON;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	CHECK(ioctl(s, TCSETS, &t) == 0);
	CHECK(ioctl(s, TCGETS, &t) == 0 && !(t.c_lflag & ICANON));
	CHECK(write(m, "k", 1) == 1);
	r = read(s, buf, sizeof buf);
	say("raw mode: a single byte reads at once: %s", r == 1 && buf[0] == 'k' ? "yes" : "no");
	CHECK(r == 1 && buf[0] == 'k');

	CHECK(write(s, "out\n", 4) == 4);
	memset(buf, 0, sizeof buf);
	/* The output may reach the master in pieces: collect 5 bytes. */
	r = 0;
	while (r < 5) {
		struct pollfd pf = {m, POLLIN, 0};
		if (poll(&pf, 1, 5000) != 1)
			break;
		ssize_t k = read(m, buf + r, sizeof buf - 1 - r);
		if (k <= 0)
			break;
		r += k;
	}
	say("slave output at the master: %ld bytes, ends with \\r\\n: %s", (long)r, r == 5 && memcmp(buf, "out\r\n", 5) == 0 ? "yes" : "no");
	CHECK(r == 5 && memcmp(buf, "out\r\n", 5) == 0);

	struct winsize ws = {.ws_row = 40, .ws_col = 132}, got = {0};
	CHECK(ioctl(m, TIOCSWINSZ, &ws) == 0 && ioctl(s, TIOCGWINSZ, &got) == 0);
	say("window size set on the master, read on the slave: %ux%u", got.ws_col, got.ws_row);
	CHECK(got.ws_row == 40 && got.ws_col == 132);
	CHECK_ERR(ioctl(p[0], TCGETS, &t), ENOTTY);
	say("TCGETS on a pipe: ENOTTY");
	contract_pass();
	return 0;
}
