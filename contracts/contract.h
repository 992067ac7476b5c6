/* Shared helpers for syscov contract tests.
 *
 * A contract prints what it observed, one fact per line, and ends with
 * CONTRACT_PASS on success. Output must be the same on every run and every
 * host: never print pids, addresses, times, uids or inode numbers.
 * Include it as "../contract.h" from contracts/<group>/<name>.c.
 */
#ifndef SYSCOV_CONTRACT_H
#define SYSCOV_CONTRACT_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* contract_on_fail registers a function that CHECK and CHECK_ERR call
 * before failing the contract, e.g. to remove IPC objects that would outlive
 * the process. Only the last registered function runs. */
static void (*contract_cleanup_)(void) __attribute__((unused));

static inline void contract_on_fail(void (*fn)(void))
{
	contract_cleanup_ = fn;
}

/* contract_fail_ flushes the failure line, runs the cleanup and exits. */
static inline void contract_fail_(void)
{
	fflush(stdout);
	if (contract_cleanup_)
		contract_cleanup_();
	_exit(1);
}

/* CHECK fails the contract with the expression, the line and errno when cond
 * is false. */
#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			int e_ = errno;                                      \
			printf("CONTRACT_FAIL %s:%d: %s (errno %d %s)\n",   \
			       __FILE__, __LINE__, #cond, e_, strerror(e_)); \
			contract_fail_();                                    \
		}                                                            \
	} while (0)

/* CHECK_ERR checks that expr failed with -1 and errno == err. */
#define CHECK_ERR(expr, err)                                                 \
	do {                                                                 \
		errno = 0;                                                   \
		long r_ = (long)(expr);                                      \
		if (r_ != -1 || errno != (err)) {                            \
			int e_ = errno;                                      \
			printf("CONTRACT_FAIL %s:%d: %s = %ld errno %d, "   \
			       "want -1 errno %d\n",                         \
			       __FILE__, __LINE__, #expr, r_, e_, (err));    \
			contract_fail_();                                    \
		}                                                            \
	} while (0)

/* say prints one observation line and flushes, so output survives a crash
 * or a fork. */
#define say(...)                                                             \
	do {                                                                 \
		printf(__VA_ARGS__);                                         \
		putchar('\n');                                               \
		fflush(stdout);                                              \
	} while (0)

/* contract_has_cap tells whether the calling thread has capability cap
 * (a CAP_* number) in its effective set. Use it, not geteuid() == 0, to
 * choose between the privileged and the unprivileged outcome: root in a
 * container may lack some capabilities. */
static inline int contract_has_cap(int cap)
{
	struct {
		unsigned version;
		int pid;
	} hdr = {0x20080522, 0}; /* _LINUX_CAPABILITY_VERSION_3 */
	struct {
		unsigned effective, permitted, inheritable;
	} data[2] = {{0, 0, 0}, {0, 0, 0}};
	if (syscall(SYS_capget, &hdr, data) != 0 || cap < 0 || cap >= 64)
		return 0;
	return (data[cap / 32].effective >> (cap % 32)) & 1;
}

/* contract_write_file writes s to path (created 0600, truncated); 0 on
 * success, -1 on any failure. */
static inline int contract_write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	int ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

/* contract_map_root makes the caller, just moved into a new user
 * namespace, root there: uid u and gid g of the parent namespace map to 0
 * (setgroups denied, as an unprivileged mapper must). 0 on success. */
static inline int contract_map_root(uid_t u, gid_t g)
{
	char line[64];
	snprintf(line, sizeof line, "0 %u 1", u);
	if (contract_write_file("/proc/self/uid_map", line) != 0 ||
	    contract_write_file("/proc/self/setgroups", "deny") != 0)
		return -1;
	snprintf(line, sizeof line, "0 %u 1", g);
	return contract_write_file("/proc/self/gid_map", line);
}

/* contract_in_child runs fn in a forked child (namespaces it unshares stay
 * there), prints the child's exit status and fails unless it is 0. */
static inline void contract_in_child(int (*fn)(void))
{
	fflush(stdout);
	pid_t c = fork();
	CHECK(c >= 0);
	if (c == 0)
		_exit(fn());
	int st;
	CHECK(waitpid(c, &st, 0) == c);
	say("child exit status: %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static inline void contract_pass(void)
{
	printf("CONTRACT_PASS\n");
	fflush(stdout);
}

#endif
