/* newfstatat itself, with each flag a libc's fstatat/stat family issues:
 * flags 0 relative to a directory descriptor (musl turns AT_FDCWD+0 into
 * stat, so this needs a real dirfd), AT_SYMLINK_NOFOLLOW on a symlink
 * (the link, not its target), AT_EMPTY_PATH on a descriptor, and errors
 * ENOTDIR (dirfd not a directory) and EBADF. Called through syscall() so
 * the number is newfstatat whatever the libc maps fstatat to. Syscalls:
 * newfstatat (0, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH), openat, mkdir,
 * symlink, ftruncate.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

static long nfstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return syscall(SYS_newfstatat, dirfd, path, st, flags);
}

int main(void)
{
	umask(0);
	CHECK(mkdir("d", 0755) == 0);
	int dfd = open("d", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	int fd = openat(dfd, "f", O_RDWR | O_CREAT | O_TRUNC, 0604);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, 77) == 0);
	CHECK(symlink("f", "d/l") == 0);

	struct stat a, b, c, d;
	CHECK(nfstatat(dfd, "f", &a, 0) == 0);
	say("dirfd-relative: regular %s size %ld mode %04o", S_ISREG(a.st_mode) ? "yes" : "no",
	    (long)a.st_size, (unsigned)(a.st_mode & 07777));
	CHECK(S_ISREG(a.st_mode) && a.st_size == 77 && (a.st_mode & 07777) == 0604);

	CHECK(nfstatat(dfd, "l", &b, 0) == 0);
	CHECK(nfstatat(dfd, "l", &c, AT_SYMLINK_NOFOLLOW) == 0);
	say("follows the link without flags: %s", b.st_ino == a.st_ino ? "yes" : "no");
	say("AT_SYMLINK_NOFOLLOW: symlink %s, size %ld", S_ISLNK(c.st_mode) ? "yes" : "no", (long)c.st_size);
	CHECK(b.st_ino == a.st_ino && S_ISLNK(c.st_mode) && c.st_size == 1);

	CHECK(nfstatat(fd, "", &d, AT_EMPTY_PATH) == 0);
	say("AT_EMPTY_PATH on the descriptor: same file %s", d.st_ino == a.st_ino ? "yes" : "no");
	CHECK(d.st_ino == a.st_ino);

	CHECK_ERR(nfstatat(fd, "x", &d, 0), ENOTDIR);
	say("a file as dirfd: ENOTDIR");
	CHECK_ERR(nfstatat(-7, "x", &d, 0), EBADF);
	say("a bad dirfd with a relative path: EBADF");
	contract_pass();
	return 0;
}
