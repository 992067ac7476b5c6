package plot

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"

	"gonum.org/v1/plot/vg"
)

// Row is one coverage dimension: Num of Den covered.
type Row struct {
	Label    string
	Num, Den int
}

// Coverage draws one horizontal bar per row, its length the percentage
// covered, labelled "N / D = P%". Rows are drawn top to bottom in the
// order given. A row with Den 0 is drawn empty and labelled as having no
// denominator.
func Coverage(rows []Row, o *Options) (*Chart, error) {
	if err := checkRows("coverage", rows); err != nil {
		return nil, err
	}
	l := &hbarLayout{
		title:    o.title("Coverage per dimension"),
		xLabel:   o.xLabel("covered (%)"),
		scaleMax: 100,
		unit:     "%",
	}
	for _, r := range rows {
		l.labels = append(l.labels, r.Label)
		l.rows = append(l.rows, []bar{{
			segs: []segment{{pct(r.Num, r.Den), colMain}},
			note: percent(r.Num, r.Den),
		}})
	}
	return l.build(), nil
}

// GroupBar is one group's distinct syscalls: those the runtime baseline
// (an empty program) also makes, and those specific to the group.
type GroupBar struct {
	Group              string
	Baseline, Specific int
}

// Groups draws one stacked horizontal bar per group (baseline, then
// group-specific), labelled "B + S = T", groups in the order given.
func Groups(groups []GroupBar, o *Options) (*Chart, error) {
	if len(groups) == 0 {
		return nil, fmt.Errorf("plot groups: %w", ErrEmpty)
	}
	l := &hbarLayout{
		title:  o.title("Syscalls per group"),
		xLabel: o.xLabel("distinct syscalls"),
		yLabel: "group",
		legend: []legendEntry{{"runtime baseline", colBaseline}, {"group-specific", colMain}},
	}
	for i, g := range groups {
		if g.Baseline < 0 || g.Specific < 0 {
			return nil, fmt.Errorf("plot groups: group %d %q: negative count", i, g.Group)
		}
		l.scaleMax = max(l.scaleMax, float64(g.Baseline+g.Specific))
		l.labels = append(l.labels, g.Group)
		l.rows = append(l.rows, []bar{{
			segs: []segment{{float64(g.Baseline), colBaseline}, {float64(g.Specific), colMain}},
			note: fmt.Sprintf("%d + %d = %d", g.Baseline, g.Specific, g.Baseline+g.Specific),
		}})
	}
	return l.build(), nil
}

// Gap is one untested syscall or value with its importance score; Note
// says why it matters (e.g. "used by systemd, stub in target").
type Gap struct {
	Label string
	Score float64
	Note  string
}

// TopGaps draws the n highest-scoring gaps (all of them when n <= 0 or
// n exceeds their number), highest at the top; ties keep input order.
// With Options.KeepOrder it draws the first n in the order given.
// Each bar is labelled with its score and note.
func TopGaps(gaps []Gap, n int, o *Options) (*Chart, error) {
	if len(gaps) == 0 {
		return nil, fmt.Errorf("plot gaps: %w", ErrEmpty)
	}
	sorted := make([]Gap, len(gaps))
	copy(sorted, gaps)
	if o == nil || !o.KeepOrder {
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Score > sorted[j].Score })
	}
	if n > 0 && n < len(sorted) {
		sorted = sorted[:n]
	}
	l := &hbarLayout{
		title:  o.title(fmt.Sprintf("Top %d gaps (of %d)", len(sorted), len(gaps))),
		xLabel: o.xLabel("importance score"),
	}
	for i, g := range sorted {
		if g.Score < 0 {
			return nil, fmt.Errorf("plot gaps: gap %q: negative score %v", g.Label, g.Score)
		}
		l.scaleMax = max(l.scaleMax, g.Score)
		note := strconv.FormatFloat(g.Score, 'g', 4, 64)
		if g.Note != "" {
			note += "  " + g.Note
		}
		l.labels = append(l.labels, fmt.Sprintf("%d. %s", i+1, g.Label))
		l.rows = append(l.rows, []bar{{segs: []segment{{g.Score, colGap}}, note: note}})
	}
	return l.build(), nil
}

// BeforeAfter draws, for each row label, the baseline run's bar above the
// new run's, each labelled "N / D = P%". before and after are matched by
// Label; a label present on one side only is drawn with the other side
// marked "absent". Labels keep the order of after, then before-only ones.
func BeforeAfter(before, after []Row, o *Options) (*Chart, error) {
	if len(before) == 0 && len(after) == 0 {
		return nil, fmt.Errorf("plot before/after: %w", ErrEmpty)
	}
	if err := checkRows("before/after", append(append([]Row(nil), before...), after...)); err != nil {
		return nil, err
	}
	old := map[string]Row{}
	for _, r := range before {
		old[r.Label] = r
	}
	var labels []string
	newer := map[string]Row{}
	for _, r := range after {
		newer[r.Label] = r
		labels = append(labels, r.Label)
	}
	for _, r := range before {
		if _, ok := newer[r.Label]; !ok {
			labels = append(labels, r.Label)
		}
	}
	l := &hbarLayout{
		title:    o.title("Coverage before and after"),
		xLabel:   o.xLabel("covered (%)"),
		scaleMax: 100,
		unit:     "%",
		pitch:    2*barWidth + 14,
		legend:   []legendEntry{{"before", colBefore}, {"after", colMain}},
	}
	side := func(r Row, ok bool, col color.Color, tag string, off vg.Length) bar {
		b := bar{offset: off}
		if !ok {
			b.note = tag + ": absent"
			return b
		}
		b.segs = []segment{{pct(r.Num, r.Den), col}}
		b.note = tag + ": " + percent(r.Num, r.Den)
		return b
	}
	for _, lab := range labels {
		b, bok := old[lab]
		a, aok := newer[lab]
		l.labels = append(l.labels, lab)
		l.rows = append(l.rows, []bar{side(b, bok, colBefore, "before", barWidth/2+2), side(a, aok, colMain, "after", -barWidth/2-2)})
	}
	return l.build(), nil
}
