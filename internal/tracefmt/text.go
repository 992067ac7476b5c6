package tracefmt

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/syscov/syscov/result"
)

// WriteText writes a strace -c–like table of a trace: one row per
// syscall with its calls, errors by errno, and decoded argument values with
// their counts, then the exit status, what could not be observed and any
// overflow.
func WriteText(w io.Writer, tr *result.Trace) error {
	table := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(80),
	)
	table.Header([]string{"syscall", "nr", "calls", "errors", "argument values"})
	var total, failed uint64
	for _, s := range tr.Syscalls {
		var errs uint64
		for _, n := range s.Errors {
			errs += n
		}
		total += s.Count
		failed += errs
		name := s.Name
		if s.Unknown {
			name += " (unknown number)"
		}
		if err := table.Append([]string{name, fmt.Sprint(s.Nr), fmt.Sprint(s.Count), countsCell(s.Errors), argsCell(s.Args)}); err != nil {
			return fmt.Errorf("write trace table: %w", err)
		}
	}
	if err := table.Render(); err != nil {
		return fmt.Errorf("write trace table: %w", err)
	}
	fmt.Fprintf(w, "total: %d calls, %d failed, %d distinct syscalls\n", total, failed, len(tr.Syscalls))
	exit := fmt.Sprintf("exit code %d", tr.Exit.Code)
	if tr.Exit.Signal != nil {
		exit = "killed by " + *tr.Exit.Signal
	}
	fmt.Fprintf(w, "command: %s (%s)\n", strings.Join(tr.Command, " "), exit)
	if len(tr.Unobserved) > 0 {
		var names []string
		for _, u := range tr.Unobserved {
			names = append(names, u.Name)
		}
		fmt.Fprintf(w, "not observable by syscall tracepoints (vDSO): %s\n", strings.Join(names, ", "))
	}
	if tr.Unattributed > 0 {
		exits := "syscall exits"
		if tr.Unattributed == 1 {
			exits = "syscall exit"
		}
		fmt.Fprintf(w, "NOTE: %d %s carried the number -1, counted under no syscall above: syscall(-1), calls a ptrace tracer skipped, or rt_sigreturn calls that restored ENOSYS (rt_sigreturn may be undercounted by up to %d)\n", tr.Unattributed, exits, tr.Unattributed)
	}
	if tr.Overflow > 0 {
		fmt.Fprintf(w, "WARNING: %d calls were not counted because the aggregation map was full; every count above is a lower bound\n", tr.Overflow)
	}
	return nil
}

// countsCell renders {"ENOENT": 7} as "ENOENT 7".
func countsCell(m map[string]uint64) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// argsCell renders each argument's values, most frequent first.
func argsCell(args map[string]map[string]uint64) string {
	names := make([]string, 0, len(args))
	for n := range args {
		names = append(names, n)
	}
	sort.Strings(names)
	var lines []string
	for _, n := range names {
		vals := args[n]
		keys := make([]string, 0, len(vals))
		for k := range vals {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if vals[keys[i]] != vals[keys[j]] {
				return vals[keys[i]] > vals[keys[j]]
			}
			return keys[i] < keys[j]
		})
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s ×%d", k, vals[k]))
		}
		lines = append(lines, n+": "+strings.Join(parts, ", "))
	}
	return strings.Join(lines, "\n")
}
