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
