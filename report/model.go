package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/syscov/syscov/profile"
	"github.com/syscov/syscov/result"
	"github.com/syscov/syscov/runner"
	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/target"
)

// Schema identifies the JSON document of a report.
const Schema = "syscov.report/v1"

// Options choose what a run is measured against. Nil fields and a nil
// *Options mean the defaults.
type Options struct {
	// Target is the target kernel's dispatch table. Required: the caller
	// picks the default (the embedded Kevlar table of the run's arch).
	Target *target.Table
	// Profiles are the usage profiles, static and traced, in the order
	// they are shown. Nil means profile.Builtin().
	Profiles []*profile.Profile
	// Linux is the Linux table of the run's arch; nil means systab.Linux.
	Linux *systab.Table
	// Divergences is the suite's known-divergences.json, when the caller
	// can read it. The run already carries the reason of every test it
	// lists; this adds the entries naming no test of the run (status
	// "not in run"). Nil means the run's tests only.
	Divergences runner.Divergences
}

// Report is the coverage model of one run. Every field is plain data the
// writers (and plots) read; New fills it once.
type Report struct {
	Schema string  `json:"schema"`
	Run    RunInfo `json:"run"`
	// Definitions state what the figures count, in the words printed
	// under the assessment.
	Definitions []string `json:"definitions"`
	// Rows are the coverage assessment.
	Rows     []Row        `json:"rows"`
	Target   TargetInfo   `json:"target"`
	Profiles []ProfileRef `json:"profiles"`
	Groups   []Group      `json:"groups"`
	// Divergences are the tests the suite's known-divergences.json lists.
	Divergences []Divergence `json:"divergences"`
	// Status is the status line, e.g. "112 total — 104 PASS, 8 XFAIL, 0 FAIL".
	Status string `json:"status"`
	Gaps   Gaps   `json:"gaps"`
	// Matrix is the test × syscall call-count matrix.
	Matrix Matrix `json:"matrix"`
}

// RunInfo describes the run measured.
type RunInfo struct {
	Arch         string              `json:"arch"`
	Kernel       string              `json:"kernel"`
	Compiler     string              `json:"compiler"`
	CFlags       []string            `json:"cflags"`
	ContractsDir string              `json:"contracts_dir"`
	Tests        int                 `json:"tests"`
	StatusCounts map[string]int      `json:"status_counts"`
	Baseline     []string            `json:"baseline"`
	Unobserved   []result.Unobserved `json:"unobserved"`
	Interrupted  bool                `json:"interrupted,omitempty"`
}

// Row is one line of the coverage assessment: Num / Den.
type Row struct {
	// Key selects the row in --fail-under: dispatch, profile:NAME,
	// profile-union:static, profile-union:traced, values, values:NAME,
	// universe.
	Key string `json:"key"`
	// Dimension says what is counted.
	Dimension string `json:"dimension"`
	// Profiles names the profiles the row is about (with their layer).
	Profiles []string `json:"profiles,omitempty"`
	// Layer is "static" or "traced" for profile and value rows.
	Layer string `json:"layer,omitempty"`
	Num   int    `json:"numerator"`
	Den   int    `json:"denominator"`
	// Percent is 100·Num/Den rounded to 0.1; 0 when NA.
	Percent float64 `json:"percent"`
	// Baseline is how many of Num are run-baseline syscalls (syscall
	// rows only).
	Baseline int `json:"baseline_in_numerator,omitempty"`
	// NA is true when the row cannot be measured; Note says why.
	NA   bool   `json:"na,omitempty"`
	Note string `json:"note,omitempty"`
}

// Ratio returns the row as "N / D = P%", or "n/a".
func (r *Row) Ratio() string {
	if r.NA {
		return "n/a"
	}
	return fmt.Sprintf("%d / %d = %.1f%%", r.Num, r.Den, r.Percent)
}

// Label returns the dimension with the profiles named.
func (r *Row) Label() string {
	if len(r.Profiles) == 0 {
		return r.Dimension
	}
	return r.Dimension + " — " + strings.Join(r.Profiles, " + ")
}

// Fraction returns Num/Den as a number in [0,1] (0 when Den is 0).
func (r *Row) Fraction() float64 {
	if r.Den == 0 {
		return 0
	}
	return float64(r.Num) / float64(r.Den)
}

// TargetInfo describes the target table.
type TargetInfo struct {
	Kernel   string `json:"kernel"`
	Revision string `json:"revision"`
	Arch     string `json:"arch"`
	// Dispatched lists the statuses counted as dispatched.
	Dispatched []target.Status `json:"dispatched_statuses"`
	// Counts are the target's entries by status, among the syscalls Linux
	// implements on Arch, in target.Statuses order.
	Counts []StatusCount `json:"counts"`
	// NotInLinux counts entries whose name is not a syscall Linux
	// implements on Arch: reserved numbers such as tuxcall, names of other
	// arches (ignored by the dispatch row).
	NotInLinux int `json:"not_in_linux"`
	// Unlisted counts Linux syscalls the table has no entry for (counted
	// as not dispatched).
	Unlisted int              `json:"unlisted"`
	Lints    []target.Lint    `json:"lints"`
	Warnings []target.Warning `json:"warnings,omitempty"`
}

// StatusCount is a number of target entries with one status.
type StatusCount struct {
	Status target.Status `json:"status"`
	Count  int           `json:"count"`
}

// ProfileRef describes one profile used.
type ProfileRef struct {
	Name           string `json:"name"`
	Layer          string `json:"layer"`
	Package        string `json:"package"`
	PackageVersion string `json:"package_version"`
	Syscalls       int    `json:"syscalls"`
	// Unresolved is the number of syscall sites whose number static
	// analysis could not recover: the profile may use more syscalls.
	Unresolved int `json:"unresolved_sites"`
	// Values is the number of distinct behavioural values the profile
	// records (traced profiles only).
	Values int `json:"values"`
}

// Group is one row of the group table.
type Group struct {
	Name  string `json:"name"`
	Tests int    `json:"tests"`
	// Syscalls are the distinct syscalls the group's tests (any status)
	// made that the baseline program does not, sorted.
	Syscalls []string `json:"syscalls"`
	// Baseline is how many baseline syscalls the group's tests made.
	Baseline int `json:"baseline"`
}

// Specific is the number of syscalls the group made beyond the baseline.
func (g *Group) Specific() int { return len(g.Syscalls) }

// Divergence is a test listed in known-divergences.json.
type Divergence struct {
	Test   string `json:"test"`
	Reason string `json:"reason"`
	Status string `json:"status"`
}

// Matrix is the call count of every syscall in every test.
type Matrix struct {
	// Tests are test IDs in run order.
	Tests []string `json:"tests"`
	// Statuses are the tests' statuses.
	Statuses []string `json:"statuses"`
	// Syscalls are the syscalls any test made, sorted by name.
	Syscalls []string `json:"syscalls"`
	// Calls[i][j] is how many times Tests[i] called Syscalls[j].
	Calls [][]uint64 `json:"calls"`
}

// dispatched are the statuses whose arm does something other than ENOSYS.
var dispatched = []target.Status{target.Implemented, target.Partial, target.Stub, target.StubInHandler}

func isDispatched(s target.Status) bool {
	for _, d := range dispatched {
		if s == d {
			return true
		}
	}
	return false
}

// implemented is true for statuses where the target does real work.
func implemented(s target.Status) bool { return s == target.Implemented || s == target.Partial }

// use is what the run did with one syscall.
type use struct {
	passOK   []string          // PASS tests with a successful call
	passErr  []string          // PASS tests whose every call failed
	errnos   map[string]uint64 // failures in PASS tests
	xfail    []string          // XFAIL tests that issued it
	failing  []string          // FAIL, CRASH, TIMEOUT tests that issued it
	okValues map[valueKey]bool // values on successful PASS calls
	calls    uint64
}

type valueKey struct{ Syscall, Arg, Value string }

// exercised is the run digested per syscall.
type exercised struct {
	uses     map[string]*use
	baseline map[string]bool
}

func digest(run *result.Run) *exercised {
	ex := &exercised{uses: map[string]*use{}, baseline: map[string]bool{}}
	for _, b := range run.Baseline {
		ex.baseline[b] = true
	}
	for _, t := range run.Tests {
		for _, s := range t.Syscalls {
			u := ex.uses[s.Name]
			if u == nil {
				u = &use{errnos: map[string]uint64{}, okValues: map[valueKey]bool{}}
				ex.uses[s.Name] = u
			}
			u.calls += s.Count
			var failed uint64
			for e, n := range s.Errors {
				if !Completed(e) {
					failed += n
				}
			}
			switch t.Status {
			case result.StatusPass:
				if s.Count > failed {
					u.passOK = append(u.passOK, t.ID)
				} else {
					u.passErr = append(u.passErr, t.ID)
					for e, n := range s.Errors {
						if !Completed(e) {
							u.errnos[e] += n
						}
					}
				}
				for _, c := range s.Calls {
					if !Completed(c.Errno) {
						continue
					}
					for arg, v := range c.Args {
						for _, tok := range Tokens(v) {
							u.okValues[valueKey{s.Name, arg, tok}] = true
						}
					}
				}
			case result.StatusXFail:
				u.xfail = append(u.xfail, t.ID)
			default:
				u.failing = append(u.failing, t.ID)
			}
		}
	}
	return ex
}

// Completed reports whether a call that returned errno (a name such as
// "ENOENT", or "" for success) counts as successful: no error, or one of
// the kernel-internal restart codes a call returns when a signal
// interrupts it while it blocks (rt_sigsuspend and pause always end so).
func Completed(errno string) bool {
	switch errno {
	case "", "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND", "ERESTART_RESTARTBLOCK":
		return true
	}
	return false
}

// ok reports whether name is exercised.
func (ex *exercised) ok(name string) bool {
	u := ex.uses[name]
	return u != nil && len(u.passOK) > 0
}

func (ex *exercised) okValue(k valueKey) bool {
	u := ex.uses[k.Syscall]
	return u != nil && u.okValues[k]
}

// Tokens splits a canonical decoded value ("O_RDONLY|O_CLOEXEC") into its
// tokens; '|' inside parentheses (an _IOC(...) request) does not split.
func Tokens(v string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case '|':
			if depth == 0 {
				out = append(out, v[start:i])
				start = i + 1
			}
		}
	}
	return append(out, v[start:])
}

// New builds the model of run. opts.Target is required.
func New(run *result.Run, opts *Options) (*Report, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Target == nil {
		return nil, fmt.Errorf("build report: no target table")
	}
	arch, err := systab.ParseArch(run.Arch)
	if err != nil {
		return nil, fmt.Errorf("build report: run: %w", err)
	}
	if o.Linux == nil {
		if o.Linux, err = systab.Linux(arch); err != nil {
			return nil, fmt.Errorf("build report: %w", err)
		}
	}
	if o.Profiles == nil {
		o.Profiles = profile.Builtin()
	}
	if tarch, err := target.NormalizeArch(o.Target.Arch); err == nil && tarch != string(arch) {
		return nil, fmt.Errorf("build report: target table %s is for %s, the run for %s", o.Target.Kernel, tarch, arch)
	}

	ex := digest(run)
	r := &Report{Schema: Schema, Status: runner.StatusLine(run), Profiles: []ProfileRef{}}
	r.Run = RunInfo{
		Arch: run.Arch, Kernel: run.Kernel, Compiler: run.Compiler, CFlags: run.CFlags,
		ContractsDir: run.ContractsDir, Tests: len(run.Tests), StatusCounts: map[string]int{},
		Baseline: run.Baseline, Unobserved: run.Unobserved, Interrupted: run.Interrupted,
	}
	for _, t := range run.Tests {
		r.Run.StatusCounts[t.Status]++
	}
	r.Definitions = definitions(run)

	linux := map[string]bool{}
	reserved := 0
	for _, s := range o.Linux.All() {
		if s.Unimplemented {
			reserved++
		} else {
			linux[s.Name] = true
		}
	}
	r.Target = targetInfo(o.Target, linux)
	dr := dispatchRow(o.Target, linux, r.Target)
	dr.Note += fmt.Sprintf("; %d reserved Linux numbers without an implementation (e.g. tuxcall) excluded", reserved)
	r.Rows = append(r.Rows, dr)
	r.Rows = append(r.Rows, profileRows(o.Profiles, ex)...)
	r.Rows = append(r.Rows, valueRows(o.Profiles, ex)...)
	r.Rows = append(r.Rows, universeRow(o.Linux, ex))
	for _, p := range o.Profiles {
		r.Profiles = append(r.Profiles, profileRef(p))
	}
	r.Groups = groups(run)
	r.Divergences = divergences(run, o.Divergences)
	r.Gaps = gaps(o.Profiles, o.Target, linux, ex, run)
	r.Matrix = matrix(run)
	return r, nil
}

func definitions(run *result.Run) []string {
	d := []string{
		"exercised: issued by at least one PASS test with at least one successful call " +
			"(no errno, or a restart code: interrupted by a signal while blocking, as rt_sigsuspend always is); " +
			"syscalls whose every call in PASS tests failed, or that only XFAIL or failing tests issued, are not exercised (see the gap review)",
		fmt.Sprintf("the %d baseline syscalls every static binary makes (%s) count when a PASS test made them; each row says how many of its numerator they are",
			len(run.Baseline), strings.Join(run.Baseline, ", ")),
		"values: tokens of the canonical decoded argument (O_CLOEXEC in O_RDONLY|O_CLOEXEC), exercised on a successful call of a PASS test",
	}
	if len(run.Unobserved) > 0 {
		var names []string
		for _, u := range run.Unobserved {
			names = append(names, u.Name)
		}
		d = append(d, fmt.Sprintf("not seen by the tracer when served in user space (vDSO): %s; counted only when a test's call reached the kernel",
			strings.Join(names, ", ")))
	}
	var overflowed, unattributed []string
	var lost, minus1 uint64
	for _, t := range run.Tests {
		if t.Overflow > 0 {
			overflowed = append(overflowed, t.ID)
			lost += t.Overflow
		}
		if t.Unattributed > 0 {
			unattributed = append(unattributed, t.ID)
			minus1 += t.Unattributed
		}
	}
	if len(overflowed) > 0 {
		d = append(d, fmt.Sprintf("the tracer's map was full in %d tests (%s): %d calls were not counted, so their counts are lower bounds and syscalls may be missing",
			len(overflowed), strings.Join(overflowed, ", "), lost))
	}
	if len(unattributed) > 0 {
		d = append(d, fmt.Sprintf("%d syscall exits in %d tests (%s) carried the number -1 and count under no syscall: syscall(-1), calls a ptrace tracer skipped, or rt_sigreturn restoring ENOSYS",
			minus1, len(unattributed), strings.Join(unattributed, ", ")))
	}
	return d
}

func targetInfo(t *target.Table, linux map[string]bool) TargetInfo {
	ti := TargetInfo{Kernel: t.Kernel, Revision: t.Revision, Arch: t.Arch, Dispatched: dispatched, Lints: t.Lints, Warnings: t.Warnings}
	counts := map[target.Status]int{}
	have := map[string]bool{}
	for _, e := range t.Entries {
		if !linux[e.Name] {
			ti.NotInLinux++
			continue
		}
		have[e.Name] = true
		counts[e.Status]++
	}
	for n := range linux {
		if !have[n] {
			ti.Unlisted++
		}
	}
	for _, s := range target.Statuses {
		ti.Counts = append(ti.Counts, StatusCount{Status: s, Count: counts[s]})
	}
	if ti.Lints == nil {
		ti.Lints = []target.Lint{}
	}
	return ti
}

func dispatchRow(t *target.Table, linux map[string]bool, ti TargetInfo) Row {
	n := 0
	for _, c := range ti.Counts {
		if isDispatched(c.Status) {
			n += c.Count
		}
	}
	var parts []string
	for _, c := range ti.Counts {
		if c.Count > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.Count, c.Status))
		}
	}
	if ti.Unlisted > 0 {
		parts = append(parts, fmt.Sprintf("%d not in the table", ti.Unlisted))
	}
	label := t.Kernel
	if t.Revision != "" {
		label += "@" + shortRev(t.Revision)
	}
	return newRow(Row{
		Key:       "dispatch",
		Dimension: fmt.Sprintf("Target dispatch entries (%s) / Linux %s syscalls", label, t.Arch),
		Num:       n, Den: len(linux),
		Note: "dispatched: " + strings.ReplaceAll(statusList(dispatched), "+", ", ") + ". " + strings.Join(parts, ", "),
	})
}

func statusList(ss []target.Status) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteString("+")
		}
		b.WriteString(string(s))
	}
	return b.String()
}

func shortRev(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func newRow(r Row) Row {
	if r.Den == 0 && !r.NA {
		r.NA = true
		if r.Note == "" {
			r.Note = "empty denominator"
		}
	}
	if !r.NA {
		r.Percent = roundTenth(100 * float64(r.Num) / float64(r.Den))
	}
	return r
}

func roundTenth(f float64) float64 {
	return float64(int64(f*10+0.5)) / 10
}

func profileLabel(p *profile.Profile) string { return p.Name + " (" + string(p.Layer) + ")" }

// syscallRow counts the exercised syscalls among names.
func syscallRow(key, dim string, layer profile.Layer, labels []string, names map[string]bool, ex *exercised) Row {
	r := Row{Key: key, Dimension: dim, Layer: string(layer), Profiles: labels, Den: len(names)}
	for n := range names {
		if ex.ok(n) {
			r.Num++
			if ex.baseline[n] {
				r.Baseline++
			}
		}
	}
	return newRow(r)
}

// entryName names a profile entry as a run names its syscall: the Linux
// name, or "nr_<N>" for a number the table does not know (the tracer's
// spelling; profiles write "nr<N>").
func entryName(e profile.Entry) string {
	if e.Name != "" {
		return e.Name
	}
	return fmt.Sprintf("nr_%d", e.Nr)
}

func profileNames(p *profile.Profile) map[string]bool {
	m := map[string]bool{}
	for _, e := range p.Syscalls {
		m[entryName(e)] = true
	}
	return m
}

func profileRows(ps []*profile.Profile, ex *exercised) []Row {
	var rows []Row
	union := map[profile.Layer]map[string]bool{profile.LayerStatic: {}, profile.LayerTraced: {}}
	labels := map[profile.Layer][]string{}
	for _, p := range ps {
		names := profileNames(p)
		row := syscallRow("profile:"+p.Name, "Profile syscalls exercised", p.Layer, []string{profileLabel(p)}, names, ex)
		if len(p.Unresolved) > 0 {
			row.Note = fmt.Sprintf("%d syscall sites unresolved: the profile may use more", len(p.Unresolved))
		}
		rows = append(rows, row)
		for n := range names {
			union[p.Layer][n] = true
		}
		labels[p.Layer] = append(labels[p.Layer], p.Name)
	}
	for _, l := range []profile.Layer{profile.LayerStatic, profile.LayerTraced} {
		key := "profile-union:" + string(l)
		dim := fmt.Sprintf("Union of %s profiles: syscalls exercised", l)
		if len(labels[l]) == 0 {
			rows = append(rows, Row{Key: key, Dimension: dim, Layer: string(l), NA: true, Note: fmt.Sprintf("no %s profile loaded", l)})
			continue
		}
		rows = append(rows, syscallRow(key, dim, l, labels[l], union[l], ex))
	}
	return rows
}

// profileValues returns the (syscall, arg, token) values p records.
func profileValues(p *profile.Profile) map[valueKey]uint64 {
	m := map[valueKey]uint64{}
	for _, e := range p.Syscalls {
		for arg, vals := range e.Args {
			for v, n := range vals {
				for _, tok := range Tokens(v) {
					m[valueKey{entryName(e), arg, tok}] += n
				}
			}
		}
	}
	return m
}

func valueRow(key string, labels []string, vals map[valueKey]uint64, ex *exercised) Row {
	r := Row{Key: key, Dimension: "Behavioural values of profile syscalls exercised", Layer: string(profile.LayerTraced), Profiles: labels, Den: len(vals)}
	for k := range vals {
		if ex.okValue(k) {
			r.Num++
		}
	}
	return newRow(r)
}

func valueRows(ps []*profile.Profile, ex *exercised) []Row {
	var rows []Row
	union := map[valueKey]uint64{}
	var labels []string
	for _, p := range ps {
		if p.Layer != profile.LayerTraced {
			continue
		}
		vals := profileValues(p)
		row := valueRow("values:"+p.Name, []string{profileLabel(p)}, vals, ex)
		if len(vals) == 0 {
			row.Note = "the profile records no argument values"
		}
		rows = append(rows, row)
		for k, n := range vals {
			union[k] += n
		}
		labels = append(labels, p.Name)
	}
	if len(labels) == 0 {
		return []Row{{Key: "values", Dimension: "Behavioural values of profile syscalls exercised", NA: true,
			Note: "no traced profile loaded: static profiles record syscalls, not argument values"}}
	}
	union1 := valueRow("values", labels, union, ex)
	if len(union) == 0 {
		union1.Note = "no traced profile records argument values"
	}
	return append(rows, union1)
}

func universeRow(linux *systab.Table, ex *exercised) Row {
	r := Row{Key: "universe", Dimension: "Full ABI: (syscall × value × ioctl request) exercised"}
	for _, s := range linux.All() {
		if s.Unimplemented {
			continue
		}
		named := 0
		for i, b := range s.Behaviour {
			for _, tok := range linux.Universe(s.Nr, i) {
				named++
				if ex.okValue(valueKey{s.Name, b.Name, tok}) {
					r.Num++
				}
			}
		}
		if named == 0 {
			named = 1
			if ex.ok(s.Name) {
				r.Num++
			}
		}
		r.Den += named
	}
	r.Note = "a syscall without named behavioural values counts as one pair"
	return newRow(r)
}

func profileRef(p *profile.Profile) ProfileRef {
	return ProfileRef{
		Name: p.Name, Layer: string(p.Layer), Package: p.Provenance.Package, PackageVersion: p.Provenance.PackageVersion,
		Syscalls: len(p.Syscalls), Unresolved: len(p.Unresolved), Values: len(profileValues(p)),
	}
}

func groups(run *result.Run) []Group {
	base := map[string]bool{}
	for _, b := range run.Baseline {
		base[b] = true
	}
	baseSeen := map[string]map[string]bool{}
	for _, t := range run.Tests {
		if baseSeen[t.Group] == nil {
			baseSeen[t.Group] = map[string]bool{}
		}
		for _, s := range t.Syscalls {
			if base[s.Name] {
				baseSeen[t.Group][s.Name] = true
			}
		}
	}
	out := []Group{}
	for _, g := range runner.Groups(run) {
		sc := g.Syscalls
		if sc == nil {
			sc = []string{}
		}
		out = append(out, Group{Name: g.Group, Tests: g.Tests, Syscalls: sc, Baseline: len(baseSeen[g.Group])})
	}
	return out
}

// NotInRun is the status of a listed divergence no test of the run has.
const NotInRun = "not in run"

func divergences(run *result.Run, listed runner.Divergences) []Divergence {
	out := []Divergence{}
	inRun := map[string]bool{}
	for _, t := range run.Tests {
		inRun[t.ID] = true
		if t.Reason != "" {
			out = append(out, Divergence{Test: t.ID, Reason: t.Reason, Status: t.Status})
		}
	}
	var extra []Divergence
	for id, reason := range listed {
		if !inRun[id] {
			extra = append(extra, Divergence{Test: id, Reason: reason, Status: NotInRun})
		}
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].Test < extra[j].Test })
	return append(out, extra...)
}

func matrix(run *result.Run) Matrix {
	m := Matrix{Tests: []string{}, Statuses: []string{}, Syscalls: []string{}, Calls: [][]uint64{}}
	idx := map[string]int{}
	for _, t := range run.Tests {
		for _, s := range t.Syscalls {
			if _, ok := idx[s.Name]; !ok {
				idx[s.Name] = 0
				m.Syscalls = append(m.Syscalls, s.Name)
			}
		}
	}
	sort.Strings(m.Syscalls)
	for i, n := range m.Syscalls {
		idx[n] = i
	}
	for _, t := range run.Tests {
		m.Tests = append(m.Tests, t.ID)
		m.Statuses = append(m.Statuses, t.Status)
		row := make([]uint64, len(m.Syscalls))
		for _, s := range t.Syscalls {
			row[idx[s.Name]] += s.Count
		}
		m.Calls = append(m.Calls, row)
	}
	return m
}

// Row returns the assessment row with key.
func (r *Report) Row(key string) (*Row, bool) {
	for i := range r.Rows {
		if r.Rows[i].Key == key {
			return &r.Rows[i], true
		}
	}
	return nil, false
}

// RowKeys returns the keys of the assessment rows, in order.
func (r *Report) RowKeys() []string {
	out := make([]string, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.Key
	}
	return out
}
