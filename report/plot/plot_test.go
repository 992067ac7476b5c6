package plot

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var keep = flag.String("keep", "", "also write the rendered charts to `DIR` for a human to look at")

// sampleMatrix is a deterministic matrix with counts spanning six decades.
func sampleMatrix(nt, ns int) *Matrix {
	m := &Matrix{}
	for i := range nt {
		m.Tests = append(m.Tests, fmt.Sprintf("group%02d/test_%03d", i%12, i))
	}
	for j := range ns {
		m.Syscalls = append(m.Syscalls, fmt.Sprintf("sys_%03d", j))
	}
	for i := range nt {
		row := make([]uint64, ns)
		for j := range ns {
			if (i*7+j*3)%5 == 0 || j < 12 {
				row[j] = uint64(1) << uint((i+j)%20)
			}
		}
		m.Counts = append(m.Counts, row)
	}
	return m
}

func charts(t *testing.T) map[string]struct {
	c      *Chart
	labels []string
} {
	t.Helper()
	out := map[string]struct {
		c      *Chart
		labels []string
	}{}
	add := func(name string, c *Chart, err error, labels ...string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = struct {
			c      *Chart
			labels []string
		}{c, labels}
	}
	rows := []Row{
		{"target dispatch entries / Linux syscalls", 312, 373},
		{"profile syscalls exercised (musl-hello, static)", 41, 58},
		{"behavioural values exercised", 87, 240},
		{"syscall × value × ioctl universe", 96, 1210},
		{"empty dimension", 0, 0},
	}
	c, err := Coverage(rows, nil)
	add("coverage", c, err, "Coverage per dimension", "312 / 373 = 83.6%", "0 / 0 (no denominator)", "behavioural values exercised")

	c, err = Groups([]GroupBar{{"fs", 17, 23}, {"io", 17, 9}, {"ipc", 17, 14}, {"process", 17, 31}, {"vm", 17, 6}}, nil)
	add("groups", c, err, "Syscalls per group", "17 + 31 = 48", "runtime baseline", "group-specific")

	var gaps []Gap
	for i, s := range []string{"openat2", "statx", "clone3", "io_uring_setup", "pidfd_open", "memfd_create", "fanotify_init", "name_to_handle_at"} {
		gaps = append(gaps, Gap{Label: s, Score: float64(100 - 11*i), Note: "used by systemd, stub in target, untested"})
	}
	c, err = TopGaps(gaps, 5, nil)
	add("gaps", c, err, "Top 5 gaps (of 8)", "1. openat2", "100  used by systemd, stub in target, untested")

	c, err = BeforeAfter(rows[:3], append([]Row{{"new dimension", 1, 2}}, rows[1:4]...), &Options{Title: "Run 2 against run 1"})
	add("beforeafter", c, err, "Run 2 against run 1", "before: 312 / 373 = 83.6%", "after: absent", "before: absent", "after: 1 / 2 = 50.0%")

	c, err = Heatmap(sampleMatrix(6, 9), nil)
	add("heatmap_small", c, err, "group03/test_003", "sys_008", "1–9 calls", "1,000–9,999 calls", "not called")

	c, err = Heatmap(sampleMatrix(150, 200), nil)
	add("heatmap_150x200", c, err, "group05/test_149", "sys_199", "100,000–999,999 calls")

	c, err = Heatmap(sampleMatrix(260, 300), nil)
	add("heatmap_260x300", c, err, "labels thinned: one per 2 syscalls, one per 2 tests")
	return out
}

func TestCharts(t *testing.T) {
	for name, tc := range charts(t) {
		t.Run(name, func(t *testing.T) {
			var pb, sb bytes.Buffer
			if err := tc.c.Encode(&pb, "png"); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(pb.Bytes()))
			if err != nil {
				t.Fatalf("png does not decode: %v", err)
			}
			w, h := tc.c.PixelSize()
			if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
				t.Errorf("png is %dx%d, want %dx%d", b.Dx(), b.Dy(), w, h)
			}
			if w < 400 || h < 250 {
				t.Errorf("png %dx%d is too small to read", w, h)
			}

			if err := tc.c.Encode(&sb, "svg"); err != nil {
				t.Fatal(err)
			}
			text := svgText(t, sb.Bytes())
			for _, l := range tc.labels {
				if !strings.Contains(text, l) {
					t.Errorf("svg lacks text %q", l)
				}
			}
			if *keep != "" {
				if _, err := WriteAll(*keep, name, tc.c); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// svgText parses doc as XML, checks that its root is <svg> and returns its
// character data joined by newlines.
func svgText(t *testing.T, doc []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var b strings.Builder
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("svg does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			b.Write(tok)
			b.WriteByte('\n')
		}
	}
	if root != "svg" {
		t.Fatalf("svg root element is <%s>", root)
	}
	return b.String()
}

func TestSizeGrows(t *testing.T) {
	small, err := Heatmap(sampleMatrix(10, 10), nil)
	if err != nil {
		t.Fatal(err)
	}
	big, err := Heatmap(sampleMatrix(150, 200), nil)
	if err != nil {
		t.Fatal(err)
	}
	if big.Width <= small.Width || big.Height <= small.Height {
		t.Errorf("heatmap 150x200 (%v x %v) not larger than 10x10 (%v x %v)", big.Width, big.Height, small.Width, small.Height)
	}
	var rows []Row
	for i := range 40 {
		rows = append(rows, Row{fmt.Sprint("row ", i), i, 40})
	}
	few, _ := Coverage(rows[:4], nil)
	many, _ := Coverage(rows, nil)
	if many.Height <= few.Height {
		t.Errorf("coverage with 40 rows is %v high, 4 rows %v", many.Height, few.Height)
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		want  string
		empty bool
	}{
		{"coverage empty", func() error { _, err := Coverage(nil, nil); return err }(), "plot coverage: nothing to plot", true},
		{"groups empty", func() error { _, err := Groups(nil, nil); return err }(), "plot groups: nothing to plot", true},
		{"gaps empty", func() error { _, err := TopGaps(nil, 3, nil); return err }(), "plot gaps: nothing to plot", true},
		{"before/after empty", func() error { _, err := BeforeAfter(nil, nil, nil); return err }(), "plot before/after: nothing to plot", true},
		{"heatmap nil", func() error { _, err := Heatmap(nil, nil); return err }(), "plot heatmap: nothing to plot", true},
		{"heatmap no syscalls", func() error { _, err := Heatmap(&Matrix{Tests: []string{"a"}}, nil); return err }(), "plot heatmap: nothing to plot", true},
		{"heatmap ragged", func() error {
			_, err := Heatmap(&Matrix{Tests: []string{"fs/a"}, Syscalls: []string{"read", "write"}, Counts: [][]uint64{{1}}}, nil)
			return err
		}(), `plot heatmap: test "fs/a" has 1 counts for 2 syscalls`, false},
		{"heatmap rows", func() error {
			_, err := Heatmap(&Matrix{Tests: []string{"fs/a"}, Syscalls: []string{"read"}}, nil)
			return err
		}(), "plot heatmap: 0 count rows for 1 tests", false},
		{"num > den", func() error { _, err := Coverage([]Row{{"x", 5, 3}}, nil); return err }(), `plot coverage: row 0 "x": 5 / 3 is not a fraction`, false},
		{"negative", func() error { _, err := Groups([]GroupBar{{"fs", -1, 2}}, nil); return err }(), `plot groups: group 0 "fs": negative count`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil || tc.err.Error() != tc.want {
				t.Fatalf("error %v, want %q", tc.err, tc.want)
			}
			if errors.Is(tc.err, ErrEmpty) != tc.empty {
				t.Errorf("errors.Is(ErrEmpty) = %v", !tc.empty)
			}
		})
	}
}

func TestSave(t *testing.T) {
	c, err := Coverage([]Row{{"a", 1, 2}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths, err := WriteAll(dir, "cov", c)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != "cov.png" || filepath.Base(paths[1]) != "cov.svg" {
		t.Fatalf("WriteAll wrote %v", paths)
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	if err := c.Save(filepath.Join(dir, "cov.PNG")); err != nil {
		t.Errorf("upper-case extension: %v", err)
	}
	err = c.Save(filepath.Join(dir, "cov.pdf"))
	if err == nil || !strings.Contains(err.Error(), `unsupported extension ".pdf"`) {
		t.Errorf("pdf: %v", err)
	}
}
