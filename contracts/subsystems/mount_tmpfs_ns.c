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

static int put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	int ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

/* map makes the caller root of its new user namespace. */
static int map(uid_t u, gid_t g)
{
	char line[64];
	snprintf(line, sizeof line, "0 %u 1", u);
	if (put("/proc/self/uid_map", line) != 0 || put("/proc/self/setgroups", "deny") != 0)
		return -1;
	snprintf(line, sizeof line, "0 %u 1", g);
	return put("/proc/self/gid_map", line);
}

static int child(void)
{
	uid_t u = geteuid();
	gid_t g = getegid();
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0 || map(u, g) != 0)
		return 10;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return 11;
	CHECK(mkdir("mnt", 0700) == 0);
	CHECK(mount("syscov", "mnt", "tmpfs", 0, "size=64k,mode=0700") == 0);
	struct statfs sf;
	CHECK(statfs("mnt", &sf) == 0);
	say("statfs of the new mount: %s", sf.f_type == TMPFS_MAGIC ? "TMPFS_MAGIC" : "other");
	CHECK(sf.f_type == TMPFS_MAGIC);
	CHECK(put("mnt/inside", "on tmpfs") == 0);
	CHECK(umount2("mnt", 0) == 0);
	say("after umount2 the file is gone: %s", access("mnt/inside", F_OK) != 0 && errno == ENOENT ? "yes" : "no");
	CHECK(access("mnt/inside", F_OK) != 0 && errno == ENOENT);
	CHECK_ERR(umount2("mnt", 0), EINVAL);
	say("umount2 of a directory that is not a mount point: EINVAL");

	CHECK(mount("syscov", "mnt", "tmpfs", 0, "size=64k") == 0);
	CHECK(put("mnt/a", "kept") == 0);
	CHECK(mount(NULL, "mnt", NULL, MS_REMOUNT | MS_RDONLY, NULL) == 0);
	errno = 0;
	CHECK(put("mnt/b", "x") != 0 && errno == EROFS);
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
	fflush(stdout);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0)
		_exit(child());
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("child exit status: %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
