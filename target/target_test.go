package target

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestLoadFormats(t *testing.T) {
	tests := []struct {
		file   string
		opts   *LoadOptions
		kernel string
		arch   string
		want   string // "nr name status" per entry, space separated
	}{
		{"gvisor.json", &LoadOptions{Arch: "x86_64"}, "gvisor", "x86_64",
			"0 read implemented, 1 write implemented, 2 open partial, 27 mincore enosys, 172 iopl unknown"},
		{"gvisor.json", &LoadOptions{Arch: "arm64"}, "gvisor", "aarch64", "63 read implemented"},
		{"mini.syscalls", nil, "mini", "", "-1 open implemented, -1 read implemented, -1 write implemented"},
		{"mini.syscalls", &LoadOptions{Arch: "amd64", Kernel: "kerla"}, "kerla", "x86_64", "-1 open implemented, -1 read implemented, -1 write implemented"},
		{"mini.csv", nil, "mini", "", "0 read implemented, 2 open stub, 27 mincore missing"},
		{"mini.json", nil, "mini", "x86_64", "0 read implemented, 1 write enosys, 2 open missing"},
		{"mini.json", &LoadOptions{Format: FormatJSON}, "mini", "x86_64", "0 read implemented, 1 write enosys, 2 open missing"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tb, err := LoadFile(filepath.Join("testdata", tt.file), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range tb.Entries {
				got = append(got, strings.Join([]string{strconv.Itoa(e.Nr), e.Name, string(e.Status)}, " "))
			}
			if g := strings.Join(got, ", "); g != tt.want {
				t.Errorf("entries %s\nwant    %s", g, tt.want)
			}
			if tb.Kernel != tt.kernel || tb.Arch != tt.arch {
				t.Errorf("kernel/arch %s/%s, want %s/%s", tb.Kernel, tb.Arch, tt.kernel, tt.arch)
			}
		})
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	tests := []struct {
		name, content string
		opts          *LoadOptions
		want          string
	}{
		{"bad.syscalls", "read\nnot a name\n", nil, "bad.syscalls: line 2: want one syscall name per line"},
		{"dup.syscalls", "read\nread\n", nil, "dup.syscalls: line 2: read listed twice (first on line 1)"},
		{"bad.csv", "nr,name\nx,read\n", nil, "bad.csv: line 2: bad syscall number \"x\""},
		{"nohead.csv", "nr,what\n1,read\n", nil, "nohead.csv: line 1: csv header"},
		{"status.csv", "# c\nname,status\nread,sometimes\n", nil, "status.csv: line 3: unknown support level \"sometimes\""},
		{"multi.json", `{"linux":{"amd64":{"syscalls":{}},"arm64":{"syscalls":{}}}}`, nil, "multi.json: decode gvisor json: holds arches [amd64 arm64]"},
		{"broken.json", `{"schema": "syscov.target/v1", "entries": [}`, nil, "broken.json: decode json"},
		{"schema.json", `{"schema": "other/v9", "entries": []}`, nil, "schema.json: decode json: schema \"other/v9\""},
		{"status.json", `{"schema": "syscov.target/v1", "entries": [{"nr":0,"name":"read","status":"great"}]}`, nil, "status.json: entry 0 (read): parse status \"great\""},
		{"arch.syscalls", "read\n", &LoadOptions{Arch: "mips"}, "arch.syscalls: unknown arch \"mips\""},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name)
			if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadFile(p, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := Load(filepath.Join(dir, "absent.json")); err == nil || !strings.Contains(err.Error(), "absent.json") {
		t.Errorf("Load(absent) error %v, want one naming the file", err)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	tb, err := Load(filepath.Join("testdata", "mini.json"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, tb); err != nil {
		t.Fatal(err)
	}
	again, err := Parse(buf.Bytes(), "roundtrip.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := WriteJSON(&buf2, again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Errorf("round trip changed the document:\n%s\n%s", buf.Bytes(), buf2.Bytes())
	}
	if len(again.Lints) != 1 || again.Lints[0].Kind != WrongNumber {
		t.Errorf("lints %+v, want the wrong-number finding", again.Lints)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{`{"schema":"syscov.target/v1","entries":[]}`, FormatJSON},
		{`{"linux":{}}`, FormatGVisor},
		{"# comment\nread\nwrite\n", FormatList},
		{"# comment\nnr,name\n0,read\n", FormatCSV},
		{"", FormatList},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestWritersGolden(t *testing.T) {
	mini, err := Load(filepath.Join("testdata", "mini.json"))
	if err != nil {
		t.Fatal(err)
	}
	gv, err := LoadFile(filepath.Join("testdata", "gvisor.json"), &LoadOptions{Arch: "x86_64"})
	if err != nil {
		t.Fatal(err)
	}
	list, err := Load(filepath.Join("testdata", "mini.syscalls"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"table.txt", func(b *bytes.Buffer) error { return WriteText(b, mini) }},
		{"table.csv", func(b *bytes.Buffer) error { return WriteCSV(b, mini) }},
		{"compare.txt", func(b *bytes.Buffer) error { return Compare(mini, gv, list).WriteText(b) }},
		{"compare.csv", func(b *bytes.Buffer) error { return Compare(mini, gv, list).WriteCSV(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tt.golden)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run go test ./target -update): %v", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs (run go test ./target -update and review the diff):\n%s", path, buf.Bytes())
			}
		})
	}
}

func TestCompareCountsUnlisted(t *testing.T) {
	a := &Table{Kernel: "a", Entries: []Entry{{Nr: 0, Name: "read", Status: Implemented}, {Nr: 1, Name: "write", Status: Missing}}}
	b := &Table{Kernel: "b", Entries: []Entry{{Nr: -1, Name: "read", Status: Implemented}, {Nr: -1, Name: "zzz", Status: Implemented}}}
	c := Compare(a, b)
	var rows []string
	for _, r := range c.Rows {
		rows = append(rows, r.Name+"="+string(r.Status[0])+"/"+string(r.Status[1]))
	}
	if got, want := strings.Join(rows, " "), "read=implemented/implemented write=missing/ zzz=/implemented"; got != want {
		t.Errorf("rows %s, want %s", got, want)
	}
}
