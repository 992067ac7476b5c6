/* memfd_create gives an anonymous file that behaves like a regular file and
 * can be sealed: write and read it back, size it with ftruncate, map it
 * MAP_SHARED and see stores through read; add F_SEAL_SHRINK and check
 * shrinking fails with EPERM while growing works; add F_SEAL_WRITE (after
 * unmapping) and check write fails with EPERM; F_GET_SEALS reports the seals,
 * and F_SEAL_SEAL forbids further seals with EPERM. A memfd created without
 * MFD_ALLOW_SEALING refuses seals with EPERM. Syscalls: memfd_create (raw),
 * write, pread64, ftruncate, mmap, fcntl (F_ADD_SEALS, F_GET_SEALS).
 */
#include "../contract.h"
#include <fcntl.h>
#include <linux/memfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#ifndef F_ADD_SEALS
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#endif

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = syscall(SYS_memfd_create, "contract", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	CHECK(fd >= 0);
	say("FD_CLOEXEC set by MFD_CLOEXEC: %s", fcntl(fd, F_GETFD) & FD_CLOEXEC ? "yes" : "no");
	CHECK(write(fd, "memfd", 5) == 5);
	char buf[8] = {0};
	CHECK(pread(fd, buf, 5, 0) == 5);
	say("read back: %s", buf);
	CHECK(ftruncate(fd, pg) == 0);
	char *m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);
	m[0] = 'M';
	CHECK(pread(fd, buf, 1, 0) == 1);
	say("read sees mapped store: %c", buf[0]);
	CHECK(buf[0] == 'M');
	CHECK(munmap(m, pg) == 0);

	CHECK(fcntl(fd, F_GET_SEALS) == 0);
	CHECK(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) == 0);
	CHECK_ERR(ftruncate(fd, 1), EPERM);
	say("shrink with F_SEAL_SHRINK: EPERM");
	CHECK(ftruncate(fd, 2 * pg) == 0);
	say("grow with F_SEAL_SHRINK: ok");
	CHECK(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) == 0);
	CHECK_ERR(write(fd, "x", 1), EPERM);
	say("write with F_SEAL_WRITE: EPERM");
	CHECK(fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL) == 0);
	int seals = fcntl(fd, F_GET_SEALS);
	say("seals: shrink=%d write=%d seal=%d grow=%d", !!(seals & F_SEAL_SHRINK),
	    !!(seals & F_SEAL_WRITE), !!(seals & F_SEAL_SEAL), !!(seals & F_SEAL_GROW));
	CHECK(seals == (F_SEAL_SHRINK | F_SEAL_WRITE | F_SEAL_SEAL));
	CHECK_ERR(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), EPERM);
	say("new seal after F_SEAL_SEAL: EPERM");

	int plain = syscall(SYS_memfd_create, "plain", 0);
	CHECK(plain >= 0);
	CHECK_ERR(fcntl(plain, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
	say("seal without MFD_ALLOW_SEALING: EPERM");
	CHECK(close(plain) == 0 && close(fd) == 0);
	contract_pass();
	return 0;
}
