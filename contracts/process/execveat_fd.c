/* execveat runs a program named by a descriptor: with AT_EMPTY_PATH on a
 * descriptor of the program itself (opened from /proc/self/exe) it
 * re-executes this binary, passing argv and envp through (the child half
 * checks them and prints CONTRACT_PASS). With a directory descriptor and a
 * relative name it fails with ENOENT for a missing name; a descriptor of a
 * non-executable file fails with EACCES; an unknown flag with EINVAL.
 * Syscalls: execveat, open, fork, wait4.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--child") == 0) {
		const char *e = getenv("SYSCOV_EXECVEAT");
		say("child: argv[2] %s, env %s", argv[2], e ? e : "(unset)");
		CHECK(strcmp(argv[2], "second") == 0 && e && strcmp(e, "passed") == 0);
		contract_pass();
		return 0;
	}
	int self = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	CHECK(self >= 0);
	int dir = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(dir >= 0);
	char *noargs[] = {"x", NULL}, *noenv[] = {NULL};
	CHECK_ERR(syscall(SYS_execveat, dir, "missing", noargs, noenv, 0), ENOENT);
	say("relative name that does not exist: ENOENT");
	int plain = open("plain", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(plain >= 0 && write(plain, "#!/bin/sh\n", 10) == 10);
	CHECK_ERR(syscall(SYS_execveat, plain, "", noargs, noenv, AT_EMPTY_PATH), EACCES);
	say("descriptor of a non-executable file: EACCES");
	CHECK_ERR(syscall(SYS_execveat, self, "", noargs, noenv, AT_EMPTY_PATH | 0x40000000), EINVAL);
	say("unknown flag: EINVAL");

	fflush(stdout);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		char *args[] = {argv[0], "--child", "second", NULL};
		char *env[] = {"SYSCOV_EXECVEAT=passed", NULL};
		syscall(SYS_execveat, self, "", args, env, AT_EMPTY_PATH);
		_exit(127);
	}
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
