/* The flag-less event calls still work and differ from their successors
 * only in taking no flags: epoll_create(size) needs size > 0 (EINVAL for 0)
 * and gives a descriptor without close-on-exec; epoll_wait reports a ready
 * pipe; eventfd(initval) starts at initval; signalfd (the 3-argument one
 * with a mask size) reads a blocked, pending signal; inotify_init reports
 * IN_CREATE in a watched directory. None of the descriptors has FD_CLOEXEC.
 * Syscalls: epoll_create, epoll_ctl, epoll_wait, eventfd, signalfd,
 * inotify_init, inotify_add_watch, rt_sigprocmask, kill, read, fcntl.
 */
#include "../contract.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <stdint.h>

static int cloexec(int fd)
{
	return fcntl(fd, F_GETFD) & FD_CLOEXEC;
}

int main(void)
{
	CHECK_ERR(syscall(SYS_epoll_create, 0), EINVAL);
	int ep = syscall(SYS_epoll_create, 1);
	CHECK(ep >= 0);
	say("epoll_create(0): EINVAL; epoll_create(1): ok, cloexec %s", cloexec(ep) ? "yes" : "no");
	int p[2];
	CHECK(pipe(p) == 0 && write(p[1], "x", 1) == 1);
	struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 7}, got[2];
	CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
	long n = syscall(SYS_epoll_wait, ep, got, 2, 1000);
	say("epoll_wait: %ld ready, data %u", n, n == 1 ? got[0].data.u32 : 0);
	CHECK(n == 1 && got[0].data.u32 == 7 && (got[0].events & EPOLLIN));

	int efd = syscall(SYS_eventfd, 5);
	CHECK(efd >= 0);
	uint64_t v = 0;
	CHECK(read(efd, &v, sizeof v) == sizeof v);
	say("eventfd(5) reads %llu, cloexec %s", (unsigned long long)v, cloexec(efd) ? "yes" : "no");
	CHECK(v == 5);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	int sfd = syscall(SYS_signalfd, -1, &set, 8);
	CHECK(sfd >= 0);
	CHECK(kill(getpid(), SIGUSR2) == 0);
	struct signalfd_siginfo si;
	CHECK(read(sfd, &si, sizeof si) == sizeof si);
	say("signalfd reads signal %s, cloexec %s", si.ssi_signo == SIGUSR2 ? "SIGUSR2" : "other", cloexec(sfd) ? "yes" : "no");
	CHECK(si.ssi_signo == SIGUSR2);

	int in = syscall(SYS_inotify_init);
	CHECK(in >= 0);
	CHECK(mkdir("watched", 0700) == 0);
	CHECK(inotify_add_watch(in, "watched", IN_CREATE) >= 0);
	int f = open("watched/new", O_CREAT | O_WRONLY, 0600);
	CHECK(f >= 0);
	char buf[sizeof(struct inotify_event) + 64] __attribute__((aligned(8)));
	CHECK(read(in, buf, sizeof buf) > 0);
	struct inotify_event *ie = (struct inotify_event *)buf;
	say("inotify_init: %s for %s, cloexec %s", ie->mask & IN_CREATE ? "IN_CREATE" : "other", ie->name,
	    cloexec(in) ? "yes" : "no");
	CHECK((ie->mask & IN_CREATE) && strcmp(ie->name, "new") == 0);
	CHECK(!cloexec(ep) && !cloexec(efd) && !cloexec(sfd) && !cloexec(in));
	contract_pass();
	return 0;
}
