package listing

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// WriteTableText writes doc as a table, one row per syscall, then the
// count line, e.g. "383 syscalls, x86_64, Linux v6.18".
func WriteTableText(w io.Writer, doc *TableDoc) error {
	table := newTable(w, 100)
	table.Header([]string{"nr", "name", "since", "arguments", "behavioural arguments"})
	var withBehaviour, unimplemented int
	for _, s := range doc.Syscalls {
		if len(s.Behaviour) > 0 {
			withBehaviour++
		}
		args := argsText(s.Args)
		if s.Unimplemented {
			unimplemented++
			args = "(not implemented: every call fails with ENOSYS)"
		}
		var bs []string
		for _, b := range s.Behaviour {
			bs = append(bs, behaviourText(b))
		}
		if err := table.Append([]string{strconv.Itoa(s.Nr), s.Name, sinceText(s.Since), args, strings.Join(bs, "\n")}); err != nil {
			return fmt.Errorf("write table: %w", err)
		}
	}
	if err := table.Render(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	_, err := fmt.Fprintf(w, "%d syscalls, %s, Linux %s: %d with behavioural arguments, %d not implemented\n",
		len(doc.Syscalls), doc.Arch, doc.Kernel, withBehaviour, unimplemented)
	return err
}

func newTable(w io.Writer, width int) *tablewriter.Table {
	return tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(width),
	)
}

func sinceText(v string) string {
	if v == "" {
		return "-"
	}
	return v
}

// argsText writes the C prototype's parameter list: "int dfd, const char
// * filename".
func argsText(args []Arg) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.Type + " " + a.Name
	}
	return strings.Join(parts, ", ")
}

// behaviourText writes e.g. "flags: arg 2, composite open_flags",
// "flags: *(arg 0 + 0), 8 bytes, bitset clone3_flags" or "arg: arg 2 when
// arg 1 is F_SETFL, bitset fcntl_status_flags".
func behaviourText(b Behaviour) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: ", b.Name)
	if b.Deref != nil {
		fmt.Fprintf(&sb, "*(arg %d + %d), %d bytes", b.Arg, b.Deref.Offset, b.Deref.Size)
	} else {
		fmt.Fprintf(&sb, "arg %d", b.Arg)
	}
	if b.When != nil {
		fmt.Fprintf(&sb, " when arg %d is %s", b.When.Arg, strings.Join(b.When.Values, " or "))
	}
	fmt.Fprintf(&sb, ", %s", b.Kind)
	if b.Dict != "" {
		fmt.Fprintf(&sb, " %s", b.Dict)
	}
	if b.Mask != "" {
		fmt.Fprintf(&sb, " (mask %s)", b.Mask)
	}
	return sb.String()
}

// WriteTableJSON writes doc as indented JSON.
func WriteTableJSON(w io.Writer, doc *TableDoc) error { return writeJSON(w, doc) }

// WriteFlagsJSON writes doc as indented JSON.
func WriteFlagsJSON(w io.Writer, doc *FlagsDoc) error { return writeJSON(w, doc) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// WriteTableCSV writes one row per syscall: nr, name, since,
// unimplemented, args ("type name" joined by "; ") and behaviour (the
// text form of each behavioural argument joined by "; ").
func WriteTableCSV(w io.Writer, doc *TableDoc) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"nr", "name", "since", "unimplemented", "args", "behaviour"}); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, s := range doc.Syscalls {
		args := make([]string, len(s.Args))
		for i, a := range s.Args {
			args[i] = a.Type + " " + a.Name
		}
		bs := make([]string, len(s.Behaviour))
		for i, b := range s.Behaviour {
			bs[i] = behaviourText(b)
		}
		rec := []string{strconv.Itoa(s.Nr), s.Name, s.Since, strconv.FormatBool(s.Unimplemented),
			strings.Join(args, "; "), strings.Join(bs, "; ")}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// WriteFlagsText writes the syscall's header line, then per behavioural
// argument a description, how unnamed values decode, and a table of its
// dictionary, then the count line.
func WriteFlagsText(w io.Writer, doc *FlagsDoc) error {
	ew := &errWriter{w: w}
	s := doc.Syscall
	ew.printf("%s: syscall %d on %s, Linux %s", s.Name, s.Nr, doc.Arch, doc.Kernel)
	if s.Since != "" {
		ew.printf(", since %s", s.Since)
	}
	ew.printf("\n%s(%s)\n", s.Name, argsText(s.Args))
	if len(doc.Arguments) == 0 {
		ew.printf("\nno behavioural arguments\n")
	}
	for _, a := range doc.Arguments {
		ew.printf("\n%s", behaviourText(a.Behaviour))
		if a.EnumMask != "" {
			ew.printf("; enumerated part: value & %s", a.EnumMask)
		}
		ew.printf("\n%s\n", a.Note)
		if ew.err != nil {
			return ew.err
		}
		if len(a.Values) == 0 {
			continue
		}
		table := newTable(ew, 80)
		table.Header([]string{"name", "value", "kind"})
		for _, v := range a.Values {
			kind := v.Kind
			if a.DictKind == "composite" {
				if v.Kind == "enum" {
					kind = "enum part"
				} else {
					kind = "bit"
				}
			}
			if err := table.Append([]string{v.Name, v.Value, kind}); err != nil {
				return fmt.Errorf("write flags table: %w", err)
			}
		}
		if err := table.Render(); err != nil {
			return fmt.Errorf("write flags table: %w", err)
		}
	}
	ew.printf("%s: %s, %s, %s, Linux %s\n", s.Name, plural(len(doc.Arguments), "behavioural argument"),
		plural(doc.Count, "named value"), doc.Arch, doc.Kernel)
	return ew.err
}

// WriteFlagsCSV writes one row per named value: syscall, behaviour, arg,
// dict, dict_kind, name, value (hex), kind. An argument without a
// dictionary gets one row with empty name, value and kind.
func WriteFlagsCSV(w io.Writer, doc *FlagsDoc) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"syscall", "behaviour", "arg", "dict", "dict_kind", "name", "value", "kind"}); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, a := range doc.Arguments {
		head := []string{doc.Syscall.Name, a.Name, strconv.Itoa(a.Arg), a.Dict, a.DictKind}
		if len(a.Values) == 0 {
			if err := cw.Write(append(head, "", "", "")); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
		for _, v := range a.Values {
			if err := cw.Write(append(head[:len(head):len(head)], v.Name, v.Value, v.Kind)); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// errWriter keeps the first write error.
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
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

// plural writes "1 named value" or "2 named values".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
