/* fchmod and fchmodat set permission bits exactly, including setuid/setgid
 * and sticky on a file the caller owns: fchmod 0754 and 04700 (setuid) read
 * back through fstat; fchmodat by path sets 0600; chmod on a directory sets
 * 01777 (sticky). Only the low 12 bits are used: the file type is never
 * changed. fchmodat through a missing path fails with ENOENT, and
 * fchmodat2 with AT_SYMLINK_NOFOLLOW on a symlink fails with EOPNOTSUPP
 * (Linux cannot change a symlink's mode). Syscalls: fchmod, fchmodat,
 * fchmodat2 (raw), fstat, newfstatat, mkdirat, symlinkat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

static unsigned mode_of(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (unsigned)(st.st_mode & 07777) : 0xffff;
}

int main(void)
{
	umask(0);
	int fd = open("m.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(fchmod(fd, 0754) == 0);
	say("fchmod 0754: %04o", mode_of("m.dat"));
	CHECK(mode_of("m.dat") == 0754);
	CHECK(fchmod(fd, 04700) == 0);
	say("fchmod 04700: %04o", mode_of("m.dat"));
	CHECK(mode_of("m.dat") == 04700);
	CHECK(syscall(SYS_fchmodat, AT_FDCWD, "m.dat", 0600) == 0);
	say("fchmodat 0600: %04o", mode_of("m.dat"));
	CHECK(mode_of("m.dat") == 0600);
	CHECK(fchmod(fd, S_IFDIR | 0644) == 0);
	struct stat st;
	CHECK(fstat(fd, &st) == 0);
	say("type bits ignored, still regular: %s, mode %04o", S_ISREG(st.st_mode) ? "yes" : "no",
	    (unsigned)(st.st_mode & 07777));
	CHECK(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644);

	CHECK(mkdir("d", 0700) == 0);
	CHECK(chmod("d", 01777) == 0);
	say("directory chmod 01777: %04o", mode_of("d"));
	CHECK(mode_of("d") == 01777);

	CHECK_ERR(syscall(SYS_fchmodat, AT_FDCWD, "missing", 0600), ENOENT);
	say("fchmodat missing: ENOENT");
	CHECK(symlink("m.dat", "m.link") == 0);
	errno = 0;
	long r = syscall(SYS_fchmodat2, AT_FDCWD, "m.link", 0600, AT_SYMLINK_NOFOLLOW);
	if (r == -1 && errno == ENOSYS)
		say("CONTRACT_FAIL fchmodat2 not implemented (needs Linux 6.6)");
	CHECK(r == -1 && errno == EOPNOTSUPP);
	say("fchmodat2 AT_SYMLINK_NOFOLLOW on symlink: EOPNOTSUPP");
	say("target mode unchanged: %04o", mode_of("m.dat"));
	CHECK(mode_of("m.dat") == 0644);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
