/* mmap rejects bad requests with specific errnos: length 0 gives EINVAL,
 * neither MAP_PRIVATE nor MAP_SHARED gives EINVAL, an unaligned file offset
 * gives EINVAL, a closed descriptor gives EBADF, a shared writable mapping of
 * a read-only descriptor gives EACCES, mapping a directory gives ENODEV, and
 * munmap of an unaligned address gives EINVAL. A read-only private mapping of
 * the same read-only descriptor succeeds. Syscalls: mmap, munmap, openat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>

static long map(size_t len, int prot, int flags, int fd, off_t off)
{
	return syscall(SYS_mmap, NULL, len, prot, flags, fd, off);
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("ro.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, pg) == 0);
	CHECK(close(fd) == 0);
	int ro = open("ro.dat", O_RDONLY);
	CHECK(ro >= 0);

	CHECK_ERR(map(0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
	say("length 0: EINVAL");
	CHECK_ERR(map(pg, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
	say("no MAP_PRIVATE or MAP_SHARED: EINVAL");
	CHECK_ERR(map(pg, PROT_READ, MAP_PRIVATE, ro, 1), EINVAL);
	say("unaligned offset: EINVAL");
	CHECK_ERR(map(pg, PROT_READ, MAP_PRIVATE, 999, 0), EBADF);
	say("bad descriptor: EBADF");
	CHECK_ERR(map(pg, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0), EACCES);
	say("shared writable map of read-only fd: EACCES");
	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	CHECK_ERR(map(pg, PROT_READ, MAP_PRIVATE, dfd, 0), ENODEV);
	say("map a directory: ENODEV");

	void *ok = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, ro, 0);
	say("read-only private map of read-only fd: %s", ok != MAP_FAILED ? "ok" : "failed");
	CHECK(ok != MAP_FAILED);
	CHECK_ERR(syscall(SYS_munmap, (char *)ok + 1, pg), EINVAL);
	say("munmap unaligned: EINVAL");
	CHECK(munmap(ok, pg) == 0);
	CHECK(close(ro) == 0 && close(dfd) == 0);
	contract_pass();
	return 0;
}
