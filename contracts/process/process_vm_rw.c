/* process_vm_readv and process_vm_writev copy between address spaces: the
 * parent reads from a stopped child (its own descendant, same user) the
 * string the child wrote after fork, scattering it over two local iovecs,
 * and writes a new string that the child then sees. On its own pid both
 * work as a memory copy. A remote address that is not mapped gives EFAULT;
 * a pid that does not exist ESRCH; flags other than 0 EINVAL.
 * Syscalls: process_vm_readv, process_vm_writev, fork, wait4, pipe.
 */
#include "../contract.h"
#include <sys/uio.h>
#include <sys/wait.h>

static char shared[32] = "before fork";

int main(void)
{
	int ready[2], go[2];
	CHECK(pipe(ready) == 0 && pipe(go) == 0);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0) {
		char x;
		strcpy(shared, "child's data");
		write(ready[1], "r", 1);
		read(go[0], &x, 1);
		_exit(strcmp(shared, "parent wrote") == 0 ? 0 : 1);
	}
	char x;
	CHECK(read(ready[0], &x, 1) == 1);
	char a[8] = {0}, b[16] = {0};
	struct iovec local[2] = {{a, 7}, {b, 6}}, remote = {shared, 13};
	ssize_t n = process_vm_readv(c, local, 2, &remote, 1, 0);
	say("read %ld bytes from the child: \"%s\" + \"%s\"", (long)n, a, b);
	CHECK(n == 13 && strcmp(a, "child's") == 0 && strcmp(b, " data") == 0);
	say("parent's own copy unchanged: %s", shared);
	struct iovec src = {"parent wrote", 13}, dst = {shared, 13};
	CHECK(process_vm_writev(c, &src, 1, &dst, 1, 0) == 13);
	struct iovec bad = {(void *)8, 4};
	CHECK_ERR(process_vm_readv(c, local, 1, &bad, 1, 0), EFAULT);
	say("unmapped remote address: EFAULT");
	CHECK_ERR(process_vm_readv(c, local, 1, &remote, 1, 1), EINVAL);
	say("flags 1: EINVAL");
	CHECK(write(go[1], "g", 1) == 1);
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("child sees what the parent wrote: %s", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK_ERR(process_vm_readv(c, local, 1, &remote, 1, 0), ESRCH);
	say("reaped child: ESRCH");

	char self[16] = {0};
	struct iovec to = {self, 12}, from = {shared, 12};
	CHECK(process_vm_readv(getpid(), &to, 1, &from, 1, 0) == 12);
	say("own pid: copies \"%s\"", self);
	CHECK(strcmp(self, "before fork") == 0);
	contract_pass();
	return 0;
}
