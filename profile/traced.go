package profile

import (
	"github.com/syscov/syscov/result"
)

// TracedInput is what a traced profile is made from: the decoded syscalls
// of one or more traced runs, each labelled with the program or step that
// issued them.
type TracedInput struct {
	// User names the program or workload step (e.g. "busybox tar").
	User string
	// Syscalls are the decoded counts of that run (syscov.trace/v1 shape).
	Syscalls []result.Syscall
}

// FromTraces builds a traced-layer profile from runs: call counts and
// argument-value counts are summed per syscall number, users are the runs
// that issued each syscall. Syscalls whose number the decoding table did
// not know keep that number and an empty name. The result is sorted and
// carries name, description and prov as given; it is not validated.
func FromTraces(name, description string, prov Provenance, runs []TracedInput) *Profile {
	byNr := map[int]*Entry{}
	users := map[int]map[string]bool{}
	for _, run := range runs {
		for _, sc := range run.Syscalls {
			e := byNr[sc.Nr]
			if e == nil {
				e = &Entry{Nr: sc.Nr}
				if !sc.Unknown {
					e.Name = sc.Name
				}
				byNr[sc.Nr] = e
				users[sc.Nr] = map[string]bool{}
			}
			e.Count += sc.Count
			if run.User != "" && !users[sc.Nr][run.User] {
				users[sc.Nr][run.User] = true
				e.Users = append(e.Users, run.User)
			}
			for arg, vals := range sc.Args {
				if e.Args == nil {
					e.Args = map[string]map[string]uint64{}
				}
				if e.Args[arg] == nil {
					e.Args[arg] = map[string]uint64{}
				}
				for v, n := range vals {
					e.Args[arg][v] += n
				}
			}
		}
	}
	p := &Profile{Schema: Schema, Name: name, Layer: LayerTraced, Description: description, Provenance: prov}
	for _, e := range byNr {
		p.Syscalls = append(p.Syscalls, *e)
	}
	p.Sort()
	return p
}
