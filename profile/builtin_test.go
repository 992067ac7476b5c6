package profile

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestBuiltin(t *testing.T) {
	ps, err := builtin()
	if err != nil {
		t.Fatalf("a shipped profile is broken (fix or regenerate it with the command in profile/doc.go): %v", err)
	}
	want := map[string]Layer{"musl-static": LayerStatic, "pthreads": LayerStatic, "busybox-static": LayerStatic, "busybox-workload": LayerTraced}
	for _, p := range ps {
		if l, ok := want[p.Name]; ok && l != p.Layer {
			t.Errorf("%s: layer %s, want %s", p.Name, p.Layer, l)
		}
		delete(want, p.Name)
		if len(p.Syscalls) == 0 {
			t.Errorf("%s: no syscalls", p.Name)
		}
	}
	for n := range want {
		t.Errorf("shipped profile %s is missing from profile/builtin", n)
	}
}

func TestBuiltinCommandsDocumented(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range Builtin() {
		if !bytes.Contains(doc, []byte("//\t"+p.Provenance.Command+"\n")) {
			t.Errorf("profile/doc.go lacks the command that made profile/builtin/%s.json:\n%s", p.Name, p.Provenance.Command)
		}
	}
}

// TestBusyboxStaticCoversWorkload checks the two BusyBox layers against
// each other: every syscall the traced workload issued must be one the
// static analysis of the same binary finds. profile/doc.go documents the
// exceptions; there are none for BusyBox 1.35 (the launching execve is
// also one BusyBox issues itself, and the static binary has no dynamic
// loader whose calls the analysis could miss).
func TestBusyboxStaticCoversWorkload(t *testing.T) {
	st, err := Get("busybox-static")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Get("busybox-workload")
	if err != nil {
		t.Fatal(err)
	}
	if st.Provenance.PackageVersion != tr.Provenance.PackageVersion {
		t.Fatalf("busybox-static is of %s %s, busybox-workload of %s %s: regenerate both (profile/doc.go)",
			st.Provenance.Package, st.Provenance.PackageVersion, tr.Provenance.Package, tr.Provenance.PackageVersion)
	}
	for _, e := range Missing(st, tr) {
		t.Errorf("busybox-workload: %s (%d calls, by %v) is not in busybox-static; find why and document it in profile/doc.go", e.Key(), e.Count, e.Users)
	}
}

func TestGet(t *testing.T) {
	tests := []struct {
		name    string
		wantErr bool
	}{
		{"musl-static", false},
		{"busybox-static", false},
		{"pthreads", false},
		{"busybox-workload", false},
		{"no-such-profile", true},
	}
	for _, tt := range tests {
		p, err := Get(tt.name)
		switch {
		case tt.wantErr:
			if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "musl-static") {
				t.Errorf("Get(%q) error %v, want ErrNotFound listing the shipped names", tt.name, err)
			}
		case err != nil:
			t.Errorf("Get(%q): %v", tt.name, err)
		case p.Name != tt.name:
			t.Errorf("Get(%q) returned %q", tt.name, p.Name)
		}
	}
}

func TestWriteGolden(t *testing.T) {
	traced, err := Load("testdata/traced.json")
	if err != nil {
		t.Fatal(err)
	}
	var list, show bytes.Buffer
	if err := WriteList(&list, []*Profile{traced}); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&show, traced); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/list.golden", list.Bytes())
	checkGolden(t, "testdata/show-traced.golden", show.Bytes())
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is right):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestMissing(t *testing.T) {
	traced, err := Load("testdata/traced.json")
	if err != nil {
		t.Fatal(err)
	}
	musl, err := Get("musl-static")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		super, sub *Profile
		want       []string
	}{
		{"musl covers read and openat", musl, traced, nil},
		{"traced lacks most of musl", traced, musl, nil}, // checked by length below
		{"self", traced, traced, nil},
	}
	for _, tt := range tests {
		got := Missing(tt.super, tt.sub)
		if tt.super == traced && tt.sub == musl {
			if len(got) != len(musl.Syscalls)-2 {
				t.Errorf("%s: %d missing, want %d", tt.name, len(got), len(musl.Syscalls)-2)
			}
			continue
		}
		var names []string
		for _, e := range got {
			names = append(names, e.Key())
		}
		if strings.Join(names, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: Missing = %v, want %v", tt.name, names, tt.want)
		}
	}
}
