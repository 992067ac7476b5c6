/* Does not compile: a BUILD_ERROR. */
#include "../contract.h"

int main(void)
{
	return undeclared_identifier;
}
