/* chroot changes what "/" means for path lookup: in a child that holds
 * CAP_SYS_CHROOT in a new user namespace (so the contract behaves the same
 * with and without privilege), chroot("jail") followed by chdir("/") makes
 * /marker the jail's file, getcwd returns "/", ".." from the root stays in
 * the root, and files outside the jail cannot be named. Without the
 * capability (before unsharing, as an unprivileged user) chroot fails with
 * EPERM; chroot to a regular file fails with ENOTDIR, to a missing path
 * with ENOENT. Syscalls: chroot, unshare, chdir, getcwd, open, fork,
 * wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int child(void)
{
	if (!contract_has_cap(CAP_SYS_CHROOT)) {
		CHECK_ERR(chroot("jail"), EPERM);
	}
	if (unshare(CLONE_NEWUSER) != 0)
		return 10;
	CHECK_ERR(chroot("outside"), ENOTDIR);
	CHECK_ERR(chroot("missing"), ENOENT);
	say("chroot to a file: ENOTDIR; to a missing path: ENOENT");
	CHECK(chroot("jail") == 0 && chdir("/") == 0);
	char cwd[64] = {0};
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	say("getcwd after chroot and chdir(\"/\"): %s", cwd);
	CHECK(strcmp(cwd, "/") == 0);
	char buf[16] = {0};
	int fd = open("/marker", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 6);
	say("/marker is the jail's: %s", buf);
	CHECK(strcmp(buf, "inside") == 0);
	CHECK(chdir("..") == 0 && getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, "/") == 0);
	say("\"..\" from the root stays there: yes");
	CHECK_ERR(open("/outside", O_RDONLY), ENOENT);
	CHECK_ERR(open("../outside", O_RDONLY), ENOENT);
	say("a file next to the jail: ENOENT");
	return 0;
}

int main(void)
{
	CHECK(mkdir("jail", 0755) == 0);
	CHECK(contract_write_file("jail/marker", "inside") == 0 && contract_write_file("outside", "outside") == 0);
	contract_in_child(child);
	contract_pass();
	return 0;
}
