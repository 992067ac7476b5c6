/* Forks a child that writes to a pipe and exits; the parent reads and
 * waits. A multi-process program whose syscalls strace -f can follow to
 * the end (a daemon would keep strace waiting). */
#include "../contract.h"
#include <sys/wait.h>

int main(void)
{
	int p[2];
	char c = 0;
	if (pipe(p) != 0)
		return 1;
	if (fork() == 0) {
		write(p[1], "x", 1);
		_exit(0);
	}
	read(p[0], &c, 1);
	wait(NULL);
	printf("child_wrote %c\n", c);
	contract_pass();
	return 0;
}
