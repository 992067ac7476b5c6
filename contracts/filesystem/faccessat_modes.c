/* faccessat checks permissions with the real ids: an existing file passes
 * F_OK and R_OK|W_OK when its mode is 0600; X_OK on a 0600 file fails with
 * EACCES (even for root, which needs at least one execute bit); X_OK passes
 * after chmod 0700; a missing name fails with ENOENT, a path through a file
 * with ENOTDIR, and an invalid mode bit with EINVAL. faccessat2 with
 * AT_EACCESS gives the same answers here. Syscalls: faccessat, faccessat2
 * (raw), fchmodat, openat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif

static long acc(const char *p, int mode)
{
	return syscall(SYS_faccessat, AT_FDCWD, p, mode);
}

int main(void)
{
	int fd = open("acc.dat", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK(chmod("acc.dat", 0600) == 0);
	say("F_OK: %ld", acc("acc.dat", F_OK));
	CHECK(acc("acc.dat", F_OK) == 0);
	say("R_OK|W_OK on 0600: %ld", acc("acc.dat", R_OK | W_OK));
	CHECK(acc("acc.dat", R_OK | W_OK) == 0);
	CHECK_ERR(acc("acc.dat", X_OK), EACCES);
	say("X_OK on 0600: EACCES");
	CHECK(chmod("acc.dat", 0700) == 0);
	say("X_OK on 0700: %ld", acc("acc.dat", X_OK));
	CHECK(acc("acc.dat", X_OK) == 0);

	CHECK_ERR(acc("missing", F_OK), ENOENT);
	say("missing: ENOENT");
	CHECK_ERR(acc("acc.dat/x", F_OK), ENOTDIR);
	say("through a file: ENOTDIR");
	CHECK_ERR(acc("acc.dat", 0x10), EINVAL);
	say("invalid mode bit: EINVAL");

	CHECK(syscall(SYS_faccessat2, AT_FDCWD, "acc.dat", R_OK | X_OK, AT_EACCESS) == 0);
	CHECK(chmod("acc.dat", 0600) == 0);
	CHECK_ERR(syscall(SYS_faccessat2, AT_FDCWD, "acc.dat", X_OK, AT_EACCESS), EACCES);
	say("faccessat2 AT_EACCESS: same answers");
	CHECK_ERR(syscall(SYS_faccessat2, AT_FDCWD, "acc.dat", F_OK, 0x8000), EINVAL);
	say("faccessat2 unknown flag: EINVAL");
	contract_pass();
	return 0;
}
