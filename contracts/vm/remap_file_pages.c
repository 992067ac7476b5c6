/* remap_file_pages (deprecated, emulated by the kernel since Linux 4.0)
 * rearranges which file pages a shared file mapping shows: after remapping
 * the first page of the window to file page 2, the window's first page reads
 * page 2's data and the second page still reads page 1; a write through the
 * remapped page lands in file page 2. A private mapping fails with EINVAL.
 * Syscalls: remap_file_pages, mmap, munmap, open, pwrite64, pread64,
 * ftruncate.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("pages", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, 3 * pg) == 0);
	for (int i = 0; i < 3; i++) {
		char tag[16];
		snprintf(tag, sizeof tag, "page %d", i);
		CHECK(pwrite(fd, tag, strlen(tag) + 1, i * pg) == (ssize_t)strlen(tag) + 1);
	}
	char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);
	say("before: %s | %s | %s", m, m + pg, m + 2 * pg);
	CHECK(remap_file_pages(m, pg, 0, 2, 0) == 0);
	say("after remapping window page 0 to file page 2: %s | %s | %s", m, m + pg, m + 2 * pg);
	CHECK(strcmp(m, "page 2") == 0 && strcmp(m + pg, "page 1") == 0);
	strcpy(m, "new 2");
	CHECK(msync(m, 3 * pg, MS_SYNC) == 0);
	char buf[16] = {0};
	CHECK(pread(fd, buf, sizeof buf, 2 * pg) > 0);
	say("file page 2 after writing through the remapped page: %s", buf);
	CHECK(strcmp(buf, "new 2") == 0);
	CHECK(pread(fd, buf, sizeof buf, 0) > 0);
	say("file page 0 untouched: %s", buf);
	CHECK(strcmp(buf, "page 0") == 0);

	char *priv = mmap(NULL, 2 * pg, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(priv != MAP_FAILED);
	CHECK_ERR(remap_file_pages(priv, pg, 0, 1, 0), EINVAL);
	say("private mapping: EINVAL");
	CHECK(munmap(priv, 2 * pg) == 0 && munmap(m, 3 * pg) == 0);
	contract_pass();
	return 0;
}
