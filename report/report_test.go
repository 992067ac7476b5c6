package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/target/kevlar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtureReport builds the report of testdata/run.json against the
// embedded Kevlar table, two shipped static profiles (named, so that new
// shipped profiles do not change the goldens) and the hand-made traced
// profile testdata/demo-boot.json.
func fixtureReport(t *testing.T) *Report {
	t.Helper()
	run, err := result.LoadRun("testdata/run.json")
	if err != nil {
		t.Fatal(err)
	}
	tab, err := kevlar.Default(run.Arch)
	if err != nil {
		t.Fatal(err)
	}
	var ps []*profile.Profile
	for _, n := range []string{"musl-static", "pthreads"} {
		p, err := profile.Get(n)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	demo, err := profile.Load("testdata/demo-boot.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(run, &Options{Target: tab, Profiles: append(ps, demo)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGolden(t *testing.T) {
	r := fixtureReport(t)
	tests := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return Write(b, r, "text", nil) }},
		{"report.md", func(b *bytes.Buffer) error { return Write(b, r, "markdown", nil) }},
		{"report.json", func(b *bytes.Buffer) error { return Write(b, r, "json", nil) }},
		{"report.csv", func(b *bytes.Buffer) error { return Write(b, r, "csv", nil) }},
		{"gaps.txt", func(b *bytes.Buffer) error { return WriteGaps(b, r, "text", &WriteOptions{Limit: 5}) }},
		{"gaps.json", func(b *bytes.Buffer) error { return WriteGaps(b, r, "json", &WriteOptions{Limit: 5}) }},
		{"gaps.csv", func(b *bytes.Buffer) error { return WriteGaps(b, r, "csv", &WriteOptions{Limit: 5}) }},
		{"gaps.md", func(b *bytes.Buffer) error { return WriteGaps(b, r, "markdown", &WriteOptions{Limit: 5}) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tt.file)
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
				t.Fatalf("%v (run go test ./report -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file (go test ./report -update rewrites it after review):\n%s", path, buf.String())
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	r := fixtureReport(t)
	if err := Write(&bytes.Buffer{}, r, "xml", nil); err == nil {
		t.Error("Write accepted format xml")
	}
	if err := WriteGaps(&bytes.Buffer{}, r, "xml", nil); err == nil {
		t.Error("WriteGaps accepted format xml")
	}
}
