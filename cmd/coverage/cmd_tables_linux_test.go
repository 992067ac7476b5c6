package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/syscall-tables/listing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestTablesLinuxGolden checks the full output of tables linux and tables
// flags against testdata/golden; after changing syscall-tables/data and
// regenerating, review the diff of `go test ./cmd/coverage -run
// TestTablesLinuxGolden -update`.
func TestTablesLinuxGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"linux-x86_64.txt", []string{"tables", "linux"}},
		{"linux-x86_64.csv", []string{"tables", "linux", "--format", "csv"}},
		{"linux-aarch64.csv", []string{"tables", "linux", "--arch", "arm64", "--format", "csv"}},
		{"flags-openat.txt", []string{"tables", "flags", "openat"}},
		{"flags-ioctl.txt", []string{"tables", "flags", "ioctl"}},
		{"flags-futex.txt", []string{"tables", "flags", "futex"}},
		{"flags-fcntl.txt", []string{"tables", "flags", "fcntl"}},
		{"flags-clone3.csv", []string{"tables", "flags", "clone3", "--format", "csv"}},
		{"flags-openat-aarch64.txt", []string{"tables", "flags", "--arch", "aarch64", "openat"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, tt.args); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			path := filepath.Join("testdata", "golden", tt.golden)
			if *update {
				if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got := stdout.String(); got != string(want) {
				t.Errorf("%v differs from %s (run with -update and review the diff):\n%s", tt.args, path, firstDiff(got, string(want)))
			}
		})
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, gl, wl)
		}
	}
	return ""
}

// TestTablesLinuxCount checks the closing line of the text table against
// the embedded table, for both arches.
func TestTablesLinuxCount(t *testing.T) {
	for _, arch := range systab.Arches() {
		tab, err := systab.Linux(arch)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"tables", "linux", "--arch", string(arch)}); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
		last := lines[len(lines)-1]
		want := fmt.Sprint(len(tab.All())) + " syscalls, " + string(arch) + ", Linux " + systab.Kernel + ": "
		if !strings.HasPrefix(last, want) {
			t.Errorf("%s: last line %q, want prefix %q", arch, last, want)
		}
	}
}

// TestTablesJSONRoundTrip decodes the JSON outputs back into the
// documented types and compares them with what the listing package builds.
func TestTablesJSONRoundTrip(t *testing.T) {
	for _, arch := range systab.Arches() {
		tab, err := systab.Linux(arch)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"tables", "linux", "--arch", string(arch), "--format", "json"}); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var doc listing.TableDoc
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatalf("%s: stdout is not a table document: %v", arch, err)
		}
		if want := listing.Table(tab); !reflect.DeepEqual(&doc, want) {
			t.Errorf("%s: JSON round trip differs", arch)
		}
		if doc.Schema != listing.TableSchema || doc.Count != len(tab.All()) || doc.Kernel != systab.Kernel {
			t.Errorf("%s: header %s count %d kernel %s", arch, doc.Schema, doc.Count, doc.Kernel)
		}
	}
	tab, err := systab.Linux(systab.X86_64)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"openat", "ioctl", "futex", "fcntl", "clone3", "read"} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, []string{"tables", "flags", name, "--format", "json"}); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		var doc listing.FlagsDoc
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatalf("%s: stdout is not a flags document: %v", name, err)
		}
		sc, _ := tab.ByName(name)
		if want := listing.Flags(tab, sc); !reflect.DeepEqual(&doc, want) {
			t.Errorf("%s: JSON round trip differs", name)
		}
		if doc.Schema != listing.FlagsSchema || doc.Syscall.Name != name {
			t.Errorf("%s: header %s %s", name, doc.Schema, doc.Syscall.Name)
		}
	}
}

func TestTablesLinuxUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"linux bad arch", []string{"tables", "linux", "--arch", "mips"}, 2, `--arch: parse architecture "mips"`},
		{"linux bad format", []string{"tables", "linux", "--format", "xml"}, 2, `--format "xml": want text, json or csv`},
		{"linux extra argument", []string{"tables", "linux", "openat"}, 2, `unexpected argument "openat"`},
		{"flags unknown syscall", []string{"tables", "flags", "opnat"}, 2, `unknown syscall "opnat" on x86_64; did you mean openat, openat2?`},
		{"flags other arch", []string{"tables", "flags", "--arch", "aarch64", "open"}, 2, `unknown syscall "open" on aarch64 (it is a syscall of x86_64); did you mean openat,`},
		{"flags bad format", []string{"tables", "flags", "openat", "--format", "xml"}, 2, `--format "xml": want text, json or csv`},
		{"flags bad arch", []string{"tables", "flags", "openat", "--arch", "ppc64"}, 2, `--arch: parse architecture "ppc64"`},
		{"flags no syscall", []string{"tables", "flags"}, 2, "give one SYSCALL"},
		{"flags two syscalls", []string{"tables", "flags", "openat", "read"}, 2, "give one SYSCALL, not 2 (openat read)"},
		{"flags by number", []string{"tables", "flags", "257"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), &env{stdout: &stdout, stderr: &stderr}, tt.args)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
		})
	}
}
