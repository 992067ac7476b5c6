/* name_to_handle_at turns a path into a file handle: with handle_bytes 0 it
 * fails with EOVERFLOW and writes the size it needs; with that size it
 * succeeds, and two names of one file (a hard link) give the same handle
 * while another file gives a different one. AT_EMPTY_PATH works on a
 * descriptor. open_by_handle_at needs CAP_DAC_READ_SEARCH: with it (root)
 * the handle opens the file and reads its data, without it the call fails
 * with EPERM; both outcomes print the same line. The scratch directory must
 * be on a file system that exports handles (ext4, xfs, btrfs, tmpfs).
 * Syscalls: name_to_handle_at, open_by_handle_at, open, link, write; read with CAP_DAC_READ_SEARCH.
 */
#include "../contract.h"
#include <fcntl.h>

static struct file_handle *handle(int dirfd, const char *path, int flags, int *mnt)
{
	struct file_handle probe = {.handle_bytes = 0};
	errno = 0;
	CHECK(name_to_handle_at(dirfd, path, &probe, mnt, flags) == -1 && errno == EOVERFLOW);
	CHECK(probe.handle_bytes > 0 && probe.handle_bytes <= MAX_HANDLE_SZ);
	struct file_handle *h = calloc(1, sizeof *h + probe.handle_bytes);
	CHECK(h != NULL);
	h->handle_bytes = probe.handle_bytes;
	CHECK(name_to_handle_at(dirfd, path, h, mnt, flags) == 0);
	return h;
}

static int same(struct file_handle *a, struct file_handle *b)
{
	return a->handle_type == b->handle_type && a->handle_bytes == b->handle_bytes &&
	       memcmp(a->f_handle, b->f_handle, a->handle_bytes) == 0;
}

int main(void)
{
	int fd = open("file", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0);
	CHECK(write(fd, "by handle", 9) == 9);
	CHECK(link("file", "alias") == 0);
	int other = open("other", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(other >= 0);

	int mnt, mnt2;
	struct file_handle *h = handle(AT_FDCWD, "file", 0, &mnt);
	say("handle_bytes 0: EOVERFLOW with the size needed");
	struct file_handle *ha = handle(AT_FDCWD, "alias", 0, &mnt2);
	say("hard link gives the same handle: %s", same(h, ha) && mnt == mnt2 ? "yes" : "no");
	CHECK(same(h, ha) && mnt == mnt2);
	struct file_handle *hf = handle(fd, "", AT_EMPTY_PATH, &mnt2);
	say("AT_EMPTY_PATH on the descriptor gives the same handle: %s", same(h, hf) ? "yes" : "no");
	CHECK(same(h, hf));
	struct file_handle *ho = handle(AT_FDCWD, "other", 0, &mnt2);
	say("another file gives another handle: %s", same(h, ho) ? "no" : "yes");
	CHECK(!same(h, ho));

	/* The mount id names a mount; open_by_handle_at wants a descriptor
	 * on that mount: the working directory is one. */
	int dir = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(dir >= 0);
	errno = 0;
	int byh = open_by_handle_at(dir, h, O_RDONLY);
	if (byh >= 0) {
		char buf[16] = {0};
		CHECK(read(byh, buf, sizeof buf) == 9 && strcmp(buf, "by handle") == 0);
		close(byh);
	} else {
		CHECK(errno == EPERM);
	}
	say("open_by_handle_at: opens the file with CAP_DAC_READ_SEARCH, EPERM without");
	contract_pass();
	return 0;
}
