/* Checks Linux abstract AF_UNIX addresses (sun_path starting with a NUL
 * byte): binding one creates no file in the current directory, a second bind
 * of the same name fails with EADDRINUSE, a datagram sent to the name
 * arrives, and getsockname returns the same name and length. The name embeds
 * the pid so parallel runs do not collide; it is never printed. Syscalls:
 * socket, bind, getsockname, sendto, recvfrom, getdents64 (via opendir). */
#include "../contract.h"
#include <dirent.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX }, g;
	socklen_t alen, glen = sizeof g;
	int s, t, n = 0;
	char buf[8];
	DIR *d;
	struct dirent *e;

	snprintf(a.sun_path + 1, sizeof a.sun_path - 1, "syscov-abs-%d", (int)getpid());
	alen = offsetof(struct sockaddr_un, sun_path) + 1 + strlen(a.sun_path + 1);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	t = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK(s >= 0 && t >= 0);
	CHECK(bind(s, (struct sockaddr *)&a, alen) == 0);
	say("bind abstract name: ok");
	CHECK_ERR(bind(t, (struct sockaddr *)&a, alen), EADDRINUSE);
	say("second bind of same abstract name: EADDRINUSE");

	CHECK(getsockname(s, (struct sockaddr *)&g, &glen) == 0);
	CHECK(glen == alen && memcmp(&g, &a, alen) == 0);
	say("getsockname returns the same abstract name and length");

	d = opendir(".");
	CHECK(d != NULL);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	CHECK(n == 0);
	say("files created in cwd: 0");

	CHECK(sendto(t, "abs", 3, 0, (struct sockaddr *)&a, alen) == 3);
	CHECK(recv(s, buf, sizeof buf, 0) == 3 && memcmp(buf, "abs", 3) == 0);
	say("datagram to abstract name: abs");
	close(s), close(t);
	contract_pass();
	return 0;
}
