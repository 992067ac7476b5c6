package runner

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/syscov/syscov/result"
)

// GroupSummary is one row of the group table.
type GroupSummary struct {
	Group string
	Tests int
	// Syscalls are the distinct syscalls the group's tests made that the
	// baseline program does not, sorted.
	Syscalls []string
}

// Groups summarises a run per group, in group order. Every test that ran
// contributes its syscalls, whatever its status.
func Groups(run *result.Run) []GroupSummary {
	base := map[string]bool{}
	for _, b := range run.Baseline {
		base[b] = true
	}
	byGroup := map[string]*GroupSummary{}
	seen := map[string]map[string]bool{}
	for _, t := range run.Tests {
		g := byGroup[t.Group]
		if g == nil {
			g = &GroupSummary{Group: t.Group}
			byGroup[t.Group] = g
			seen[t.Group] = map[string]bool{}
		}
		g.Tests++
		for _, s := range t.Syscalls {
			if !base[s.Name] && !seen[t.Group][s.Name] {
				seen[t.Group][s.Name] = true
				g.Syscalls = append(g.Syscalls, s.Name)
			}
		}
	}
	out := make([]GroupSummary, 0, len(byGroup))
	for _, g := range byGroup {
		sort.Strings(g.Syscalls)
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}

// WriteGroupTable writes the table Group | Tests | Syscalls covered beyond
// the baseline, then a line naming the baseline.
func WriteGroupTable(w io.Writer, run *result.Run) error {
	table := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(72),
	)
	table.Header([]string{"Group", "Tests", "Syscalls covered beyond baseline"})
	for _, g := range Groups(run) {
		names := "-"
		if len(g.Syscalls) > 0 {
			names = fmt.Sprintf("%d: %s", len(g.Syscalls), strings.Join(g.Syscalls, ", "))
		}
		if err := table.Append([]string{g.Group, fmt.Sprint(g.Tests), names}); err != nil {
			return fmt.Errorf("write group table: %w", err)
		}
	}
	if err := table.Render(); err != nil {
		return fmt.Errorf("write group table: %w", err)
	}
	_, err := fmt.Fprintf(w, "baseline (empty program, %d syscalls): %s\n", len(run.Baseline), strings.Join(run.Baseline, ", "))
	return err
}

// statusOrder is the order of the status line; PASS, XFAIL and FAIL are
// always shown, the others only when present.
var statusOrder = []string{
	result.StatusPass, result.StatusXFail, result.StatusFail,
	result.StatusTimeout, result.StatusCrash, result.StatusBuildError,
}

// StatusLine returns e.g. "112 total — 104 PASS, 8 XFAIL, 0 FAIL", with
// TIMEOUT, CRASH and BUILD_ERROR counts when non-zero, and a note when
// the run was interrupted.
func StatusLine(run *result.Run) string {
	n := map[string]int{}
	for _, t := range run.Tests {
		n[t.Status]++
	}
	parts := make([]string, 0, len(statusOrder))
	for i, s := range statusOrder {
		if i < 3 || n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	line := fmt.Sprintf("%d total — %s", len(run.Tests), strings.Join(parts, ", "))
	if run.Interrupted {
		line += " (interrupted: not every test ran)"
	}
	return line
}
