/* System V semaphores across processes: a child blocked in semop (waiting
 * to decrement a 0 semaphore) shows in GETNCNT and wakes when the parent
 * increments; a child that decrements with SEM_UNDO and exits gets the
 * change undone (the value is restored), while a change without SEM_UNDO
 * stays. IPC_RMID wakes a blocked waiter with EIDRM.
 * Syscalls: semget, semctl, semop, fork, wait4, nanosleep.
 */
#include "../contract.h"
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <time.h>

static int id = -1;

static void cleanup(void)
{
	if (id >= 0)
		semctl(id, 0, IPC_RMID);
}

/* waitcnt waits (bounded) until n processes block on sem 0. */
static int waitcnt(int n)
{
	for (int i = 0; i < 5000; i++) {
		if (semctl(id, 0, GETNCNT) == n)
			return 1;
		struct timespec ts = {0, 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	return 0;
}

static int child_exit(pid_t pid)
{
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

int main(void)
{
	id = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	CHECK(id >= 0);
	contract_on_fail(cleanup);

	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		struct sembuf down = {0, -1, 0};
		_exit(semop(id, &down, 1) == 0 ? 0 : 1);
	}
	CHECK(waitcnt(1));
	say("blocked child counted by GETNCNT: yes");
	struct sembuf up = {0, 1, 0};
	CHECK(semop(id, &up, 1) == 0);
	say("child woken by the increment: %s", child_exit(pid) == 0 ? "yes" : "no");
	CHECK(semctl(id, 0, GETVAL) == 0);

	CHECK(semctl(id, 0, SETVAL, 4) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		struct sembuf b[2] = {{0, -3, SEM_UNDO}, {0, -1, 0}};
		_exit(semop(id, b, 2) == 0 && semctl(id, 0, GETVAL) == 0 ? 0 : 1);
	}
	CHECK(child_exit(pid) == 0);
	say("value after a child took 3 with SEM_UNDO and 1 without, then exited: %d", semctl(id, 0, GETVAL));
	CHECK(semctl(id, 0, GETVAL) == 3);

	CHECK(semctl(id, 0, SETVAL, 0) == 0);
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		struct sembuf down = {0, -1, 0};
		_exit(semop(id, &down, 1) == -1 && errno == EIDRM ? 0 : 1);
	}
	CHECK(waitcnt(1));
	CHECK(semctl(id, 0, IPC_RMID) == 0);
	id = -1;
	say("waiter after IPC_RMID: %s", child_exit(pid) == 0 ? "EIDRM" : "other");
	contract_pass();
	return 0;
}
