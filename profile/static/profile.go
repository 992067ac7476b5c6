package static

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/syscov/syscov/profile"
	systab "github.com/syscov/syscov/syscall-tables"
)

// Meta describes the profile to make from a Result; all fields but
// Description are required.
type Meta struct {
	// Name is the profile's name, e.g. "musl-static".
	Name string
	// Description says what the profile covers; a default naming the
	// inputs is used if empty.
	Description string
	// Package and PackageVersion name the software analysed.
	Package, PackageVersion string
	// Date is the day of the analysis, YYYY-MM-DD.
	Date string
	// Command is the command line that regenerates the profile.
	Command string
}

// Method is the provenance method of static profiles.
const Method = "static disassembly of syscall instructions and wrapper call sites (profile/static)"

// Name returns the x86_64 name of syscall number nr, or "" if the
// embedded table has none.
func Name(nr int) string {
	t, err := systab.Linux(systab.X86_64)
	if err != nil {
		return ""
	}
	if s, ok := t.ByNumber(nr); ok {
		return s.Name
	}
	return ""
}

// Numbers returns every syscall number r found, with the objects using
// each, sorted.
func (r *Result) Numbers() map[int][]string {
	users := map[int]map[string]bool{}
	addAll := func(nums []int, obj string) {
		for _, n := range nums {
			if users[n] == nil {
				users[n] = map[string]bool{}
			}
			users[n][obj] = true
		}
	}
	for _, s := range r.Sites {
		addAll(s.Numbers, s.Object)
	}
	for _, c := range r.Calls {
		addAll(c.Numbers, c.Object)
	}
	out := map[int][]string{}
	for n, u := range users {
		for o := range u {
			out[n] = append(out[n], o)
		}
		sort.Strings(out[n])
	}
	return out
}

// Stats counts r's sites and calls by outcome.
func (r *Result) Stats() profile.Stats {
	var st profile.Stats
	st.Sites = len(r.Sites)
	for _, s := range r.Sites {
		switch {
		case len(s.Unresolved) > 0:
			st.Unresolved++
		case s.Forwarded != "":
			st.Forwarded++
		default:
			st.Resolved++
		}
	}
	st.CallSites = len(r.Calls)
	for _, c := range r.Calls {
		switch {
		case len(c.Unresolved) > 0:
			st.UnresolvedCalls++
		case c.Forwarded != "":
			st.ForwardedCalls++
		default:
			st.ResolvedCalls++
		}
	}
	return st
}

// Profile turns r into a static-layer profile. Every unresolved site and
// call is kept in Profile.Unresolved, one entry per reason.
func (r *Result) Profile(m *Meta) (*profile.Profile, error) {
	if m == nil || m.Name == "" || m.Package == "" || m.PackageVersion == "" || m.Date == "" || m.Command == "" {
		return nil, fmt.Errorf("make profile: name, package, package version, date and command are required")
	}
	p := &profile.Profile{
		Schema:      profile.Schema,
		Name:        m.Name,
		Layer:       profile.LayerStatic,
		Description: m.Description,
		Provenance: profile.Provenance{
			Method:         Method,
			Tool:           "syscov coverage profile static",
			ToolVersion:    Version,
			Package:        m.Package,
			PackageVersion: m.PackageVersion,
			Date:           m.Date,
			Command:        m.Command,
		},
	}
	for _, f := range r.Files {
		p.Provenance.Inputs = append(p.Provenance.Inputs, f.Path)
	}
	if p.Description == "" {
		var bases []string
		for _, f := range r.Files {
			bases = append(bases, filepath.Base(f.Path))
		}
		p.Description = fmt.Sprintf("Syscalls the code in %s may issue, found by static analysis.", strings.Join(bases, " "))
		if len(r.Roots) > 0 {
			p.Description = fmt.Sprintf("Syscalls the functions matching %s in %s, and all they call, may issue, found by static analysis.",
				strings.Join(r.Roots, ","), strings.Join(bases, " "))
		}
	}
	for nr, users := range r.Numbers() {
		p.Syscalls = append(p.Syscalls, profile.Entry{Name: Name(nr), Nr: nr, Users: users})
	}
	add := func(l Loc, why []string, what string) {
		for _, w := range why {
			p.Unresolved = append(p.Unresolved, profile.Site{Object: l.Object, Function: l.Function, Addr: l.Addr, Section: l.Section, Reason: what + w})
		}
	}
	for _, s := range r.Sites {
		add(s.Loc, s.Unresolved, "")
	}
	for _, c := range r.Calls {
		add(c.Loc, c.Unresolved, fmt.Sprintf("call of %s: ", c.Callee))
	}
	st := r.Stats()
	p.Stats = &st
	p.Sort()
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("make profile: %w", err)
	}
	return p, nil
}
