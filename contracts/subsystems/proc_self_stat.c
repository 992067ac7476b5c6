/* Checks /proc/self/stat parsing as ps/top do it, plus the other per-process
 * links: the pid field equals getpid, the comm in parentheses (which may
 * contain spaces and ')') matches PR_SET_NAME, state is R, ppid equals
 * getppid, num_threads is 1; /proc/self/cmdline holds argv NUL-separated;
 * /proc/self/cwd resolves to getcwd and follows chdir; /proc/self/exe
 * resolves to a path that stat()s to the same file as argv[0].
 * Syscalls: prctl, open, read, readlink, getcwd, chdir, stat. */
#include "../contract.h"
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>

static size_t slurp(const char *path, char *buf, size_t n)
{
	int fd = open(path, O_RDONLY);
	ssize_t r;
	size_t got = 0;
	CHECK(fd >= 0);
	while ((r = read(fd, buf + got, n - 1 - got)) > 0)
		got += r;
	CHECK(r == 0);
	close(fd);
	buf[got] = 0;
	return got;
}

int main(int argc, char **argv)
{
	char buf[4096], cwd[4096], lnk[4096], *rp;
	long pid, ppid, threads = 0;
	char state;
	size_t n, off = 0;
	struct stat s1, s2;

	CHECK(prctl(PR_SET_NAME, "a) b", 0, 0, 0) == 0);
	slurp("/proc/self/stat", buf, sizeof buf);
	CHECK(sscanf(buf, "%ld", &pid) == 1 && pid == getpid());
	rp = strrchr(buf, ')');
	CHECK(rp != NULL && strncmp(strchr(buf, '('), "(a) b)", 6) == 0);
	say("pid field == getpid; comm field: (a) b)");
	CHECK(sscanf(rp + 2, "%c %ld", &state, &ppid) == 2);
	CHECK(state == 'R' && ppid == getppid());
	say("state R, ppid == getppid");
	for (int i = 0; i < 18 && rp; i++)
		rp = strchr(rp + 1, ' ');
	CHECK(rp != NULL && sscanf(rp + 1, "%ld", &threads) == 1 && threads == 1);
	say("num_threads: 1");

	n = slurp("/proc/self/cmdline", buf, sizeof buf);
	for (int i = 0; i < argc; i++) {
		CHECK(off < n && strcmp(buf + off, argv[i]) == 0);
		off += strlen(argv[i]) + 1;
	}
	CHECK(off == n);
	say("cmdline == argv (%d entries)", argc);

	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	n = readlink("/proc/self/cwd", lnk, sizeof lnk - 1);
	CHECK(n > 0);
	lnk[n] = 0;
	CHECK(strcmp(lnk, cwd) == 0);
	CHECK(mkdir("sub", 0700) == 0 && chdir("sub") == 0);
	n = readlink("/proc/self/cwd", lnk, sizeof lnk - 1);
	CHECK(n > 0);
	lnk[n] = 0;
	CHECK(strncmp(lnk, cwd, strlen(cwd)) == 0 && strcmp(lnk + n - 4, "/sub") == 0);
	CHECK(chdir("..") == 0 && rmdir("sub") == 0);
	say("/proc/self/cwd == getcwd, follows chdir");

	CHECK(stat("/proc/self/exe", &s1) == 0);
	CHECK(stat(argv[0], &s2) == 0 || argv[0][0] != '/');
	n = readlink("/proc/self/exe", lnk, sizeof lnk - 1);
	CHECK(n > 0 && lnk[0] == '/');
	lnk[n] = 0;
	CHECK(stat(lnk, &s2) == 0);
	CHECK(s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino);
	say("/proc/self/exe: absolute path to this executable");
	contract_pass();
	return 0;
}
