/* Exits 0 but never prints CONTRACT_PASS last: a FAIL. */
#include "../contract.h"

int main(void)
{
	contract_pass();
	fprintf(stderr, "trailing noise after the pass line\n");
	return 0;
}
