/* mount and umount2 in a private mount namespace (made with a user
 * namespace in a child, so it works with or without privilege and nothing
 * reaches the host; the root is made MS_PRIVATE first): a tmpfs mounted on
 * an empty directory reports TMPFS_MAGIC from statfs and holds files;
 * umount2 makes the directory empty again; a read-only remount
 * (MS_REMOUNT|MS_RDONLY) makes writes fail with EROFS; umount2 of a mount
 * with a file open on it fails with EBUSY, while MNT_DETACH detaches it and
 * the open descriptor keeps reading; umount2 of a directory that is not a mount
 * point fails with EINVAL, and an unknown flag with EINVAL. Syscalls:
 * unshare, mount, umount2, statfs, mkdir, open, write, fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>

#define TMPFS_MAGIC 0x01021994

static int child(void)
{
	uid_t u = geteuid();
	gid_t g = getegid();
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0 || contract_map_root(u, g) != 0)
		return 10;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return 11;
	CHECK(mkdir("mnt", 0700) == 0);
	CHECK(mount("syscov", "mnt", "tmpfs", 0, "size=64k,mode=0700") == 0);
	struct statfs sf;
	CHECK(statfs("mnt", &sf) == 0);
	say("statfs of the new mount: %s", sf.f_type == TMPFS_MAGIC ? "TMPFS_MAGIC" : "other");
	CHECK(sf.f_type == TMPFS_MAGIC);
	CHECK(contract_write_file("mnt/inside", "on tmpfs") == 0);
	CHECK(umount2("mnt", 0) == 0);
	say("after umount2 the file is gone: %s", access("mnt/inside", F_OK) != 0 && errno == ENOENT ? "yes" : "no");
	CHECK(access("mnt/inside", F_OK) != 0 && errno == ENOENT);
	CHECK_ERR(umount2("mnt", 0), EINVAL);
	say("umount2 of a directory that is not a mount point: EINVAL");

	CHECK(mount("syscov", "mnt", "tmpfs", 0, "size=64k") == 0);
	CHECK(contract_write_file("mnt/a", "kept") == 0);
	CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0);
	errno = 0;
	CHECK(contract_write_file("mnt/b", "x") != 0 && errno == EROFS);
	say("write after remount read-only: EROFS");
	int fd = open("mnt/a", O_RDONLY);
	CHECK(fd >= 0);
	CHECK_ERR(umount2("mnt", 0x100), EINVAL);
	say("unknown umount2 flag: EINVAL");
	CHECK_ERR(umount2("mnt", 0), EBUSY);
	say("umount2 of a mount with a file open on it: EBUSY");
	CHECK(umount2("mnt", MNT_DETACH) == 0);
	char buf[8] = {0};
	CHECK(read(fd, buf, sizeof buf) == 4);
	say("after MNT_DETACH an open descriptor still reads: %s", buf);
	CHECK(strcmp(buf, "kept") == 0 && access("mnt/a", F_OK) != 0);
	return 0;
}

int main(void)
{
	contract_in_child(child);
	contract_pass();
	return 0;
}
