/* utimensat sets access and modification times with nanosecond input: explicit
 * times (atime 1000000000.5, mtime 1200000000.25) read back exactly through
 * stat (seconds exactly; nanoseconds exactly, or 0 on a file system with
 * one-second granularity); UTIME_OMIT leaves one time alone while the other
 * changes; UTIME_NOW sets a recent time; AT_SYMLINK_NOFOLLOW changes the
 * link's own mtime and not the target's; futimens works on a descriptor. A
 * tv_nsec out of range fails with EINVAL and a missing file with ENOENT.
 * Syscalls: utimensat (explicit, UTIME_OMIT, UTIME_NOW, AT_SYMLINK_NOFOLLOW,
 * NULL path for futimens), newfstatat, clock_gettime.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

int main(void)
{
	int fd = open("ut.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	struct timespec ts[2] = {{1000000000, 500000000}, {1200000000, 250000000}};
	CHECK(utimensat(AT_FDCWD, "ut.dat", ts, 0) == 0);
	struct stat st;
	CHECK(stat("ut.dat", &st) == 0);
	say("atime seconds: %ld", (long)st.st_atim.tv_sec);
	say("mtime seconds: %ld", (long)st.st_mtim.tv_sec);
	CHECK(st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1200000000);
	int ns = (st.st_atim.tv_nsec == 500000000 || st.st_atim.tv_nsec == 0) &&
		 (st.st_mtim.tv_nsec == 250000000 || st.st_mtim.tv_nsec == 0);
	say("nanoseconds preserved or truncated to granularity: %s", ns ? "yes" : "no");
	CHECK(ns);

	struct timespec omit[2] = {{0, UTIME_OMIT}, {1300000000, 0}};
	CHECK(utimensat(AT_FDCWD, "ut.dat", omit, 0) == 0);
	CHECK(stat("ut.dat", &st) == 0);
	say("UTIME_OMIT keeps atime: %s, new mtime seconds: %ld",
	    st.st_atim.tv_sec == 1000000000 ? "yes" : "no", (long)st.st_mtim.tv_sec);
	CHECK(st.st_atim.tv_sec == 1000000000 && st.st_mtim.tv_sec == 1300000000);

	struct timespec now;
	CHECK(clock_gettime(CLOCK_REALTIME, &now) == 0);
	struct timespec setnow[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
	CHECK(futimens(fd, setnow) == 0);
	CHECK(fstat(fd, &st) == 0);
	say("futimens UTIME_NOW sets a current mtime: %s", st.st_mtim.tv_sec >= now.tv_sec - 2 && st.st_mtim.tv_sec <= now.tv_sec + 2 ? "yes" : "no");
	CHECK(st.st_mtim.tv_sec >= now.tv_sec - 2 && st.st_mtim.tv_sec <= now.tv_sec + 2);

	CHECK(symlink("ut.dat", "ut.link") == 0);
	struct timespec lt[2] = {{1100000000, 0}, {1100000000, 0}};
	CHECK(utimensat(AT_FDCWD, "ut.link", lt, AT_SYMLINK_NOFOLLOW) == 0);
	struct stat lst;
	CHECK(lstat("ut.link", &lst) == 0 && stat("ut.dat", &st) == 0);
	say("AT_SYMLINK_NOFOLLOW: link mtime %ld, target untouched: %s", (long)lst.st_mtim.tv_sec,
	    st.st_mtim.tv_sec != 1100000000 ? "yes" : "no");
	CHECK(lst.st_mtim.tv_sec == 1100000000 && st.st_mtim.tv_sec != 1100000000);

	struct timespec bad[2] = {{0, 1000000000}, {0, 0}};
	CHECK_ERR(utimensat(AT_FDCWD, "ut.dat", bad, 0), EINVAL);
	say("tv_nsec out of range: EINVAL");
	CHECK_ERR(utimensat(AT_FDCWD, "missing", ts, 0), ENOENT);
	say("missing file: ENOENT");
	CHECK(close(fd) == 0);
	contract_pass();
	return 0;
}
