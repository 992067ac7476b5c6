package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Formats lists the output formats, for help texts.
var Formats = []string{"text", "markdown", "json", "csv"}

// Ext returns the file extension of format for report.EXT files.
func Ext(format string) string {
	switch format {
	case "text":
		return "txt"
	case "markdown":
		return "md"
	}
	return format
}

// Write prints the report in format (one of Formats).
func Write(w io.Writer, r *Report, format string, opts *WriteOptions) error {
	switch format {
	case "text":
		return WriteText(w, r, opts)
	case "markdown":
		return WriteMarkdown(w, r, opts)
	case "json":
		return WriteJSON(w, r)
	case "csv":
		return WriteCSV(w, r)
	}
	return fmt.Errorf("write report: unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// WriteGaps prints only the gap review in format; opts.Limit caps the
// ranked lists (negative or, for this function, 0: no cap).
func WriteGaps(w io.Writer, r *Report, format string, opts *WriteOptions) error {
	limit := -1
	if opts != nil && opts.Limit > 0 {
		limit = opts.Limit
	}
	switch format {
	case "text":
		return renderText(w, r.gapBlocks(limit))
	case "markdown":
		return renderMarkdown(w, r.gapBlocks(limit))
	case "json":
		g := r.Gaps
		g.Syscalls = cap2(g.Syscalls, limit)
		g.Values = cap2(g.Values, limit)
		return writeJSON(w, GapsDoc{Schema: GapsSchema, Target: r.targetLabel(), Status: r.Status,
			SyscallGaps: len(r.Gaps.Syscalls), ValueGaps: len(r.Gaps.Values), Gaps: g})
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(csvHeader)
		gapCSV(cw, r, limit)
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("write gaps: %w", err)
		}
		return nil
	}
	return fmt.Errorf("write gaps: unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// GapsSchema identifies the JSON document of coverage gaps.
const GapsSchema = "syscov.gaps/v1"

// GapsDoc is the JSON document coverage gaps prints.
type GapsDoc struct {
	Schema string `json:"schema"`
	Target string `json:"target"`
	Status string `json:"status"`
	// SyscallGaps and ValueGaps are the list lengths before --limit.
	SyscallGaps int  `json:"syscall_gaps"`
	ValueGaps   int  `json:"value_gaps"`
	Gaps        Gaps `json:"gaps"`
}

// WriteText prints the report as plain-text tables.
func WriteText(w io.Writer, r *Report, opts *WriteOptions) error {
	return renderText(w, r.blocks(opts.limit()))
}

// WriteAssessment prints only the coverage assessment as text: the rows
// and the definitions under them.
func WriteAssessment(w io.Writer, r *Report) error {
	bs := r.blocks(0)
	end := 0
	for i, b := range bs {
		if i > 0 && b.kind == heading {
			break
		}
		end = i + 1
	}
	return renderText(w, bs[:end])
}

// WriteMarkdown prints the report as GitHub-flavoured markdown.
func WriteMarkdown(w io.Writer, r *Report, opts *WriteOptions) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Syscall coverage report\n\n")
	if err := renderMarkdown(&buf, r.blocks(opts.limit())); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// WriteJSON prints the whole model as a syscov.report/v1 document.
func WriteJSON(w io.Writer, r *Report) error { return writeJSON(w, r) }

func writeJSON(w io.Writer, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func renderText(w io.Writer, bs []block) error {
	var buf bytes.Buffer
	for i, b := range bs {
		switch b.kind {
		case heading:
			if i > 0 {
				buf.WriteString("\n")
			}
			fmt.Fprintf(&buf, "%s\n%s\n", b.text, strings.Repeat("=", len([]rune(b.text))))
		case para:
			buf.WriteString(wrap(b.text, 100, ""))
		case bullets:
			for _, it := range b.items {
				buf.WriteString(wrap("- "+it, 100, "  "))
			}
		case table:
			t := tablewriter.NewTable(&buf,
				tablewriter.WithHeaderAutoFormat(tw.Off),
				tablewriter.WithRowAutoWrap(tw.WrapNormal),
				tablewriter.WithRowMaxWidth(38),
			)
			t.Header(b.header)
			for _, row := range b.rows {
				if err := t.Append(row); err != nil {
					return fmt.Errorf("write report: %w", err)
				}
			}
			if err := t.Render(); err != nil {
				return fmt.Errorf("write report: %w", err)
			}
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// wrap breaks s at spaces into lines of at most width runes (longer words
// stay whole); continuation lines start with indent.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(s) {
		n := len([]rune(word))
		switch {
		case i == 0:
		case line+1+n > width:
			b.WriteString("\n" + indent)
			line = len(indent)
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(word)
		line += n
	}
	b.WriteByte('\n')
	return b.String()
}

var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;")

func renderMarkdown(w io.Writer, bs []block) error {
	var buf bytes.Buffer
	for _, b := range bs {
		switch b.kind {
		case heading:
			fmt.Fprintf(&buf, "## %s\n\n", b.text)
		case para:
			fmt.Fprintf(&buf, "%s\n\n", mdEscaper.Replace(b.text))
		case bullets:
			for _, it := range b.items {
				fmt.Fprintf(&buf, "- %s\n", mdEscaper.Replace(it))
			}
			buf.WriteString("\n")
		case table:
			cells := func(xs []string) {
				buf.WriteString("|")
				for _, x := range xs {
					fmt.Fprintf(&buf, " %s |", mdEscaper.Replace(x))
				}
				buf.WriteString("\n")
			}
			cells(b.header)
			buf.WriteString("|")
			for range b.header {
				buf.WriteString("---|")
			}
			buf.WriteString("\n")
			for _, row := range b.rows {
				cells(row)
			}
			buf.WriteString("\n")
		}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// csvHeader is the one header of the CSV output: every section's rows
// use the same columns, so the file loads as one sheet and filters by
// section.
var csvHeader = []string{"section", "key", "name", "profiles", "status", "numerator", "denominator", "percent", "detail"}

// WriteCSV prints the report as one CSV table. Sections: assessment,
// target-status, group, divergence, status, unobserved, gap-syscall, gap-value,
// implemented-unexercised, error-only, xfail-only, failing-only, lint.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, row := range r.Rows {
		num, den, pct := fmt.Sprint(row.Num), fmt.Sprint(row.Den), fmt.Sprintf("%.1f", row.Percent)
		if row.NA {
			num, den, pct = "", "", ""
		}
		detail := row.Note
		if row.Baseline > 0 {
			detail = join("; ", fmt.Sprintf("incl. %d baseline", row.Baseline), detail)
		}
		cw.Write([]string{"assessment", row.Key, row.Dimension, strings.Join(row.Profiles, " "), row.Layer, num, den, pct, detail})
	}
	for _, c := range r.Target.Counts {
		cw.Write([]string{"target-status", "", r.targetLabel(), "", string(c.Status), fmt.Sprint(c.Count), "", "", ""})
	}
	for _, g := range r.Groups {
		cw.Write([]string{"group", g.Name, g.Name, "", "", fmt.Sprint(len(g.Syscalls)), "", "", fmt.Sprintf("tests=%d; %s", g.Tests, strings.Join(g.Syscalls, " "))})
	}
	for _, d := range r.Divergences {
		cw.Write([]string{"divergence", d.Test, d.Test, "", d.Status, "", "", "", d.Reason})
	}
	cw.Write([]string{"status", "", "", "", "", fmt.Sprint(r.Run.Tests), "", "", r.Status})
	for _, u := range r.Run.Unobserved {
		cw.Write([]string{"unobserved", "", u.Name, "", "", "", "", "", u.Reason})
	}
	gapCSV(cw, r, -1)
	for _, l := range r.Target.Lints {
		cw.Write([]string{"lint", string(l.Kind), l.Subject, "", "", "", "", "", l.At + ": expected " + l.Expected + "; found " + l.Found})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func gapCSV(cw *csv.Writer, r *Report, limit int) {
	g := &r.Gaps
	for _, s := range cap2(g.Syscalls, limit) {
		cw.Write([]string{"gap-syscall", fmt.Sprint(s.Rank), s.Name, strings.Join(s.Profiles, " "), string(s.Target),
			fmt.Sprint(s.Calls), "", "", fmt.Sprintf("tier=%d; users=%d; run=%s%s", s.Tier, s.Users, s.Run, unobsText(s.Unobservable))})
	}
	for _, v := range cap2(g.Values, limit) {
		cw.Write([]string{"gap-value", fmt.Sprint(v.Rank), v.Syscall + " " + v.Arg + "=" + v.Value, strings.Join(v.Profiles, " "), string(v.Target),
			fmt.Sprint(v.Calls), "", "", fmt.Sprintf("syscall_exercised=%t", v.SyscallExercised)})
	}
	for _, t := range g.ImplementedUnexercised {
		cw.Write([]string{"implemented-unexercised", fmt.Sprint(t.Nr), t.Name, "", string(t.Status), "", "", "", ""})
	}
	for _, sec := range []struct {
		name string
		gs   []RunGap
	}{{"error-only", g.ErrorOnly}, {"xfail-only", g.XFailOnly}, {"failing-only", g.FailingOnly}} {
		for _, x := range sec.gs {
			var es []string
			for _, e := range x.Errnos {
				es = append(es, fmt.Sprintf("%s=%d", e.Errno, e.Count))
			}
			cw.Write([]string{sec.name, "", x.Name, "", "", "", "", "", join("; ", strings.Join(es, " "), "tests="+strings.Join(x.Tests, " "))})
		}
	}
}
