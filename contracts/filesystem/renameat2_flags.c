/* renameat2 moves names atomically with optional flags: a plain rename
 * replaces an existing target and the old name disappears; RENAME_NOREPLACE
 * onto an existing name fails with EEXIST and changes nothing;
 * RENAME_EXCHANGE swaps two names; renaming a directory onto a non-empty
 * directory fails with ENOTEMPTY, a directory into its own subdirectory with
 * EINVAL, a file over a directory with EISDIR, and combining NOREPLACE with
 * EXCHANGE with EINVAL. Syscalls: renameat2 (raw: 0, RENAME_NOREPLACE,
 * RENAME_EXCHANGE), renameat, openat, read, mkdirat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#endif

static void put(const char *p, const char *s)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && write(fd, s, strlen(s)) == (ssize_t)strlen(s) && close(fd) == 0);
}

static const char *get(const char *p)
{
	static char buf[4][16];
	static int i;
	char *b = buf[i++ % 4];
	memset(b, 0, 16);
	int fd = open(p, O_RDONLY);
	if (fd < 0)
		return "(none)";
	read(fd, b, 15);
	close(fd);
	return b;
}

static long ren2(const char *a, const char *b, unsigned flags)
{
	return syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags);
}

int main(void)
{
	put("a", "A");
	put("b", "B");
	CHECK(ren2("a", "b", 0) == 0);
	say("rename a->b replaces: b=%s a=%s", get("b"), get("a"));
	CHECK(strcmp(get("b"), "A") == 0 && access("a", F_OK) == -1);

	put("c", "C");
	CHECK_ERR(ren2("c", "b", RENAME_NOREPLACE), EEXIST);
	say("RENAME_NOREPLACE onto existing: EEXIST, b=%s c=%s", get("b"), get("c"));
	CHECK(strcmp(get("b"), "A") == 0 && strcmp(get("c"), "C") == 0);
	CHECK(ren2("c", "d", RENAME_NOREPLACE) == 0);
	say("RENAME_NOREPLACE onto free name: d=%s", get("d"));

	errno = 0;
	CHECK(ren2("b", "d", RENAME_EXCHANGE) == 0);
	say("RENAME_EXCHANGE: b=%s d=%s", get("b"), get("d"));
	CHECK(strcmp(get("b"), "C") == 0 && strcmp(get("d"), "A") == 0);
	CHECK_ERR(ren2("b", "d", RENAME_EXCHANGE | RENAME_NOREPLACE), EINVAL);
	say("EXCHANGE|NOREPLACE: EINVAL");

	CHECK(mkdir("x", 0700) == 0 && mkdir("y", 0700) == 0 && mkdir("x/in", 0700) == 0);
	put("y/f", "F");
	CHECK_ERR(rename("x", "y"), ENOTEMPTY);
	say("directory onto non-empty directory: ENOTEMPTY");
	CHECK_ERR(rename("x", "x/in/x"), EINVAL);
	say("directory into own subdirectory: EINVAL");
	CHECK_ERR(rename("b", "x"), EISDIR);
	say("file onto directory: EISDIR");
	CHECK(renameat(AT_FDCWD, "y/f", AT_FDCWD, "x/in/f") == 0);
	say("renameat across directories: %s", get("x/in/f"));
	contract_pass();
	return 0;
}
