package trace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/link"
	"github.com/cilium/ebpf/rlimit"
	"golang.org/x/sys/unix"
)

// Options configure a Tracer. A nil *Options means defaults.
type Options struct {
	// Spec says which behavioural values to record per syscall.
	Spec Spec
	// MaxEntries sizes the aggregation map (distinct rows across all
	// scopes traced at once); 0 means 32768. A full map is reported in
	// Result.Overflow, never silently.
	MaxEntries int
	// Floor attaches empty programs instead of the counters: the commands
	// run in scopes as usual but nothing is recorded. Benchmarks use it to
	// measure the cost floor of two raw tracepoint programs.
	Floor bool

	// noBTF makes New use the programs for kernels without BTF (exit,
	// exit_group and rt_sigreturn counted at sys_enter), so tests can
	// check that both variants count the same.
	noBTF bool
	// floorExitOnly, with Floor, attaches the empty program to sys_exit
	// alone: the benchmark's floor for one program, which is what the
	// tracer runs per syscall on a kernel with BTF.
	floorExitOnly bool
}

// x86_64 syscall numbers whose tracing needs special handling (see
// bpf/syscov.c).
const (
	nrRtSigreturn = 15
	nrClone       = 56
	nrFork        = 57
	nrVfork       = 58
	nrExecve      = 59
	nrExit        = 60
	nrExitGroup   = 231
	nrExecveat    = 322
	nrClone3      = 435
)

const (
	cfgAtEntry = 1
	cfgFork    = 2
	cfgExec    = 4

	maxScopes = 1024
	maxNr     = 1024
	maxWhen   = 4

	// The fast-path array's shape (bpf/syscov.c).
	fastScopes = 64
	// scopeTab is the size of the BPF scope table (SCOPE_TAB).
	scopeTab = 256
	fastNr   = 512
)

// tracerSeq names the cgroups of each Tracer of this process apart.
var tracerSeq atomic.Int64

// Tracer counts the syscalls of commands run through it. It is safe for
// concurrent use; Close detaches and frees everything.
type Tracer struct {
	opts     Options
	maps     syscovMaps
	progs    []loaded // attached while a scope is traced
	atEntry  bool     // the variant for kernels without BTF is loaded
	parent   string   // our cgroup v2 directory; scopes are made below it
	v1pids   string   // our cgroup v1 pids directory, "" when not used
	v1mount  string   // where the cgroup v1 pids hierarchy is mounted
	v2pids   bool     // the pids controller is enabled below parent
	nestedOK bool     // cgroups made below a scope are traced too

	mu     sync.Mutex
	active int
	links  []link.Link
	slots  [maxScopes]bool
	// tab mirrors the BPF scope table: the cgroup id held at each index,
	// 0 when free; spilled counts the scopes in the spill hash.
	tab     [scopeTab]uint64
	spilled uint32
	dirty   [maxScopes]bool // a run used the slot and did not drain it
	seq     int
	closed  bool

	drainMu sync.Mutex
}

// New loads the BPF programs and prepares the cgroup directories. It does
// not attach anything: programs are attached only while a command runs.
func New(opts *Options) (*Tracer, error) {
	if runtime.GOARCH != "amd64" {
		return nil, fmt.Errorf("the eBPF tracer supports x86_64 only (this is %s)", runtime.GOARCH)
	}
	t := &Tracer{}
	if opts != nil {
		t.opts = *opts
	}
	if t.opts.MaxEntries == 0 {
		t.opts.MaxEntries = 32768
	}
	if err := checkSpec(t.opts.Spec); err != nil {
		return nil, err
	}
	if os.Geteuid() != 0 {
		return nil, errors.New("tracing needs root (CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN to load eBPF programs and create cgroups); run coverage as root")
	}

	v2, v1pids, err := findCgroups()
	if err != nil {
		return nil, err
	}
	stale := []string{v2.point}
	if v1pids != nil {
		stale = append(stale, v1pids.point)
	}
	removeStale(stale...)
	name := tracerDirName(tracerSeq.Add(1))
	t.parent = filepath.Join(v2.point, name)
	level := uint32(depth(v2.root) + 2) // parent, then the scope

	if err := rlimit.RemoveMemlock(); err != nil {
		return nil, fmt.Errorf("raise RLIMIT_MEMLOCK for eBPF maps: %w", err)
	}
	if err := t.load(level); err != nil {
		return nil, err
	}
	if err := t.writeConfig(); err != nil {
		t.unload()
		return nil, err
	}
	if err := os.Mkdir(t.parent, 0o755); err != nil {
		t.unload()
		return nil, fmt.Errorf("create cgroup %s: %w", t.parent, err)
	}
	// Enable the pids controller for our scopes where cgroup v2 offers it;
	// hybrid hosts keep pids in cgroup v1, which Run joins per launch.
	if hasWord(filepath.Join(t.parent, "cgroup.controllers"), "pids") &&
		writeFile(filepath.Join(t.parent, "cgroup.subtree_control"), "+pids") == nil {
		t.v2pids = true
	} else if v1pids != nil {
		dir := filepath.Join(v1pids.point, name)
		if err := os.Mkdir(dir, 0o755); err == nil {
			t.v1pids = dir
			t.v1mount = v1pids.point
		}
	}
	return t, nil
}

func findCgroups() (v2, v1pids *mount, err error) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return nil, nil, fmt.Errorf("read mounts: %w", err)
	}
	defer f.Close()
	ms, err := readMounts(f)
	if err != nil {
		return nil, nil, err
	}
	v2, v1pids = cgroupMounts(ms)
	if v2 == nil {
		return nil, nil, errors.New("cgroup v2 is not mounted (the tracer scopes commands by cgroup v2); mount it, e.g. mount -t cgroup2 none /sys/fs/cgroup/unified")
	}
	return v2, v1pids, nil
}

func checkSpec(s Spec) error {
	for nr, slots := range s {
		if nr < 0 || nr >= maxNr {
			return fmt.Errorf("spec: syscall number %d out of range [0,%d)", nr, maxNr)
		}
		if len(slots) > MaxSlots {
			return fmt.Errorf("spec: syscall %d has %d slots, at most %d", nr, len(slots), MaxSlots)
		}
		for _, sl := range slots {
			if sl.Arg < 0 || sl.Arg > 5 {
				return fmt.Errorf("spec: syscall %d slot %q: argument %d out of range 0..5", nr, sl.Name, sl.Arg)
			}
			if sl.Deref != nil && sl.Deref.Size != 1 && sl.Deref.Size != 2 && sl.Deref.Size != 4 && sl.Deref.Size != 8 {
				return fmt.Errorf("spec: syscall %d slot %q: deref size %d is not 1, 2, 4 or 8", nr, sl.Name, sl.Deref.Size)
			}
			if sl.When != nil && (len(sl.When.Values) == 0 || len(sl.When.Values) > maxWhen || sl.When.Arg < 0 || sl.When.Arg > 5) {
				return fmt.Errorf("spec: syscall %d slot %q: condition needs argument 0..5 and 1..%d values", nr, sl.Name, maxWhen)
			}
		}
	}
	return nil
}

// A program and where it attaches: a raw tracepoint by name, or the BTF
// tracepoint named in its section (tp_btf/...).
type program struct {
	name string // in the BPF object
	raw  string // raw tracepoint, "" for a tp_btf program
}

type loaded struct {
	program
	prog *ebpf.Program
}

// The program sets New chooses from, in order of preference (see the top
// of bpf/syscov.c): with kernel BTF, nothing runs at sys_enter; without
// it, a sys_enter program counts exit, exit_group and rt_sigreturn.
var (
	btfPrograms = []program{
		{name: syscovProgSyscovExit, raw: "sys_exit"},
		{name: syscovProgSyscovTaskExit},
	}
	noBTFPrograms = []program{
		{name: syscovProgSyscovExitNobtf, raw: "sys_exit"},
		{name: syscovProgSyscovEnter, raw: "sys_enter"},
	}
	floorPrograms = []program{
		{name: syscovProgFloorExit, raw: "sys_exit"},
		{name: syscovProgFloorEnter, raw: "sys_enter"},
	}
)

// load loads the maps and one set of programs, explaining the usual
// failures in one sentence.
func (t *Tracer) load(level uint32) error {
	spec, err := loadSyscov()
	if err != nil {
		return fmt.Errorf("load embedded BPF object: %w", err)
	}
	spec.Maps[syscovMapCounts].MaxEntries = uint32(t.opts.MaxEntries)
	sets := [][]program{btfPrograms, noBTFPrograms}
	switch {
	case t.opts.Floor && t.opts.floorExitOnly:
		sets = [][]program{floorPrograms[:1]}
	case t.opts.Floor:
		sets = [][]program{floorPrograms}
	case t.opts.noBTF:
		sets = [][]program{noBTFPrograms}
	}
	for _, set := range sets {
		t.nestedOK = true
		err = t.loadSet(spec, set, level)
		if err != nil && (errors.Is(err, ebpf.ErrNotSupported) || isUnknownHelper(err)) {
			// Older kernels lack bpf_get_current_ancestor_cgroup_id for
			// tracing programs: match the scope's own cgroup instead.
			t.nestedOK = false
			err = t.loadSet(spec, set, 0)
		}
		if err == nil {
			t.atEntry = set[0].name == syscovProgSyscovExitNobtf
			return nil
		}
	}
	return explainLoad(err)
}

// loadSet loads the maps and the named programs. A tp_btf program is
// attached and detached once, so a kernel that loads it but cannot attach
// it makes New choose the next set rather than fail at the first Run.
func (t *Tracer) loadSet(spec *ebpf.CollectionSpec, set []program, level uint32) error {
	s := spec.Copy()
	for name := range s.Programs {
		if !slices.ContainsFunc(set, func(p program) bool { return p.name == name }) {
			delete(s.Programs, name)
		}
	}
	if err := s.Variables[syscovVarScopeLevel].Set(level); err != nil {
		return fmt.Errorf("set scope level: %w", err)
	}
	coll, err := ebpf.NewCollection(s)
	if err != nil {
		return err
	}
	defer coll.Close()
	var progs []loaded
	closeProgs := func() {
		for _, p := range progs {
			p.prog.Close()
		}
	}
	for _, p := range set {
		prog := coll.DetachProgram(p.name)
		if prog == nil {
			closeProgs()
			return fmt.Errorf("program %s is missing from the BPF object", p.name)
		}
		progs = append(progs, loaded{p, prog})
		if p.raw == "" {
			l, err := link.AttachTracing(link.TracingOptions{Program: prog})
			if err != nil {
				closeProgs()
				return fmt.Errorf("attach %s: %w", p.name, err)
			}
			l.Close()
		}
	}
	if err := coll.Assign(&t.maps); err != nil {
		closeProgs()
		return fmt.Errorf("assign BPF maps: %w", err)
	}
	t.progs = progs
	return nil
}

// unload closes the programs and maps.
func (t *Tracer) unload() error {
	errs := []error{t.maps.Close()}
	for _, p := range t.progs {
		errs = append(errs, p.prog.Close())
	}
	t.progs = nil
	return errors.Join(errs...)
}

func isUnknownHelper(err error) bool {
	var ve *ebpf.VerifierError
	if errors.As(err, &ve) {
		for _, l := range ve.Log {
			if strings.Contains(l, "unknown func") || strings.Contains(l, "invalid func") {
				return true
			}
		}
	}
	return false
}

func explainLoad(err error) error {
	var ve *ebpf.VerifierError
	switch {
	case errors.Is(err, unix.EPERM):
		return errors.New("the kernel refused to load the eBPF programs (EPERM): tracing needs root or CAP_BPF+CAP_PERFMON, and kernel.unprivileged_bpf_disabled does not matter then; check for a lockdown or seccomp policy")
	case errors.Is(err, ebpf.ErrNotSupported):
		return fmt.Errorf("this kernel lacks an eBPF feature the tracer needs (CONFIG_BPF_SYSCALL, CONFIG_BPF_EVENTS, raw tracepoints): %w", err)
	case errors.As(err, &ve):
		return fmt.Errorf("the kernel's verifier rejected the tracer: %v", ve)
	}
	return fmt.Errorf("load eBPF programs: %w", err)
}

// writeConfig fills the per-syscall configuration map.
func (t *Tracer) writeConfig() error {
	cfgs := map[int]*syscovSysCfg{}
	get := func(nr int) *syscovSysCfg {
		c, ok := cfgs[nr]
		if !ok {
			c = &syscovSysCfg{}
			cfgs[nr] = c
		}
		return c
	}
	if t.atEntry {
		for _, nr := range []int{nrExit, nrExitGroup, nrRtSigreturn} {
			get(nr).Flags |= cfgAtEntry
		}
	}
	for _, nr := range []int{nrFork, nrVfork, nrClone, nrClone3} {
		get(nr).Flags |= cfgFork
	}
	for _, nr := range []int{nrExecve, nrExecveat} {
		get(nr).Flags |= cfgExec
	}
	for nr, slots := range t.opts.Spec {
		c := get(nr)
		c.N = uint32(len(slots))
		for i, sl := range slots {
			s := &c.Slots[i]
			s.Arg = uint8(sl.Arg)
			s.Mask = sl.Mask
			if s.Mask == 0 {
				s.Mask = ^uint64(0)
			}
			if sl.Deref != nil {
				s.Deref = 1
				s.Size = sl.Deref.Size
				s.Offset = sl.Deref.Offset
			}
			if sl.When != nil {
				s.WhenArg = uint8(sl.When.Arg)
				s.N_when = uint8(len(sl.When.Values))
				copy(s.WhenVals[:], sl.When.Values)
			}
		}
	}
	for nr, c := range cfgs {
		if err := t.maps.Config.Put(uint32(nr), c); err != nil {
			return fmt.Errorf("write syscall config %d: %w", nr, err)
		}
		if err := t.maps.Cflags.Put(uint32(nr), c.Flags|c.N<<8); err != nil {
			return fmt.Errorf("write syscall flags %d: %w", nr, err)
		}
	}
	return nil
}

// register makes the BPF programs count the scope with cgroup id: in the
// scope table when its index is free, else in the spill hash.
func (t *Tracer) register(id uint64, st syscovScopeState) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	idx := uint32(id % scopeTab)
	if t.tab[idx] == 0 {
		if err := t.maps.ScopeTab.Put(idx, syscovScopeEnt{Id: id, St: st}); err != nil {
			return fmt.Errorf("register scope: %w", err)
		}
		t.tab[idx] = id
		return nil
	}
	if err := t.maps.Scopes.Put(id, st); err != nil {
		return fmt.Errorf("register scope: %w", err)
	}
	t.spilled++
	if err := t.maps.ScopeSpill.Put(uint32(0), t.spilled); err != nil {
		return fmt.Errorf("register scope: %w", err)
	}
	return nil
}

// unregister stops counting the scope and returns its last state.
func (t *Tracer) unregister(id uint64) (syscovScopeState, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	idx := uint32(id % scopeTab)
	if t.tab[idx] == id {
		var e syscovScopeEnt
		if err := t.maps.ScopeTab.Lookup(idx, &e); err != nil {
			return e.St, fmt.Errorf("read scope state: %w", err)
		}
		t.tab[idx] = 0
		if err := t.maps.ScopeTab.Put(idx, syscovScopeEnt{}); err != nil {
			return e.St, fmt.Errorf("unregister scope: %w", err)
		}
		return e.St, nil
	}
	var st syscovScopeState
	if err := t.maps.Scopes.Lookup(id, &st); err != nil {
		return st, fmt.Errorf("read scope state: %w", err)
	}
	if err := t.maps.Scopes.Delete(id); err != nil {
		return st, fmt.Errorf("unregister scope: %w", err)
	}
	t.spilled--
	if err := t.maps.ScopeSpill.Put(uint32(0), t.spilled); err != nil {
		return st, fmt.Errorf("unregister scope: %w", err)
	}
	return st, nil
}

// Close detaches the programs, frees the maps and removes the cgroups the
// tracer made. Runs still in progress are not waited for.
func (t *Tracer) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil
	}
	t.closed = true
	var errs []error
	for _, l := range t.links {
		errs = append(errs, l.Close())
	}
	t.links = nil
	errs = append(errs, t.unload())
	if t.parent != "" {
		errs = append(errs, removeTree(t.parent))
	}
	if t.v1pids != "" {
		errs = append(errs, removeTree(t.v1pids))
	}
	return errors.Join(errs...)
}

// acquire reserves a scope slot and attaches the programs if this is the
// first active scope.
func (t *Tracer) acquire() (int, int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return 0, 0, errors.New("tracer is closed")
	}
	slot := -1
	for i, used := range t.slots {
		if !used {
			slot = i
			break
		}
	}
	if slot < 0 {
		return 0, 0, fmt.Errorf("too many concurrent scopes (max %d)", maxScopes)
	}
	if t.active == 0 {
		for _, p := range t.progs {
			var l link.Link
			var err error
			what := "raw tracepoint " + p.raw + " (needs CONFIG_BPF_EVENTS)"
			if p.raw != "" {
				l, err = link.AttachRawTracepoint(link.RawTracepointOptions{Name: p.raw, Program: p.prog})
			} else {
				what = "BTF tracepoint program " + p.name
				l, err = link.AttachTracing(link.TracingOptions{Program: p.prog})
			}
			if err != nil {
				for _, l := range t.links {
					l.Close()
				}
				t.links = nil
				return 0, 0, fmt.Errorf("attach %s: %w", what, err)
			}
			t.links = append(t.links, l)
		}
	}
	t.active++
	t.slots[slot] = true
	t.seq++
	return slot, t.seq, nil
}

// release frees the slot and detaches the programs after the last scope.
func (t *Tracer) release(slot int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.slots[slot] = false
	t.active--
	if t.active == 0 {
		for _, l := range t.links {
			l.Close()
		}
		t.links = nil
	}
}

// Run runs cmd in a fresh scope and returns what it did; see the contract
// in types.go. A nil opts means defaults.
func (t *Tracer) Run(ctx context.Context, cmd *exec.Cmd, opts *RunOptions) (res *Result, err error) {
	var ro RunOptions
	if opts != nil {
		ro = *opts
	}
	if ro.PidsMax == 0 {
		ro.PidsMax = 1024
	}
	slot, seq, err := t.acquire()
	if err != nil {
		return nil, err
	}
	defer t.release(slot)
	if t.isDirty(slot) {
		// An earlier run failed before draining: drop its rows.
		if err := t.drain(slot, &Result{}); err != nil {
			return nil, err
		}
	}
	t.setDirty(slot, true)

	sc, err := t.newScope(slot, seq, ro.PidsMax)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := sc.remove(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	// Counters of this slot start from zero.
	if err := t.resetCounters(slot); err != nil {
		return nil, err
	}
	if ro.SkipExecs < 0 {
		return nil, fmt.Errorf("negative SkipExecs %d", ro.SkipExecs)
	}
	if err := t.register(sc.id, syscovScopeState{Slot: uint32(slot), SkipExecs: uint32(ro.SkipExecs)}); err != nil {
		return nil, err
	}
	registered := true
	defer func() {
		if registered {
			_, _ = t.unregister(sc.id)
		}
	}()

	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.UseCgroupFD = true
	cmd.SysProcAttr.CgroupFD = int(sc.fd.Fd())

	start := time.Now()
	if err := sc.start(cmd); err != nil {
		return nil, fmt.Errorf("start %s: %w", cmd.Path, err)
	}
	if ro.started != nil {
		close(ro.started)
	}
	done := make(chan *os.ProcessState, 1)
	go func() {
		st, _ := cmd.Process.Wait()
		done <- st
	}()

	res = &Result{Spec: t.opts.Spec}
	var state *os.ProcessState
	select {
	case state = <-done:
	case <-ctx.Done():
		res.Exit.TimedOut = true
		if err := killAll(sc.dir, 10*time.Second); err != nil {
			return nil, err
		}
		state = <-done
	}
	res.Duration = time.Since(start)

	if pids, _ := procs(sc.dir); len(pids) > 0 {
		res.Leftover = len(pids)
		if ro.KillGrace > 0 {
			select {
			case <-time.After(ro.KillGrace):
			case <-ctx.Done():
			}
		}
	}
	if err := killAll(sc.dir, 10*time.Second); err != nil {
		return nil, err
	}
	_ = cmd.Wait() // release the I/O copiers; the status came from done

	if state != nil {
		res.Exit.Code = state.ExitCode()
		if ws, ok := state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			res.Exit.Signal = ws.Signal()
		}
	}

	st, err := t.unregister(sc.id)
	registered = false
	if err != nil {
		return nil, err
	}
	if st.Armed == 0 && !t.opts.Floor {
		return nil, fmt.Errorf("the tracer saw no execve in the scope of %s: the cgroup filter does not match this host's cgroup layout (scope %s)", cmd.Path, sc.dir)
	}
	if err := t.drain(slot, res); err != nil {
		return nil, err
	}
	t.setDirty(slot, false)
	return res, nil
}

func (t *Tracer) isDirty(slot int) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.dirty[slot]
}

func (t *Tracer) setDirty(slot int, d bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.dirty[slot] = d
}

// drain moves the slot's rows out of the shared maps into res.
func (t *Tracer) drain(slot int, res *Result) error {
	t.drainMu.Lock()
	defer t.drainMu.Unlock()

	var keys []syscovKey
	var k syscovKey
	var vals []uint64
	it := t.maps.Counts.Iterate()
	for it.Next(&k, &vals) {
		if int(k.Scope) == slot {
			keys = append(keys, k)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read counts: %w", err)
	}
	for _, k := range keys {
		if err := t.maps.Counts.Lookup(k, &vals); err != nil {
			return fmt.Errorf("read count: %w", err)
		}
		var sum uint64
		for _, v := range vals {
			sum += v
		}
		if err := t.maps.Counts.Delete(k); err != nil {
			return fmt.Errorf("delete count: %w", err)
		}
		if sum == 0 {
			continue
		}
		res.Counts = append(res.Counts, Count{
			Nr: int(int32(k.Nr)), Errno: int(k.Err), Values: k.V, Absent: uint8(k.Absent), Count: sum,
		})
	}
	if slot < fastScopes {
		// Successful calls without slots, counted by the fast path.
		zero := make([]uint64, ebpf.MustPossibleCPU())
		for nr := 0; nr < fastNr; nr++ {
			idx := uint32(slot*fastNr + nr)
			if err := t.maps.Fast.Lookup(idx, &vals); err != nil {
				return fmt.Errorf("read count: %w", err)
			}
			var sum uint64
			for _, v := range vals {
				sum += v
			}
			if sum == 0 {
				continue
			}
			if err := t.maps.Fast.Put(idx, zero); err != nil {
				return fmt.Errorf("reset count: %w", err)
			}
			res.Counts = append(res.Counts, Count{Nr: nr, Absent: 1<<MaxSlots - 1, Count: sum})
		}
		res.Counts = mergeCounts(res.Counts)
	}
	sort.Slice(res.Counts, func(i, j int) bool { return res.Counts[i].less(&res.Counts[j]) })

	for _, c := range []struct {
		m   *ebpf.Map
		dst *uint64
	}{{t.maps.Overflow, &res.Overflow}, {t.maps.Unattributed, &res.Unattributed}} {
		var per []uint64
		if err := c.m.Lookup(uint32(slot), &per); err != nil {
			return fmt.Errorf("read %s counter: %w", c.m, err)
		}
		for _, v := range per {
			*c.dst += v
		}
	}
	return nil
}

// resetCounters zeroes the slot's overflow and unattributed counters.
func (t *Tracer) resetCounters(slot int) error {
	zero := make([]uint64, ebpf.MustPossibleCPU())
	for _, m := range []*ebpf.Map{t.maps.Overflow, t.maps.Unattributed} {
		if err := m.Put(uint32(slot), zero); err != nil {
			return fmt.Errorf("reset %s counter: %w", m, err)
		}
	}
	return nil
}

// mergeCounts adds up rows with the same key: a syscall whose slots were
// all absent can land in both the fast array and the hash (execve, whose
// registers a successful exec wipes).
func mergeCounts(cs []Count) []Count {
	type k struct {
		nr, errno int
		values    [MaxSlots]uint64
		absent    uint8
	}
	idx := map[k]int{}
	out := cs[:0]
	for _, c := range cs {
		key := k{c.Nr, c.Errno, c.Values, c.Absent}
		if i, ok := idx[key]; ok {
			out[i].Count += c.Count
			continue
		}
		idx[key] = len(out)
		out = append(out, c)
	}
	return out
}

func (c *Count) less(o *Count) bool {
	if c.Nr != o.Nr {
		return c.Nr < o.Nr
	}
	if c.Errno != o.Errno {
		return c.Errno < o.Errno
	}
	if c.Absent != o.Absent {
		return c.Absent < o.Absent
	}
	for i := range c.Values {
		if c.Values[i] != o.Values[i] {
			return c.Values[i] < o.Values[i]
		}
	}
	return false
}

// scope is one cgroup (plus its v1 pids twin on hybrid hosts).
type scope struct {
	dir     string
	fd      *os.File
	id      uint64 // cgroup id = inode number of dir
	v1pids  string
	v1mount string
}

func (t *Tracer) newScope(slot, seq, pidsMax int) (*scope, error) {
	sc := &scope{dir: filepath.Join(t.parent, fmt.Sprintf("s%d-%d", slot, seq))}
	if err := os.Mkdir(sc.dir, 0o755); err != nil {
		return nil, fmt.Errorf("create cgroup %s: %w", sc.dir, err)
	}
	fd, err := os.Open(sc.dir)
	if err != nil {
		os.Remove(sc.dir)
		return nil, fmt.Errorf("open cgroup %s: %w", sc.dir, err)
	}
	sc.fd = fd
	var st unix.Stat_t
	if err := unix.Fstat(int(fd.Fd()), &st); err != nil {
		sc.remove()
		return nil, fmt.Errorf("stat cgroup %s: %w", sc.dir, err)
	}
	sc.id = st.Ino
	if pidsMax > 0 {
		limit := strconv.Itoa(pidsMax)
		switch {
		case t.v2pids:
			if err := writeFile(filepath.Join(sc.dir, "pids.max"), limit); err != nil {
				sc.remove()
				return nil, err
			}
		case t.v1pids != "":
			sc.v1pids = filepath.Join(t.v1pids, filepath.Base(sc.dir))
			sc.v1mount = t.v1mount
			if err := os.Mkdir(sc.v1pids, 0o755); err != nil {
				sc.v1pids = ""
				sc.remove()
				return nil, fmt.Errorf("create pids cgroup: %w", err)
			}
			if err := writeFile(filepath.Join(sc.v1pids, "pids.max"), limit); err != nil {
				sc.remove()
				return nil, err
			}
		}
	}
	return sc, nil
}

// start starts cmd. With a cgroup v1 pids limit, the thread that forks is
// moved into the pids cgroup first, so the child is born there: cgroup v1
// lets a single thread move, and Go forks on the calling thread.
func (sc *scope) start(cmd *exec.Cmd) error {
	if sc.v1pids == "" {
		return cmd.Start()
	}
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		tid := strconv.Itoa(unix.Gettid())
		home, err := sc.threadPidsCgroup()
		if err != nil {
			runtime.UnlockOSThread()
			errc <- err
			return
		}
		if err := writeFile(filepath.Join(sc.v1pids, "tasks"), tid); err != nil {
			runtime.UnlockOSThread()
			errc <- fmt.Errorf("join pids cgroup: %w", err)
			return
		}
		err = cmd.Start()
		// Move the thread back; if that fails, the locked thread ends
		// with this goroutine instead of being reused.
		if writeFile(filepath.Join(home, "tasks"), tid) == nil {
			runtime.UnlockOSThread()
		}
		errc <- err
	}()
	return <-errc
}

// threadPidsCgroup is the directory of the calling thread's cgroup v1 pids
// cgroup (assuming the hierarchy is mounted at its root, as hosts do).
func (sc *scope) threadPidsCgroup() (string, error) {
	b, err := os.ReadFile("/proc/thread-self/cgroup")
	if err != nil {
		return "", fmt.Errorf("read thread cgroup: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) == 3 && slices.Contains(strings.Split(f[1], ","), "pids") {
			return filepath.Join(sc.v1mount, f[2]), nil
		}
	}
	return "", errors.New("read thread cgroup: no pids hierarchy listed")
}

func (sc *scope) remove() error {
	var errs []error
	if sc.fd != nil {
		errs = append(errs, sc.fd.Close())
	}
	errs = append(errs, removeTree(sc.dir))
	if sc.v1pids != "" {
		errs = append(errs, removeTree(sc.v1pids))
	}
	return errors.Join(errs...)
}

func killPid(pid int) error { return unix.Kill(pid, unix.SIGKILL) }
