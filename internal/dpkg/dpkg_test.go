package dpkg

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
)

func TestParseSearch(t *testing.T) {
	tests := []struct {
		out, path, want string
	}{
		{"busybox-static: /bin/busybox\n", "/bin/busybox", "busybox-static"},
		{"libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\n", "/lib/x86_64-linux-gnu/libc.so.6", "libc6:amd64"},
		{"diversion by dash from: /bin/sh\ndiversion by dash to: /bin/sh.distrib\ndash: /bin/sh\n", "/bin/sh", "dash"},
		{"a, b: /usr/share/x\n", "/usr/share/x", "a"},
		{"coreutils: /bin/ls-other\n", "/bin/ls", ""},
	}
	for _, tt := range tests {
		if got := parseSearch([]byte(tt.out), tt.path); got != tt.want {
			t.Errorf("parseSearch(%q, %q) = %q, want %q", tt.out, tt.path, got, tt.want)
		}
	}
}

func TestCandidates(t *testing.T) {
	got := candidates("/usr/bin/busybox")
	if len(got) < 2 || got[0] != "/usr/bin/busybox" || got[1] != "/bin/busybox" {
		t.Errorf("candidates(/usr/bin/busybox) = %q, want /usr/bin/busybox then /bin/busybox first", got)
	}
}

// TestOwner asks the real package database about busybox (installed by
// make deps) and about a file no package owns.
func TestOwner(t *testing.T) {
	testenv.RequireTool(t, "dpkg-query", "dpkg")
	bb := testenv.RequireTool(t, "busybox", "busybox-static")
	pkg, ver, err := Owner(bb)
	if err != nil {
		t.Fatal(err)
	}
	if pkg != "busybox-static" && pkg != "busybox" || ver == "" {
		t.Errorf("Owner(%s) = %q %q, want busybox(-static) and a version", bb, pkg, ver)
	}
	stray := filepath.Join(t.TempDir(), "stray")
	if err := os.WriteFile(stray, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Owner(stray); !errors.Is(err, ErrNotOwned) {
		t.Errorf("Owner(stray file) = %v, want ErrNotOwned", err)
	}
}
