/* Fixture in Kevlar's layout: fails natively and is listed, so XFAIL. */
#include <stdio.h>

int main(void)
{
	printf("CONTRACT_FAIL wait: listed divergence\n");
	return 1;
}
