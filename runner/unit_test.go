package runner

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/syscov/syscov/internal/testenv"
)

func TestDiscover(t *testing.T) {
	cs, err := Discover("testdata/kevlar/testing/contracts")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID())
	}
	// fd/dup_debug_bin is not a .c file and must be ignored.
	if got, want := strings.Join(ids, " "), "fd/dup_basic process/getppid_positive process/wait_xfail"; got != want {
		t.Errorf("Discover = %s, want %s", got, want)
	}

	bad := t.TempDir()
	os.MkdirAll(filepath.Join(bad, "g"), 0o755)
	os.WriteFile(filepath.Join(bad, "g", "has space.c"), nil, 0o644)
	if _, err := Discover(bad); err == nil || !strings.Contains(err.Error(), `has space.c: contract name "has space"`) {
		t.Errorf("bad name: err = %v", err)
	}
}

func TestFindBundledSuite(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	os.MkdirAll(deep, 0o755)
	os.MkdirAll(filepath.Join(root, "contracts"), 0o755)
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n"), 0o644)

	os.WriteFile(filepath.Join(root, "go.mod"), []byte("// comment\nmodule github.com/syscov/syscov\n\ngo 1.26\n"), 0o644)
	got, err := FindBundledSuite(deep)
	if err != nil || got != filepath.Join(root, "contracts") {
		t.Errorf("FindBundledSuite(%s) = %q, %v; want %s", deep, got, err, filepath.Join(root, "contracts"))
	}
	if _, err := FindBundledSuite(other); !errors.Is(err, ErrNoModuleRoot) {
		t.Errorf("outside the tree: err = %v, want ErrNoModuleRoot", err)
	}
}

func TestParseDivergences(t *testing.T) {
	tests := []struct {
		name, in string
		want     Divergences
		err      string
	}{
		{name: "kevlar spelling", in: `{"_comment": "x", "events.poll_basic": "times out"}`, want: Divergences{"events/poll_basic": "times out"}},
		{name: "slash spelling", in: `{"fd/tee": "stub"}`, want: Divergences{"fd/tee": "stub"}},
		{name: "dotted name", in: `{"vm.mmap.v2": "r"}`, want: Divergences{"vm/mmap.v2": "r"}},
		{name: "empty", in: `{}`, want: Divergences{}},
		{name: "not a string", in: `{"a.b": {"reason": "r"}}`, err: `k.json: key "a.b": value must be a string`},
		{name: "no group", in: `{"lonely": "r"}`, err: `key "lonely": want "group.name"`},
		{name: "both spellings", in: `{"a.b": "1", "a/b": "2"}`, err: "a/b listed twice"},
		{name: "syntax", in: "{\n\"a.b\": \"r\",\n}", err: "k.json: line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseDivergences("k.json", []byte(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestLastLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\nCONTRACT_PASS\n", "CONTRACT_PASS"},
		{"CONTRACT_PASS\r\n\n\n", "CONTRACT_PASS"},
		{"CONTRACT_PASS\nnoise", "noise"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := lastLine(tt.in); got != tt.want {
			t.Errorf("lastLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadTailBounded(t *testing.T) {
	var b headTail
	line := []byte(strings.Repeat("x", 99) + "\n")
	for range 10000 {
		b.write(line)
	}
	b.write([]byte("CONTRACT_PASS\n"))
	if len(b.head()) != headMax || len(b.tail()) != tailMax || lastLine(b.tail()) != "CONTRACT_PASS" {
		t.Errorf("head %d bytes, tail %d bytes ending %q", len(b.head()), len(b.tail()), lastLine(b.tail()))
	}
}

// TestCacheKey checks what invalidates a cached binary.
func TestCacheKey(t *testing.T) {
	testenv.RequireTool(t, "musl-gcc", "musl-tools")
	ctx := context.Background()
	suite := t.TempDir()
	os.MkdirAll(filepath.Join(suite, "g"), 0o755)
	src := filepath.Join(suite, "g", "t.c")
	hdr := filepath.Join(suite, "h.h")
	os.WriteFile(hdr, []byte("#define V 1\n"), 0o644)
	os.WriteFile(src, []byte("#include \"../h.h\"\n#include <linux/futex.h>\nint main(void){return V - 1 + FUTEX_WAIT;}\n"), 0o644)
	cache := t.TempDir()
	cc, err := newCompiler(ctx, DefaultCC, DefaultCFlags, cache)
	if err != nil {
		t.Fatal(err)
	}
	k0, _ := cc.key(src)
	bin, err := cc.build(ctx, src)
	if err != nil {
		t.Fatalf("build with <linux/futex.h> (needs the kernel header shim): %v", err)
	}
	st, _ := os.Stat(bin)
	if again, _ := cc.build(ctx, src); again != bin {
		t.Errorf("second build %s, want cached %s", again, bin)
	}
	if st2, _ := os.Stat(bin); !st2.ModTime().Equal(st.ModTime()) {
		t.Error("cache hit rewrote the binary")
	}

	os.WriteFile(hdr, []byte("#define V 2\n"), 0o644)
	if k1, _ := cc.key(src); k1 == k0 {
		t.Error("changing an included local header kept the key")
	}
	os.WriteFile(hdr, []byte("#define V 1\n"), 0o644)
	if k1, _ := cc.key(src); k1 != k0 {
		t.Error("restoring the header changed the key")
	}
	cc2, err := newCompiler(ctx, DefaultCC, []string{"-static", "-O2"}, cache)
	if err != nil {
		t.Fatal(err)
	}
	if k2, _ := cc2.key(src); k2 == k0 {
		t.Error("changing flags kept the key")
	}
	for _, l := range []string{"linux", "asm", "asm-generic"} {
		if _, err := os.Stat(filepath.Join(cache, "kernel-headers", "x86_64-linux-gnu", l)); err != nil {
			t.Errorf("shim: %v", err)
		}
	}
}
