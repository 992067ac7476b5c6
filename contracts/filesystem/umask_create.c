/* umask masks the permission bits of newly created files, directories and
 * FIFOs but not of chmod: umask returns the previous mask; with umask 027 a
 * file created with 0666 gets 0640, a directory created with 0777 gets 0750,
 * and a FIFO created with 0666 gets 0640, while chmod 0666 afterwards is
 * applied unmasked; only the low nine bits are kept (umask(0777 | 07000)
 * reads back 0777). Syscalls: umask, openat, mkdirat, mknodat, fchmodat,
 * newfstatat.
 */
#include "../contract.h"
#include <fcntl.h>
#include <sys/stat.h>

static unsigned mode_of(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (unsigned)(st.st_mode & 07777) : 0xffff;
}

int main(void)
{
	umask(022);
	mode_t old = umask(027);
	say("previous mask: %03o", (unsigned)old);
	CHECK(old == 022);
	int fd = open("f", O_WRONLY | O_CREAT | O_TRUNC, 0666);
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK(mkdir("d", 0777) == 0 && mkfifo("p", 0666) == 0);
	say("file 0666 under 027: %04o", mode_of("f"));
	say("directory 0777 under 027: %04o", mode_of("d"));
	say("fifo 0666 under 027: %04o", mode_of("p"));
	CHECK(mode_of("f") == 0640 && mode_of("d") == 0750 && mode_of("p") == 0640);
	CHECK(chmod("f", 0666) == 0);
	say("chmod 0666 is not masked: %04o", mode_of("f"));
	CHECK(mode_of("f") == 0666);
	umask(0777 | 07000);
	old = umask(0);
	say("umask keeps low nine bits: %04o", (unsigned)old);
	CHECK(old == 0777);
	contract_pass();
	return 0;
}
