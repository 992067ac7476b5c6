// Package tracefmt joins the tracer's numeric counts with the Linux tables:
// it builds the tracer's slot spec from the argument schema, and turns
// counts into the decoded syscov.trace/v1 shapes of package result.
package tracefmt

import (
	"fmt"
	"sort"

	"github.com/syscov/syscov/result"
	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/trace"
)

// Spec returns the tracer slots for every syscall of tab that has
// behavioural arguments.
func Spec(tab *systab.Table) trace.Spec {
	spec := trace.Spec{}
	for _, sc := range tab.All() {
		if len(sc.Behaviour) == 0 {
			continue
		}
		n := min(len(sc.Behaviour), trace.MaxSlots)
		slots := make([]trace.Slot, 0, n)
		for _, b := range sc.Behaviour[:n] {
			s := trace.Slot{Name: b.Name, Arg: b.Arg, Mask: b.Mask}
			if b.Deref != nil {
				s.Deref = &trace.Deref{Offset: b.Deref.Offset, Size: b.Deref.Size}
			}
			if b.When != nil {
				s.When = &trace.When{Arg: b.When.Arg, Values: append([]uint64(nil), b.When.Values...)}
			}
			slots = append(slots, s)
		}
		spec[sc.Nr] = slots
	}
	return spec
}

// Syscalls summarises res per syscall, sorted by number. Slot values are
// decoded with tab; a number tab does not know is named "nr_<N>" and
// flagged Unknown.
func Syscalls(res *trace.Result, tab *systab.Table) []result.Syscall {
	byNr := map[int]*result.Syscall{}
	for _, c := range res.Counts {
		s := byNr[c.Nr]
		if s == nil {
			s = &result.Syscall{Nr: c.Nr, Name: fmt.Sprintf("nr_%d", c.Nr), Unknown: true}
			if sc, ok := tab.ByNumber(c.Nr); ok {
				s.Name, s.Unknown = sc.Name, false
			}
			byNr[c.Nr] = s
		}
		s.Count += c.Count
		call := result.Call{Count: c.Count}
		if c.Errno != 0 {
			call.Errno = systab.ErrnoName(c.Errno)
			if s.Errors == nil {
				s.Errors = map[string]uint64{}
			}
			s.Errors[call.Errno] += c.Count
		}
		for i, sl := range res.Spec[c.Nr] {
			if c.Absent&(1<<i) != 0 {
				continue
			}
			v := tab.Decode(c.Nr, i, c.Values[i])
			if call.Args == nil {
				call.Args, call.Raw = map[string]string{}, map[string]uint64{}
			}
			call.Args[sl.Name] = v
			call.Raw[sl.Name] = c.Values[i]
			if s.Args == nil {
				s.Args = map[string]map[string]uint64{}
			}
			if s.Args[sl.Name] == nil {
				s.Args[sl.Name] = map[string]uint64{}
			}
			s.Args[sl.Name][v] += c.Count
		}
		s.Calls = append(s.Calls, call)
	}
	out := make([]result.Syscall, 0, len(byNr))
	for _, s := range byNr {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Nr < out[j].Nr })
	return out
}

// Exit converts the tracer's exit status.
func Exit(e trace.ExitStatus) result.Exit {
	x := result.Exit{Code: e.Code}
	if e.Signal != 0 {
		name := systab.SignalName(int(e.Signal))
		x.Signal = &name
	}
	return x
}

// vdsoCalls are served by the vDSO on x86_64: user space reads the time
// without entering the kernel, so syscall tracepoints never fire for them.
var vdsoCalls = []string{"clock_gettime", "gettimeofday", "time", "getcpu"}

// Unobserved lists the calls no syscall tracepoint can see.
func Unobserved() []result.Unobserved {
	out := make([]result.Unobserved, 0, len(vdsoCalls))
	for _, n := range vdsoCalls {
		out = append(out, result.Unobserved{
			Name:   n,
			Reason: "served by the vDSO in user space; calls that do not fall back to the kernel are not counted",
		})
	}
	return out
}
