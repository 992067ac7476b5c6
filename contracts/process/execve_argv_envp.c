/* execve passes argv and envp to the new image exactly: a forked child
 * re-executes this program through /proc/self/exe with argv
 * {"execve_child", "--child", "two words", ""} and an environment of two
 * variables; the new image (seen as argv[1] == "--child") prints argc, every
 * argument and its environment, and exits 42, which the parent collects with
 * wait4. execve of a missing file fails with ENOENT and of a directory with
 * EACCES. Syscalls: fork (clone), execve, wait4, exit_group.
 */
#include "../contract.h"
#include <sys/wait.h>

extern char **environ;

static int child(int argc, char **argv)
{
	say("child argc: %d", argc);
	for (int i = 0; i < argc; i++)
		say("child argv[%d]: \"%s\"", i, argv[i]);
	say("child argv[argc] is NULL: %s", argv[argc] == NULL ? "yes" : "no");
	int n = 0;
	for (char **e = environ; *e; e++, n++)
		say("child env: %s", *e);
	say("child env count: %d", n);
	return 42;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return child(argc, argv);

	char *args[] = {"execve_child", "--child", "two words", "", NULL};
	char *envs[] = {"SYSCOV_A=alpha", "SYSCOV_B=b=c", NULL};
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		execve("/proc/self/exe", args, envs);
		say("CONTRACT_FAIL execve: %s", strerror(errno));
		_exit(127);
	}
	int st;
	CHECK(wait4(pid, &st, 0, NULL) == pid);
	say("child exit status: %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);

	CHECK_ERR(execve("./does-not-exist", args, envs), ENOENT);
	say("execve missing file: ENOENT");
	CHECK_ERR(execve(".", args, envs), EACCES);
	say("execve directory: EACCES");
	contract_pass();
	return 0;
}
