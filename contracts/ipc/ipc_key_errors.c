/* System V IPC keys: IPC_CREAT|IPC_EXCL on a key that exists fails with
 * EEXIST, a lookup without IPC_CREAT of a key that does not exist fails
 * with ENOENT, and a lookup of an existing key returns the same id.
 * IPC_PRIVATE always creates a new object, even with IPC_EXCL. Asking an
 * existing set for more semaphores than it has fails with EINVAL, and
 * asking an existing segment for more bytes than it has fails with EINVAL.
 * Keys are drawn at random and retried on EEXIST, so parallel runs never
 * share one. Syscalls: shmget, semget, msgget, shmctl, semctl, msgctl,
 * getrandom.
 */
#include "../contract.h"
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/random.h>
#include <sys/sem.h>
#include <sys/shm.h>

static int shm = -1, sem = -1, msq = -1, priv1 = -1, priv2 = -1;

static void cleanup(void)
{
	if (shm >= 0)
		shmctl(shm, IPC_RMID, NULL);
	if (sem >= 0)
		semctl(sem, 0, IPC_RMID);
	if (msq >= 0)
		msgctl(msq, IPC_RMID, NULL);
	if (priv1 >= 0)
		msgctl(priv1, IPC_RMID, NULL);
	if (priv2 >= 0)
		msgctl(priv2, IPC_RMID, NULL);
}

/* freshkey returns a key no object of any kind uses, after creating a
 * shared memory segment, a semaphore set and a message queue with it. */
static key_t freshkey(void)
{
	for (int i = 0; i < 100; i++) {
		key_t k;
		CHECK(getrandom(&k, sizeof k, 0) == sizeof k);
		k = (k & 0x3fffffff) | 0x40000000; /* positive, never IPC_PRIVATE */
		shm = shmget(k, 4096, IPC_CREAT | IPC_EXCL | 0600);
		if (shm < 0) {
			CHECK(errno == EEXIST);
			continue;
		}
		sem = semget(k, 2, IPC_CREAT | IPC_EXCL | 0600);
		msq = msgget(k, IPC_CREAT | IPC_EXCL | 0600);
		if (sem >= 0 && msq >= 0)
			return k;
		CHECK(errno == EEXIST);
		cleanup();
		shm = sem = msq = -1;
	}
	CHECK(!"no free key in 100 tries");
	return 0;
}

int main(void)
{
	contract_on_fail(cleanup);
	key_t k = freshkey();
	say("created a segment, a semaphore set and a queue with one key: yes");

	CHECK_ERR(shmget(k, 4096, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	CHECK_ERR(semget(k, 2, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	CHECK_ERR(msgget(k, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	say("IPC_CREAT|IPC_EXCL on the key again: EEXIST for all three");

	CHECK(shmget(k, 0, 0) == shm && semget(k, 0, 0) == sem && msgget(k, 0) == msq);
	CHECK(shmget(k, 4096, IPC_CREAT | 0600) == shm);
	say("lookup of the existing key: same ids");
	CHECK_ERR(semget(k, 3, 0), EINVAL);
	say("semget asking for 3 semaphores of a set of 2: EINVAL");
	CHECK_ERR(shmget(k, 8192, 0), EINVAL);
	say("shmget asking for 8192 bytes of a 4096-byte segment: EINVAL");

	priv1 = msgget(IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0600);
	priv2 = msgget(IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0600);
	say("IPC_PRIVATE twice with IPC_EXCL: two new queues %s", priv1 >= 0 && priv2 >= 0 && priv1 != priv2 ? "yes" : "no");
	CHECK(priv1 >= 0 && priv2 >= 0 && priv1 != priv2);

	cleanup();
	shm = sem = msq = priv1 = priv2 = -1;
	CHECK_ERR(shmget(k, 0, 0), ENOENT);
	CHECK_ERR(semget(k, 0, 0), ENOENT);
	CHECK_ERR(msgget(k, 0), ENOENT);
	say("after IPC_RMID, lookup without IPC_CREAT: ENOENT for all three");
	contract_pass();
	return 0;
}
