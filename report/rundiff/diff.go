package rundiff

import (
	"fmt"
	"sort"

	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/runner"
)

// Schema identifies the JSON form of a Diff.
const Schema = "syscov.diff/v1"

// Diff is what changed between two runs. The zero-length slices are
// empty, not nil, so the JSON form always has every field.
type Diff struct {
	Schema string `json:"schema"`
	// Old and New name the two runs (usually their file paths).
	Old string `json:"old"`
	New string `json:"new"`
	// Before and After are the status lines of the two runs, e.g.
	// "86 total — 83 PASS, 3 XFAIL, 0 FAIL".
	Before string `json:"before"`
	After  string `json:"after"`

	Added   []TestStatus   `json:"tests_added"`
	Removed []TestStatus   `json:"tests_removed"`
	Changed []StatusChange `json:"status_changes"`

	SyscallsCovered []string `json:"syscalls_covered"`
	SyscallsLost    []string `json:"syscalls_lost"`
	ValuesCovered   []Value  `json:"values_covered"`
	ValuesLost      []Value  `json:"values_lost"`

	// Rows, when the caller sets it, holds its coverage rows for both
	// runs; the writers render them as "before → after".
	Rows *Rows `json:"coverage_rows,omitempty"`
}

// TestStatus is a test and its status in the run that has it.
type TestStatus struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// StatusChange is a test present in both runs whose status changed.
type StatusChange struct {
	ID     string `json:"id"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Value is one behavioural value: a syscall argument's decoded value.
type Value struct {
	Syscall string `json:"syscall"`
	Arg     string `json:"arg"`
	Value   string `json:"value"`
}

func (v Value) String() string { return fmt.Sprintf("%s %s=%s", v.Syscall, v.Arg, v.Value) }

// Row is one coverage dimension: Num of Den covered.
type Row struct {
	Label string `json:"label"`
	Num   int    `json:"num"`
	Den   int    `json:"den"`
}

// Rows are the coverage rows of the old and the new run, matched by Label.
type Rows struct {
	Before []Row `json:"before"`
	After  []Row `json:"after"`
}

// Compare returns what changed from run old to run new; oldName and
// newName label them in the output.
func Compare(oldName string, old *result.Run, newName string, new *result.Run) *Diff {
	d := &Diff{
		Schema: Schema, Old: oldName, New: newName,
		Before: runner.StatusLine(old), After: runner.StatusLine(new),
		Added: []TestStatus{}, Removed: []TestStatus{}, Changed: []StatusChange{},
	}
	oldTests := map[string]string{}
	for _, t := range old.Tests {
		oldTests[t.ID] = t.Status
	}
	newTests := map[string]string{}
	for _, t := range new.Tests {
		newTests[t.ID] = t.Status
		before, ok := oldTests[t.ID]
		switch {
		case !ok:
			d.Added = append(d.Added, TestStatus{t.ID, t.Status})
		case before != t.Status:
			d.Changed = append(d.Changed, StatusChange{t.ID, before, t.Status})
		}
	}
	for _, t := range old.Tests {
		if _, ok := newTests[t.ID]; !ok {
			d.Removed = append(d.Removed, TestStatus{t.ID, t.Status})
		}
	}
	sort.Slice(d.Added, func(i, j int) bool { return d.Added[i].ID < d.Added[j].ID })
	sort.Slice(d.Removed, func(i, j int) bool { return d.Removed[i].ID < d.Removed[j].ID })
	sort.Slice(d.Changed, func(i, j int) bool { return d.Changed[i].ID < d.Changed[j].ID })

	oldSys, oldVals := covered(old)
	newSys, newVals := covered(new)
	d.SyscallsCovered, d.SyscallsLost = setDiff(oldSys, newSys), setDiff(newSys, oldSys)
	d.ValuesCovered, d.ValuesLost = setDiff(oldVals, newVals), setDiff(newVals, oldVals)
	sort.Strings(d.SyscallsCovered)
	sort.Strings(d.SyscallsLost)
	sortValues(d.ValuesCovered)
	sortValues(d.ValuesLost)
	return d
}

// covered returns the syscalls and behavioural values that the run's PASS
// tests issued.
func covered(run *result.Run) (map[string]bool, map[Value]bool) {
	sys, vals := map[string]bool{}, map[Value]bool{}
	for _, t := range run.Tests {
		if t.Status != result.StatusPass {
			continue
		}
		for _, s := range t.Syscalls {
			if s.Count == 0 {
				continue
			}
			sys[s.Name] = true
			for arg, byVal := range s.Args {
				for v, n := range byVal {
					if n > 0 {
						vals[Value{s.Name, arg, v}] = true
					}
				}
			}
			// Args aggregates Calls; read both so a document that
			// carries only one of them is still counted.
			for _, c := range s.Calls {
				if c.Count == 0 {
					continue
				}
				for arg, v := range c.Args {
					vals[Value{s.Name, arg, v}] = true
				}
			}
		}
	}
	return sys, vals
}

// setDiff returns the keys of b that are not in a.
func setDiff[K comparable](a, b map[K]bool) []K {
	out := []K{}
	for k := range b {
		if !a[k] {
			out = append(out, k)
		}
	}
	return out
}

func sortValues(v []Value) {
	sort.Slice(v, func(i, j int) bool {
		if v[i].Syscall != v[j].Syscall {
			return v[i].Syscall < v[j].Syscall
		}
		if v[i].Arg != v[j].Arg {
			return v[i].Arg < v[j].Arg
		}
		return v[i].Value < v[j].Value
	})
}

// rank orders statuses from best to worst for regression checks.
func rank(status string) int {
	switch status {
	case result.StatusPass:
		return 0
	case result.StatusXFail:
		return 1
	}
	return 2
}

// Regressions returns one line per reason a CI gate should fail: each
// test that went from PASS or XFAIL to a worse status, and each syscall
// that lost coverage. It is empty when nothing regressed.
func (d *Diff) Regressions() []string {
	var out []string
	for _, c := range d.Changed {
		if rank(c.Before) < 2 && rank(c.After) > rank(c.Before) {
			out = append(out, fmt.Sprintf("test %s: %s → %s", c.ID, c.Before, c.After))
		}
	}
	for _, s := range d.SyscallsLost {
		out = append(out, fmt.Sprintf("syscall %s: no longer covered by a PASS test", s))
	}
	return out
}
