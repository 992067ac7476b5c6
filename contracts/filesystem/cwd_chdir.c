/* The working directory follows chdir and fchdir and is reported by getcwd:
 * after chdir("sub/deeper") getcwd ends with "/sub/deeper" and relative opens
 * resolve there; chdir("..") goes up one level; fchdir on a saved descriptor
 * returns to the start; getcwd into a buffer one byte too small fails with
 * ERANGE; chdir to a regular file fails with ENOTDIR, to a missing name with
 * ENOENT, and fchdir on a file descriptor with ENOTDIR. Syscalls: chdir,
 * fchdir, getcwd (raw), mkdirat, openat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/syscall.h>

static const char *tail(const char *cwd, int parts)
{
	const char *p = cwd + strlen(cwd);
	while (p > cwd && parts > 0)
		if (*--p == '/')
			parts--;
	return p;
}

int main(void)
{
	char start[PATH_MAX], cwd[PATH_MAX];
	CHECK(syscall(SYS_getcwd, start, sizeof start) > 0);
	int home = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(home >= 0);
	CHECK(mkdir("sub", 0700) == 0 && mkdir("sub/deeper", 0700) == 0);
	CHECK(chdir("sub/deeper") == 0);
	long n = syscall(SYS_getcwd, cwd, sizeof cwd);
	say("getcwd after chdir ends with: %s", tail(cwd, 2));
	CHECK(n == (long)strlen(cwd) + 1 && strcmp(tail(cwd, 2), "/sub/deeper") == 0);
	CHECK(close(open("here", O_CREAT | O_WRONLY, 0600)) == 0);
	CHECK(chdir("..") == 0);
	CHECK(syscall(SYS_getcwd, cwd, sizeof cwd) > 0);
	say("after chdir(\"..\"): %s", tail(cwd, 1));
	CHECK(strcmp(tail(cwd, 1), "/sub") == 0);
	say("file created relative to old cwd is in deeper: %s", access("deeper/here", F_OK) == 0 ? "yes" : "no");
	CHECK(access("deeper/here", F_OK) == 0);

	CHECK(fchdir(home) == 0);
	CHECK(syscall(SYS_getcwd, cwd, sizeof cwd) > 0);
	say("fchdir back to start: %s", strcmp(cwd, start) == 0 ? "yes" : "no");
	CHECK(strcmp(cwd, start) == 0);
	CHECK_ERR(syscall(SYS_getcwd, cwd, strlen(start)), ERANGE);
	say("getcwd buffer one byte short: ERANGE");

	CHECK_ERR(chdir("sub/deeper/here"), ENOTDIR);
	say("chdir to a file: ENOTDIR");
	CHECK_ERR(chdir("missing"), ENOENT);
	say("chdir to missing: ENOENT");
	int f = open("sub/deeper/here", O_RDONLY);
	CHECK(f >= 0);
	CHECK_ERR(fchdir(f), ENOTDIR);
	say("fchdir on a file: ENOTDIR");
	close(f);
	close(home);
	contract_pass();
	return 0;
}
