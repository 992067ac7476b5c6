package report

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/target/kevlar"
)

func chartBases(cs []NamedChart) string {
	var b []string
	for _, c := range cs {
		b = append(b, c.Base)
	}
	return strings.Join(b, ",")
}

func TestCharts(t *testing.T) {
	r := fixtureReport(t)
	charts, skipped, err := Charts(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := chartBases(charts), "coverage,groups,heatmap,gaps"; got != want || len(skipped) != 0 {
		t.Fatalf("charts %s (skipped %v), want %s", got, skipped, want)
	}
	for _, c := range charts {
		var buf bytes.Buffer
		if err := c.Chart.Encode(&buf, "png"); err != nil {
			t.Fatalf("%s: %v", c.Base, err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: decode png: %v", c.Base, err)
		}
		w, h := c.Chart.PixelSize()
		if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
			t.Errorf("%s: %dx%d, want %dx%d", c.Base, b.Dx(), b.Dy(), w, h)
		}
	}

	charts, _, err = Charts(r, r)
	if err != nil {
		t.Fatal(err)
	}
	if got := chartBases(charts); got != "coverage,groups,heatmap,gaps,before-after" {
		t.Errorf("with a baseline: %s", got)
	}
}

// An empty run has no groups and no matrix: those charts are skipped with
// a reason, never drawn empty. Every profile syscall is then a gap.
func TestChartsEmptyRun(t *testing.T) {
	tab, err := kevlar.Default("x86_64")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(&result.Run{Schema: result.RunSchema, Arch: "x86_64"}, &Options{Target: tab})
	if err != nil {
		t.Fatal(err)
	}
	charts, skipped, err := Charts(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := chartBases(charts); got != "coverage,gaps" {
		t.Errorf("charts %s, want coverage,gaps", got)
	}
	if got := strings.Join(skipped, "; "); got != "groups: nothing to plot; heatmap: nothing to plot" {
		t.Errorf("skipped: %s", got)
	}
}
