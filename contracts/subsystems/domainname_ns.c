/* setdomainname in a private UTS namespace (a child with new user and UTS
 * namespaces): the NIS domain name set there shows in uname's domainname,
 * a name of 65 bytes fails with EINVAL, and the parent's domain name is
 * unchanged afterwards. Without CAP_SYS_ADMIN over the UTS namespace
 * (before unsharing, as an unprivileged user) setdomainname fails with
 * EPERM. Names of the host are compared, never printed. Syscalls:
 * setdomainname, unshare, uname, fork, wait4.
 */
#include "../contract.h"
#include <linux/capability.h>
#include <sched.h>
#include <sys/utsname.h>
#include <sys/wait.h>

static int child(void)
{
	if (!contract_has_cap(CAP_SYS_ADMIN)) {
		CHECK_ERR(syscall(SYS_setdomainname, "x", 1), EPERM);
	}
	if (unshare(CLONE_NEWUSER | CLONE_NEWUTS) != 0)
		return 10;
	CHECK(syscall(SYS_setdomainname, "syscov.example", 14) == 0);
	struct utsname u;
	CHECK(uname(&u) == 0);
	say("domainname in the new namespace: %s", u.domainname);
	CHECK(strcmp(u.domainname, "syscov.example") == 0);
	char long_name[65];
	memset(long_name, 'd', sizeof long_name);
	CHECK_ERR(syscall(SYS_setdomainname, long_name, 65), EINVAL);
	say("65-byte name: EINVAL");
	CHECK(syscall(SYS_setdomainname, "", 0) == 0 && uname(&u) == 0 && u.domainname[0] == 0);
	say("empty name: ok");
	return 0;
}

int main(void)
{
	struct utsname before, after;
	CHECK(uname(&before) == 0);
	contract_in_child(child);
	CHECK(uname(&after) == 0);
	say("parent's domainname unchanged: %s", strcmp(before.domainname, after.domainname) == 0 ? "yes" : "no");
	CHECK(strcmp(before.domainname, after.domainname) == 0);
	contract_pass();
	return 0;
}
