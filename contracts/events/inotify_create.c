/* Checks inotify on the current directory: IN_CREATE, IN_MODIFY,
 * IN_CLOSE_WRITE and IN_DELETE events arrive in order with the file name,
 * the same watch descriptor and no spurious events, inotify_rm_watch
 * produces IN_IGNORED, and watching a missing path fails with ENOENT.
 * Syscalls: inotify_init1, inotify_add_watch, inotify_rm_watch, openat,
 * write, close, unlinkat, read. */
#include "../contract.h"
#include <fcntl.h>
#include <sys/inotify.h>

static char buf[4096] __attribute__((aligned(8)));
static int off, len;

static struct inotify_event *next(int fd)
{
	struct inotify_event *e;
	if (off >= len) {
		len = read(fd, buf, sizeof buf);
		CHECK(len > 0);
		off = 0;
	}
	e = (struct inotify_event *)(buf + off);
	off += sizeof *e + e->len;
	return e;
}

static void expect(int fd, int wd, uint32_t mask, const char *name, const char *label)
{
	struct inotify_event *e = next(fd);
	CHECK(e->wd == wd);
	CHECK(e->mask == mask);
	if (name)
		CHECK(e->len > 0 && strcmp(e->name, name) == 0);
	else
		CHECK(e->len == 0);
	say("event: %s%s%s", label, name ? " " : "", name ? name : "");
}

int main(void)
{
	int in, wd, f;

	in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	CHECK(in >= 0);
	wd = inotify_add_watch(in, ".", IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_DELETE);
	CHECK(wd >= 0);
	CHECK_ERR(read(in, buf, sizeof buf), EAGAIN);
	say("no events yet: EAGAIN");

	f = open("watched", O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK(f >= 0);
	CHECK(write(f, "x", 1) == 1);
	CHECK(close(f) == 0);
	CHECK(unlink("watched") == 0);
	expect(in, wd, IN_CREATE, "watched", "IN_CREATE");
	expect(in, wd, IN_MODIFY, "watched", "IN_MODIFY");
	expect(in, wd, IN_CLOSE_WRITE, "watched", "IN_CLOSE_WRITE");
	expect(in, wd, IN_DELETE, "watched", "IN_DELETE");
	CHECK(off == len);
	CHECK_ERR(read(in, buf, sizeof buf), EAGAIN);
	say("no further events");

	CHECK(inotify_rm_watch(in, wd) == 0);
	off = len = 0;
	expect(in, wd, IN_IGNORED, NULL, "IN_IGNORED");
	CHECK_ERR(inotify_rm_watch(in, wd), EINVAL);
	say("second rm_watch: EINVAL");
	CHECK_ERR(inotify_add_watch(in, "no-such-dir", IN_CREATE), ENOENT);
	say("watch missing path: ENOENT");
	close(in);
	contract_pass();
	return 0;
}
