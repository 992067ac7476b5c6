package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/syscov/syscov/report/plot"
	"github.com/syscov/syscov/target"
)

// TopGapsCharted is how many syscall gaps the gaps chart shows.
const TopGapsCharted = 20

// NamedChart is one chart of a report and the file base name it is
// written under (e.g. "coverage" for coverage.png and coverage.svg).
type NamedChart struct {
	Base  string
	Chart *plot.Chart
}

// Charts renders r's charts: the assessment rows ("coverage"), syscalls
// per group ("groups"), the test × syscall heat map ("heatmap"), the top
// syscall gaps ("gaps") and, when baseline is not nil, the assessment rows
// of baseline against r's ("before-after"). A chart with nothing to show
// (an empty run, no gaps) is left out and named in skipped with the
// reason, never drawn empty.
func Charts(r, baseline *Report) (charts []NamedChart, skipped []string, err error) {
	add := func(base string, c *plot.Chart, err error) error {
		switch {
		case errors.Is(err, plot.ErrEmpty):
			skipped = append(skipped, base+": nothing to plot")
			return nil
		case err != nil:
			return fmt.Errorf("chart %s: %w", base, err)
		}
		charts = append(charts, NamedChart{Base: base, Chart: c})
		return nil
	}

	rows := chartRows(r)
	c, err := plot.Coverage(rows, &plot.Options{Title: fmt.Sprintf("Coverage per dimension (%s)", r.Status)})
	if err := add("coverage", c, err); err != nil {
		return nil, nil, err
	}

	var groups []plot.GroupBar
	for _, g := range r.Groups {
		groups = append(groups, plot.GroupBar{Group: fmt.Sprintf("%s (%d)", g.Name, g.Tests), Baseline: g.Baseline, Specific: g.Specific()})
	}
	c, err = plot.Groups(groups, &plot.Options{Title: "Distinct syscalls per group (tests): runtime baseline + group-specific"})
	if err := add("groups", c, err); err != nil {
		return nil, nil, err
	}

	var m *plot.Matrix
	if len(r.Matrix.Tests) > 0 && len(r.Matrix.Syscalls) > 0 {
		m = &plot.Matrix{Tests: r.Matrix.Tests, Syscalls: r.Matrix.Syscalls, Counts: r.Matrix.Calls}
	} else {
		m = &plot.Matrix{}
	}
	c, err = plot.Heatmap(m, nil)
	if err := add("heatmap", c, err); err != nil {
		return nil, nil, err
	}

	c, err = plot.TopGaps(chartGaps(r), TopGapsCharted, &plot.Options{
		Title:     fmt.Sprintf("Profile syscalls no PASS test exercises, in gap-review order (%d in all)", len(r.Gaps.Syscalls)),
		XLabel:    "profiles that use it",
		KeepOrder: true,
	})
	if err := add("gaps", c, err); err != nil {
		return nil, nil, err
	}

	if baseline != nil {
		c, err = plot.BeforeAfter(chartRows(baseline), rows, &plot.Options{
			Title: fmt.Sprintf("Before: %s / After: %s", baseline.Status, r.Status),
		})
		if err := add("before-after", c, err); err != nil {
			return nil, nil, err
		}
	}
	return charts, skipped, nil
}

// chartRows are the measurable assessment rows, labelled by their
// --fail-under key, which is short and names the profile.
func chartRows(r *Report) []plot.Row {
	var rows []plot.Row
	for _, row := range r.Rows {
		if row.NA {
			continue
		}
		label := row.Key
		if row.Layer != "" && !strings.HasSuffix(label, ":"+row.Layer) {
			label += " (" + row.Layer + ")"
		}
		rows = append(rows, plot.Row{Label: label, Num: row.Num, Den: row.Den})
	}
	return rows
}

// chartGaps lists the syscall gaps in the gap review's ranking, each
// scored by the number of profiles that use it, with its call count in
// the traced profiles, tier and target status as the note.
func chartGaps(r *Report) []plot.Gap {
	var gaps []plot.Gap
	for _, g := range r.Gaps.Syscalls {
		note := fmt.Sprintf("tier %d, %d traced calls, %s in %s, %s", g.Tier, g.Calls, statusOr(g.Target), r.Target.Kernel, g.Run)
		gaps = append(gaps, plot.Gap{Label: g.Name, Score: float64(len(g.Profiles)), Note: note})
	}
	return gaps
}

func statusOr(s target.Status) string {
	if s != "" {
		return string(s)
	}
	return "not listed"
}
