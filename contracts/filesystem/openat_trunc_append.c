/* O_TRUNC empties an existing file on open and O_APPEND makes every write
 * land at the current end of file regardless of the offset: a 10-byte file
 * opened with O_TRUNC has size 0; with O_APPEND, a write after lseek to 0
 * still appends, the offset afterwards is the new end, and a second
 * descriptor's write in between is not overwritten. openat is called
 * directly: musl's open() issues the older open syscall on x86_64.
 * Syscalls: openat (O_TRUNC, O_APPEND), write, lseek, fstat,
 * pread64.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>

static long size_of(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	int fd = openat(AT_FDCWD, "ta.dat", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "0123456789", 10) == 10);
	CHECK(close(fd) == 0);
	say("size before O_TRUNC: %ld", size_of("ta.dat"));
	fd = openat(AT_FDCWD, "ta.dat", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0);
	say("size after open with O_TRUNC: %ld", size_of("ta.dat"));
	CHECK(size_of("ta.dat") == 0);
	CHECK(write(fd, "base", 4) == 4);
	CHECK(close(fd) == 0);

	int ap = openat(AT_FDCWD, "ta.dat", O_WRONLY | O_APPEND);
	int other = openat(AT_FDCWD, "ta.dat", O_WRONLY);
	CHECK(ap >= 0 && other >= 0);
	say("O_APPEND open offset: %ld", (long)lseek(ap, 0, SEEK_CUR));
	CHECK(lseek(ap, 0, SEEK_SET) == 0);
	CHECK(write(ap, "+a", 2) == 2);
	say("offset after append: %ld", (long)lseek(ap, 0, SEEK_CUR));
	CHECK(lseek(ap, 0, SEEK_CUR) == 6);
	CHECK(lseek(other, 6, SEEK_SET) == 6 && write(other, "+o", 2) == 2);
	CHECK(lseek(ap, 1, SEEK_SET) == 1);
	CHECK(write(ap, "+b", 2) == 2);
	char buf[16] = {0};
	int rd = openat(AT_FDCWD, "ta.dat", O_RDONLY);
	CHECK(rd >= 0 && pread(rd, buf, sizeof buf, 0) == 10);
	say("content: %s", buf);
	CHECK(strcmp(buf, "base+a+o+b") == 0);
	close(rd);
	close(other);
	CHECK(close(ap) == 0);
	contract_pass();
	return 0;
}
