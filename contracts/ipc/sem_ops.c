/* A System V semaphore set: semctl SETVAL/GETVAL and SETALL/GETALL set and
 * read the values; semop applies several operations atomically (all or
 * none); a decrement that would go below zero with IPC_NOWAIT fails with
 * EAGAIN and changes nothing; a wait-for-zero on a non-zero semaphore with
 * IPC_NOWAIT fails with EAGAIN too; semtimedop with a short timeout fails
 * with EAGAIN when it cannot proceed. GETNCNT is 0 with no waiter, and
 * IPC_STAT reports sem_nsems. Syscalls: semget, semctl, semop,
 * semtimedop.
 */
#include "../contract.h"
#include <sys/ipc.h>
#include <sys/sem.h>
#include <time.h>

static int id = -1;

static void cleanup(void)
{
	if (id >= 0)
		semctl(id, 0, IPC_RMID);
}

int main(void)
{
	id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
	CHECK(id >= 0);
	contract_on_fail(cleanup);
	struct semid_ds ds;
	CHECK(semctl(id, 0, IPC_STAT, &ds) == 0);
	say("sem_nsems: %lu", (unsigned long)ds.sem_nsems);
	CHECK(ds.sem_nsems == 3);
	say("new semaphores are 0: %s", semctl(id, 2, GETVAL) == 0 ? "yes" : "no");
	CHECK(semctl(id, 2, GETVAL) == 0);

	CHECK(semctl(id, 0, SETVAL, 5) == 0);
	say("GETVAL after SETVAL 5: %d", semctl(id, 0, GETVAL));
	CHECK(semctl(id, 0, GETVAL) == 5);
	unsigned short all[3] = {1, 2, 3}, got[3] = {0};
	CHECK(semctl(id, 0, SETALL, all) == 0 && semctl(id, 0, GETALL, got) == 0);
	say("GETALL after SETALL: %u %u %u", got[0], got[1], got[2]);
	CHECK(got[0] == 1 && got[1] == 2 && got[2] == 3);

	/* Atomic: sem 0 -1 would succeed, sem 1 -5 cannot: nothing changes. */
	struct sembuf two[2] = {{0, -1, IPC_NOWAIT}, {1, -5, IPC_NOWAIT}};
	CHECK_ERR(semop(id, two, 2), EAGAIN);
	say("semop that cannot complete with IPC_NOWAIT: EAGAIN, sem 0 still %d", semctl(id, 0, GETVAL));
	CHECK(semctl(id, 0, GETVAL) == 1);
	two[1].sem_op = -2;
	CHECK(semop(id, two, 2) == 0);
	say("both decrements applied: %d %d", semctl(id, 0, GETVAL), semctl(id, 1, GETVAL));
	CHECK(semctl(id, 0, GETVAL) == 0 && semctl(id, 1, GETVAL) == 0);

	struct sembuf zero = {2, 0, IPC_NOWAIT};
	CHECK_ERR(semop(id, &zero, 1), EAGAIN);
	say("wait-for-zero on 3 with IPC_NOWAIT: EAGAIN");
	struct sembuf down = {0, -1, 0};
	struct timespec ts = {0, 20 * 1000 * 1000};
	CHECK_ERR(semtimedop(id, &down, 1, &ts), EAGAIN);
	say("semtimedop that cannot proceed: EAGAIN after the timeout");
	say("GETNCNT with no waiter: %d", semctl(id, 0, GETNCNT));
	CHECK(semctl(id, 0, GETNCNT) == 0);
	struct sembuf bad = {3, 1, 0};
	CHECK_ERR(semop(id, &bad, 1), EFBIG);
	say("semaphore number out of range: EFBIG");

	CHECK(semctl(id, 0, IPC_RMID) == 0);
	CHECK_ERR(semctl(id, 0, GETVAL), EINVAL);
	say("GETVAL after IPC_RMID: EINVAL");
	id = -1;
	contract_pass();
	return 0;
}
