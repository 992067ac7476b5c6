/* fanotify in file-handle mode, which Linux allows without privilege since
 * 5.13: fanotify_init(FAN_CLASS_NOTIF|FAN_REPORT_FID) gives a group, an
 * inode mark (fanotify_mark FAN_MARK_ADD, FAN_CREATE|FAN_DELETE|FAN_ONDIR)
 * on a directory reports a file created and then deleted in it (read after
 * each change, since queued events on one directory may merge), each event
 * with fd FAN_NOFD and a file-handle info record; a mount mark needs
 * CAP_SYS_ADMIN (EPERM without, allowed with; same line either way);
 * removing the mark with FAN_MARK_REMOVE stops events, and a mark on a
 * missing path fails with ENOENT. FAN_CLASS_CONTENT without privilege fails
 * with EPERM. Syscalls: fanotify_init, fanotify_mark, read, open,
 * unlink, mkdir, capget.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/capability.h>
#include <poll.h>
#include <sys/fanotify.h>
#include <sys/stat.h>

/* events reads what is queued and returns the OR of the event masks,
 * checking each event's fd and info record. */
static unsigned long long events(int g, int *count)
{
	char buf[4096] __attribute__((aligned(8)));
	unsigned long long mask = 0;
	*count = 0;
	struct pollfd p = {g, POLLIN, 0};
	while (poll(&p, 1, 0) == 1) {
		ssize_t n = read(g, buf, sizeof buf);
		CHECK(n > 0);
		for (struct fanotify_event_metadata *m = (void *)buf; FAN_EVENT_OK(m, n); m = FAN_EVENT_NEXT(m, n)) {
			CHECK(m->vers == FANOTIFY_METADATA_VERSION && m->fd == FAN_NOFD);
			CHECK(m->event_len > m->metadata_len);
			struct fanotify_event_info_header *h = (void *)((char *)m + m->metadata_len);
			CHECK(h->info_type == FAN_EVENT_INFO_TYPE_FID);
			mask |= m->mask;
			(*count)++;
		}
	}
	return mask;
}

int main(void)
{
	int g = fanotify_init(FAN_CLASS_NOTIF | FAN_REPORT_FID, O_RDONLY);
	CHECK(g >= 0);
	CHECK(mkdir("watched", 0700) == 0);
	CHECK(fanotify_mark(g, FAN_MARK_ADD, FAN_CREATE | FAN_DELETE | FAN_ONDIR, AT_FDCWD, "watched") == 0);
	int fd = open("watched/file", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	close(fd);
	int n;
	unsigned long long m = events(g, &n);
	say("after create: %d event, FAN_CREATE %s", n, m == FAN_CREATE ? "yes" : "no");
	CHECK(n == 1 && m == FAN_CREATE);
	/* Read before the next change: events on one directory may merge. */
	CHECK(unlink("watched/file") == 0);
	m = events(g, &n);
	say("after unlink: %d event, FAN_DELETE %s", n, m == FAN_DELETE ? "yes" : "no");
	CHECK(n == 1 && m == FAN_DELETE);

	CHECK(fanotify_mark(g, FAN_MARK_REMOVE, FAN_CREATE | FAN_DELETE | FAN_ONDIR, AT_FDCWD, "watched") == 0);
	fd = open("watched/again", O_CREAT | O_WRONLY, 0600);
	CHECK(fd >= 0);
	close(fd);
	events(g, &n);
	say("after FAN_MARK_REMOVE: %d events", n);
	CHECK(n == 0);
	CHECK_ERR(fanotify_mark(g, FAN_MARK_ADD, FAN_CREATE, AT_FDCWD, "missing"), ENOENT);
	say("mark on a missing path: ENOENT");

	errno = 0;
	int r = fanotify_mark(g, FAN_MARK_ADD | FAN_MARK_MOUNT, FAN_OPEN, AT_FDCWD, ".");
	int admin = contract_has_cap(CAP_SYS_ADMIN);
	CHECK(admin ? r == 0 : r == -1 && errno == EPERM);
	if (!admin) {
		CHECK_ERR(fanotify_init(FAN_CLASS_CONTENT, O_RDONLY), EPERM);
	}
	say("mount marks and FAN_CLASS_CONTENT: allowed with CAP_SYS_ADMIN, EPERM without");
	CHECK(close(g) == 0);
	contract_pass();
	return 0;
}
