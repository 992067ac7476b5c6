/* Fixture in Kevlar's layout: dup returns the lowest free descriptor. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	int fd = dup(1);
	printf("dup_lowest %d\n", fd == 3);
	close(fd);
	if (fd != 3) {
		printf("CONTRACT_FAIL dup\n");
		return 1;
	}
	printf("CONTRACT_PASS\n");
	return 0;
}
