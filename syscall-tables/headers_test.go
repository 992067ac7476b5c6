package systab

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
	"github.com/syscov/syscov/syscall-tables/internal/cprog"
	"github.com/syscov/syscov/syscall-tables/internal/spec"
)

// TestDictionariesAgainstHeaders compiles, for every dictionary of
// data/dicts.txt, a C program printing each of its names from this
// machine's headers, and compares the output with data/consts_x86_64.tsv
// and with the embedded x86_64 table.
func TestDictionariesAgainstHeaders(t *testing.T) {
	gcc := testenv.RequireTool(t, "gcc", "gcc")
	dicts, err := spec.ReadDicts(filepath.Join("data", "dicts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	consts, err := spec.ReadConsts(filepath.Join("data", "consts_x86_64.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := Linux(X86_64)
	checked := 0
	for _, d := range dicts {
		var req cprog.Request
		req.Includes = d.Includes
		for _, n := range d.Names {
			if n.Arch == "aarch64" {
				continue
			}
			if n.CEnum {
				req.Enumerators = append(req.Enumerators, n.Name)
			} else {
				req.Macros = append(req.Macros, n.Name)
			}
		}
		got, missing, err := cprog.Run(context.Background(), gcc, req)
		if err != nil {
			t.Errorf("dictionary %s (data/dicts.txt:%d): %v", d.Name, d.Line, err)
			continue
		}
		for _, n := range missing {
			// Newer than the headers: taken from x/sys, checked by TestDictionariesAgainstXSys.
			if c := consts[n]; c.Source != "x/sys" {
				t.Errorf("data/dicts.txt: %s (dictionary %s) is not in this machine's headers and not marked as taken from x/sys; run go run ./internal/mkconsts && go generate", n, d.Name)
			}
		}
		table, _ := tab.Dict(d.Name)
		for name, v := range got {
			checked++
			if c, ok := consts[name]; !ok || c.Value != v {
				t.Errorf("%s (dictionary %s): data/consts_x86_64.tsv has %#x, the headers say %#x; run go run ./internal/mkconsts && go generate", name, d.Name, c.Value, v)
			}
			if tv, ok := table.Lookup(name); ok && tv.Value != v {
				t.Errorf("%s (dictionary %s): the embedded table has %#x, the headers say %#x; run go generate", name, d.Name, tv.Value, v)
			}
		}
	}
	t.Logf("%d names checked against the headers", checked)
}

// TestSinceAgainstHeaders checks the recorded versions against the
// machine's <asm/unistd_64.h> (linux-libc-dev): a syscall that header
// lacks must be newer than the headers' release, and one it has must not.
func TestSinceAgainstHeaders(t *testing.T) {
	path := "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (Debian package linux-libc-dev): %v", path, err)
	}
	out, err := exec.Command("dpkg-query", "-W", "-f", "${Version}", "linux-libc-dev").Output()
	if err != nil {
		t.Fatalf("query the linux-libc-dev version: %v", err)
	}
	release := regexp.MustCompile(`^\d+\.\d+`).FindString(string(out))
	inHeader := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#define __NR_(\w+) \d+$`).FindAllStringSubmatch(string(data), -1) {
		inHeader[m[1]] = true
	}
	tab, _ := Linux(X86_64)
	for _, s := range tab.All() {
		newer := s.Since != "" && compareVersions(s.Since, release) > 0
		if !inHeader[s.Name] && !newer {
			t.Errorf("%s is not in linux-libc-dev %s's %s but data/since.tsv says %q (want a version above %s)", s.Name, release, path, s.Since, release)
		}
		if inHeader[s.Name] && newer {
			t.Errorf("%s is in linux-libc-dev %s's %s but data/since.tsv says %s", s.Name, release, path, s.Since)
		}
	}
}

// compareVersions compares dotted kernel versions numerically.
func compareVersions(a, b string) int {
	pa, pb := splitVersion(a), splitVersion(b)
	for i := 0; i < max(len(pa), len(pb)); i++ {
		var x, y int
		if i < len(pa) {
			x = pa[i]
		}
		if i < len(pb) {
			y = pb[i]
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func splitVersion(v string) []int {
	var out []int
	n := 0
	for _, r := range v + "." {
		if r == '.' {
			out = append(out, n)
			n = 0
			continue
		}
		n = n*10 + int(r-'0')
	}
	return out
}
