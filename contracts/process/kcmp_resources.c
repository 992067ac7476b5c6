/* kcmp compares kernel objects of two processes: KCMP_FILE is 0 for a
 * descriptor and its dup (one open file description) and non-zero for two
 * opens of the same file; after fork, the child's copy of a descriptor is
 * the same description (0) while the address spaces differ (KCMP_VM
 * non-zero) and the file tables differ (KCMP_FILES non-zero); a process
 * compared with itself gives 0 for KCMP_VM. A descriptor that is not open
 * fails with EBADF, an unknown type with EINVAL, and a pid that does not
 * exist with ESRCH. Syscalls: kcmp, fork, wait4, pipe, open, dup.
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/kcmp.h>
#include <sys/wait.h>

static long kcmp(pid_t a, pid_t b, int type, unsigned long x, unsigned long y)
{
	return syscall(SYS_kcmp, a, b, type, x, y);
}

int main(void)
{
	pid_t me = getpid();
	int a = open("f", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(a >= 0);
	int d = dup(a), b = open("f", O_RDONLY);
	CHECK(d >= 0 && b >= 0);
	say("KCMP_FILE dup: %ld", kcmp(me, me, KCMP_FILE, a, d));
	CHECK(kcmp(me, me, KCMP_FILE, a, d) == 0);
	say("KCMP_FILE two opens differ: %s", kcmp(me, me, KCMP_FILE, a, b) > 0 ? "yes" : "no");
	CHECK(kcmp(me, me, KCMP_FILE, a, b) > 0);
	CHECK(kcmp(me, me, KCMP_VM, 0, 0) == 0);

	int go[2], ready[2];
	CHECK(pipe(go) == 0 && pipe(ready) == 0);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		char x;
		write(ready[1], "r", 1);
		read(go[0], &x, 1);
		_exit(0);
	}
	char x;
	CHECK(read(ready[0], &x, 1) == 1);
	say("child's inherited descriptor is the same file: %s", kcmp(me, c, KCMP_FILE, a, a) == 0 ? "yes" : "no");
	CHECK(kcmp(me, c, KCMP_FILE, a, a) == 0);
	say("address spaces differ: %s, file tables differ: %s", kcmp(me, c, KCMP_VM, 0, 0) > 0 ? "yes" : "no",
	    kcmp(me, c, KCMP_FILES, 0, 0) > 0 ? "yes" : "no");
	CHECK(kcmp(me, c, KCMP_VM, 0, 0) > 0 && kcmp(me, c, KCMP_FILES, 0, 0) > 0);
	CHECK_ERR(kcmp(me, c, KCMP_FILE, a, 999), EBADF);
	say("descriptor not open: EBADF");
	CHECK_ERR(kcmp(me, c, 99, 0, 0), EINVAL);
	say("unknown type: EINVAL");
	CHECK(write(go[1], "g", 1) == 1);
	CHECK(waitpid(c, NULL, 0) == c);
	CHECK_ERR(kcmp(me, c, KCMP_VM, 0, 0), ESRCH);
	say("reaped child: ESRCH");
	contract_pass();
	return 0;
}
