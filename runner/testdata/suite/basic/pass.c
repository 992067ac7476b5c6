/* Passes: prints a fact, then CONTRACT_PASS, exits 0. */
#include "../contract.h"

int main(void)
{
	printf("pid_positive %d\n", getpid() > 0);
	contract_pass();
	return 0;
}
