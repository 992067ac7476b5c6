/* Starts a daemon (fork, setsid, fork again) that outlives the test, then
 * passes. The daemon must not survive the run. */
#include "../contract.h"

int main(void)
{
	pid_t p = fork();
	if (p == 0) {
		setsid();
		if (fork() == 0)
			for (;;)
				pause(); /* keeps the output pipe open, too */
		_exit(0);
	}
	contract_pass();
	return 0;
}
