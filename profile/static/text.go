package static

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteText writes a human-readable report of r: what each input is, how
// many sites resolved, each syscall with its users, the wrappers, and
// every unresolved site with its address and reason. With verbose, every
// site and wrapper call is listed too.
func WriteText(w io.Writer, r *Result, verbose bool) error {
	ew := &errWriter{w: w}
	for _, f := range r.Files {
		var notes []string
		if f.Kind == KindArchive {
			notes = append(notes, fmt.Sprintf("%d objects", f.Objects))
		}
		if f.Stripped && f.Kind != KindArchive && f.Kind != KindRelocatable {
			notes = append(notes, "stripped: functions found by call targets")
		}
		if f.Dynamic {
			notes = append(notes, fmt.Sprintf("dynamically linked (needs %s): the syscalls of its shared libraries are NOT included, only its own code was analysed", strings.Join(f.Needed, ", ")))
		}
		ew.printf("input %s: %s", f.Path, f.Kind)
		if len(notes) > 0 {
			ew.printf(" (%s)", strings.Join(notes, "; "))
		}
		ew.printf("\n")
	}
	if len(r.Roots) > 0 {
		ew.printf("scope: code reachable from %d functions matching %s\n", r.RootsMatched, strings.Join(r.Roots, ","))
	}
	st := r.Stats()
	nums := r.Numbers()
	ew.printf("syscall instructions: %d (%d resolved, %d forwarded to callers, %d unresolved)\n",
		st.Sites, st.Resolved, st.Forwarded, st.Unresolved)
	ew.printf("wrapper calls: %d (%d resolved, %d forwarded, %d unresolved)\n",
		st.CallSites, st.ResolvedCalls, st.ForwardedCalls, st.UnresolvedCalls)
	ew.printf("distinct syscalls: %d\n\n", len(nums))

	keys := make([]int, 0, len(nums))
	for n := range nums {
		keys = append(keys, n)
	}
	sort.Ints(keys)
	tw := tabwriter.NewWriter(ew, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "NR\tNAME\tUSERS\n")
	for _, n := range keys {
		name := Name(n)
		if name == "" {
			name = "?"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\n", n, name, summarize(nums[n], 4))
	}
	tw.Flush()

	if len(r.Wrappers) > 0 {
		ew.printf("\nwrappers (number passed by the caller):\n")
		for _, wr := range r.Wrappers {
			ew.printf("  %s %s %#x %s: number in %s, %d call sites\n", wr.Object, wr.Section, wr.Addr, wr.Function, wr.Arg, wr.Calls)
		}
	}
	var unres []string
	for _, s := range r.Sites {
		for _, why := range s.Unresolved {
			unres = append(unres, fmt.Sprintf("  %s %s %#x %s: %s", s.Object, s.Section, s.Addr, s.Function, why))
		}
	}
	for _, c := range r.Calls {
		for _, why := range c.Unresolved {
			unres = append(unres, fmt.Sprintf("  %s %s %#x %s: call of %s: %s", c.Object, c.Section, c.Addr, c.Function, c.Callee, why))
		}
	}
	if len(unres) > 0 {
		ew.printf("\nunresolved (%d):\n%s\n", len(unres), strings.Join(unres, "\n"))
	}
	if verbose {
		ew.printf("\nsites:\n")
		for _, s := range r.Sites {
			ew.printf("  %s %s %#x %s: %s\n", s.Object, s.Section, s.Addr, s.Function, outcomeText(s.Numbers, s.Forwarded, s.Unresolved))
		}
		if len(r.Calls) > 0 {
			ew.printf("\nwrapper calls:\n")
			for _, c := range r.Calls {
				ew.printf("  %s %s %#x %s: %s(%s) %s\n", c.Object, c.Section, c.Addr, c.Function, c.Callee, c.Arg, outcomeText(c.Numbers, c.Forwarded, c.Unresolved))
			}
		}
	}
	return ew.err
}

func outcomeText(nums []int, fwd string, why []string) string {
	var parts []string
	for _, n := range nums {
		name := Name(n)
		if name == "" {
			name = "?"
		}
		parts = append(parts, fmt.Sprintf("%s(%d)", name, n))
	}
	if fwd != "" {
		parts = append(parts, "from caller's "+fwd)
	}
	for _, w := range why {
		parts = append(parts, "unresolved: "+w)
	}
	return strings.Join(parts, ", ")
}

// summarize lists up to n users and how many more there are.
func summarize(users []string, n int) string {
	if len(users) <= n {
		return strings.Join(users, " ")
	}
	return fmt.Sprintf("%s (+%d more)", strings.Join(users[:n], " "), len(users)-n)
}

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
