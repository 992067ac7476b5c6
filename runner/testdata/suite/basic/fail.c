/* Fails: reports a broken contract and exits 1. */
#include "../contract.h"

int main(void)
{
	printf("CONTRACT_FAIL fail.c: expected failure\n");
	return 1;
}
