/* fstat, newfstatat and statx agree about one file: size 1234, mode 0640,
 * type regular, link count 1, owner equal to the caller's euid; statx fills
 * the basic fields it reports in stx_mask and its stx_ino matches st_ino (not
 * printed); AT_EMPTY_PATH on a descriptor stats the descriptor's file; an
 * empty path without AT_EMPTY_PATH fails with ENOENT, an unknown statx flag
 * with EINVAL, and a name longer than NAME_MAX with ENAMETOOLONG. Syscalls:
 * fstat, stat (musl turns these fstatat calls into stat and fstat; glibc
 * issues newfstatat with 0 and AT_EMPTY_PATH), statx (raw), open, ftruncate.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#ifndef SYS_statx
#define SYS_statx 332
#endif

int main(void)
{
	umask(0);
	int fd = open("st.dat", O_RDWR | O_CREAT | O_TRUNC, 0640);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, 1234) == 0);
	struct stat a, b, c;
	CHECK(fstat(fd, &a) == 0);
	CHECK(fstatat(AT_FDCWD, "st.dat", &b, 0) == 0);
	CHECK(fstatat(fd, "", &c, AT_EMPTY_PATH) == 0);
	say("fstat: size %ld mode %04o regular %s nlink %ld owner is euid %s", (long)a.st_size,
	    (unsigned)(a.st_mode & 07777), S_ISREG(a.st_mode) ? "yes" : "no", (long)a.st_nlink,
	    a.st_uid == geteuid() ? "yes" : "no");
	CHECK(a.st_size == 1234 && (a.st_mode & 07777) == 0640 && a.st_nlink == 1 && a.st_uid == geteuid());
	say("newfstatat agrees: %s", a.st_ino == b.st_ino && a.st_dev == b.st_dev && b.st_size == 1234 ? "yes" : "no");
	CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev && b.st_size == 1234);
	say("AT_EMPTY_PATH agrees: %s", a.st_ino == c.st_ino && c.st_size == 1234 ? "yes" : "no");
	CHECK(a.st_ino == c.st_ino);

	struct statx x;
	memset(&x, 0, sizeof x);
	CHECK(syscall(SYS_statx, AT_FDCWD, "st.dat", 0, STATX_BASIC_STATS, &x) == 0);
	unsigned need = STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_UID | STATX_GID | STATX_INO | STATX_SIZE;
	say("statx mask has type/mode/nlink/uid/gid/ino/size: %s", (x.stx_mask & need) == need ? "yes" : "no");
	CHECK((x.stx_mask & need) == need);
	say("statx: size %llu mode %04o nlink %u ino matches %s", (unsigned long long)x.stx_size,
	    (unsigned)(x.stx_mode & 07777), x.stx_nlink, x.stx_ino == a.st_ino ? "yes" : "no");
	CHECK(x.stx_size == 1234 && (x.stx_mode & 07777) == 0640 && S_ISREG(x.stx_mode) && x.stx_ino == a.st_ino);
	say("statx blksize positive: %s", x.stx_blksize > 0 ? "yes" : "no");

	CHECK_ERR(fstatat(AT_FDCWD, "", &b, 0), ENOENT);
	say("empty path without AT_EMPTY_PATH: ENOENT");
	CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "st.dat", 0x40000000, STATX_BASIC_STATS, &x), EINVAL);
	say("statx unknown flag: EINVAL");
	char longname[300];
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	CHECK_ERR(stat(longname, &b), ENAMETOOLONG);
	say("component longer than NAME_MAX: ENAMETOOLONG");
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
