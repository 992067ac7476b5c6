/* Hangs with a child and a grandchild that also hang: a TIMEOUT whose
 * whole process tree must be killed. */
#include "../contract.h"

int main(void)
{
	if (fork() == 0) {
		if (fork() == 0)
			for (;;)
				pause();
		for (;;)
			pause();
	}
	printf("hanging\n");
	fflush(stdout);
	for (;;)
		pause();
}
