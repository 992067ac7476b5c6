package rundiff

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Formats are the names Write accepts.
var Formats = []string{"text", "markdown", "json", "csv"}

// Write renders d to w in format (one of Formats).
func Write(w io.Writer, d *Diff, format string) error {
	var err error
	switch format {
	case "text":
		err = writeText(w, d)
	case "markdown":
		err = writeMarkdown(w, d)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(d)
	case "csv":
		err = writeCSV(w, d)
	default:
		return fmt.Errorf("write diff: unknown format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	return nil
}

// fraction formats a row as "N / D = P%" (one decimal), or "N / 0" when
// there is no denominator.
func fraction(r Row) string {
	if r.Den == 0 {
		return fmt.Sprintf("%d / 0", r.Num)
	}
	return fmt.Sprintf("%d / %d = %.1f%%", r.Num, r.Den, 100*float64(r.Num)/float64(r.Den))
}

// rowChange is one coverage row of both runs; a missing side is nil.
type rowChange struct {
	label         string
	before, after *Row
}

// matchRows pairs the rows by label, in the order of After then the
// labels only Before has.
func matchRows(r *Rows) []rowChange {
	var out []rowChange
	idx := map[string]int{}
	for i := range r.After {
		idx[r.After[i].Label] = len(out)
		out = append(out, rowChange{label: r.After[i].Label, after: &r.After[i]})
	}
	for i := range r.Before {
		if j, ok := idx[r.Before[i].Label]; ok {
			out[j].before = &r.Before[i]
			continue
		}
		out = append(out, rowChange{label: r.Before[i].Label, before: &r.Before[i]})
	}
	return out
}

func (c rowChange) cells() []string {
	side := func(r *Row) string {
		if r == nil {
			return "absent"
		}
		return fraction(*r)
	}
	change := "-"
	if c.before != nil && c.after != nil && c.before.Den > 0 && c.after.Den > 0 {
		p := 100*float64(c.after.Num)/float64(c.after.Den) - 100*float64(c.before.Num)/float64(c.before.Den)
		change = fmt.Sprintf("%+.1f pts", p)
		if change == "-0.0 pts" {
			change = "+0.0 pts"
		}
	}
	return []string{c.label, side(c.before), side(c.after), change}
}

// argValues groups values by syscall and argument, keeping their order
// (values are sorted by syscall, argument, value).
type argValues struct {
	syscall, arg string
	values       []string
}

func groupValues(vs []Value) []argValues {
	var out []argValues
	for _, v := range vs {
		if n := len(out); n > 0 && out[n-1].syscall == v.Syscall && out[n-1].arg == v.Arg {
			out[n-1].values = append(out[n-1].values, v.Value)
			continue
		}
		out = append(out, argValues{v.Syscall, v.Arg, []string{v.Value}})
	}
	return out
}

func writeText(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "coverage diff: %s → %s\n\n", d.Old, d.New)
	fmt.Fprintf(&b, "Before: %s\nAfter: %s\n", d.Before, d.After)

	tests := func(title string, ts []TestStatus) {
		fmt.Fprintf(&b, "\n%s (%d)", title, len(ts))
		if len(ts) == 0 {
			b.WriteString(": none\n")
			return
		}
		b.WriteString(":\n")
		width := 0
		for _, t := range ts {
			width = max(width, len(t.ID))
		}
		for _, t := range ts {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, t.ID, t.Status)
		}
	}
	tests("Tests added", d.Added)
	tests("Tests removed", d.Removed)
	fmt.Fprintf(&b, "\nStatus changes (%d)", len(d.Changed))
	if len(d.Changed) == 0 {
		b.WriteString(": none\n")
	} else {
		b.WriteString(":\n")
		for _, c := range d.Changed {
			fmt.Fprintf(&b, "  %s: %s → %s\n", c.ID, c.Before, c.After)
		}
	}

	syscalls := func(title string, names []string) {
		fmt.Fprintf(&b, "\n%s (%d)", title, len(names))
		if len(names) == 0 {
			b.WriteString(": none\n")
			return
		}
		fmt.Fprintf(&b, ": %s\n", strings.Join(names, ", "))
	}
	syscalls("Syscalls newly covered by a PASS test", d.SyscallsCovered)
	syscalls("Syscalls no longer covered by any PASS test", d.SyscallsLost)

	values := func(title string, vs []Value) {
		fmt.Fprintf(&b, "\n%s (%d)", title, len(vs))
		if len(vs) == 0 {
			b.WriteString(": none\n")
			return
		}
		b.WriteString(":\n")
		for _, g := range groupValues(vs) {
			fmt.Fprintf(&b, "  %s %s: %s\n", g.syscall, g.arg, strings.Join(g.values, ", "))
		}
	}
	values("Values newly covered by a PASS test", d.ValuesCovered)
	values("Values no longer covered by any PASS test", d.ValuesLost)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}

	if d.Rows == nil {
		return nil
	}
	if _, err := io.WriteString(w, "\nCoverage rows (before → after):\n"); err != nil {
		return err
	}
	table := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	table.Header([]string{"Row", "Before", "After", "Change"})
	for _, c := range matchRows(d.Rows) {
		if err := table.Append(c.cells()); err != nil {
			return err
		}
	}
	return table.Render()
}

// md escapes text for a markdown table cell or inline text.
func md(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// code formats s as a code span that is also safe inside a table cell
// (GitHub needs the pipe escaped even there).
func code(s string) string {
	return "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(s) + "`"
}

func writeMarkdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Run diff: %s → %s\n\n", code(d.Old), code(d.New))
	fmt.Fprintf(&b, "Before: %s  \nAfter: %s\n", md(d.Before), md(d.After))

	tests := func(title string, ts []TestStatus) {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", title, len(ts))
		if len(ts) == 0 {
			b.WriteString("None.\n")
			return
		}
		b.WriteString("| Test | Status |\n|---|---|\n")
		for _, t := range ts {
			fmt.Fprintf(&b, "| %s | %s |\n", code(t.ID), t.Status)
		}
	}
	tests("Tests added", d.Added)
	tests("Tests removed", d.Removed)
	fmt.Fprintf(&b, "\n### Status changes (%d)\n\n", len(d.Changed))
	if len(d.Changed) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| Test | Before | After |\n|---|---|---|\n")
		for _, c := range d.Changed {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", code(c.ID), c.Before, c.After)
		}
	}

	b.WriteString("\n### Syscalls\n\n")
	syscalls := func(title string, names []string) {
		fmt.Fprintf(&b, "- %s (%d)", title, len(names))
		if len(names) == 0 {
			b.WriteString(": none\n")
			return
		}
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = code(n)
		}
		fmt.Fprintf(&b, ": %s\n", strings.Join(quoted, ", "))
	}
	syscalls("Newly covered by a PASS test", d.SyscallsCovered)
	syscalls("No longer covered by any PASS test", d.SyscallsLost)

	values := func(title string, vs []Value) {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", title, len(vs))
		if len(vs) == 0 {
			b.WriteString("None.\n")
			return
		}
		b.WriteString("| Syscall | Argument | Values |\n|---|---|---|\n")
		for _, g := range groupValues(vs) {
			quoted := make([]string, len(g.values))
			for i, v := range g.values {
				quoted[i] = code(v)
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", code(g.syscall), code(g.arg), strings.Join(quoted, ", "))
		}
	}
	values("Values newly covered by a PASS test", d.ValuesCovered)
	values("Values no longer covered by any PASS test", d.ValuesLost)

	if d.Rows != nil {
		b.WriteString("\n### Coverage rows\n\n| Row | Before | After | Change |\n|---|---|---|---|\n")
		for _, c := range matchRows(d.Rows) {
			cells := c.cells()
			for i := range cells {
				cells[i] = md(cells[i])
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCSV writes one record per fact, with the header
// kind,name,syscall,arg,value,before,after.
func writeCSV(w io.Writer, d *Diff) error {
	cw := csv.NewWriter(w)
	rec := func(f ...string) { _ = cw.Write(f) }
	rec("kind", "name", "syscall", "arg", "value", "before", "after")
	rec("status", "", "", "", "", d.Before, d.After)
	for _, t := range d.Added {
		rec("test_added", t.ID, "", "", "", "", t.Status)
	}
	for _, t := range d.Removed {
		rec("test_removed", t.ID, "", "", "", t.Status, "")
	}
	for _, c := range d.Changed {
		rec("status_change", c.ID, "", "", "", c.Before, c.After)
	}
	for _, s := range d.SyscallsCovered {
		rec("syscall_covered", "", s, "", "", "", "")
	}
	for _, s := range d.SyscallsLost {
		rec("syscall_lost", "", s, "", "", "", "")
	}
	for _, v := range d.ValuesCovered {
		rec("value_covered", "", v.Syscall, v.Arg, v.Value, "", "")
	}
	for _, v := range d.ValuesLost {
		rec("value_lost", "", v.Syscall, v.Arg, v.Value, "", "")
	}
	if d.Rows != nil {
		for _, c := range matchRows(d.Rows) {
			cells := c.cells()
			rec("coverage_row", cells[0], "", "", "", cells[1], cells[2])
		}
	}
	cw.Flush()
	return cw.Error()
}
