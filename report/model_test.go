package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/runner"
	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/target"
)

// ok is a syscall whose n calls all succeeded.
func ok(name string, n uint64) result.Syscall {
	return result.Syscall{Name: name, Count: n, Calls: []result.Call{{Count: n}}}
}

// failed is a syscall whose n calls all failed with errno.
func failed(name, errno string, n uint64) result.Syscall {
	return result.Syscall{Name: name, Count: n, Errors: map[string]uint64{errno: n}, Calls: []result.Call{{Errno: errno, Count: n}}}
}

func static(name string, users map[string][]string, names ...string) *profile.Profile {
	p := &profile.Profile{Schema: profile.Schema, Name: name, Layer: profile.LayerStatic}
	tab, _ := systab.Linux(systab.X86_64)
	for _, n := range names {
		s, _ := tab.ByName(n)
		p.Syscalls = append(p.Syscalls, profile.Entry{Name: n, Nr: s.Nr, Users: users[n]})
	}
	p.Sort()
	return p
}

// tiny is a hand-made run whose every figure is known:
//
//	g/a PASS:  read, execve (baseline), open (O_RDONLY ok; O_RDONLY|O_CLOEXEC failed),
//	           unlink (every call failed), rt_sigsuspend (ERESTARTNOHAND: completed)
//	g/b PASS:  write
//	g/x XFAIL: close, read
//	g/f FAIL:  mremap
func tiny(t *testing.T) *Report {
	t.Helper()
	run := &result.Run{
		Schema: result.RunSchema, Arch: "x86_64", Baseline: []string{"execve"},
		Tests: []result.Test{
			{ID: "g/a", Group: "g", Name: "a", Status: result.StatusPass, Syscalls: []result.Syscall{
				ok("read", 1), ok("execve", 1),
				{Name: "open", Count: 2, Errors: map[string]uint64{"ENOENT": 1}, Calls: []result.Call{
					{Args: map[string]string{"flags": "O_RDONLY"}, Count: 1},
					{Args: map[string]string{"flags": "O_RDONLY|O_CLOEXEC"}, Errno: "ENOENT", Count: 1},
				}},
				failed("unlink", "ENOENT", 2),
				failed("rt_sigsuspend", "ERESTARTNOHAND", 1),
			}},
			{ID: "g/b", Group: "g", Name: "b", Status: result.StatusPass, Syscalls: []result.Syscall{ok("write", 3)}},
			{ID: "g/x", Group: "g", Name: "x", Status: result.StatusXFail, Reason: "known", Syscalls: []result.Syscall{ok("close", 1), ok("read", 1)}},
			{ID: "h/f", Group: "h", Name: "f", Status: result.StatusFail, Syscalls: []result.Syscall{ok("mremap", 1)}},
		},
	}
	tab := &target.Table{Kernel: "toy", Arch: "x86_64", Entries: []target.Entry{
		{Nr: 0, Name: "read", Status: target.Implemented},
		{Nr: 1, Name: "write", Status: target.Stub},
		{Nr: 2, Name: "open", Status: target.Implemented},
		{Nr: 3, Name: "close", Status: target.ENOSYS},
		{Nr: 25, Name: "mremap", Status: target.Implemented},
		{Nr: 87, Name: "unlink", Status: target.Missing},
		{Nr: 130, Name: "rt_sigsuspend", Status: target.StubInHandler},
		{Nr: 184, Name: "tuxcall", Status: target.Implemented}, // reserved in Linux: ignored
		{Nr: -1, Name: "not_linux", Status: target.Implemented},
	}}
	traced := &profile.Profile{Schema: profile.Schema, Name: "t1", Layer: profile.LayerTraced, Syscalls: []profile.Entry{
		{Name: "open", Nr: 2, Count: 3, Users: []string{"init"}, Args: map[string]map[string]uint64{"flags": {"O_RDONLY|O_CLOEXEC": 3}}},
		{Name: "mremap", Nr: 25, Count: 5, Users: []string{"init"}},
		{Name: "rt_sigsuspend", Nr: 130, Count: 1, Users: []string{"init"}},
	}}
	ps := []*profile.Profile{
		static("s1", map[string][]string{"close": {"a", "b"}}, "read", "write", "close"),
		static("s2", nil, "write", "unlink", "execve"),
		traced,
	}
	listed := runner.Divergences{"g/x": "known", "g/gone": "removed contract"}
	r, err := New(run, &Options{Target: tab, Profiles: ps, Divergences: listed})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestRows(t *testing.T) {
	r := tiny(t)
	linux, _ := systab.Linux(systab.X86_64)
	implementedInLinux := 0
	for _, s := range linux.All() {
		if !s.Unimplemented {
			implementedInLinux++
		}
	}
	tests := []struct {
		key           string
		num, den, bas int
		na            bool
	}{
		// read, write, open, mremap, rt_sigsuspend dispatch; close is
		// enosys, unlink missing; tuxcall and not_linux are not Linux
		// syscalls.
		{key: "dispatch", num: 5, den: implementedInLinux},
		// read, write exercised; close only by an XFAIL test.
		{key: "profile:s1", num: 2, den: 3},
		// write, execve (baseline); unlink only failed.
		{key: "profile:s2", num: 2, den: 3, bas: 1},
		// read, write, close, unlink, execve.
		{key: "profile-union:static", num: 3, den: 5, bas: 1},
		// open, rt_sigsuspend (a restart code completes it); mremap only
		// in a FAIL test.
		{key: "profile:t1", num: 2, den: 3},
		{key: "profile-union:traced", num: 2, den: 3},
		// O_RDONLY on a successful call; O_CLOEXEC only on a failed one.
		{key: "values:t1", num: 1, den: 2},
		{key: "values", num: 1, den: 2},
		// read, write, execve, rt_sigsuspend (no named values) and
		// (open, flags, O_RDONLY).
		{key: "universe", num: 5},
	}
	if got, want := r.RowKeys(), []string{"dispatch", "profile:s1", "profile:s2", "profile:t1", "profile-union:static", "profile-union:traced", "values:t1", "values", "universe"}; !reflect.DeepEqual(got, want) {
		t.Errorf("row keys %v, want %v", got, want)
	}
	for _, tt := range tests {
		row, found := r.Row(tt.key)
		if !found {
			t.Errorf("no row %s", tt.key)
			continue
		}
		if row.Num != tt.num || (tt.den != 0 && row.Den != tt.den) || row.Baseline != tt.bas || row.NA != tt.na {
			t.Errorf("%s: %d / %d (baseline %d, na %t), want %d / %d (baseline %d, na %t)", tt.key, row.Num, row.Den, row.Baseline, row.NA, tt.num, tt.den, tt.bas, tt.na)
		}
	}
	if got := r.Target.NotInLinux; got != 2 {
		t.Errorf("NotInLinux = %d, want 2 (tuxcall, not_linux)", got)
	}
	if got, _ := r.Row("profile:s1"); got.Ratio() != "2 / 3 = 66.7%" {
		t.Errorf("ratio %q", got.Ratio())
	}
}

func TestGaps(t *testing.T) {
	g := tiny(t).Gaps
	type short struct {
		Rank, Tier int
		Name, Run  string
		Target     target.Status
	}
	var got []short
	for _, s := range g.Syscalls {
		got = append(got, short{s.Rank, s.Tier, s.Name, s.Run, s.Target})
	}
	want := []short{
		{1, 2, "mremap", "failing tests only", target.Implemented}, // traced, implemented
		{2, 3, "close", "XFAIL only", target.ENOSYS},               // static, 2 users
		{3, 3, "unlink", "error paths only", target.Missing},       // static, 0 users
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("syscall gaps\n got %+v\nwant %+v", got, want)
	}
	if len(g.Values) != 1 || g.Values[0].Syscall != "open" || g.Values[0].Value != "O_CLOEXEC" || g.Values[0].Calls != 3 || !g.Values[0].SyscallExercised {
		t.Errorf("value gaps %+v, want open flags O_CLOEXEC (3 calls)", g.Values)
	}
	names := func(gs []RunGap) []string {
		var out []string
		for _, x := range gs {
			out = append(out, x.Name+":"+strings.Join(x.Tests, ","))
		}
		return out
	}
	if got := names(g.ErrorOnly); !reflect.DeepEqual(got, []string{"unlink:g/a"}) {
		t.Errorf("error only %v", got)
	}
	if g.ErrorOnly[0].Errnos[0] != (ErrnoCount{"ENOENT", 2}) {
		t.Errorf("errnos %v", g.ErrorOnly[0].Errnos)
	}
	if got := names(g.XFailOnly); !reflect.DeepEqual(got, []string{"close:g/x"}) {
		t.Errorf("xfail only %v", got)
	}
	if got := names(g.FailingOnly); !reflect.DeepEqual(got, []string{"mremap:h/f"}) {
		t.Errorf("failing only %v", got)
	}
	if len(g.ImplementedUnexercised) != 1 || g.ImplementedUnexercised[0].Name != "mremap" {
		t.Errorf("implemented but unexercised %v, want mremap", g.ImplementedUnexercised)
	}
}

func TestGroupsDivergencesMatrix(t *testing.T) {
	r := tiny(t)
	if len(r.Groups) != 2 || r.Groups[0].Name != "g" || r.Groups[0].Tests != 3 || r.Groups[0].Baseline != 1 || len(r.Groups[0].Syscalls) != 6 {
		t.Errorf("groups %+v", r.Groups)
	}
	if !reflect.DeepEqual(r.Divergences, []Divergence{{Test: "g/x", Reason: "known", Status: "XFAIL"}, {Test: "g/gone", Reason: "removed contract", Status: NotInRun}}) {
		t.Errorf("divergences %+v", r.Divergences)
	}
	if r.Status != "4 total — 2 PASS, 1 XFAIL, 1 FAIL" {
		t.Errorf("status %q", r.Status)
	}
	m := r.Matrix
	if len(m.Tests) != 4 || len(m.Syscalls) != 8 || len(m.Calls) != 4 || len(m.Calls[0]) != 8 {
		t.Fatalf("matrix %d tests × %d syscalls", len(m.Tests), len(m.Syscalls))
	}
	j := map[string]int{}
	for i, s := range m.Syscalls {
		j[s] = i
	}
	if m.Calls[1][j["write"]] != 3 || m.Calls[0][j["unlink"]] != 2 || m.Calls[1][j["read"]] != 0 {
		t.Errorf("matrix calls %v", m.Calls)
	}
}

func TestNoTracedProfile(t *testing.T) {
	run := &result.Run{Schema: result.RunSchema, Arch: "x86_64"}
	r, err := New(run, &Options{Target: &target.Table{Kernel: "toy", Arch: "x86_64"}, Profiles: []*profile.Profile{static("s", nil, "read")}})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"values", "profile-union:traced"} {
		row, _ := r.Row(key)
		if !row.NA || row.Ratio() != "n/a" || row.Note == "" {
			t.Errorf("%s: %+v, want n/a with a reason", key, row)
		}
	}
	if got := r.Failures([]Threshold{{"values", 1}, {"profile:s", 0}, {"nope", 1}}); len(got) != 2 ||
		!strings.Contains(got[0], "values: not measured") || !strings.Contains(got[1], "nope: no such row") {
		t.Errorf("failures %q", got)
	}
}

func TestNewErrors(t *testing.T) {
	run := &result.Run{Schema: result.RunSchema, Arch: "x86_64"}
	if _, err := New(run, nil); err == nil {
		t.Error("New without a target succeeded")
	}
	if _, err := New(run, &Options{Target: &target.Table{Arch: "aarch64"}}); err == nil || !strings.Contains(err.Error(), "aarch64") {
		t.Errorf("arch mismatch: %v", err)
	}
	if _, err := New(&result.Run{Arch: "sparc"}, &Options{Target: &target.Table{}}); err == nil {
		t.Error("unknown arch accepted")
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"O_RDONLY", []string{"O_RDONLY"}},
		{"O_RDONLY|O_CLOEXEC", []string{"O_RDONLY", "O_CLOEXEC"}},
		{"_IOC(_IOC_READ|_IOC_WRITE,'T',0x1,0x8)", []string{"_IOC(_IOC_READ|_IOC_WRITE,'T',0x1,0x8)"}},
		{"_IOC(_IOC_READ,'T',0x1,0x8)|0x100000000", []string{"_IOC(_IOC_READ,'T',0x1,0x8)", "0x100000000"}},
		{"FUTEX_WAIT|FUTEX_PRIVATE_FLAG|0x400", []string{"FUTEX_WAIT", "FUTEX_PRIVATE_FLAG", "0x400"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseThreshold(t *testing.T) {
	tests := []struct {
		in   string
		want Threshold
		err  bool
	}{
		{in: "dispatch=50", want: Threshold{"dispatch", 50}},
		{in: "profile:musl-static=80.5%", want: Threshold{"profile:musl-static", 80.5}},
		{in: "dispatch", err: true},
		{in: "=50", err: true},
		{in: "dispatch=101", err: true},
		{in: "dispatch=-1", err: true},
		{in: "dispatch=x", err: true},
	}
	for _, tt := range tests {
		got, err := ParseThreshold(tt.in)
		if (err != nil) != tt.err || (!tt.err && got != tt.want) {
			t.Errorf("ParseThreshold(%q) = %+v, %v", tt.in, got, err)
		}
	}
}

func TestFailuresExact(t *testing.T) {
	r := tiny(t) // profile:s1 is 2/3 = 66.67%
	tests := []struct {
		pct  float64
		fail bool
	}{{66.6, false}, {66.66, false}, {66.67, true}, {100, true}, {0, false}}
	for _, tt := range tests {
		got := r.Failures([]Threshold{{"profile:s1", tt.pct}})
		if (len(got) > 0) != tt.fail {
			t.Errorf("profile:s1 under %g%%: %q, want failure %t", tt.pct, got, tt.fail)
		}
	}
}

func TestUnknownNumbersMatch(t *testing.T) {
	// The tracer names an unknown number nr_<N>; a profile entry has no
	// name and the number.
	run := &result.Run{Schema: result.RunSchema, Arch: "x86_64", Tests: []result.Test{
		{ID: "g/a", Group: "g", Status: result.StatusPass, Syscalls: []result.Syscall{{Name: "nr_999", Nr: 999, Unknown: true, Count: 1, Calls: []result.Call{{Count: 1}}}}},
	}}
	p := &profile.Profile{Schema: profile.Schema, Name: "p", Layer: profile.LayerStatic, Syscalls: []profile.Entry{{Nr: 999}, {Nr: 1000}}}
	r, err := New(run, &Options{Target: &target.Table{Kernel: "toy", Arch: "x86_64"}, Profiles: []*profile.Profile{p}})
	if err != nil {
		t.Fatal(err)
	}
	if row, _ := r.Row("profile:p"); row.Num != 1 || row.Den != 2 {
		t.Errorf("profile:p = %s, want 1 / 2", row.Ratio())
	}
	if len(r.Gaps.Syscalls) != 1 || r.Gaps.Syscalls[0].Name != "nr_1000" {
		t.Errorf("gaps %+v, want nr_1000", r.Gaps.Syscalls)
	}
}

func TestEmptyRunJSONHasNoNulls(t *testing.T) {
	run := &result.Run{Schema: result.RunSchema, Arch: "x86_64"}
	r, err := New(run, &Options{Target: &target.Table{Kernel: "toy", Arch: "x86_64"}, Profiles: []*profile.Profile{}})
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"profiles": null`, `"groups": null`, `"divergences": null`, `"syscalls": null`, `"lints": null`} {
		if strings.Contains(buf.String(), field) {
			t.Errorf("JSON has %s; readers expect a list", field)
		}
	}
	if row, _ := r.Row("universe"); row.Num != 0 || row.Den == 0 {
		t.Errorf("universe of an empty run: %s", row.Ratio())
	}
}

// A run whose tracer lost or could not attribute calls says so among the
// definitions, naming the tests.
func TestDefinitionsNameTracerLimits(t *testing.T) {
	run := &result.Run{Tests: []result.Test{
		{ID: "g/a"},
		{ID: "g/b", Overflow: 5},
		{ID: "g/c", Unattributed: 2},
		{ID: "g/d", Unattributed: 1, Overflow: 1},
	}}
	d := strings.Join(definitions(run), "\n")
	for _, want := range []string{
		"the tracer's map was full in 2 tests (g/b, g/d): 6 calls were not counted",
		"3 syscall exits in 2 tests (g/c, g/d) carried the number -1",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("definitions lack %q:\n%s", want, d)
		}
	}
	if d := strings.Join(definitions(&result.Run{Tests: []result.Test{{ID: "g/a"}}}), "\n"); strings.Contains(d, "tracer's map") || strings.Contains(d, "number -1") {
		t.Errorf("a clean run mentions tracer limits:\n%s", d)
	}
}
