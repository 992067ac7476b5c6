/* Directories are created and removed with their own rules: mkdirat creates
 * a directory with the requested mode (0750 under umask 0); a subdirectory
 * raises the parent's link count to 3 (file systems that do not count
 * directory links, like btrfs, report 1, also accepted); mkdir over an
 * existing name fails with EEXIST; rmdir of a non-empty directory fails with
 * ENOTEMPTY; unlink of a directory fails with EISDIR; rmdir of a regular file
 * with ENOTDIR; rmdir of "." with EINVAL; unlinkat with AT_REMOVEDIR removes
 * an empty directory, after which it is gone (ENOENT). Syscalls: mkdirat,
 * unlinkat (0, AT_REMOVEDIR), rmdir, newfstatat, openat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	umask(0);
	CHECK(mkdirat(AT_FDCWD, "top", 0750) == 0);
	struct stat st;
	CHECK(stat("top", &st) == 0);
	say("new directory: mode %04o", (unsigned)(st.st_mode & 07777));
	CHECK(S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 0750);
	int dfd = open("top", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	CHECK(mkdirat(dfd, "sub", 0700) == 0);
	CHECK(stat("top", &st) == 0);
	CHECK(st.st_nlink == 3 || st.st_nlink == 1);
	say("parent link count with one subdirectory: 3 (or 1 if not counted)");
	CHECK_ERR(mkdirat(dfd, "sub", 0700), EEXIST);
	say("mkdir existing: EEXIST");
	CHECK(close(openat(dfd, "sub/f", O_CREAT | O_WRONLY, 0600)) == 0);

	CHECK_ERR(rmdir("top/sub"), ENOTEMPTY);
	say("rmdir non-empty: ENOTEMPTY");
	CHECK_ERR(unlinkat(dfd, "sub", 0), EISDIR);
	say("unlink of a directory: EISDIR");
	CHECK_ERR(rmdir("top/sub/f"), ENOTDIR);
	say("rmdir of a file: ENOTDIR");
	CHECK_ERR(rmdir("top/sub/."), EINVAL);
	say("rmdir of \".\": EINVAL");
	CHECK_ERR(unlinkat(dfd, "sub/f", AT_REMOVEDIR), ENOTDIR);
	say("unlinkat AT_REMOVEDIR on a file: ENOTDIR");

	CHECK(unlinkat(dfd, "sub/f", 0) == 0);
	CHECK(unlinkat(dfd, "sub", AT_REMOVEDIR) == 0);
	CHECK_ERR(fstatat(dfd, "sub", &st, 0), ENOENT);
	say("removed directory: ENOENT");
	CHECK(close(dfd) == 0);
	CHECK(rmdir("top") == 0);
	contract_pass();
	return 0;
}
