/* Fixture in Kevlar's layout: getppid returns a positive pid. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("ppid_positive %d\n", getppid() > 0);
	printf("CONTRACT_PASS\n");
	return 0;
}
