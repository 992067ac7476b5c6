package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/target"
)

// RankingRule is the gap ranking, as printed with every gap list.
const RankingRule = "syscall gaps: by tier (1 used by a traced profile and not implemented in the target; " +
	"2 traced, implemented; 3 static profiles only, not implemented; 4 static only, implemented), " +
	"then by number of profiles using it, programs/objects using it, traced call count (all descending), syscall number; " +
	"value gaps: by number of traced profiles, call count (descending), then syscall, argument, value"

// Tiers describes the syscall-gap tiers, indexed by tier - 1.
var Tiers = []string{
	"used by a traced workload, not implemented in the target",
	"used by a traced workload, implemented in the target",
	"used by static profiles only, not implemented in the target",
	"used by static profiles only, implemented in the target",
}

// Gaps is the gap review.
type Gaps struct {
	Rule string `json:"rule"`
	// Syscalls are the profile syscalls no PASS test exercised, ranked.
	Syscalls []SyscallGap `json:"syscalls"`
	// Values are the traced profiles' values no PASS test exercised, ranked.
	Values []ValueGap `json:"values"`
	// ImplementedUnexercised are target entries with status implemented or
	// partial that no PASS test exercised, by number.
	ImplementedUnexercised []TargetGap `json:"implemented_unexercised"`
	// ErrorOnly are syscalls PASS tests issued whose every call failed.
	ErrorOnly []RunGap `json:"error_only"`
	// XFailOnly are syscalls only XFAIL tests issued.
	XFailOnly []RunGap `json:"xfail_only"`
	// FailingOnly are syscalls only FAIL, CRASH or TIMEOUT tests issued.
	FailingOnly []RunGap `json:"failing_only"`
}

// SyscallGap is a profile syscall no PASS test exercised.
type SyscallGap struct {
	Rank int    `json:"rank"`
	Tier int    `json:"tier"`
	Name string `json:"syscall"`
	Nr   int    `json:"nr"`
	// Profiles name the profiles using it, traced first.
	Profiles []string `json:"profiles"`
	Traced   int      `json:"traced_profiles"`
	Static   int      `json:"static_profiles"`
	// Users is the number of distinct programs or objects using it.
	Users int `json:"users"`
	// Calls is the call count summed over the traced profiles.
	Calls uint64 `json:"calls"`
	// Target is the target's status, or "" when the table lacks it.
	Target target.Status `json:"target_status"`
	// Run says what the run did with it: "untested", "error paths only",
	// "XFAIL only" or "failing tests only".
	Run string `json:"run"`
	// Unobservable is true when the tracer cannot see the syscall when
	// served by the vDSO: a test may call it unseen.
	Unobservable bool `json:"unobservable,omitempty"`
}

// Why describes the gap in one phrase, e.g. "used by systemd-boot, stub
// in kevlar, untested".
func (g *SyscallGap) Why(kernel string) string {
	st := string(g.Target)
	if st == "" {
		st = "not listed"
	}
	s := fmt.Sprintf("used by %s, %s in %s, %s", strings.Join(g.Profiles, "+"), st, kernel, g.Run)
	if g.Unobservable {
		s += " (vDSO: calls may be unseen)"
	}
	return s
}

// ValueGap is a behavioural value a traced profile used that no PASS test
// exercised.
type ValueGap struct {
	Rank     int      `json:"rank"`
	Syscall  string   `json:"syscall"`
	Arg      string   `json:"arg"`
	Value    string   `json:"value"`
	Profiles []string `json:"profiles"`
	Calls    uint64   `json:"calls"`
	// SyscallExercised is true when the syscall itself is exercised.
	SyscallExercised bool          `json:"syscall_exercised"`
	Target           target.Status `json:"target_status"`
}

// TargetGap is a target entry.
type TargetGap struct {
	Name   string        `json:"syscall"`
	Nr     int           `json:"nr"`
	Status target.Status `json:"status"`
}

// RunGap is a syscall the run issued without exercising it.
type RunGap struct {
	Name  string   `json:"syscall"`
	Tests []string `json:"tests"`
	// Errnos counts the failed calls of PASS tests by errno (ErrorOnly).
	Errnos []ErrnoCount `json:"errnos,omitempty"`
}

// ErrnoCount is a number of calls that failed with Errno.
type ErrnoCount struct {
	Errno string `json:"errno"`
	Count uint64 `json:"count"`
}

func (ex *exercised) runState(name string) string {
	u := ex.uses[name]
	switch {
	case u == nil:
		return "untested"
	case len(u.passOK) > 0:
		return "exercised"
	case len(u.passErr) > 0:
		return "error paths only"
	case len(u.xfail) > 0:
		return "XFAIL only"
	default:
		return "failing tests only"
	}
}

func gaps(ps []*profile.Profile, t *target.Table, linux map[string]bool, ex *exercised, run *result.Run) Gaps {
	g := Gaps{Rule: RankingRule, Syscalls: []SyscallGap{}, Values: []ValueGap{}, ImplementedUnexercised: []TargetGap{},
		ErrorOnly: []RunGap{}, XFailOnly: []RunGap{}, FailingOnly: []RunGap{}}
	status := func(name string) target.Status {
		if e, ok := t.Lookup(name); ok {
			return e.Status
		}
		return ""
	}
	unobs := map[string]bool{}
	for _, u := range run.Unobserved {
		unobs[u.Name] = true
	}

	// Syscall gaps.
	type acc struct {
		gap   SyscallGap
		users map[string]bool
	}
	by := map[string]*acc{}
	var order []string
	// Traced profiles first, so their names lead each gap's list.
	sorted := append([]*profile.Profile(nil), ps...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return sorted[i].Layer == profile.LayerTraced && sorted[j].Layer != profile.LayerTraced
	})
	for _, p := range sorted {
		for _, e := range p.Syscalls {
			name := entryName(e)
			if ex.ok(name) {
				continue
			}
			a := by[name]
			if a == nil {
				a = &acc{gap: SyscallGap{Name: name, Nr: e.Nr, Target: status(name), Run: ex.runState(name), Unobservable: unobs[name]}, users: map[string]bool{}}
				by[name] = a
				order = append(order, name)
			}
			a.gap.Profiles = append(a.gap.Profiles, p.Name)
			if p.Layer == profile.LayerTraced {
				a.gap.Traced++
				a.gap.Calls += e.Count
			} else {
				a.gap.Static++
			}
			for _, u := range e.Users {
				a.users[p.Name+"\x00"+u] = true
			}
		}
	}
	for _, n := range order {
		a := by[n]
		a.gap.Users = len(a.users)
		a.gap.Tier = tier(a.gap.Traced > 0, implemented(a.gap.Target))
		g.Syscalls = append(g.Syscalls, a.gap)
	}
	sort.SliceStable(g.Syscalls, func(i, j int) bool {
		a, b := g.Syscalls[i], g.Syscalls[j]
		if a.Tier != b.Tier {
			return a.Tier < b.Tier
		}
		if na, nb := len(a.Profiles), len(b.Profiles); na != nb {
			return na > nb
		}
		if a.Users != b.Users {
			return a.Users > b.Users
		}
		if a.Calls != b.Calls {
			return a.Calls > b.Calls
		}
		return a.Nr < b.Nr
	})
	for i := range g.Syscalls {
		g.Syscalls[i].Rank = i + 1
	}

	// Value gaps.
	vby := map[valueKey]*ValueGap{}
	for _, p := range sorted {
		if p.Layer != profile.LayerTraced {
			continue
		}
		for k, n := range profileValues(p) {
			if ex.okValue(k) {
				continue
			}
			v := vby[k]
			if v == nil {
				v = &ValueGap{Syscall: k.Syscall, Arg: k.Arg, Value: k.Value, SyscallExercised: ex.ok(k.Syscall), Target: status(k.Syscall)}
				vby[k] = v
			}
			v.Profiles = append(v.Profiles, p.Name)
			v.Calls += n
		}
	}
	for _, v := range vby {
		g.Values = append(g.Values, *v)
	}
	sort.Slice(g.Values, func(i, j int) bool {
		a, b := g.Values[i], g.Values[j]
		if len(a.Profiles) != len(b.Profiles) {
			return len(a.Profiles) > len(b.Profiles)
		}
		if a.Calls != b.Calls {
			return a.Calls > b.Calls
		}
		if a.Syscall != b.Syscall {
			return a.Syscall < b.Syscall
		}
		if a.Arg != b.Arg {
			return a.Arg < b.Arg
		}
		return a.Value < b.Value
	})
	for i := range g.Values {
		g.Values[i].Rank = i + 1
	}

	// Implemented in the target, not exercised.
	for _, e := range t.Entries {
		if linux[e.Name] && implemented(e.Status) && !ex.ok(e.Name) {
			g.ImplementedUnexercised = append(g.ImplementedUnexercised, TargetGap{Name: e.Name, Nr: e.Nr, Status: e.Status})
		}
	}
	sort.SliceStable(g.ImplementedUnexercised, func(i, j int) bool {
		return g.ImplementedUnexercised[i].Nr < g.ImplementedUnexercised[j].Nr
	})

	// What the run issued without exercising.
	names := make([]string, 0, len(ex.uses))
	for n := range ex.uses {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		u := ex.uses[n]
		switch ex.runState(n) {
		case "error paths only":
			rg := RunGap{Name: n, Tests: u.passErr}
			for e, c := range u.errnos {
				rg.Errnos = append(rg.Errnos, ErrnoCount{e, c})
			}
			sort.Slice(rg.Errnos, func(i, j int) bool { return rg.Errnos[i].Errno < rg.Errnos[j].Errno })
			g.ErrorOnly = append(g.ErrorOnly, rg)
		case "XFAIL only":
			g.XFailOnly = append(g.XFailOnly, RunGap{Name: n, Tests: u.xfail})
		case "failing tests only":
			g.FailingOnly = append(g.FailingOnly, RunGap{Name: n, Tests: u.failing})
		}
	}
	return g
}

func tier(traced, impl bool) int {
	switch {
	case traced && !impl:
		return 1
	case traced:
		return 2
	case !impl:
		return 3
	}
	return 4
}
