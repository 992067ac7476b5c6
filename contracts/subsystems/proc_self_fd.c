/* Checks the /proc/self/fd view of the descriptor table: readlink of a
 * regular file's entry gives cwd + "/name", pipes and sockets read as
 * "pipe:[" and "socket:[" links, /proc/self/fdinfo shows pos: after lseek and
 * the O_APPEND bit in flags:, opening /proc/self/fd/N reopens the file with
 * a fresh offset, the directory lists the open descriptors, and a
 * closed descriptor's entry fails with ENOENT. Syscalls: open, readlink,
 * getcwd, lseek, pipe, socketpair, getdents64, close. */
#include "../contract.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>

static char *link_of(int fd, char *buf, size_t n)
{
	char path[64];
	ssize_t r;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	r = readlink(path, buf, n - 1);
	CHECK(r > 0);
	buf[r] = 0;
	return buf;
}

int main(void)
{
	char cwd[4096], want[4200], got[4200], path[64], line[128];
	int fd, fd2, p[2], sv[2], seen[3] = { 0 };
	unsigned long long pos = 99, flags = 0;
	DIR *d;
	struct dirent *e;
	FILE *f;

	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	fd = open("fdfile", O_RDWR | O_CREAT | O_TRUNC | O_APPEND, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "0123456789", 10) == 10);
	snprintf(want, sizeof want, "%s/fdfile", strcmp(cwd, "/") ? cwd : "");
	CHECK(strcmp(link_of(fd, got, sizeof got), want) == 0);
	say("file link == cwd/fdfile");

	CHECK(pipe2(p, 0) == 0 && socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	CHECK(strncmp(link_of(p[0], got, sizeof got), "pipe:[", 6) == 0);
	CHECK(strncmp(link_of(sv[0], got, sizeof got), "socket:[", 8) == 0);
	say("pipe link: pipe:[...], socket link: socket:[...]");

	CHECK(lseek(fd, 4, SEEK_SET) == 4);
	snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	CHECK(f != NULL);
	while (fgets(line, sizeof line, f)) {
		sscanf(line, "pos: %llu", &pos);
		sscanf(line, "flags: %llo", &flags);
	}
	fclose(f);
	CHECK(pos == 4 && (flags & O_APPEND));
	say("fdinfo: pos 4, O_APPEND in flags");

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	fd2 = open(path, O_RDONLY);
	CHECK(fd2 >= 0 && lseek(fd2, 0, SEEK_CUR) == 0);
	CHECK(read(fd2, got, 3) == 3 && memcmp(got, "012", 3) == 0);
	CHECK(lseek(fd, 0, SEEK_CUR) == 4);
	say("reopen via /proc/self/fd: new offset 0, original offset still 4");
	close(fd2);

	d = opendir("/proc/self/fd");
	CHECK(d != NULL);
	while ((e = readdir(d)) != NULL) {
		int n;
		if (e->d_name[0] == '.')
			continue;
		n = atoi(e->d_name);
		if (n == fd) seen[0] = 1;
		if (n == p[0]) seen[1] = 1;
		if (n == sv[1]) seen[2] = 1;
	}
	CHECK(seen[0] && seen[1] && seen[2]);
	say("directory lists the open descriptors");
	closedir(d);

	close(p[1]);
	snprintf(path, sizeof path, "/proc/self/fd/%d", p[1]);
	CHECK_ERR(readlink(path, got, sizeof got), ENOENT);
	say("closed descriptor entry: ENOENT");
	close(p[0]), close(sv[0]), close(sv[1]), close(fd);
	CHECK(unlink("fdfile") == 0);
	contract_pass();
	return 0;
}
