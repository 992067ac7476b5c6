package target

import (
	"fmt"
	"sort"
	"strings"
)

// Schema identifies the JSON document this package writes.
const Schema = "syscov.target/v1"

// Status is the verdict on one syscall of a target kernel.
type Status string

// The statuses, from most to least supported. Importers use the subset
// their source can tell apart: a Kevlar source tree yields all but
// [Partial] and [Unknown]; a list of names yields only [Implemented].
const (
	// Implemented: the dispatch arm calls a handler that does real work,
	// or does real work itself.
	Implemented Status = "implemented"
	// Partial: the kernel documents the syscall as partially supported
	// (gVisor's "Partial Support").
	Partial Status = "partial"
	// Stub: the dispatch arm returns Ok(0) or another constant with no
	// effect, or always fails with the same errno other than ENOSYS.
	Stub Status = "stub"
	// StubInHandler: the arm calls a handler whose body does nothing real:
	// it returns a constant, or unconditionally fails (ENOSYS, EINVAL, ...)
	// after at most argument checks.
	StubInHandler Status = "stub-in-handler"
	// ENOSYS: the dispatch arm returns ENOSYS explicitly (gVisor's
	// "Unimplemented").
	ENOSYS Status = "enosys"
	// Missing: no arm dispatches the number; it falls to the default arm.
	Missing Status = "missing"
	// Unknown: the source documents the syscall without a verdict
	// (gVisor's "Undocumented").
	Unknown Status = "unknown"
)

// Statuses lists every status in display order.
var Statuses = []Status{Implemented, Partial, Stub, StubInHandler, ENOSYS, Missing, Unknown}

// ParseStatus returns the status named s.
func ParseStatus(s string) (Status, error) {
	for _, st := range Statuses {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("parse status %q: want one of %s", s, statusNames())
}

func statusNames() string {
	var b strings.Builder
	for i, st := range Statuses {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(st))
	}
	return b.String()
}

// Table is one target kernel's dispatch table for one architecture.
type Table struct {
	// Schema is [Schema] in documents this package writes.
	Schema string `json:"schema"`
	// Kernel names the target, e.g. "kevlar" or "gvisor".
	Kernel string `json:"kernel"`
	// Revision identifies the source the table was built from (a commit
	// hash for a git tree), or is empty when unknown.
	Revision string `json:"revision"`
	// Arch is the architecture: "x86_64" or "aarch64" (gVisor's amd64 and
	// arm64 are renamed on import).
	Arch string `json:"arch"`
	// Generator is the command that produced the document, when known.
	Generator string `json:"generator,omitempty"`
	// Entries are the Linux syscalls of Arch, sorted by number. Imported
	// name lists have Nr -1 for names whose number they do not give.
	Entries []Entry `json:"entries"`
	// Extra are numbers the target dispatches that are not Linux syscalls
	// of Arch (private extensions, placeholders), sorted by number.
	Extra []Entry `json:"extra,omitempty"`
	// Lints are ABI-numbering findings: a wrong number is a silent ABI bug.
	Lints []Lint `json:"lints,omitempty"`
	// Warnings are things the importer could not interpret; each names the
	// file and line.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Entry is the verdict on one syscall.
type Entry struct {
	// Nr is the syscall number on the table's Arch, or -1 when unknown.
	Nr int `json:"nr"`
	// Name is the Linux name of the syscall.
	Name string `json:"name"`
	// Status is the verdict.
	Status Status `json:"status"`
	// Note explains the verdict in a few words.
	Note string `json:"note,omitempty"`
	// Evidence lists where the verdict comes from, as "file:line" relative
	// to the source root (dispatch arm first, then constant and handler),
	// or URLs for imported tables.
	Evidence []string `json:"evidence,omitempty"`
}

// LintKind classifies an ABI-numbering finding.
type LintKind string

// The lint kinds.
const (
	// WrongNumber: a syscall-number constant holds a number that is not
	// the Linux number of the syscall it names.
	WrongNumber LintKind = "wrong-number"
	// WrongComment: a numeric dispatch arm's comment names a syscall that
	// does not have that number.
	WrongComment LintKind = "wrong-comment"
	// Unreachable: a Linux syscall the target means to implement is never
	// dispatched because of a wrong number.
	Unreachable LintKind = "unreachable"
)

// Lint is one ABI-numbering finding.
type Lint struct {
	// Kind is the finding's kind.
	Kind LintKind `json:"kind"`
	// Subject is the constant (SYS_FOO), the numeric arm ("172 /* iopl */")
	// or, for Unreachable, the Linux syscall name.
	Subject string `json:"subject"`
	// At is the file:line of the constant or arm.
	At string `json:"at"`
	// Expected is what the Linux table says.
	Expected string `json:"expected"`
	// Found is what the source says.
	Found string `json:"found"`
}

// Warning is something an importer could not interpret. It is never
// dropped silently: it is kept in the table and printed by the commands.
type Warning struct {
	// At is the file:line (or file) concerned.
	At string `json:"at"`
	// Message says what was not understood and what was assumed.
	Message string `json:"message"`
}

func (w Warning) String() string { return w.At + ": " + w.Message }

// Counts returns how many entries have each status.
func (t *Table) Counts() map[Status]int {
	c := make(map[Status]int)
	for _, e := range t.Entries {
		c[e.Status]++
	}
	return c
}

// Lookup returns the entry named name.
func (t *Table) Lookup(name string) (*Entry, bool) {
	for i := range t.Entries {
		if t.Entries[i].Name == name {
			return &t.Entries[i], true
		}
	}
	return nil, false
}

// Sort orders entries and extras by number, then name, and lints by
// kind then location.
func (t *Table) Sort() {
	byNr := func(es []Entry) {
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Nr != es[j].Nr {
				return es[i].Nr < es[j].Nr
			}
			return es[i].Name < es[j].Name
		})
	}
	byNr(t.Entries)
	byNr(t.Extra)
	sort.SliceStable(t.Lints, func(i, j int) bool {
		if t.Lints[i].Kind != t.Lints[j].Kind {
			return lintOrder(t.Lints[i].Kind) < lintOrder(t.Lints[j].Kind)
		}
		return t.Lints[i].Subject < t.Lints[j].Subject
	})
}

func lintOrder(k LintKind) int {
	switch k {
	case WrongNumber:
		return 0
	case WrongComment:
		return 1
	default:
		return 2
	}
}

// Validate checks the invariants a reader relies on: known statuses,
// non-empty names, no name twice.
func (t *Table) Validate() error {
	seen := make(map[string]bool, len(t.Entries))
	for i, e := range t.Entries {
		if e.Name == "" {
			return fmt.Errorf("entry %d: empty name", i)
		}
		if _, err := ParseStatus(string(e.Status)); err != nil {
			return fmt.Errorf("entry %d (%s): %w", i, e.Name, err)
		}
		if seen[e.Name] {
			return fmt.Errorf("entry %d: duplicate name %q", i, e.Name)
		}
		seen[e.Name] = true
	}
	return nil
}

// Syscall is one Linux syscall of an architecture, as importers that
// check numbers need it. Callers convert their Linux table to a slice of
// these, so tests can use small fixture tables.
type Syscall struct {
	Nr   int
	Name string
}
