/* Hard links share an inode and symlinks store a path: linkat gives a second
 * name with the same inode and a link count of 2, which drops to 1 after
 * unlinking the first; symlinkat stores the target text, readlinkat returns
 * it without a trailing NUL and truncates silently to the buffer; stat follows
 * the link and lstat does not; readlinkat on a regular file fails with
 * EINVAL; linkat onto an existing name fails with EEXIST; a hard link to a
 * directory fails with EPERM; opening a symlink loop fails with ELOOP and
 * O_NOFOLLOW on a symlink with ELOOP. Syscalls: linkat, symlinkat,
 * readlinkat, unlinkat, newfstatat (with and without AT_SYMLINK_NOFOLLOW),
 * openat (O_NOFOLLOW).
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	int fd = open("orig", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && write(fd, "data", 4) == 4 && close(fd) == 0);
	CHECK(linkat(AT_FDCWD, "orig", AT_FDCWD, "hard", 0) == 0);
	struct stat a, b;
	CHECK(stat("orig", &a) == 0 && stat("hard", &b) == 0);
	say("hard link shares inode: %s, link count %ld", a.st_ino == b.st_ino ? "yes" : "no", (long)b.st_nlink);
	CHECK(a.st_ino == b.st_ino && b.st_nlink == 2);
	CHECK_ERR(linkat(AT_FDCWD, "orig", AT_FDCWD, "hard", 0), EEXIST);
	say("linkat onto existing name: EEXIST");

	CHECK(symlinkat("orig", AT_FDCWD, "soft") == 0);
	char buf[16];
	memset(buf, 'x', sizeof buf);
	ssize_t n = readlinkat(AT_FDCWD, "soft", buf, sizeof buf);
	say("readlinkat: %ld bytes \"%.*s\", no NUL appended: %s", (long)n, (int)n, buf, buf[n] == 'x' ? "yes" : "no");
	CHECK(n == 4 && memcmp(buf, "orig", 4) == 0 && buf[4] == 'x');
	n = readlinkat(AT_FDCWD, "soft", buf, 2);
	say("readlinkat into 2-byte buffer: %ld bytes", (long)n);
	CHECK(n == 2);
	CHECK(stat("soft", &b) == 0 && lstat("soft", &a) == 0);
	say("stat follows (regular): %s, lstat does not (symlink): %s, lstat size %ld",
	    S_ISREG(b.st_mode) ? "yes" : "no", S_ISLNK(a.st_mode) ? "yes" : "no", (long)a.st_size);
	CHECK(S_ISREG(b.st_mode) && S_ISLNK(a.st_mode) && a.st_size == 4);
	CHECK_ERR(readlinkat(AT_FDCWD, "orig", buf, sizeof buf), EINVAL);
	say("readlinkat on regular file: EINVAL");

	CHECK(unlinkat(AT_FDCWD, "orig", 0) == 0);
	CHECK(stat("hard", &b) == 0);
	say("after unlinking first name: link count %ld", (long)b.st_nlink);
	CHECK(b.st_nlink == 1);
	fd = open("hard", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 4 && close(fd) == 0);
	say("data readable through remaining name: %.4s", buf);
	CHECK(memcmp(buf, "data", 4) == 0);
	CHECK_ERR(open("soft", O_RDONLY), ENOENT);
	say("dangling symlink: ENOENT");

	CHECK(mkdir("dir", 0700) == 0);
	CHECK_ERR(link("dir", "dir2"), EPERM);
	say("hard link to directory: EPERM");
	CHECK(symlink("loop2", "loop1") == 0 && symlink("loop1", "loop2") == 0);
	CHECK_ERR(open("loop1", O_RDONLY), ELOOP);
	say("symlink loop: ELOOP");
	CHECK(symlink("hard", "soft2") == 0);
	CHECK_ERR(open("soft2", O_RDONLY | O_NOFOLLOW), ELOOP);
	say("O_NOFOLLOW on symlink: ELOOP");
	contract_pass();
	return 0;
}
