/* Checks /proc/self/status for the fields libraries and tools parse: after
 * PR_SET_NAME the Name: line shows the new comm, /proc/self/comm matches,
 * Pid:/PPid: equal getpid/getppid, the first Uid:/Gid: values equal
 * getuid/getgid, Threads: is 1, and a second thread makes it 2. Only the
 * comparisons are printed. Syscalls: prctl(PR_SET_NAME), open, read,
 * getpid, getppid, getuid, getgid, clone. */
#include "../contract.h"
#include <pthread.h>
#include <sys/prctl.h>

static int field(const char *name, char *out, size_t n)
{
	char line[512];
	int found = 0;
	FILE *f = fopen("/proc/self/status", "r");
	CHECK(f != NULL);
	while (fgets(line, sizeof line, f)) {
		size_t l = strlen(name);
		if (strncmp(line, name, l) == 0 && line[l] == ':') {
			char *v = line + l + 1;
			while (*v == '\t' || *v == ' ')
				v++;
			v[strcspn(v, "\n")] = 0;
			snprintf(out, n, "%s", v);
			found = 1;
		}
	}
	fclose(f);
	return found;
}

static long num(const char *name)
{
	char v[256];
	CHECK(field(name, v, sizeof v));
	return strtol(v, NULL, 10);
}

static pthread_barrier_t bar;
static void *idle(void *a)
{
	(void)a;
	pthread_barrier_wait(&bar);
	pthread_barrier_wait(&bar);
	return NULL;
}

int main(void)
{
	char v[256];
	FILE *f;
	pthread_t t;

	CHECK(prctl(PR_SET_NAME, "syscov-status", 0, 0, 0) == 0);
	CHECK(field("Name", v, sizeof v));
	say("Name: %s", v);
	CHECK(strcmp(v, "syscov-status") == 0);
	f = fopen("/proc/self/comm", "r");
	CHECK(f != NULL && fgets(v, sizeof v, f) != NULL);
	fclose(f);
	CHECK(strcmp(v, "syscov-status\n") == 0);
	say("/proc/self/comm matches");
	CHECK(num("Pid") == getpid() && num("PPid") == getppid());
	say("Pid/PPid == getpid/getppid");
	CHECK(num("Uid") == (long)getuid() && num("Gid") == (long)getgid());
	say("Uid/Gid first value == getuid/getgid");
	CHECK(field("State", v, sizeof v) && v[0] == 'R');
	say("State: R");
	CHECK(num("Threads") == 1);
	say("Threads: 1");
	CHECK(pthread_barrier_init(&bar, NULL, 2) == 0);
	CHECK(pthread_create(&t, NULL, idle, NULL) == 0);
	pthread_barrier_wait(&bar);
	CHECK(num("Threads") == 2);
	say("Threads with a second thread: 2");
	pthread_barrier_wait(&bar);
	CHECK(pthread_join(t, NULL) == 0);
	contract_pass();
	return 0;
}
