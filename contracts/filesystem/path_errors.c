/* Path resolution fails with precise errnos: opening a missing file gives
 * ENOENT, a missing intermediate directory ENOENT, a regular file used as a
 * directory ENOTDIR, O_DIRECTORY on a regular file ENOTDIR, a trailing slash
 * after a regular file ENOTDIR, O_WRONLY on a directory EISDIR, O_CREAT on an
 * existing directory EISDIR, a path longer than PATH_MAX ENAMETOOLONG, an
 * empty path ENOENT, and a dirfd that is a file with a relative path ENOTDIR;
 * a bad dirfd gives EBADF, while an absolute path ignores the dirfd.
 * Syscalls: openat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

int main(void)
{
	int fd = open("file", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(mkdir("dir", 0700) == 0);
	CHECK_ERR(open("missing", O_RDONLY), ENOENT);
	say("missing file: ENOENT");
	CHECK_ERR(open("nodir/file", O_RDONLY), ENOENT);
	say("missing directory component: ENOENT");
	CHECK_ERR(open("file/x", O_RDONLY), ENOTDIR);
	say("file used as directory: ENOTDIR");
	CHECK_ERR(open("file", O_RDONLY | O_DIRECTORY), ENOTDIR);
	say("O_DIRECTORY on file: ENOTDIR");
	CHECK_ERR(open("file/", O_RDONLY), ENOTDIR);
	say("trailing slash on file: ENOTDIR");
	CHECK_ERR(open("dir", O_WRONLY), EISDIR);
	say("O_WRONLY on directory: EISDIR");
	CHECK_ERR(open("dir", O_RDWR | O_CREAT, 0600), EISDIR);
	say("O_CREAT on existing directory: EISDIR");
	static char longp[PATH_MAX + 10];
	for (size_t i = 0; i < sizeof longp - 1; i++)
		longp[i] = i % 2 ? '/' : 'a';
	CHECK_ERR(open(longp, O_RDONLY), ENAMETOOLONG);
	say("path longer than PATH_MAX: ENAMETOOLONG");
	CHECK_ERR(open("", O_RDONLY), ENOENT);
	say("empty path: ENOENT");
	CHECK_ERR(openat(fd, "x", O_RDONLY), ENOTDIR);
	say("relative path with a file as dirfd: ENOTDIR");
	CHECK_ERR(openat(999, "x", O_RDONLY), EBADF);
	say("relative path with a bad dirfd: EBADF");
	int r = openat(999, "/", O_RDONLY | O_DIRECTORY);
	say("absolute path ignores bad dirfd: %s", r >= 0 ? "yes" : "no");
	CHECK(r >= 0);
	close(r);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
