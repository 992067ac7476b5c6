//go:build linux && amd64

package systab

import "testing"

// TestX86_64AgainstXSys compares the x86_64 table with
// golang.org/x/sys/unix's SYS_ constants (zz_sysnum_amd64_test.go).
func TestX86_64AgainstXSys(t *testing.T) {
	tab, _ := Linux(X86_64)
	if len(xsysNumbers) != len(tab.All()) {
		t.Errorf("zz_sysnum_amd64_test.go has %d syscalls, the table %d; run go generate", len(xsysNumbers), len(tab.All()))
	}
	for _, x := range xsysNumbers {
		s, ok := tab.ByName(x.name)
		if !ok {
			t.Errorf("%s: not in the x86_64 table; run go generate", x.name)
			continue
		}
		if s.Nr != x.nr {
			t.Errorf("%s: table says %d, golang.org/x/sys/unix.SYS_ says %d; fix data/syscalls_x86_64.tsv (go run ./internal/mkdata) and run go generate", x.name, s.Nr, x.nr)
		}
	}
}

// TestDictionariesAgainstXSys checks the x86_64 dictionary values that the
// machine's headers lack against golang.org/x/sys/unix.
func TestDictionariesAgainstXSys(t *testing.T) {
	tab, _ := Linux(X86_64)
	for _, x := range xsysConsts {
		if x.table != x.xsys {
			t.Errorf("%s: data/consts_x86_64.tsv has %#x, golang.org/x/sys/unix has %#x; run go run ./internal/mkconsts && go generate", x.name, x.table, x.xsys)
		}
		for _, d := range tab.Dicts() {
			if v, ok := d.Lookup(x.name); ok && v.Value != x.xsys {
				t.Errorf("%s: dictionary %s has %#x, golang.org/x/sys/unix has %#x; run go generate", x.name, d.Name, v.Value, x.xsys)
			}
		}
	}
}
