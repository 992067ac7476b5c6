/* statfs and fstatfs describe the file system holding a path or descriptor:
 * for the working directory both return the same f_type, f_bsize and
 * f_fsid; f_bsize is positive, available <= free <= total blocks and
 * f_namelen is positive. statfs on a missing path fails with ENOENT, through a
 * regular file used as a directory with ENOTDIR, and fstatfs on a closed
 * descriptor with EBADF. Syscalls: statfs, fstatfs, openat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/statfs.h>

int main(void)
{
	struct statfs a, b;
	CHECK(statfs(".", &a) == 0);
	int fd = open("sf.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(fstatfs(fd, &b) == 0);
	say("statfs(.) and fstatfs(file) agree on type: %s", a.f_type == b.f_type ? "yes" : "no");
	CHECK(a.f_type == b.f_type);
	say("agree on block size: %s", a.f_bsize == b.f_bsize ? "yes" : "no");
	CHECK(a.f_bsize == b.f_bsize);
	say("agree on fsid: %s", memcmp(&a.f_fsid, &b.f_fsid, sizeof a.f_fsid) == 0 ? "yes" : "no");
	CHECK(memcmp(&a.f_fsid, &b.f_fsid, sizeof a.f_fsid) == 0);
	say("block size positive: %s", a.f_bsize > 0 ? "yes" : "no");
	CHECK(a.f_bsize > 0);
	say("free <= total blocks: %s", a.f_bfree <= a.f_blocks && a.f_bavail <= a.f_bfree ? "yes" : "no");
	CHECK(a.f_bfree <= a.f_blocks && a.f_bavail <= a.f_bfree);
	say("name length limit positive: %s", a.f_namelen > 0 ? "yes" : "no");
	CHECK(a.f_namelen > 0);

	CHECK_ERR(statfs("missing/dir", &a), ENOENT);
	say("statfs missing path: ENOENT");
	CHECK_ERR(statfs("sf.dat/x", &a), ENOTDIR);
	say("statfs through a file: ENOTDIR");
	CHECK(close(fd) == 0);
	CHECK_ERR(fstatfs(fd, &b), EBADF);
	say("fstatfs closed descriptor: EBADF");
	contract_pass();
	return 0;
}
