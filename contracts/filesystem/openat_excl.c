/* openat with O_CREAT|O_EXCL creates a file only if the name is free: the
 * first call creates it with the requested mode (0640 under umask 022),
 * a second fails with EEXIST, and O_EXCL also fails with EEXIST on a dangling
 * symlink instead of following it. O_CREAT without O_EXCL opens the existing
 * file without truncating it. Syscalls: openat (O_CREAT, O_EXCL), umask,
 * fstat, symlinkat, write, read.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	umask(022);
	int fd = openat(AT_FDCWD, "excl.dat", O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd >= 0);
	struct stat st;
	CHECK(fstat(fd, &st) == 0);
	say("created mode: %04o", (unsigned)(st.st_mode & 07777));
	CHECK((st.st_mode & 07777) == 0640 && S_ISREG(st.st_mode));
	CHECK(write(fd, "keep", 4) == 4);
	CHECK(close(fd) == 0);

	CHECK_ERR(openat(AT_FDCWD, "excl.dat", O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	say("second O_CREAT|O_EXCL: EEXIST");
	CHECK(symlink("nowhere", "dangling") == 0);
	CHECK_ERR(openat(AT_FDCWD, "dangling", O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	say("O_EXCL on dangling symlink: EEXIST");
	CHECK_ERR(access("nowhere", F_OK), ENOENT);
	say("symlink target not created: yes");

	fd = openat(AT_FDCWD, "excl.dat", O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0);
	char buf[8] = {0};
	CHECK(read(fd, buf, sizeof buf) == 4);
	say("O_CREAT on existing file keeps contents: %s", buf);
	CHECK(fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640);
	say("mode unchanged: %04o", (unsigned)(st.st_mode & 07777));
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
