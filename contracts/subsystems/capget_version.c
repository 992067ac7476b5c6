/* Checks the capability query ABI: capget with an unknown version fails
 * with EINVAL and writes the kernel's preferred version
 * (_LINUX_CAPABILITY_VERSION_3) back into the header; a version-3 capget of
 * self succeeds and its effective/permitted/inheritable sets equal the
 * CapEff/CapPrm/CapInh lines of /proc/self/status; capset of exactly those
 * sets succeeds for any user; capget of a missing pid fails with ESRCH. The
 * capability values themselves (which differ between root and others) are
 * never printed. Syscalls: capget, capset, open, read. */
#include "../contract.h"
#include <linux/capability.h>
#include <stdint.h>
#include <sys/syscall.h>

static uint64_t status_field(const char *name)
{
	char line[256];
	unsigned long long v = 0;
	int found = 0;
	FILE *f = fopen("/proc/self/status", "r");
	CHECK(f != NULL);
	while (fgets(line, sizeof line, f))
		if (strncmp(line, name, strlen(name)) == 0 &&
		    sscanf(line + strlen(name), "%llx", &v) == 1)
			found = 1;
	fclose(f);
	CHECK(found);
	return v;
}

static uint64_t join(uint32_t lo, uint32_t hi) { return (uint64_t)hi << 32 | lo; }

int main(void)
{
	struct __user_cap_header_struct h = { 0x12345678, 0 };
	struct __user_cap_data_struct d[2];

	CHECK_ERR(syscall(SYS_capget, &h, d), EINVAL);
	CHECK(h.version == _LINUX_CAPABILITY_VERSION_3);
	say("capget bad version: EINVAL, header now 0x%x", h.version);

	h.version = _LINUX_CAPABILITY_VERSION_3;
	h.pid = 0;
	memset(d, 0, sizeof d);
	CHECK(syscall(SYS_capget, &h, d) == 0);
	CHECK(join(d[0].effective, d[1].effective) == status_field("CapEff:"));
	CHECK(join(d[0].permitted, d[1].permitted) == status_field("CapPrm:"));
	CHECK(join(d[0].inheritable, d[1].inheritable) == status_field("CapInh:"));
	say("capget v3 == /proc/self/status CapEff/CapPrm/CapInh");
	CHECK((join(d[0].effective, d[1].effective) &
	       ~join(d[0].permitted, d[1].permitted)) == 0);
	say("effective is a subset of permitted");
	CHECK(syscall(SYS_capset, &h, d) == 0);
	say("capset with unchanged sets: 0");
	h.pid = 0x3fffffff;
	CHECK_ERR(syscall(SYS_capget, &h, d), ESRCH);
	say("capget of missing pid: ESRCH");
	contract_pass();
	return 0;
}
