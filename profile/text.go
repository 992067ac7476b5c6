package profile

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteList writes one line per profile: name, layer, number of syscalls,
// package and version, and description.
func WriteList(w io.Writer, ps []*Profile) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "NAME\tLAYER\tSYSCALLS\tPACKAGE\tDESCRIPTION\n")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s %s\t%s\n", p.Name, p.Layer, len(p.Syscalls),
			p.Provenance.Package, p.Provenance.PackageVersion, p.Description)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write profile list: %w", err)
	}
	return nil
}

// WriteText writes p for people: its provenance, then one line per
// syscall (with counts and argument values when traced), then the
// unresolved sites of a static profile.
func WriteText(w io.Writer, p *Profile) error {
	var b strings.Builder
	pv := p.Provenance
	fmt.Fprintf(&b, "profile %s (%s layer): %s\n", p.Name, p.Layer, p.Description)
	fmt.Fprintf(&b, "package:  %s %s\n", pv.Package, pv.PackageVersion)
	fmt.Fprintf(&b, "method:   %s\n", pv.Method)
	fmt.Fprintf(&b, "tool:     %s %s, %s\n", pv.Tool, pv.ToolVersion, pv.Date)
	if len(pv.Inputs) > 0 {
		fmt.Fprintf(&b, "inputs:   %s\n", strings.Join(pv.Inputs, " "))
	}
	fmt.Fprintf(&b, "command:  %s\n", pv.Command)
	if st := p.Stats; st != nil {
		fmt.Fprintf(&b, "sites:    %d syscall instructions (%d resolved, %d forwarded, %d unresolved); %d wrapper calls (%d resolved, %d forwarded, %d unresolved)\n",
			st.Sites, st.Resolved, st.Forwarded, st.Unresolved, st.CallSites, st.ResolvedCalls, st.ForwardedCalls, st.UnresolvedCalls)
	}
	fmt.Fprintf(&b, "syscalls: %d\n\n", len(p.Syscalls))
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	if p.Layer == LayerTraced {
		fmt.Fprintf(tw, "NR\tNAME\tCOUNT\tUSERS\tARGUMENTS\n")
	} else {
		fmt.Fprintf(tw, "NR\tNAME\tUSERS\n")
	}
	for _, e := range p.Syscalls {
		users := strings.Join(e.Users, " ")
		if len(e.Users) > 4 {
			users = fmt.Sprintf("%s (+%d more)", strings.Join(e.Users[:4], " "), len(e.Users)-4)
		}
		if p.Layer == LayerTraced {
			fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\n", e.Nr, e.Key(), e.Count, users, argsText(e.Args))
		} else {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", e.Nr, e.Key(), users)
		}
	}
	tw.Flush()
	if len(p.Unresolved) > 0 {
		fmt.Fprintf(&b, "\nunresolved (%d):\n", len(p.Unresolved))
		for _, s := range p.Unresolved {
			fn := s.Function
			if fn == "" {
				fn = "?"
			}
			fmt.Fprintf(&b, "  %s %s %#x %s: %s\n", s.Object, s.Section, s.Addr, fn, s.Reason)
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write profile %s: %w", p.Name, err)
	}
	return nil
}

// argsText renders argument values as "name=value×count ...", each
// argument's values by decreasing count.
func argsText(args map[string]map[string]uint64) string {
	names := make([]string, 0, len(args))
	for n := range args {
		names = append(names, n)
	}
	sort.Strings(names)
	var parts []string
	for _, n := range names {
		vals := make([]string, 0, len(args[n]))
		for v := range args[n] {
			vals = append(vals, v)
		}
		sort.Slice(vals, func(i, j int) bool {
			ci, cj := args[n][vals[i]], args[n][vals[j]]
			if ci != cj {
				return ci > cj
			}
			return vals[i] < vals[j]
		})
		for _, v := range vals {
			parts = append(parts, fmt.Sprintf("%s=%s×%d", n, v, args[n][v]))
		}
	}
	return strings.Join(parts, " ")
}
