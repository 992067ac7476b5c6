package report

import (
	"fmt"
	"github.com/syscov/syscov/target"
	"strings"
)

// The text and markdown writers print the same blocks; only the
// rendering differs.

type blockKind int

const (
	heading blockKind = iota
	para
	table
	bullets
)

type block struct {
	kind   blockKind
	text   string     // heading, para
	header []string   // table
	rows   [][]string // table
	items  []string   // bullets
}

// WriteOptions tune the text and markdown writers; nil means defaults.
type WriteOptions struct {
	// Limit caps the ranked gap lists (syscalls, values) in the report;
	// 0 means DefaultLimit, a negative value no cap. The lists always say
	// how many entries they leave out.
	Limit int
}

// DefaultLimit is the number of ranked gaps a report shows.
const DefaultLimit = 25

func (o *WriteOptions) limit() int {
	switch {
	case o == nil || o.Limit == 0:
		return DefaultLimit
	case o.Limit < 0:
		return -1
	}
	return o.Limit
}

func cap2[T any](xs []T, n int) []T {
	if n < 0 || len(xs) <= n {
		return xs
	}
	return xs[:n]
}

func (r *Report) targetLabel() string {
	l := r.Target.Kernel + "/" + r.Target.Arch
	if r.Target.Revision != "" {
		l += "@" + shortRev(r.Target.Revision)
	}
	return l
}

func (r *Report) blocks(limit int) []block {
	var bs []block
	add := func(b block) { bs = append(bs, b) }
	add(block{kind: heading, text: "Coverage assessment"})
	add(block{kind: para, text: fmt.Sprintf("Run: %d tests traced on Linux %s (%s), %s; target %s.",
		r.Run.Tests, r.Run.Kernel, r.Run.Arch, r.Run.Compiler, r.targetLabel())})
	rows := [][]string{}
	for _, row := range r.Rows {
		note := row.Note
		if row.Baseline > 0 {
			note = join("; ", fmt.Sprintf("incl. %d baseline", row.Baseline), note)
		}
		rows = append(rows, []string{row.Label(), row.Ratio(), note, row.Key})
	}
	add(block{kind: table, header: []string{"Dimension", "Coverage", "Note", "Key"}, rows: rows})
	add(block{kind: bullets, items: r.Definitions})
	var prof []string
	for _, p := range r.Profiles {
		s := fmt.Sprintf("%s (%s, %s %s): %d syscalls", p.Name, p.Layer, p.Package, p.PackageVersion, p.Syscalls)
		if p.Unresolved > 0 {
			s += fmt.Sprintf(", %d unresolved sites", p.Unresolved)
		}
		if p.Layer == "traced" {
			s += fmt.Sprintf(", %d values", p.Values)
		}
		prof = append(prof, s)
	}
	if len(prof) > 0 {
		add(block{kind: para, text: "Profiles:"})
		add(block{kind: bullets, items: prof})
	}

	add(block{kind: heading, text: "Groups"})
	rows = [][]string{}
	for _, g := range r.Groups {
		names := "-"
		if len(g.Syscalls) > 0 {
			names = fmt.Sprintf("%d: %s", len(g.Syscalls), strings.Join(g.Syscalls, ", "))
		}
		rows = append(rows, []string{g.Name, fmt.Sprint(g.Tests), names})
	}
	add(block{kind: table, header: []string{"Group", "Tests", "Syscalls covered beyond baseline"}, rows: rows})
	add(block{kind: para, text: fmt.Sprintf("Baseline (empty program, %d syscalls): %s. Every test of a group counts, whatever its status.",
		len(r.Run.Baseline), strings.Join(r.Run.Baseline, ", "))})

	add(block{kind: heading, text: "Known divergences"})
	if len(r.Divergences) == 0 {
		add(block{kind: para, text: "None: no test of this run is listed in known-divergences.json (tests whose status is PASS although listed keep status PASS here)."})
	} else {
		rows = [][]string{}
		for _, d := range r.Divergences {
			rows = append(rows, []string{d.Test, d.Reason, d.Status})
		}
		add(block{kind: table, header: []string{"Test", "Reason", "Status"}, rows: rows})
	}

	add(block{kind: heading, text: "Status"})
	add(block{kind: para, text: r.Status})

	bs = append(bs, r.gapBlocks(limit)...)

	add(block{kind: heading, text: "Target lint"})
	if len(r.Target.Lints) == 0 {
		add(block{kind: para, text: fmt.Sprintf("No ABI-numbering findings in %s.", r.targetLabel())})
	} else {
		rows = [][]string{}
		for _, l := range r.Target.Lints {
			rows = append(rows, []string{string(l.Kind), l.Subject, l.At, l.Expected, l.Found})
		}
		add(block{kind: para, text: fmt.Sprintf("%d ABI-numbering finding(s) in %s:", len(r.Target.Lints), r.targetLabel())})
		add(block{kind: table, header: []string{"Kind", "Subject", "At", "Expected", "Found"}, rows: rows})
	}
	if n := len(r.Target.Warnings); n > 0 {
		var ws []string
		for _, w := range r.Target.Warnings {
			ws = append(ws, w.String())
		}
		add(block{kind: para, text: fmt.Sprintf("%d importer warning(s):", n)})
		add(block{kind: bullets, items: ws})
	}
	return bs
}

func (r *Report) gapBlocks(limit int) []block {
	g := &r.Gaps
	var bs []block
	add := func(b block) { bs = append(bs, b) }
	add(block{kind: heading, text: "Gap review"})
	add(block{kind: para, text: "Ranking: " + g.Rule + "."})

	add(block{kind: para, text: fmt.Sprintf("Profile syscalls no PASS test exercised: %d%s.", len(g.Syscalls), shown(len(g.Syscalls), limit))})
	if len(g.Syscalls) > 0 {
		rows := [][]string{}
		for _, s := range cap2(g.Syscalls, limit) {
			calls := "-"
			if s.Traced > 0 {
				calls = fmt.Sprint(s.Calls)
			}
			rows = append(rows, []string{fmt.Sprint(s.Rank), fmt.Sprint(s.Tier), s.Name, strings.Join(s.Profiles, ", "),
				fmt.Sprint(s.Users), calls, statusText(s.Target), s.Run + unobsText(s.Unobservable)})
		}
		add(block{kind: table, header: []string{"Rank", "Tier", "Syscall", "Profiles", "Users", "Calls", "Target", "Run"}, rows: rows})
		var tiers []string
		for i, t := range Tiers {
			tiers = append(tiers, fmt.Sprintf("tier %d: %s (%d)", i+1, t, countTier(g.Syscalls, i+1)))
		}
		add(block{kind: bullets, items: tiers})
	}

	traced := 0
	for _, p := range r.Profiles {
		if p.Layer == "traced" {
			traced++
		}
	}
	if traced == 0 {
		add(block{kind: para, text: "Traced-profile values no PASS test exercised: not measured, no traced profile loaded (static profiles record syscalls, not argument values)."})
	} else {
		add(block{kind: para, text: fmt.Sprintf("Traced-profile values no PASS test exercised: %d%s.", len(g.Values), shown(len(g.Values), limit))})
	}
	if len(g.Values) > 0 {
		rows := [][]string{}
		for _, v := range cap2(g.Values, limit) {
			sc := "no"
			if v.SyscallExercised {
				sc = "yes"
			}
			rows = append(rows, []string{fmt.Sprint(v.Rank), v.Syscall, v.Arg, v.Value, strings.Join(v.Profiles, ", "), fmt.Sprint(v.Calls), sc, statusText(v.Target)})
		}
		add(block{kind: table, header: []string{"Rank", "Syscall", "Arg", "Value", "Profiles", "Calls", "Syscall exercised", "Target"}, rows: rows})
	}

	var impl []string
	for _, t := range g.ImplementedUnexercised {
		impl = append(impl, t.Name)
	}
	add(block{kind: para, text: fmt.Sprintf("Implemented in %s but exercised by no PASS test (%d): %s.", r.targetLabel(), len(impl), listOrNone(impl))})
	add(block{kind: para, text: fmt.Sprintf("Issued by PASS tests only through error paths (%d): %s.", len(g.ErrorOnly), runGapList(g.ErrorOnly, true))})
	add(block{kind: para, text: fmt.Sprintf("Issued only by XFAIL tests (%d): %s.", len(g.XFailOnly), runGapList(g.XFailOnly, false))})
	add(block{kind: para, text: fmt.Sprintf("Issued only by FAIL, CRASH or TIMEOUT tests (%d): %s.", len(g.FailingOnly), runGapList(g.FailingOnly, false))})
	return bs
}

func countTier(gs []SyscallGap, t int) int {
	n := 0
	for _, g := range gs {
		if g.Tier == t {
			n++
		}
	}
	return n
}

func shown(n, limit int) string {
	if limit >= 0 && n > limit {
		return fmt.Sprintf(" (the first %d shown; coverage gaps --limit 0 lists all)", limit)
	}
	return ""
}

func statusText(s target.Status) string {
	if s == "" {
		return "not listed"
	}
	return string(s)
}

func unobsText(b bool) string {
	if b {
		return " (vDSO, may be unseen)"
	}
	return ""
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

func runGapList(gs []RunGap, errnos bool) string {
	if len(gs) == 0 {
		return "none"
	}
	var parts []string
	for _, g := range gs {
		var es []string
		if errnos {
			for _, e := range g.Errnos {
				es = append(es, fmt.Sprintf("%s×%d", e.Errno, e.Count))
			}
		}
		es = append(es, strings.Join(g.Tests, " "))
		parts = append(parts, fmt.Sprintf("%s (%s)", g.Name, strings.Join(es, "; ")))
	}
	return strings.Join(parts, ", ")
}

func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
