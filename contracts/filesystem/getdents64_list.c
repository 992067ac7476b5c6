/* getdents64 lists every entry of a directory exactly once: a directory with
 * files "a", "b", subdirectory "sub" and symlink "ln" yields those names plus
 * "." and "..", with d_type DT_REG, DT_DIR and DT_LNK (a file system that
 * reports DT_UNKNOWN for some entry is accepted; then only names are
 * printed); reading again
 * at the end returns 0; lseek to 0 rewinds; a buffer too small for one entry
 * fails with EINVAL; getdents64 on a regular file fails with ENOTDIR. Names
 * are printed sorted. Syscalls: getdents64 (raw), openat (O_DIRECTORY),
 * lseek, mkdirat, symlinkat.
 */
#include "../contract.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>

struct ent {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *tname(int t)
{
	if (t == DT_UNKNOWN)
		return "DT_UNKNOWN";
	if (t == DT_DIR)
		return "DT_DIR";
	if (t == DT_REG)
		return "DT_REG";
	if (t == DT_LNK)
		return "DT_LNK";
	return "other";
}

int main(void)
{
	CHECK(mkdir("d", 0700) == 0 && mkdir("d/sub", 0700) == 0);
	CHECK(close(open("d/a", O_CREAT | O_WRONLY, 0600)) == 0);
	CHECK(close(open("d/b", O_CREAT | O_WRONLY, 0600)) == 0);
	CHECK(symlink("a", "d/ln") == 0);
	int fd = open("d", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);

	static char buf[4096];
	char *lines[16];
	int n = 0, unknown = 0;
	long r;
	while ((r = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
		for (long off = 0; off < r;) {
			struct ent *e = (struct ent *)(buf + off);
			CHECK(n < 16);
			char *l = malloc(64);
			CHECK(l != NULL);
			if (e->type == DT_UNKNOWN)
				unknown = 1;
			snprintf(l, 64, "%s %s", e->name, tname(e->type));
			lines[n++] = l;
			off += e->reclen;
		}
	}
	CHECK(r == 0);
	qsort(lines, n, sizeof lines[0], cmp);
	for (int i = 0; i < n; i++)
		say("entry: %s", unknown ? strtok(lines[i], " ") : lines[i]);
	say("entries: %d", n);
	CHECK(n == 6);
	say("getdents64 at end: %ld", syscall(SYS_getdents64, fd, buf, sizeof buf));

	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	r = syscall(SYS_getdents64, fd, buf, sizeof buf);
	say("after rewind returns entries again: %s", r > 0 ? "yes" : "no");
	CHECK(r > 0);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK_ERR(syscall(SYS_getdents64, fd, buf, 8), EINVAL);
	say("buffer smaller than one entry: EINVAL");
	int f = open("d/a", O_RDONLY);
	CHECK(f >= 0);
	CHECK_ERR(syscall(SYS_getdents64, f, buf, sizeof buf), ENOTDIR);
	say("getdents64 on a file: ENOTDIR");
	close(f);
	close(fd);
	contract_pass();
	return 0;
}
