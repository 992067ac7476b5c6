/* flock locks belong to the open file description: a second open of the
 * same file cannot take LOCK_EX|LOCK_NB while the first holds LOCK_EX
 * (EWOULDBLOCK), while a dup of the locking descriptor shares its lock and
 * may re-lock. Shared locks coexist; an exclusive lock conflicts with them.
 * A child inherits the description and its lock; LOCK_UN from any holder of
 * the description releases it; closing the last descriptor of the
 * description releases it too. An invalid operation fails with EINVAL.
 * Syscalls: flock, open, dup, fork, wait4, close.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>

int main(void)
{
	int a = open("lockfile", O_RDWR | O_CREAT | O_EXCL, 0600);
	int b = open("lockfile", O_RDWR);
	CHECK(a >= 0 && b >= 0);
	CHECK(flock(a, LOCK_EX) == 0);
	CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	CHECK_ERR(flock(b, LOCK_SH | LOCK_NB), EWOULDBLOCK);
	say("second description while the first holds LOCK_EX: EWOULDBLOCK");
	int d = dup(a);
	CHECK(d >= 0 && flock(d, LOCK_EX | LOCK_NB) == 0);
	say("dup of the holder re-locks: ok");

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		/* The inherited descriptor shares the lock: unlock it here. */
		_exit(flock(a, LOCK_UN) == 0 ? 0 : 1);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK(flock(b, LOCK_EX | LOCK_NB) == 0);
	say("after the child's LOCK_UN on the inherited descriptor: second description locks");
	CHECK(flock(b, LOCK_UN) == 0);

	CHECK(flock(a, LOCK_SH) == 0 && flock(b, LOCK_SH | LOCK_NB) == 0);
	say("two shared locks: ok");
	CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	say("upgrade to exclusive while another shares: EWOULDBLOCK");
	CHECK(close(a) == 0 && close(d) == 0);
	CHECK(flock(b, LOCK_EX | LOCK_NB) == 0);
	say("after closing every descriptor of the first description: exclusive ok");
	CHECK_ERR(flock(b, 0), EINVAL);
	say("operation 0: EINVAL");
	CHECK_ERR(flock(-1, LOCK_SH), EBADF);
	CHECK(close(b) == 0);
	contract_pass();
	return 0;
}
