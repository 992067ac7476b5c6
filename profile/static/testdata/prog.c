// prog.c issues known syscalls three ways, for the tests of package
// static: through libc's syscall() (getcpu, 309), through a libc wrapper
// (fsync, 74; musl routes it through __syscall_cp), and through a wrapper
// of its own that takes the number as an argument (sysinfo, 99).
#include <sys/syscall.h>
#include <unistd.h>

__attribute__((noipa)) static long own_syscall1(long n, long a)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
	return r;
}

int main(int argc, char **argv)
{
	char buf[128];
	(void)argv;
	syscall(SYS_getcpu, 0, 0, 0);
	fsync(argc);
	return (int)own_syscall1(SYS_sysinfo, (long)buf);
}
