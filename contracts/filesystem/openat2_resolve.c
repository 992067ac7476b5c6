/* openat2 and its RESOLVE_* flags, relative to a directory descriptor:
 * RESOLVE_BENEATH refuses ".." that leaves the directory and absolute paths
 * (EXDEV); RESOLVE_IN_ROOT treats the directory as "/", so an absolute
 * symlink inside it resolves inside it; RESOLVE_NO_SYMLINKS refuses any
 * symlink (ELOOP); RESOLVE_NO_MAGICLINKS refuses /proc/self/fd links
 * (ELOOP) while ordinary symlinks still work; RESOLVE_NO_XDEV refuses
 * crossing into /proc (EXDEV). A mode without O_CREAT, unknown resolve
 * bits and a size smaller than struct open_how fail with EINVAL. Syscalls:
 * openat2, open, symlink, mkdir, read.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>

static long o2(int dir, const char *path, unsigned long long flags, unsigned long long resolve)
{
	struct open_how how = {.flags = flags, .resolve = resolve};
	return syscall(SYS_openat2, dir, path, &how, sizeof how);
}

static int reads(long fd, const char *want)
{
	char buf[32] = {0};
	if (fd < 0)
		return 0;
	int ok = read(fd, buf, sizeof buf - 1) == (ssize_t)strlen(want) && strcmp(buf, want) == 0;
	close(fd);
	return ok;
}

int main(void)
{
	CHECK(mkdir("root", 0700) == 0 && mkdir("root/etc", 0700) == 0);
	int f = open("root/etc/conf", O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK(f >= 0 && write(f, "inside", 6) == 6 && close(f) == 0);
	f = open("outside", O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK(f >= 0 && write(f, "outside", 7) == 7 && close(f) == 0);
	CHECK(symlink("/etc/conf", "root/abs") == 0);  /* absolute */
	CHECK(symlink("etc/conf", "root/rel") == 0);   /* relative */
	CHECK(symlink("../outside", "root/up") == 0);  /* escapes */
	int root = open("root", O_RDONLY | O_DIRECTORY);
	CHECK(root >= 0);

	CHECK(reads(o2(root, "etc/conf", O_RDONLY, 0), "inside"));
	say("openat2 without resolve flags: ok");
	CHECK(reads(o2(root, "../outside", O_RDONLY, 0), "outside"));
	CHECK_ERR(o2(root, "../outside", O_RDONLY, RESOLVE_BENEATH), EXDEV);
	CHECK_ERR(o2(root, "up", O_RDONLY, RESOLVE_BENEATH), EXDEV);
	CHECK_ERR(o2(root, "/etc/passwd", O_RDONLY, RESOLVE_BENEATH), EXDEV);
	CHECK(reads(o2(root, "rel", O_RDONLY, RESOLVE_BENEATH), "inside"));
	say("RESOLVE_BENEATH: \"..\", an escaping symlink and an absolute path EXDEV; a relative symlink inside ok");

	CHECK(reads(o2(root, "abs", O_RDONLY, RESOLVE_IN_ROOT), "inside"));
	CHECK(reads(o2(root, "/etc/conf", O_RDONLY, RESOLVE_IN_ROOT), "inside"));
	CHECK(reads(o2(root, "../../etc/conf", O_RDONLY, RESOLVE_IN_ROOT), "inside"));
	say("RESOLVE_IN_ROOT: absolute symlink, absolute path and \"../..\" stay inside");

	CHECK_ERR(o2(root, "rel", O_RDONLY, RESOLVE_NO_SYMLINKS), ELOOP);
	say("RESOLVE_NO_SYMLINKS on a symlink: ELOOP");
	char self[64];
	snprintf(self, sizeof self, "/proc/self/fd/%d", root);
	CHECK_ERR(o2(AT_FDCWD, self, O_RDONLY | O_DIRECTORY, RESOLVE_NO_MAGICLINKS), ELOOP);
	CHECK(reads(o2(root, "rel", O_RDONLY, RESOLVE_NO_MAGICLINKS), "inside"));
	say("RESOLVE_NO_MAGICLINKS: /proc/self/fd link ELOOP, plain symlink ok");
	CHECK_ERR(o2(AT_FDCWD, "/proc/self/status", O_RDONLY, RESOLVE_NO_XDEV), EXDEV);
	say("RESOLVE_NO_XDEV into /proc: EXDEV");

	struct open_how how = {.flags = O_RDONLY, .mode = 0600};
	CHECK_ERR(syscall(SYS_openat2, root, "etc/conf", &how, sizeof how), EINVAL);
	how.mode = 0;
	how.resolve = 1ULL << 40;
	CHECK_ERR(syscall(SYS_openat2, root, "etc/conf", &how, sizeof how), EINVAL);
	how.resolve = 0;
	CHECK_ERR(syscall(SYS_openat2, root, "etc/conf", &how, 8), EINVAL);
	say("mode without O_CREAT, unknown resolve bit, short size: EINVAL");
	contract_pass();
	return 0;
}
