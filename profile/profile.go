package profile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
)

// Schema identifies the JSON format of a profile document.
const Schema = "syscov.profile/v1"

// Layer says how a profile was measured, and therefore what it means.
type Layer string

// The two layers. A static profile is a superset of what a traced run of
// the same code can show, up to unresolved sites.
const (
	// LayerStatic marks syscalls the code may issue (disassembly).
	LayerStatic Layer = "static"
	// LayerTraced marks syscalls a workload did issue (eBPF tracer).
	LayerTraced Layer = "traced"
)

// Profile is one usage profile.
type Profile struct {
	// Schema is always Schema in a valid document.
	Schema string `json:"schema"`
	// Name selects the profile, e.g. "musl-static"; lowercase letters,
	// digits, '-', '_' and '.'.
	Name string `json:"name"`
	// Layer is LayerStatic or LayerTraced.
	Layer Layer `json:"layer"`
	// Description says in one or two sentences what the profile covers.
	Description string `json:"description"`
	// Provenance records how the profile was made.
	Provenance Provenance `json:"provenance"`
	// Syscalls are the syscalls used, sorted by number.
	Syscalls []Entry `json:"syscalls"`
	// Unresolved lists the syscall sites whose number static analysis
	// could not recover (static layer only). They are never dropped: a
	// figure computed from the profile can say how many it ignores.
	Unresolved []Site `json:"unresolved,omitempty"`
	// Stats summarises the analysis (static layer only).
	Stats *Stats `json:"stats,omitempty"`
}

// Provenance records how a profile was made, so it can be checked and
// regenerated on the user's own binaries.
type Provenance struct {
	// Method is how the data was obtained, e.g. "static disassembly of
	// syscall instructions" or "eBPF raw_syscalls tracing".
	Method string `json:"method"`
	// Tool and ToolVersion name the program that made the profile.
	Tool        string `json:"tool"`
	ToolVersion string `json:"tool_version"`
	// Package and PackageVersion name the software measured, as its
	// distribution names it (e.g. "musl-dev", "1.2.3-1").
	Package        string `json:"package"`
	PackageVersion string `json:"package_version"`
	// Inputs are the files analysed or the workload run.
	Inputs []string `json:"inputs,omitempty"`
	// Date is the day the profile was made, YYYY-MM-DD.
	Date string `json:"date"`
	// Command is the exact command line that regenerates the profile.
	Command string `json:"command"`
}

// Entry is one syscall in a profile.
type Entry struct {
	// Name is the syscall's name in the x86_64 Linux table, or "" if the
	// number is not in the table (Nr is then authoritative).
	Name string `json:"name"`
	// Nr is the x86_64 syscall number.
	Nr int `json:"nr"`
	// Count is how many calls were traced; 0 in static profiles.
	Count uint64 `json:"count,omitempty"`
	// Users are the programs or objects (archive members) that issue it,
	// sorted.
	Users []string `json:"users,omitempty"`
	// Args maps an argument name to decoded value to call count (traced
	// profiles only), e.g. {"flags": {"O_RDONLY|O_CLOEXEC": 12}}.
	Args map[string]map[string]uint64 `json:"args,omitempty"`
}

// Site is a syscall instruction, or a call of a syscall wrapper, whose
// number static analysis could not recover.
type Site struct {
	// Object is the file or archive member holding the site.
	Object string `json:"object"`
	// Function is the enclosing function's name, or "" if unknown
	// (stripped binaries).
	Function string `json:"function,omitempty"`
	// Addr is the site's address: the virtual address in a linked
	// binary, the offset in its section in an object file.
	Addr uint64 `json:"addr"`
	// Section is the section holding the site in an object file.
	Section string `json:"section,omitempty"`
	// Reason says why the number is unknown.
	Reason string `json:"reason"`
}

// Stats summarises a static analysis. A site or call counts as unresolved
// if its number is unknown on any path, even if other paths are resolved.
type Stats struct {
	// Sites is the number of syscall instructions found.
	Sites int `json:"sites"`
	// Resolved sites have constant numbers on every path.
	Resolved int `json:"resolved"`
	// Forwarded sites take their number from the caller (wrappers such as
	// syscall() or __syscall_cp); their call sites are resolved instead.
	Forwarded int `json:"forwarded"`
	// Unresolved sites have an unknown number on some path.
	Unresolved int `json:"unresolved"`
	// CallSites counts the calls of such wrappers, split like sites.
	CallSites       int `json:"call_sites"`
	ResolvedCalls   int `json:"resolved_calls"`
	ForwardedCalls  int `json:"forwarded_calls"`
	UnresolvedCalls int `json:"unresolved_calls"`
}

// Names returns the syscall names of p, in its order; entries without a
// name appear as "nr<N>".
func (p *Profile) Names() []string {
	out := make([]string, len(p.Syscalls))
	for i, e := range p.Syscalls {
		out[i] = e.Key()
	}
	return out
}

// Key returns e's name, or "nr<N>" if it has none.
func (e *Entry) Key() string {
	if e.Name != "" {
		return e.Name
	}
	return fmt.Sprintf("nr%d", e.Nr)
}

// Lookup returns the entry called name (as returned by Entry.Key).
func (p *Profile) Lookup(name string) (*Entry, bool) {
	for i := range p.Syscalls {
		if p.Syscalls[i].Key() == name {
			return &p.Syscalls[i], true
		}
	}
	return nil, false
}

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// ValidName reports whether name is a valid profile name: lowercase
// letters, digits, '.', '-' and '_', starting with a letter or digit.
func ValidName(name string) bool { return nameRE.MatchString(name) }

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Validate checks that p is a well-formed profile: known schema and layer,
// a valid name, complete provenance, entries sorted by number without
// duplicates, and no counts or argument values in a static profile.
func (p *Profile) Validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if p.Schema != Schema {
		bad("schema is %q, want %q", p.Schema, Schema)
	}
	if !nameRE.MatchString(p.Name) {
		bad("name %q: want lowercase letters, digits, '.', '-' or '_'", p.Name)
	}
	if p.Layer != LayerStatic && p.Layer != LayerTraced {
		bad("layer is %q, want %q or %q", p.Layer, LayerStatic, LayerTraced)
	}
	pv := p.Provenance
	for _, f := range []struct{ name, v string }{
		{"method", pv.Method}, {"tool", pv.Tool}, {"tool_version", pv.ToolVersion},
		{"package", pv.Package}, {"package_version", pv.PackageVersion}, {"command", pv.Command},
	} {
		if f.v == "" {
			bad("provenance.%s is empty", f.name)
		}
	}
	if !dateRE.MatchString(pv.Date) {
		bad("provenance.date %q: want YYYY-MM-DD", pv.Date)
	}
	for i, e := range p.Syscalls {
		if e.Nr < 0 {
			bad("syscalls[%d] (%s): negative number %d", i, e.Key(), e.Nr)
		}
		if i > 0 && p.Syscalls[i-1].Nr >= e.Nr {
			bad("syscalls[%d] (%s): not sorted by number or duplicate (after %d)", i, e.Key(), p.Syscalls[i-1].Nr)
		}
		if p.Layer == LayerStatic && (e.Count != 0 || len(e.Args) != 0) {
			bad("syscalls[%d] (%s): a static profile has no counts or argument values", i, e.Key())
		}
	}
	if p.Layer == LayerTraced && len(p.Unresolved) != 0 {
		bad("unresolved: a traced profile has no unresolved sites")
	}
	return errors.Join(errs...)
}

// Sort orders p's entries by number and each entry's users by name.
func (p *Profile) Sort() {
	sort.Slice(p.Syscalls, func(i, j int) bool { return p.Syscalls[i].Nr < p.Syscalls[j].Nr })
	for i := range p.Syscalls {
		sort.Strings(p.Syscalls[i].Users)
	}
}

// Decode reads one profile document from r and validates it. name is used
// in errors (a file name, usually).
func Decode(r io.Reader, name string) (*Profile, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p Profile
	if err := dec.Decode(&p); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("decode profile %s: offset %d: %w", name, se.Offset, err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("decode profile %s: offset %d: %w", name, te.Offset, err)
		}
		return nil, fmt.Errorf("decode profile %s: %w", name, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("decode profile %s: trailing data after the document", name)
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("validate profile %s: %w", name, err)
	}
	return &p, nil
}

// Load reads and validates the profile document at path.
func Load(path string) (*Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load profile: %w", err)
	}
	defer f.Close()
	return Decode(f, path)
}

// Encode writes p as indented JSON, after validating it.
func (p *Profile) Encode(w io.Writer) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("validate profile %s: %w", p.Name, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("encode profile %s: %w", p.Name, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write profile %s: %w", p.Name, err)
	}
	return nil
}

// Missing returns the entries of sub whose syscall super lacks, in sub's
// order; entries match by number. It is how a traced profile is checked
// against the static profile of the same code: every syscall a workload
// did issue must be one its code may issue, up to super's unresolved
// sites.
func Missing(super, sub *Profile) []Entry {
	have := make(map[int]bool, len(super.Syscalls))
	for _, e := range super.Syscalls {
		have[e.Nr] = true
	}
	var out []Entry
	for _, e := range sub.Syscalls {
		if !have[e.Nr] {
			out = append(out, e)
		}
	}
	return out
}
