/* Extended attributes in the user namespace on a regular file: setxattr
 * stores a value that getxattr returns, a size-0 getxattr returns the size,
 * a too-small buffer fails with ERANGE, XATTR_CREATE on an existing name
 * fails with EEXIST and XATTR_REPLACE on a missing one with ENODATA;
 * listxattr lists the names (only user.* names are looked at, since a host
 * may add security.* ones); removexattr deletes, after which getxattr fails
 * with ENODATA. The f* calls do the same through a descriptor; user.*
 * attributes are not allowed on a symlink itself (lsetxattr and
 * lremovexattr: EPERM) and lgetxattr there finds nothing (ENODATA). A name
 * without a namespace prefix fails with EOPNOTSUPP. The scratch directory
 * must be on a file system with user xattrs (ext4, xfs, btrfs, tmpfs since
 * Linux 6.6). Syscalls: setxattr, getxattr, listxattr,
 * removexattr, fsetxattr, fgetxattr, flistxattr, fremovexattr, lsetxattr,
 * lgetxattr, llistxattr, lremovexattr.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/xattr.h>

/* userNames counts the user.* names in a listxattr buffer and checks
 * that want is among them. */
static int userNames(const char *buf, ssize_t n, const char *want, int *found)
{
	int count = 0;
	*found = 0;
	for (const char *p = buf; p < buf + n; p += strlen(p) + 1) {
		if (strncmp(p, "user.", 5) == 0)
			count++;
		if (strcmp(p, want) == 0)
			*found = 1;
	}
	return count;
}

int main(void)
{
	int fd = open("file", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK(symlink("file", "link") == 0);

	CHECK(setxattr("file", "user.colour", "blue", 4, 0) == 0);
	char buf[256] = {0};
	CHECK(getxattr("file", "user.colour", buf, sizeof buf) == 4);
	say("getxattr user.colour: %s", buf);
	say("size query: %ld", (long)getxattr("file", "user.colour", NULL, 0));
	CHECK(getxattr("file", "user.colour", NULL, 0) == 4);
	CHECK_ERR(getxattr("file", "user.colour", buf, 2), ERANGE);
	say("2-byte buffer: ERANGE");
	CHECK_ERR(setxattr("file", "user.colour", "red", 3, XATTR_CREATE), EEXIST);
	CHECK_ERR(setxattr("file", "user.shape", "round", 5, XATTR_REPLACE), ENODATA);
	say("XATTR_CREATE on an existing name: EEXIST; XATTR_REPLACE on a missing one: ENODATA");
	CHECK(setxattr("file", "user.colour", "red", 3, XATTR_REPLACE) == 0);

	CHECK(fsetxattr(fd, "user.shape", "round", 5, XATTR_CREATE) == 0);
	memset(buf, 0, sizeof buf);
	CHECK(fgetxattr(fd, "user.colour", buf, sizeof buf) == 3);
	say("fgetxattr after XATTR_REPLACE: %s", buf);
	CHECK(strcmp(buf, "red") == 0);

	int found;
	ssize_t n = listxattr("file", buf, sizeof buf);
	CHECK(n > 0);
	int c = userNames(buf, n, "user.shape", &found);
	say("listxattr: %d user names, user.shape listed %s", c, found ? "yes" : "no");
	CHECK(c == 2 && found);
	CHECK(flistxattr(fd, NULL, 0) == n);
	CHECK(fremovexattr(fd, "user.shape") == 0);
	n = flistxattr(fd, buf, sizeof buf);
	CHECK(n > 0);
	c = userNames(buf, n, "user.shape", &found);
	say("after fremovexattr: %d user names, user.shape listed %s", c, found ? "yes" : "no");
	CHECK(c == 1 && !found);
	CHECK(removexattr("file", "user.colour") == 0);
	CHECK_ERR(getxattr("file", "user.colour", buf, sizeof buf), ENODATA);
	CHECK_ERR(removexattr("file", "user.colour"), ENODATA);
	say("after removexattr: getxattr and removexattr fail with ENODATA");

	CHECK_ERR(lsetxattr("link", "user.colour", "x", 1, 0), EPERM);
	CHECK_ERR(lgetxattr("link", "user.colour", buf, sizeof buf), ENODATA);
	CHECK_ERR(lremovexattr("link", "user.colour"), EPERM);
	n = llistxattr("link", buf, sizeof buf);
	CHECK(n >= 0);
	say("symlink: lsetxattr and lremovexattr of user.* EPERM, lgetxattr ENODATA, user names %d", userNames(buf, n, "", &found));
	CHECK(userNames(buf, n, "", &found) == 0);
	CHECK_ERR(setxattr("file", "colour", "x", 1, 0), EOPNOTSUPP);
	say("name without a namespace: EOPNOTSUPP");
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
