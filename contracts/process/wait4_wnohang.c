/* wait4 with WNOHANG does not block: while a child is still running (blocked
 * reading a pipe) wait4(pid, WNOHANG) returns 0; after the parent releases it
 * and it exits with status 7, a blocking wait4 returns its pid and the status,
 * and rusage is filled in. A further wait4 finds no children (ECHILD), also
 * with WNOHANG, and wait4 rejects the waitid-only flag WNOWAIT with EINVAL.
 * Syscalls: pipe2, fork, wait4 (WNOHANG), read, write.
 */
#include "../contract.h"
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char c;
		close(p[1]);
		_exit(read(p[0], &c, 1) == 1 ? 7 : 99);
	}
	close(p[0]);
	int st = -1;
	pid_t r = wait4(pid, &st, WNOHANG, NULL);
	say("wait4 WNOHANG on running child: %d", (int)r);
	CHECK(r == 0);
	r = wait4(-1, &st, WNOHANG, NULL);
	say("wait4(-1) WNOHANG on running child: %d", (int)r);
	CHECK(r == 0);

	CHECK(write(p[1], "x", 1) == 1);
	struct rusage ru;
	memset(&ru, 0xff, sizeof ru);
	r = wait4(pid, &st, 0, &ru);
	say("blocking wait4 returned child pid: %s", r == pid ? "yes" : "no");
	CHECK(r == pid);
	say("exit status: %d", WEXITSTATUS(st));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
	say("rusage filled: %s", ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 ? "yes" : "no");

	CHECK_ERR(wait4(-1, &st, 0, NULL), ECHILD);
	say("wait4 with no children: ECHILD");
	CHECK_ERR(wait4(-1, &st, WNOHANG, NULL), ECHILD);
	say("wait4 WNOHANG with no children: ECHILD");
	CHECK_ERR(wait4(-1, &st, WNOWAIT, NULL), EINVAL);
	say("wait4 with waitid-only WNOWAIT: EINVAL");
	close(p[1]);
	contract_pass();
	return 0;
}
