/* Process-shared futexes: the same word in MAP_SHARED memory, used by a
 * parent and a forked child, with the shared (non-PRIVATE) ops. WAIT with a
 * value that does not match fails with EAGAIN and with a 10 ms timeout
 * fails with ETIMEDOUT; WAKE with no waiters returns 0; a PRIVATE wake
 * never finds a waiter of another process (0); a shared WAKE finds the
 * child blocked in a shared WAIT (returns 1), and the child leaves once
 * the word changes. Syscalls: futex (FUTEX_WAIT, FUTEX_WAKE,
 * FUTEX_WAKE_PRIVATE), mmap, fork, wait4, nanosleep, sched_yield.
 */
#include "../contract.h"
#include <linux/futex.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

struct shared {
	atomic_int word;
	atomic_int ready;
};

static long futex(atomic_int *uaddr, int op, int val, const struct timespec *ts)
{
	return syscall(SYS_futex, uaddr, op, val, ts, NULL, 0);
}

int main(void)
{
	struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(sh != MAP_FAILED);
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	CHECK_ERR(futex(&sh->word, FUTEX_WAIT, 1, NULL), EAGAIN);
	say("shared WAIT with mismatched value: EAGAIN");
	CHECK_ERR(futex(&sh->word, FUTEX_WAIT, 0, &ts), ETIMEDOUT);
	say("shared WAIT with 10 ms timeout: ETIMEDOUT");
	CHECK(futex(&sh->word, FUTEX_WAKE, 1, NULL) == 0);
	say("shared WAKE with no waiters: 0");

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		atomic_store(&sh->ready, 1);
		while (atomic_load(&sh->word) == 0) {
			long r = futex(&sh->word, FUTEX_WAIT, 0, NULL);
			if (r != 0 && errno != EAGAIN && errno != EINTR)
				_exit(1);
		}
		_exit(0);
	}
	while (!atomic_load(&sh->ready))
		sched_yield();
	CHECK(futex(&sh->word, FUTEX_WAKE_PRIVATE, 1, NULL) == 0);
	say("PRIVATE WAKE finds no waiter of another process: 0");

	/* Wake until the child is found blocked; it waits again after each
	 * wake, since the word has not changed yet. */
	long woken = 0;
	struct timespec ms = { 0, 1000 * 1000 };
	for (int i = 0; i < 5000 && woken == 0; i++) {
		woken = futex(&sh->word, FUTEX_WAKE, 1, NULL);
		CHECK(woken >= 0);
		if (woken == 0)
			nanosleep(&ms, NULL);
	}
	say("shared WAKE finds the child's shared WAIT: %ld", woken);
	CHECK(woken == 1);

	atomic_store(&sh->word, 1);
	CHECK(futex(&sh->word, FUTEX_WAKE, 1, NULL) >= 0);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("child leaves once the word changes: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	contract_pass();
	return 0;
}
