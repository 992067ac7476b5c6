/* The older path calls that newer libcs no longer issue but static binaries
 * still do: creat is open(O_CREAT|O_WRONLY|O_TRUNC) (it truncates an
 * existing file and returns a write-only descriptor); utimes and futimesat
 * set access and modification times in microseconds (NULL means now, here
 * only checked to be newer than what was set); mknodat makes a FIFO
 * relative to a directory descriptor, and EEXIST when the name exists.
 * Syscalls: creat, utimes, futimesat, mknodat, open, stat, fcntl,
 * write.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>

int main(void)
{
	int fd = syscall(SYS_creat, "made", 0640);
	CHECK(fd >= 0);
	say("creat gives a write-only descriptor: %s", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY ? "yes" : "no");
	CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY);
	CHECK(write(fd, "12345", 5) == 5 && close(fd) == 0);
	fd = syscall(SYS_creat, "made", 0600);
	CHECK(fd >= 0);
	struct stat st;
	CHECK(stat("made", &st) == 0);
	say("creat of an existing file truncates: size %ld, mode kept %o", (long)st.st_size, st.st_mode & 0777);
	CHECK(st.st_size == 0 && (st.st_mode & 0777) == 0640);
	close(fd);

	struct timeval tv[2] = {{1000000000, 250000}, {1200000000, 500000}};
	CHECK(syscall(SYS_utimes, "made", tv) == 0);
	CHECK(stat("made", &st) == 0);
	say("utimes: atime %ld.%06ld, mtime %ld.%06ld", (long)st.st_atim.tv_sec, st.st_atim.tv_nsec / 1000,
	    (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec / 1000);
	CHECK(st.st_atim.tv_sec == 1000000000 && st.st_atim.tv_nsec == 250000000);
	CHECK(st.st_mtim.tv_sec == 1200000000 && st.st_mtim.tv_nsec == 500000000);

	int dir = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(dir >= 0);
	tv[1].tv_sec = 1300000000;
	CHECK(syscall(SYS_futimesat, dir, "made", tv) == 0);
	CHECK(stat("made", &st) == 0);
	say("futimesat: mtime %ld", (long)st.st_mtim.tv_sec);
	CHECK(st.st_mtim.tv_sec == 1300000000);
	CHECK(syscall(SYS_futimesat, dir, "made", NULL) == 0);
	CHECK(stat("made", &st) == 0);
	say("futimesat(NULL) sets now: %s", st.st_mtim.tv_sec > 1300000000 ? "yes" : "no");
	CHECK(st.st_mtim.tv_sec > 1300000000);
	tv[0].tv_usec = 1000000;
	CHECK_ERR(syscall(SYS_utimes, "made", tv), EINVAL);
	say("tv_usec of 1000000: EINVAL");

	CHECK(syscall(SYS_mknodat, dir, "fifo", S_IFIFO | 0600, 0) == 0);
	CHECK(stat("fifo", &st) == 0);
	say("mknodat FIFO: %s", S_ISFIFO(st.st_mode) ? "is a FIFO" : "other");
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_ERR(syscall(SYS_mknodat, dir, "fifo", S_IFIFO | 0600, 0), EEXIST);
	say("mknodat on an existing name: EEXIST");
	CHECK(close(dir) == 0);
	contract_pass();
	return 0;
}
