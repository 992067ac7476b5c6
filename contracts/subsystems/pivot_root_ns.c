/* pivot_root in a private mount namespace (a child with new user and mount
 * namespaces, root made MS_PRIVATE, so nothing reaches the host): with a
 * tmpfs as new root and a directory in it for the old one, pivot_root
 * makes the tmpfs "/" (its marker file is at /marker) and puts the old root
 * at /old; after umount2("/old", MNT_DETACH) the old tree is gone and /old
 * is an empty directory that can be removed. A new root that is not a
 * mount point fails with EINVAL, and a put_old outside the new root with
 * EINVAL too. Syscalls: unshare, mount, pivot_root, umount2, chdir,
 * mkdir, rmdir, open, fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int child(void)
{
	uid_t u = geteuid();
	gid_t g = getegid();
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0 || contract_map_root(u, g) != 0)
		return 10;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return 11;
	/* Work inside a tmpfs of our own, so the errors below do not depend
	 * on how the host mounts the scratch directory. */
	CHECK(mkdir("base", 0700) == 0 && mount("syscov", "base", "tmpfs", 0, "size=64k,mode=0700") == 0);
	CHECK(chdir("base") == 0);
	CHECK(mkdir("plain", 0700) == 0 && mkdir("plain/old", 0700) == 0);
	CHECK_ERR(syscall(SYS_pivot_root, "plain", "plain/old"), EINVAL);
	say("new root that is not a mount point: EINVAL");

	CHECK(mkdir("newroot", 0700) == 0);
	CHECK(mount("syscov", "newroot", "tmpfs", 0, "size=64k,mode=0755") == 0);
	CHECK(mkdir("newroot/old", 0700) == 0);
	CHECK(contract_write_file("newroot/marker", "new root") == 0);
	CHECK_ERR(syscall(SYS_pivot_root, "newroot", "plain/old"), EINVAL);
	say("put_old outside the new root: EINVAL");
	CHECK(syscall(SYS_pivot_root, "newroot", "newroot/old") == 0);
	CHECK(chdir("/") == 0);
	char buf[16] = {0};
	int fd = open("/marker", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 8);
	close(fd);
	say("after pivot_root /marker reads: %s", buf);
	CHECK(strcmp(buf, "new root") == 0);
	say("old root visible under /old: %s", access("/old/proc", F_OK) == 0 ? "yes" : "no");
	CHECK(access("/old/proc", F_OK) == 0);
	CHECK(umount2("/old", MNT_DETACH) == 0);
	CHECK(access("/old/proc", F_OK) != 0);
	CHECK(rmdir("/old") == 0);
	say("after MNT_DETACH of /old: old tree gone, /old removed");
	return 0;
}

int main(void)
{
	contract_in_child(child);
	contract_pass();
	return 0;
}
