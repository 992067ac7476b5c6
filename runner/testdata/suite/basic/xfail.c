/* Fails, and is listed in known-divergences.json: an XFAIL. */
#include "../contract.h"

int main(void)
{
	printf("CONTRACT_FAIL xfail.c: listed divergence\n");
	return 1;
}
