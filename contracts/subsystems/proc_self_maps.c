/* Checks that /proc/self/maps tracks the address space: a fresh 3-page
 * anonymous PROT_READ private mapping appears as one "r--p" line with
 * exactly its bounds; mprotect of the middle page to read-write splits it
 * into three lines (r--p, rw-p, r--p); a shared mapping of a file in cwd
 * shows "rw-s" and the file's path; after munmap the ranges are gone; a
 * [stack] line is present. Addresses are compared, never printed.
 * Syscalls: mmap, mprotect, munmap, open, ftruncate, read. */
#include "../contract.h"
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>

struct ent { uintptr_t lo, hi; char perm[5]; char path[512]; };
static struct ent ents[1024];
static int nents;

/* load reads the maps file with open/read into static storage: stdio would
 * allocate memory, and an allocation could land in a range just unmapped. */
static char text[1 << 17];

static void load(void)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t r;
	size_t got = 0;
	char *line, *save = NULL;
	CHECK(fd >= 0);
	while ((r = read(fd, text + got, sizeof text - 1 - got)) > 0)
		got += r;
	CHECK(r == 0 && got < sizeof text - 1);
	close(fd);
	text[got] = 0;
	nents = 0;
	for (line = strtok_r(text, "\n", &save); line && nents < 1024;
	     line = strtok_r(NULL, "\n", &save)) {
		struct ent *e = &ents[nents];
		unsigned long lo, hi;
		int off = 0;
		e->path[0] = 0;
		CHECK(sscanf(line, "%lx-%lx %4s %*s %*s %*s%n", &lo, &hi, e->perm, &off) == 3);
		e->lo = lo, e->hi = hi;
		sscanf(line + off, " %511[^\n]", e->path);
		nents++;
	}
	CHECK(nents < 1024);
}

static struct ent *find(uintptr_t lo, uintptr_t hi)
{
	for (int i = 0; i < nents; i++)
		if (ents[i].lo == lo && ents[i].hi == hi)
			return &ents[i];
	return NULL;
}

static int overlaps(uintptr_t lo, uintptr_t hi)
{
	for (int i = 0; i < nents; i++)
		if (ents[i].lo < hi && ents[i].hi > lo)
			return 1;
	return 0;
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *a, *m, cwd[4096], want[4200];
	uintptr_t b;
	struct ent *e;
	int fd, stack = 0;

	a = mmap(NULL, 3 * pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED);
	b = (uintptr_t)a;
	load();
	e = find(b, b + 3 * pg);
	CHECK(e != NULL && strcmp(e->perm, "r--p") == 0 && e->path[0] == 0);
	say("3-page anon mapping: one r--p line with exact bounds");

	CHECK(mprotect(a + pg, pg, PROT_READ | PROT_WRITE) == 0);
	load();
	CHECK((e = find(b, b + pg)) && strcmp(e->perm, "r--p") == 0);
	CHECK((e = find(b + pg, b + 2 * pg)) && strcmp(e->perm, "rw-p") == 0);
	CHECK((e = find(b + 2 * pg, b + 3 * pg)) && strcmp(e->perm, "r--p") == 0);
	say("mprotect middle page: split into r--p, rw-p, r--p");

	fd = open("mapped", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && ftruncate(fd, pg) == 0);
	m = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(m != MAP_FAILED);
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	snprintf(want, sizeof want, "%s/mapped", strcmp(cwd, "/") ? cwd : "");
	load();
	e = find((uintptr_t)m, (uintptr_t)m + pg);
	CHECK(e != NULL && strcmp(e->perm, "rw-s") == 0 && strcmp(e->path, want) == 0);
	say("shared file mapping: rw-s with the file's path");

	CHECK(munmap(a, 3 * pg) == 0 && munmap(m, pg) == 0);
	load();
	CHECK(!overlaps(b, b + 3 * pg) && !overlaps((uintptr_t)m, (uintptr_t)m + pg));
	say("after munmap: ranges gone");
	for (int i = 0; i < nents; i++)
		if (strcmp(ents[i].path, "[stack]") == 0)
			stack++;
	CHECK(stack == 1);
	say("[stack] lines: 1");
	close(fd);
	CHECK(unlink("mapped") == 0);
	contract_pass();
	return 0;
}
