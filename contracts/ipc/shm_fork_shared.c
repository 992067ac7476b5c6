/* A System V shared memory segment made with IPC_PRIVATE is shared across
 * fork: the child inherits the attach, writes, and the parent reads what it
 * wrote. shmctl IPC_STAT reports the size as asked (not rounded to a page),
 * the creator's permission bits and the attach count: 2 while parent and
 * child are attached, 1 after the child exits (exit detaches). IPC_RMID
 * after the last shmdt removes the segment: IPC_STAT on the id then fails
 * with EINVAL. Syscalls: shmget, shmat, shmdt, shmctl, fork, wait4, pipe.
 */
#include "../contract.h"
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

static int id = -1;

static void cleanup(void)
{
	if (id >= 0)
		shmctl(id, IPC_RMID, NULL);
}

int main(void)
{
	id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
	CHECK(id >= 0);
	contract_on_fail(cleanup);
	char *p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1);
	say("fresh segment zero-filled: %s", p[0] == 0 && p[9999] == 0 ? "yes" : "no");
	CHECK(p[0] == 0 && p[9999] == 0);

	int go[2], done[2];
	CHECK(pipe(go) == 0 && pipe(done) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char c;
		strcpy(p + 100, "written by the child");
		write(done[1], "x", 1);
		read(go[0], &c, 1); /* stay attached until the parent has looked */
		_exit(0);
	}
	char c;
	CHECK(read(done[0], &c, 1) == 1);
	say("parent reads: %s", p + 100);
	struct shmid_ds ds;
	CHECK(shmctl(id, IPC_STAT, &ds) == 0);
	say("segsz %lu, mode %o, nattch with the child attached %lu", (unsigned long)ds.shm_segsz,
	    (unsigned)ds.shm_perm.mode & 0777, (unsigned long)ds.shm_nattch);
	CHECK(write(go[1], "x", 1) == 1);
	int st;
	CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st));
	CHECK(strcmp(p + 100, "written by the child") == 0);
	CHECK(ds.shm_segsz == 10000 && (ds.shm_perm.mode & 0777) == 0600 && ds.shm_nattch == 2);
	CHECK(shmctl(id, IPC_STAT, &ds) == 0);
	say("nattch after the child exits: %lu", (unsigned long)ds.shm_nattch);
	CHECK(ds.shm_nattch == 1);

	CHECK(shmdt(p) == 0);
	CHECK(shmctl(id, IPC_RMID, NULL) == 0);
	CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL);
	say("IPC_STAT after shmdt and IPC_RMID: EINVAL");
	id = -1;
	contract_pass();
	return 0;
}
