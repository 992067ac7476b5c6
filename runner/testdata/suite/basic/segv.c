/* Crashes with SIGSEGV by writing through a null pointer. */
#include "../contract.h"

int main(void)
{
	printf("about to crash\n");
	fflush(stdout);
	*(volatile int *)0 = 1;
	contract_pass();
	return 0;
}
