/* POSIX record locks are per process and conflict across processes: the
 * parent write-locks bytes 0-9 with F_SETLK; a child's F_GETLK for bytes 5-14
 * reports the conflicting F_WRLCK with the parent's pid, range 0-9, and its
 * own F_SETLK fails with EAGAIN (Linux; POSIX also allows EACCES), while a lock on bytes 10-19
 * succeeds; after the parent unlocks, the child's F_SETLKW acquires at once.
 * Open file description locks (F_OFD_SETLK) conflict even within one process
 * between two opens of the file. Syscalls: fcntl (F_SETLK, F_SETLKW,
 * F_GETLK, F_OFD_SETLK, F_OFD_GETLK), openat, fork, wait4, pipe2.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/wait.h>

#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#endif

static struct flock lk(short type, off_t start, off_t len)
{
	struct flock f;
	memset(&f, 0, sizeof f);
	f.l_type = type;
	f.l_whence = SEEK_SET;
	f.l_start = start;
	f.l_len = len;
	return f;
}

int main(void)
{
	int fd = open("lock.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, 100) == 0);
	struct flock f = lk(F_WRLCK, 0, 10);
	CHECK(fcntl(fd, F_SETLK, &f) == 0);
	pid_t me = getpid();

	int ready[2], go[2];
	CHECK(pipe(ready) == 0 && pipe(go) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int code = 0;
		struct flock g = lk(F_WRLCK, 5, 10);
		if (fcntl(fd, F_GETLK, &g) != 0 || g.l_type != F_WRLCK || g.l_pid != me ||
		    g.l_start != 0 || g.l_len != 10)
			code |= 1;
		g = lk(F_WRLCK, 5, 10);
		errno = 0;
		if (fcntl(fd, F_SETLK, &g) != -1 || errno != EAGAIN)
			code |= 2;
		g = lk(F_WRLCK, 10, 10);
		if (fcntl(fd, F_SETLK, &g) != 0)
			code |= 4;
		char c = 'r';
		write(ready[1], &c, 1);
		read(go[0], &c, 1);
		g = lk(F_WRLCK, 0, 10);
		if (fcntl(fd, F_SETLKW, &g) != 0)
			code |= 8;
		_exit(code);
	}
	char c;
	CHECK(read(ready[0], &c, 1) == 1);
	struct flock q = lk(F_WRLCK, 15, 1);
	CHECK(fcntl(fd, F_GETLK, &q) == 0);
	say("parent sees child's lock on 10-19: %s", q.l_type == F_WRLCK && q.l_pid == pid ? "yes" : "no");
	CHECK(q.l_type == F_WRLCK && q.l_pid == pid);
	f = lk(F_UNLCK, 0, 10);
	CHECK(fcntl(fd, F_SETLK, &f) == 0);
	CHECK(write(go[1], "g", 1) == 1);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st));
	int code = WEXITSTATUS(st);
	say("child F_GETLK reports parent's write lock 0-9: %s", code & 1 ? "no" : "yes");
	say("child F_SETLK on locked range: %s", code & 2 ? "unexpected" : "EAGAIN");
	say("child F_SETLK on free range: %s", code & 4 ? "failed" : "ok");
	say("child F_SETLKW after unlock: %s", code & 8 ? "failed" : "ok");
	CHECK(code == 0);

	int fd2 = open("lock.dat", O_RDWR);
	CHECK(fd2 >= 0);
	struct flock o = lk(F_WRLCK, 0, 1);
	CHECK(fcntl(fd, F_OFD_SETLK, &o) == 0);
	o = lk(F_WRLCK, 0, 1);
	CHECK_ERR(fcntl(fd2, F_OFD_SETLK, &o), EAGAIN);
	say("OFD lock from second open in same process: EAGAIN");
	o = lk(F_RDLCK, 0, 1);
	CHECK(fcntl(fd2, F_OFD_GETLK, &o) == 0);
	say("F_OFD_GETLK reports l_pid -1: %s", o.l_type == F_WRLCK && o.l_pid == -1 ? "yes" : "no");
	CHECK(o.l_type == F_WRLCK && o.l_pid == -1);
	close(fd2);
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
