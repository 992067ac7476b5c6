/* Checks SCM_RIGHTS descriptor passing over an AF_UNIX socketpair: sendmsg
 * with a control message carrying a file descriptor makes recvmsg install a
 * new descriptor in the receiver that refers to the same open file (shared
 * file offset), and MSG_CMSG_CLOEXEC marks it close-on-exec. Syscalls:
 * socketpair, openat, write, sendmsg, recvmsg, lseek, read, fcntl(F_GETFD). */
#include "../contract.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>

int main(void)
{
	int sv[2], fd, got;
	char data = 'x', buf[16];
	struct iovec iov = { .iov_base = &data, .iov_len = 1 };
	union {
		struct cmsghdr h;
		char b[CMSG_SPACE(sizeof(int))];
	} ctl;
	struct msghdr m = { 0 };
	struct cmsghdr *c;

	fd = open("scm_file", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, "hello world", 11) == 11);
	CHECK(lseek(fd, 6, SEEK_SET) == 6);
	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);

	memset(&ctl, 0, sizeof ctl);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = ctl.b;
	m.msg_controllen = sizeof ctl.b;
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	CHECK(sendmsg(sv[0], &m, 0) == 1);
	say("sendmsg with SCM_RIGHTS: 1 byte");

	memset(&ctl, 0, sizeof ctl);
	memset(&m, 0, sizeof m);
	data = 0;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = ctl.b;
	m.msg_controllen = sizeof ctl.b;
	CHECK(recvmsg(sv[1], &m, MSG_CMSG_CLOEXEC) == 1);
	CHECK(data == 'x');
	c = CMSG_FIRSTHDR(&m);
	CHECK(c != NULL);
	CHECK(c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS);
	CHECK(c->cmsg_len == CMSG_LEN(sizeof(int)));
	memcpy(&got, CMSG_DATA(c), sizeof(int));
	CHECK(got >= 0 && got != fd);
	say("recvmsg: got a new descriptor, distinct number");
	CHECK((m.msg_flags & MSG_CTRUNC) == 0);
	CHECK((fcntl(got, F_GETFD) & FD_CLOEXEC) != 0);
	say("MSG_CMSG_CLOEXEC: received fd is close-on-exec");

	CHECK(read(got, buf, 5) == 5);
	CHECK(memcmp(buf, "world", 5) == 0);
	say("read via received fd at shared offset: world");
	CHECK(lseek(fd, 0, SEEK_CUR) == 11);
	say("sender's offset moved too: 11");

	CHECK(close(got) == 0);
	CHECK(close(fd) == 0);
	CHECK(unlink("scm_file") == 0);
	contract_pass();
	return 0;
}
