package target

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteText prints t for a person: the header with the revision, the count
// per status, the ABI-numbering lints first (a wrong number is a silent ABI
// bug), the warnings, then one line per entry.
func WriteText(w io.Writer, t *Table) error {
	ew := &errWriter{w: w}
	rev := t.Revision
	if rev == "" {
		rev = "(unknown revision)"
	}
	arch := t.Arch
	if arch == "" {
		arch = "(arch not given)"
	}
	ew.printf("%s %s %s: %d syscalls\n", t.Kernel, rev, arch, len(t.Entries))
	writeCounts(ew, t)
	if len(t.Lints) > 0 {
		ew.printf("\nABI NUMBERING: %d finding(s) — a wrong number is a silent ABI bug\n", len(t.Lints))
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "KIND\tSUBJECT\tAT\tEXPECTED\tFOUND\n")
		for _, l := range t.Lints {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", l.Kind, l.Subject, l.At, l.Expected, l.Found)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(t.Warnings) > 0 {
		ew.printf("\nWARNINGS: %d\n", len(t.Warnings))
		for _, wa := range t.Warnings {
			ew.printf("  %s\n", wa)
		}
	}
	ew.printf("\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "NR\tNAME\tSTATUS\tNOTE\tEVIDENCE\n")
	for _, list := range [][]Entry{t.Entries, t.Extra} {
		for _, e := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", nrText(e.Nr), e.Name, e.Status, e.Note, strings.Join(e.Evidence, " "))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return ew.err
}

func writeCounts(ew *errWriter, t *Table) {
	c := t.Counts()
	var parts []string
	for _, st := range Statuses {
		if c[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", st, c[st]))
		}
	}
	ew.printf("  %s\n", strings.Join(parts, ", "))
	if len(t.Extra) > 0 {
		ew.printf("  plus %d dispatched number(s) that are not Linux syscalls of this arch\n", len(t.Extra))
	}
}

// WriteCSV prints one row per entry: nr,name,status,note,evidence (the
// evidence joined by spaces). Extra entries follow with their numbers.
func WriteCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"nr", "name", "status", "note", "evidence"}); err != nil {
		return err
	}
	for _, list := range [][]Entry{t.Entries, t.Extra} {
		for _, e := range list {
			if err := cw.Write([]string{strconv.Itoa(e.Nr), e.Name, string(e.Status), e.Note, strings.Join(e.Evidence, " ")}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func nrText(nr int) string {
	if nr < 0 {
		return "-"
	}
	return strconv.Itoa(nr)
}

// Comparison is several tables lined up by syscall name.
type Comparison struct {
	// Tables are the compared tables, in the order given.
	Tables []*Table
	// Rows are the union of the tables' syscall names, ordered by the
	// first known number, then name.
	Rows []ComparisonRow
}

// ComparisonRow is one syscall across the compared tables.
type ComparisonRow struct {
	// Name is the syscall name.
	Name string
	// Nr is the number in the first table that gives one, or -1.
	Nr int
	// Status holds one status per table; "" where the table does not
	// list the syscall.
	Status []Status
}

// Compare lines up tables by syscall name. Tables for different arches
// may be compared; rows are matched by name only.
func Compare(tables ...*Table) *Comparison {
	c := &Comparison{Tables: tables}
	idx := map[string]int{}
	for ti, t := range tables {
		for _, e := range t.Entries {
			i, ok := idx[e.Name]
			if !ok {
				i = len(c.Rows)
				idx[e.Name] = i
				c.Rows = append(c.Rows, ComparisonRow{Name: e.Name, Nr: -1, Status: make([]Status, len(tables))})
			}
			r := &c.Rows[i]
			r.Status[ti] = e.Status
			if r.Nr < 0 && e.Nr >= 0 {
				r.Nr = e.Nr
			}
		}
	}
	sort.SliceStable(c.Rows, func(i, j int) bool {
		a, b := c.Rows[i], c.Rows[j]
		if (a.Nr < 0) != (b.Nr < 0) {
			return a.Nr >= 0
		}
		if a.Nr != b.Nr {
			return a.Nr < b.Nr
		}
		return a.Name < b.Name
	})
	return c
}

// Label names table i in headers: kernel, arch and a short revision.
func (c *Comparison) Label(i int) string {
	t := c.Tables[i]
	l := t.Kernel
	if t.Arch != "" {
		l += "/" + t.Arch
	}
	if r := t.Revision; r != "" {
		if len(r) > 12 {
			r = r[:12]
		}
		l += "@" + r
	}
	return l
}

// WriteText prints the comparison side by side: one row per syscall ("-"
// where a table does not list it), then the totals per status and the
// number of names each table does not list.
func (c *Comparison) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "NR\tNAME")
	for i := range c.Tables {
		fmt.Fprintf(tw, "\t%s", c.Label(i))
	}
	fmt.Fprintln(tw)
	for _, r := range c.Rows {
		fmt.Fprintf(tw, "%s\t%s", nrText(r.Nr), r.Name)
		for _, st := range r.Status {
			if st == "" {
				st = "-"
			}
			fmt.Fprintf(tw, "\t%s", st)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintln(tw)
	fmt.Fprint(tw, "TOTAL\t")
	for i := range c.Tables {
		fmt.Fprintf(tw, "\t%s", c.Label(i))
	}
	fmt.Fprintln(tw)
	for _, st := range append(append([]Status(nil), Statuses...), "") {
		counts := make([]int, len(c.Tables))
		any := false
		for _, r := range c.Rows {
			for i, s := range r.Status {
				if s == st {
					counts[i]++
					any = true
				}
			}
		}
		if !any {
			continue
		}
		label := string(st)
		if st == "" {
			label = "not listed"
		}
		fmt.Fprintf(tw, "\t%s", label)
		for _, n := range counts {
			fmt.Fprintf(tw, "\t%d", n)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprint(tw, "\tabi lints")
	for _, t := range c.Tables {
		fmt.Fprintf(tw, "\t%d", len(t.Lints))
	}
	fmt.Fprintln(tw)
	return tw.Flush()
}

// WriteCSV prints the comparison rows: nr,name, then one status column
// per table labelled as in [Comparison.Label].
func (c *Comparison) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"nr", "name"}
	for i := range c.Tables {
		head = append(head, c.Label(i))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range c.Rows {
		row := []string{strconv.Itoa(r.Nr), r.Name}
		for _, st := range r.Status {
			row = append(row, string(st))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// errWriter keeps the first write error so printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, a ...any) {
	fmt.Fprintf(e, format, a...)
}
