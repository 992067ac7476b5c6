/* sendfile and copy_file_range copy between files inside the kernel:
 * sendfile with an offset pointer copies 5 bytes from offset 3 to the output
 * descriptor's file offset and advances only the pointer; without a pointer
 * it advances the input's file offset; copy_file_range copies bytes between
 * two explicit offsets; at end of input both return 0. sendfile from a
 * write-only descriptor fails with EBADF and copy_file_range with a flag set
 * fails with EINVAL. Syscalls: sendfile, copy_file_range (raw), openat,
 * pwrite64, pread64, lseek.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>

int main(void)
{
	int in = open("sf.in", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int out = open("sf.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(in >= 0 && out >= 0);
	CHECK(pwrite(in, "abcdefghijkl", 12, 0) == 12);

	off_t off = 3;
	ssize_t n = sendfile(out, in, &off, 5);
	say("sendfile with offset: %ld bytes, offset now %ld, input offset %ld, output offset %ld",
	    (long)n, (long)off, (long)lseek(in, 0, SEEK_CUR), (long)lseek(out, 0, SEEK_CUR));
	CHECK(n == 5 && off == 8 && lseek(in, 0, SEEK_CUR) == 0 && lseek(out, 0, SEEK_CUR) == 5);
	CHECK(lseek(in, 10, SEEK_SET) == 10);
	n = sendfile(out, in, NULL, 100);
	say("sendfile without offset: %ld bytes, input offset %ld", (long)n, (long)lseek(in, 0, SEEK_CUR));
	CHECK(n == 2 && lseek(in, 0, SEEK_CUR) == 12);
	say("sendfile at end of input: %ld", (long)sendfile(out, in, NULL, 10));
	char buf[16] = {0};
	CHECK(pread(out, buf, sizeof buf, 0) == 7);
	say("output: %s", buf);
	CHECK(strcmp(buf, "defghkl") == 0);

	loff_t ioff = 0, ooff = 7;
	n = syscall(SYS_copy_file_range, in, &ioff, out, &ooff, 3, 0);
	say("copy_file_range: %ld bytes, offsets now %ld and %ld", (long)n, (long)ioff, (long)ooff);
	CHECK(n == 3 && ioff == 3 && ooff == 10);
	memset(buf, 0, sizeof buf);
	CHECK(pread(out, buf, sizeof buf, 0) == 10);
	say("output: %s", buf);
	CHECK(strcmp(buf, "defghklabc") == 0);
	ioff = 12;
	say("copy_file_range at end of input: %ld", (long)syscall(SYS_copy_file_range, in, &ioff, out, NULL, 3, 0));

	int wo = open("sf.in", O_WRONLY);
	CHECK(wo >= 0);
	CHECK_ERR(sendfile(out, wo, NULL, 1), EBADF);
	say("sendfile from write-only descriptor: EBADF");
	ioff = 0;
	CHECK_ERR(syscall(SYS_copy_file_range, in, &ioff, out, NULL, 1, 1), EINVAL);
	say("copy_file_range with flags: EINVAL");
	close(wo);
	close(in);
	close(out);
	contract_pass();
	return 0;
}
