/* Memory locking as accounted in /proc/self/status VmLck: mlock of one
 * page adds one page and munlock removes it; mlock2 with MLOCK_ONFAULT locks a
 * range too; mlockall(MCL_FUTURE) locks mappings made afterwards and
 * munlockall undoes everything. Unknown flags fail with EINVAL (mlock2
 * flag 2, mlockall with only MCL_ONFAULT). Only a few pages are locked, so
 * the default RLIMIT_MEMLOCK of an unprivileged user is enough.
 * Syscalls: mlock, munlock, mlock2, mlockall, munlockall, mmap, munmap,
 * open, read.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>

/* vmlck returns VmLck from /proc/self/status in pages, or -1. */
static long vmlck(void)
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	char *p = strstr(buf, "VmLck:");
	return p ? strtol(p + 6, NULL, 10) * 1024 / sysconf(_SC_PAGESIZE) : -1;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED);
	long base = vmlck();
	say("VmLck at start: %ld pages", base);
	CHECK(base == 0);
	CHECK(mlock(m, pg) == 0);
	say("after mlock of one page: %ld pages", vmlck());
	CHECK(vmlck() == 1);
	CHECK(munlock(m, pg) == 0);
	say("after munlock: %ld pages", vmlck());
	CHECK(vmlck() == 0);

	CHECK(syscall(SYS_mlock2, m, 2 * pg, MLOCK_ONFAULT) == 0);
	say("after mlock2(MLOCK_ONFAULT) of two pages: %ld pages", vmlck());
	CHECK(vmlck() == 2);
	CHECK_ERR(syscall(SYS_mlock2, m, pg, 2), EINVAL);
	say("mlock2 with unknown flag: EINVAL");
	CHECK(munlock(m, 2 * pg) == 0 && vmlck() == 0);

	CHECK_ERR(mlockall(MCL_ONFAULT), EINVAL);
	say("mlockall(MCL_ONFAULT) alone: EINVAL");
	CHECK(mlockall(MCL_FUTURE) == 0);
	char *f = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(f != MAP_FAILED);
	long after = vmlck();
	CHECK(munlockall() == 0);
	say("mapping made after mlockall(MCL_FUTURE) is locked: %s", after == 1 ? "yes" : "no");
	CHECK(after == 1);
	say("after munlockall: %ld pages", vmlck());
	CHECK(vmlck() == 0);
	CHECK(munmap(f, pg) == 0 && munmap(m, 4 * pg) == 0);
	contract_pass();
	return 0;
}
