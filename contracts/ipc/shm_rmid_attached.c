/* IPC_RMID on an attached System V segment only marks it for destruction:
 * the mapping stays usable, IPC_STAT still answers and shows SHM_DEST in
 * the mode, and the segment is gone once the last attach ends (IPC_STAT
 * then fails with EINVAL). An attach with SHM_RDONLY maps the segment
 * read-only: writing through it raises SIGSEGV (seen in a child). shmdt of
 * an address that is not an attach fails with EINVAL. Marking for removal
 * right after creation means nothing outlives the process.
 * Syscalls: shmget, shmat, shmdt, shmctl, fork, wait4, rt_sigaction, prctl.
 */
#include "../contract.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int id = shmget(IPC_PRIVATE, pg, IPC_CREAT | 0600);
	CHECK(id >= 0);
	char *p = shmat(id, NULL, 0);
	if (p == (void *)-1)
		shmctl(id, IPC_RMID, NULL);
	CHECK(p != (void *)-1);
	CHECK(shmctl(id, IPC_RMID, NULL) == 0); /* from here on nothing can leak */
	strcpy(p, "still mapped");
	say("after IPC_RMID the mapping reads: %s", p);
	CHECK(strcmp(p, "still mapped") == 0);
	struct shmid_ds ds;
	CHECK(shmctl(id, IPC_STAT, &ds) == 0);
	say("SHM_DEST set: %s, nattch %lu", ds.shm_perm.mode & SHM_DEST ? "yes" : "no", (unsigned long)ds.shm_nattch);
	CHECK((ds.shm_perm.mode & SHM_DEST) && ds.shm_nattch == 1);

	char *ro = shmat(id, NULL, SHM_RDONLY);
	CHECK(ro != (void *)-1);
	say("read-only attach sees: %s", ro);
	CHECK(strcmp(ro, "still mapped") == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		/* No core dump: a host's core_pattern may pipe it to a helper. */
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
		signal(SIGSEGV, SIG_DFL);
		ro[0] = 'X';
		_exit(0);
	}
	int st;
	CHECK(waitpid(pid, &st, 0) == pid);
	say("write through SHM_RDONLY: %s", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV ? "SIGSEGV" : "no fault");
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);

	CHECK_ERR(shmdt(p + 1), EINVAL);
	say("shmdt of a non-attach address: EINVAL");
	CHECK(shmdt(ro) == 0 && shmdt(p) == 0);
	CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL);
	say("after the last shmdt: EINVAL");
	contract_pass();
	return 0;
}
