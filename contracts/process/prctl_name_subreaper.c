/* prctl manages the thread name and the child-subreaper flag: PR_SET_NAME
 * stores a name that PR_GET_NAME returns truncated to 15 bytes, and that
 * /proc/self/comm shows; PR_SET_CHILD_SUBREAPER makes this process adopt
 * orphaned descendants, so a grandchild whose parent has exited reports this
 * process as its parent and can be reaped here with wait4. PR_GET_CHILD_SUBREAPER
 * reads the flag back; an unknown option fails with EINVAL. Syscalls: prctl
 * (PR_SET_NAME, PR_GET_NAME, PR_SET_CHILD_SUBREAPER, PR_GET_CHILD_SUBREAPER),
 * openat/read on /proc/self/comm, fork, getppid, wait4, pipe2.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>

int main(void)
{
	CHECK(prctl(PR_SET_NAME, "syscov-contract-name-long", 0, 0, 0) == 0);
	char name[32] = {0};
	CHECK(prctl(PR_GET_NAME, name, 0, 0, 0) == 0);
	say("PR_GET_NAME: %s", name);
	CHECK(strlen(name) == 15);
	int fd = open("/proc/self/comm", O_RDONLY);
	CHECK(fd >= 0);
	char comm[32] = {0};
	CHECK(read(fd, comm, sizeof comm - 1) > 0);
	close(fd);
	comm[strcspn(comm, "\n")] = 0;
	say("/proc/self/comm: %s", comm);
	CHECK(strcmp(comm, name) == 0);

	int flag = -1;
	CHECK(prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0) == 0);
	say("subreaper before: %d", flag);
	CHECK(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0);
	CHECK(prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0) == 0);
	say("subreaper after set: %d", flag);
	CHECK(flag == 1);

	pid_t me = getpid();
	int p[2], gp[2];
	CHECK(pipe(p) == 0 && pipe(gp) == 0);
	pid_t mid = fork();
	CHECK(mid >= 0);
	if (mid == 0) {
		pid_t g = fork();
		if (g < 0)
			_exit(1);
		if (g == 0) {
			char c;
			close(p[1]);
			/* Wait until the middle process has exited. */
			read(p[0], &c, 1);
			_exit(getppid() == me ? 5 : 6);
		}
		_exit(0);
	}
	close(p[0]);
	int st;
	CHECK(waitpid(mid, &st, 0) == mid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	say("middle process exited: yes");
	CHECK(write(p[1], "x", 1) == 1);
	pid_t g = waitpid(-1, &st, 0);
	say("grandchild reaped by subreaper: %s", g > 0 ? "yes" : "no");
	CHECK(g > 0);
	say("grandchild saw subreaper as parent: %s",
	    WIFEXITED(st) && WEXITSTATUS(st) == 5 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5);

	CHECK_ERR(prctl(0x7fff1234, 0, 0, 0, 0), EINVAL);
	say("unknown prctl option: EINVAL");
	contract_pass();
	return 0;
}
