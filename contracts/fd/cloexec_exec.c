/* execve closes exactly the descriptors marked close-on-exec: before
 * re-executing itself through /proc/self/exe, a child opens one descriptor
 * with O_CLOEXEC (number 40), one plain (41) and one plain that it then marks
 * with F_SETFD (42); the new image (argv[1] == "--child") finds 40 and 42
 * closed (EBADF) and 41 still open, at offset 3 and readable. Syscalls:
 * openat (O_CLOEXEC), dup3, fcntl (F_SETFD, F_GETFD), execve, lseek, read,
 * fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/wait.h>

static int child(void)
{
	errno = 0;
	int a = fcntl(40, F_GETFD), ea = errno;
	say("O_CLOEXEC descriptor after exec: %s", a == -1 && ea == EBADF ? "closed" : "open");
	errno = 0;
	int c = fcntl(42, F_GETFD), ec = errno;
	say("F_SETFD FD_CLOEXEC descriptor after exec: %s", c == -1 && ec == EBADF ? "closed" : "open");
	int b = fcntl(41, F_GETFD);
	say("plain descriptor after exec: %s", b == 0 ? "open" : "closed");
	if (b != 0 || a != -1 || c != -1)
		return 1;
	say("inherited offset: %ld", (long)lseek(41, 0, SEEK_CUR));
	char buf[8] = {0};
	if (read(41, buf, sizeof buf) != 3)
		return 2;
	say("read from inherited descriptor: %s", buf);
	return strcmp(buf, "def") == 0 ? 0 : 3;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return child();
	int fd = open("ce.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "abcdef", 6) == 6);
	CHECK(close(fd) == 0);

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int a = open("ce.dat", O_RDONLY | O_CLOEXEC);
		int b = open("ce.dat", O_RDONLY);
		int c = open("ce.dat", O_RDONLY);
		if (a < 0 || b < 0 || c < 0)
			_exit(20);
		if (dup3(a, 40, O_CLOEXEC) != 40 || dup2(b, 41) != 41 || dup2(c, 42) != 42)
			_exit(21);
		if (fcntl(42, F_SETFD, FD_CLOEXEC) != 0 || lseek(41, 3, SEEK_SET) != 3)
			_exit(22);
		close(a);
		close(b);
		close(c);
		char *args[] = {"cloexec_exec", "--child", NULL};
		execv("/proc/self/exe", args);
		_exit(23);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("child status: %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
