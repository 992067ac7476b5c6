/* mknod creates special files that need no privilege: a FIFO (S_IFIFO 0600)
 * and a regular file (S_IFREG, and type 0 meaning regular) with the right
 * type and mode; data written into the FIFO by a forked writer is read back
 * through it; mknod over an existing name fails with EEXIST, with type
 * S_IFDIR with EPERM (directories come only from mkdir), and mkfifo in a
 * missing directory with ENOENT. Device nodes are not created (privilege would change the result).
 * Syscalls: mknodat, openat, read, write, newfstatat, fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void)
{
	umask(0);
	CHECK(mknod("fifo", S_IFIFO | 0600, 0) == 0);
	struct stat st;
	CHECK(stat("fifo", &st) == 0);
	say("fifo type: %s mode %04o", S_ISFIFO(st.st_mode) ? "S_IFIFO" : "other", (unsigned)(st.st_mode & 07777));
	CHECK(S_ISFIFO(st.st_mode) && (st.st_mode & 07777) == 0600);
	CHECK(mknod("reg", S_IFREG | 0640, 0) == 0 && mknod("reg0", 0644, 0) == 0);
	CHECK(stat("reg", &st) == 0);
	say("S_IFREG node: %s mode %04o size %ld", S_ISREG(st.st_mode) ? "regular" : "other",
	    (unsigned)(st.st_mode & 07777), (long)st.st_size);
	CHECK(S_ISREG(st.st_mode) && st.st_size == 0);
	CHECK(stat("reg0", &st) == 0);
	say("type 0 node: %s", S_ISREG(st.st_mode) ? "regular" : "other");
	CHECK(S_ISREG(st.st_mode));

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int w = open("fifo", O_WRONLY);
		_exit(w >= 0 && write(w, "through fifo", 12) == 12 ? 0 : 1);
	}
	int r = open("fifo", O_RDONLY);
	CHECK(r >= 0);
	char buf[16] = {0};
	ssize_t n, tot = 0;
	while ((n = read(r, buf + tot, sizeof buf - 1 - tot)) > 0)
		tot += n;
	say("read from fifo: %s", buf);
	CHECK(strcmp(buf, "through fifo") == 0);
	close(r);
	int s;
	CHECK(waitpid(pid, &s, 0) == pid && WIFEXITED(s) && WEXITSTATUS(s) == 0);

	CHECK_ERR(mknod("fifo", S_IFIFO | 0600, 0), EEXIST);
	say("mknod existing name: EEXIST");
	CHECK_ERR(mknod("dir", S_IFDIR | 0700, 0), EPERM);
	say("mknod S_IFDIR: EPERM");
	CHECK_ERR(mkfifo("missing/fifo", 0600), ENOENT);
	say("mkfifo in missing directory: ENOENT");
	contract_pass();
	return 0;
}
