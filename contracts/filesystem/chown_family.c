/* chown, fchown, lchown and fchownat: changing a file's owner to its
 * current owner (or -1, -1) succeeds for any owner of the file, and an
 * owner change of a regular file clears its set-user-ID bit even when the
 * ids do not change. lchown and fchownat with AT_SYMLINK_NOFOLLOW act on a
 * symlink, not on its target. Giving a file away to another uid needs
 * CAP_CHOWN: with it the new owner shows in stat, without it the
 * call fails with EPERM; both outcomes print the same line. A bad flag to
 * fchownat fails with EINVAL, a missing path with ENOENT. Syscalls: chown,
 * fchown, lchown, fchownat, fchmod, fstat, symlink, open, capget; stat and
 * lstat with CAP_CHOWN.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
	uid_t u = geteuid();
	gid_t g = getegid();
	int fd = open("owned", O_RDWR | O_CREAT | O_EXCL, 0755);
	CHECK(fd >= 0);
	CHECK(symlink("owned", "link") == 0);

	CHECK(syscall(SYS_chown, "owned", -1, -1) == 0);
	say("chown(-1, -1): ok");
	CHECK(fchmod(fd, 04755) == 0);
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && (st.st_mode & 07777) == 04755);
	CHECK(syscall(SYS_fchown, fd, u, g) == 0);
	CHECK(fstat(fd, &st) == 0);
	say("fchown to the same ids clears S_ISUID: %s (mode %o)", st.st_mode & S_ISUID ? "no" : "yes", st.st_mode & 07777);
	CHECK(!(st.st_mode & S_ISUID) && (st.st_mode & 0777) == 0755);

	CHECK(syscall(SYS_lchown, "link", u, g) == 0);
	CHECK(syscall(SYS_fchownat, AT_FDCWD, "link", u, g, AT_SYMLINK_NOFOLLOW) == 0);
	say("lchown and fchownat(AT_SYMLINK_NOFOLLOW) on the link: ok");
	CHECK_ERR(syscall(SYS_fchownat, AT_FDCWD, "owned", u, g, 0x40000), EINVAL);
	say("fchownat with an unknown flag: EINVAL");
	CHECK_ERR(syscall(SYS_chown, "missing", u, g), ENOENT);
	say("chown of a missing path: ENOENT");

	/* Give the link (not the target) away to uid/gid 4242. */
	errno = 0;
	long r = syscall(SYS_lchown, "link", 4242, 4242);
	if (contract_has_cap(CAP_CHOWN)) {
		CHECK(r == 0);
		struct stat ls, ts;
		CHECK(lstat("link", &ls) == 0 && stat("link", &ts) == 0);
		CHECK(ls.st_uid == 4242 && ls.st_gid == 4242 && ts.st_uid == u);
		CHECK(syscall(SYS_fchownat, AT_FDCWD, "link", 4243, -1, 0) == 0);
		CHECK(fstat(fd, &ts) == 0 && ts.st_uid == 4243 && lstat("link", &ls) == 0 && ls.st_uid == 4242);
	} else {
		CHECK(r == -1 && errno == EPERM);
		CHECK_ERR(syscall(SYS_chown, "owned", 4242, -1), EPERM);
		CHECK_ERR(syscall(SYS_fchownat, AT_FDCWD, "link", 4243, -1, 0), EPERM);
	}
	say("giving a file to another uid: allowed only with CAP_CHOWN, and lchown leaves the target alone");
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
