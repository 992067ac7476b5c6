package trace

import (
	"syscall"
	"time"
)

// MaxSlots is the number of behavioural argument values the BPF program can
// record per syscall.
const MaxSlots = 3

// Slot tells the BPF program how to extract one behavioural value of a
// syscall: which argument register, an optional dereference of user memory,
// a mask, and an optional condition on another argument.
type Slot struct {
	// Name is a label carried through to the result (e.g. "flags").
	Name string
	// Arg is the argument index, 0 to 5.
	Arg int
	// Mask is applied to the value; zero means all bits.
	Mask uint64
	// Deref, when set, makes the value the Size-byte little-endian integer
	// at user address (argument + Offset). A NULL or unreadable pointer
	// records the slot as absent.
	Deref *Deref
	// When, when set, records the slot only if argument When.Arg equals one
	// of When.Values; otherwise the slot is absent.
	When *When
}

// Deref describes a value read from user memory.
type Deref struct {
	Offset uint16
	Size   uint8 // 1, 2, 4 or 8
}

// When is a condition on another argument's raw value.
type When struct {
	Arg    int
	Values []uint64 // at most 4
}

// Spec maps a syscall number to its behavioural slots (at most MaxSlots).
type Spec map[int][]Slot

// Count is one aggregated row: how often syscall Nr returned Errno (0 for
// success) with the given slot values.
type Count struct {
	Nr     int
	Errno  int              // 0 means success
	Values [MaxSlots]uint64 // masked slot values, in Spec order
	// Absent has bit i set when slot i had no value (NULL pointer,
	// unreadable memory, unmet condition, or no slot i for this syscall).
	Absent uint8
	Count  uint64
}

// ExitStatus is how the traced command ended.
type ExitStatus struct {
	Code     int            // exit code, -1 when killed by a signal
	Signal   syscall.Signal // 0 when it exited normally
	TimedOut bool           // the run's context ended before the command did
}

// Result is what one traced run recorded.
type Result struct {
	Counts []Count
	// Overflow counts events that could not be aggregated because a map
	// was full. Non-zero means every count of this run is a lower bound.
	Overflow uint64
	// Unattributed counts syscall exits whose number the kernel had
	// replaced with -1 and that cannot be told apart: syscall(-1), a call a
	// ptrace tracer skipped, or an rt_sigreturn that restored a -ENOSYS
	// result. They are in no Count; non-zero means rt_sigreturn may be
	// undercounted by up to this many.
	Unattributed uint64
	Exit         ExitStatus
	// Spec is the slot layout the counts were recorded with.
	Spec     Spec
	Duration time.Duration
	// Leftover is the number of processes still alive in the scope when
	// the main process ended; they were killed.
	Leftover int
}

// RunOptions tune one traced run. The zero value is valid.
type RunOptions struct {
	// PidsMax caps the number of tasks in the scope (fork-bomb
	// containment); 0 means 1024, negative means no limit.
	PidsMax int
	// KillGrace is how long the tracer waits, after the main process
	// ends, before it kills what is left in the scope (daemons,
	// grandchildren). 0 means kill at once.
	KillGrace time.Duration
	// SkipExecs is how many successful execs in the scope pass before
	// counting starts. 0 counts from the command's own exec; a launcher
	// that sets things up and then execs the real workload (a namespace
	// helper, say) uses 1 so its own set-up is not counted.
	SkipExecs int

	// started, when set, is closed once the command runs in its scope with
	// the programs attached (the benchmark waits on it).
	started chan<- struct{}
}

// The Tracer (trace.go) runs commands under a scope:
//
//	t, err := trace.New(&trace.Options{Spec: spec})
//	defer t.Close()
//	res, err := t.Run(ctx, exec.Command(...), nil)
//
// Run starts cmd (its Stdin/Stdout/Stderr/Dir/Env/SysProcAttr.Credential
// are honoured; Run sets SysProcAttr.UseCgroupFD itself) in a fresh scope,
// counts every syscall of cmd, its threads and descendants from its execve
// on, waits for cmd to exit, kills everything left in the scope, and
// returns the counts. When ctx ends first, the whole scope is killed and
// Result.Exit.TimedOut is set; that is not an error. Run is safe for
// concurrent use: each call has its own scope.
