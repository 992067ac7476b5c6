/* Forks without end. Only the real tracer's pids limit contains it, so
 * only the privileged end-to-end test runs it. */
#include <unistd.h>

int main(void)
{
	for (;;)
		fork();
}
