/* splice moves data between a pipe and a file without user buffers: splice
 * 6 bytes from a file at offset 2 into a pipe (the file offset pointer is
 * advanced, the file's own offset is not), then from the pipe into a second
 * file, and read the result back. tee duplicates pipe data into a second pipe
 * without consuming it. Splicing between two regular files fails with EINVAL,
 * an offset on the pipe side fails with ESPIPE, and an empty pipe with
 * SPLICE_F_NONBLOCK gives EAGAIN. Syscalls: splice, tee, pipe2, openat,
 * pwrite64, pread64, lseek.
 */
#include "../contract.h"
#include <fcntl.h>

int main(void)
{
	int in = open("splice.in", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int out = open("splice.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(in >= 0 && out >= 0);
	CHECK(pwrite(in, "..spliced!..", 12, 0) == 12);
	int p[2], q[2];
	CHECK(pipe(p) == 0 && pipe(q) == 0);

	loff_t off = 2;
	ssize_t n = splice(in, &off, p[1], NULL, 8, 0);
	say("file->pipe spliced: %ld, offset pointer now %ld", (long)n, (long)off);
	CHECK(n == 8 && off == 10);
	say("file's own offset untouched: %ld", (long)lseek(in, 0, SEEK_CUR));
	CHECK(lseek(in, 0, SEEK_CUR) == 0);

	n = tee(p[0], q[1], 8, 0);
	say("tee duplicated: %ld", (long)n);
	CHECK(n == 8);

	n = splice(p[0], NULL, out, NULL, 8, 0);
	say("pipe->file spliced: %ld, out offset %ld", (long)n, (long)lseek(out, 0, SEEK_CUR));
	CHECK(n == 8 && lseek(out, 0, SEEK_CUR) == 8);
	char buf[16] = {0};
	CHECK(pread(out, buf, sizeof buf, 0) == 8);
	say("destination file: %s", buf);
	CHECK(strcmp(buf, "spliced!") == 0);
	memset(buf, 0, sizeof buf);
	CHECK(read(q[0], buf, sizeof buf) == 8);
	say("tee copy: %s", buf);
	CHECK(strcmp(buf, "spliced!") == 0);

	CHECK_ERR(splice(in, NULL, out, NULL, 4, 0), EINVAL);
	say("file->file: EINVAL");
	loff_t poff = 0;
	CHECK(write(p[1], "x", 1) == 1);
	CHECK_ERR(splice(p[0], &poff, out, NULL, 1, 0), ESPIPE);
	say("offset on pipe side: ESPIPE");
	CHECK(read(p[0], buf, 1) == 1);
	CHECK_ERR(splice(p[0], NULL, out, NULL, 1, SPLICE_F_NONBLOCK), EAGAIN);
	say("empty pipe with SPLICE_F_NONBLOCK: EAGAIN");
	close(p[0]);
	close(p[1]);
	close(q[0]);
	close(q[1]);
	close(in);
	close(out);
	contract_pass();
	return 0;
}
