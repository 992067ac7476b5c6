package result

// Schema identifiers.
const (
	TraceSchema = "syscov.trace/v1"
	RunSchema   = "syscov.run/v1"
)

// Syscall summarises one syscall of a traced run.
type Syscall struct {
	Name  string `json:"name"`
	Nr    int    `json:"nr"`
	Count uint64 `json:"count"`
	// Unknown is true when the number is not in the Linux table the
	// result was decoded with (Name is then "nr_<N>").
	Unknown bool `json:"unknown,omitempty"`
	// Errors counts failed calls by errno name (e.g. "ENOENT").
	Errors map[string]uint64 `json:"errors,omitempty"`
	// Args counts calls by behavioural argument name and decoded value.
	Args map[string]map[string]uint64 `json:"args,omitempty"`
	// Calls are the exact aggregated rows the tracer recorded: each
	// distinct combination of argument values and return class.
	Calls []Call `json:"calls"`
}

// Call is one aggregated row.
type Call struct {
	// Args maps a behavioural argument name to its decoded value; an
	// argument that was absent (NULL pointer, unmet condition) is omitted.
	Args map[string]string `json:"args,omitempty"`
	// Raw maps the same names to the masked raw values.
	Raw map[string]uint64 `json:"raw,omitempty"`
	// Errno is the error name, or "" for success.
	Errno string `json:"errno,omitempty"`
	Count uint64 `json:"count"`
}

// Exit is how a traced command ended.
type Exit struct {
	Code   int     `json:"code"`
	Signal *string `json:"signal"`
}

// Unobserved names a call the tracer cannot see and why.
type Unobserved struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Trace is the syscov.trace/v1 document.
type Trace struct {
	Schema     string       `json:"schema"`
	Command    []string     `json:"command"`
	Arch       string       `json:"arch"`
	Exit       Exit         `json:"exit"`
	Syscalls   []Syscall    `json:"syscalls"`
	Unobserved []Unobserved `json:"unobserved"`
	Overflow   uint64       `json:"overflow"`
	// Unattributed counts syscall exits whose number the kernel had
	// replaced with -1 (syscall(-1), a call a ptrace tracer skipped, or an
	// rt_sigreturn restoring -ENOSYS); they are in no syscall's count.
	Unattributed uint64 `json:"unattributed,omitempty"`
}

// Test statuses.
const (
	StatusPass       = "PASS"
	StatusFail       = "FAIL"
	StatusXFail      = "XFAIL"
	StatusTimeout    = "TIMEOUT"
	StatusCrash      = "CRASH"
	StatusBuildError = "BUILD_ERROR"
)

// Test is one contract's outcome in a run.
type Test struct {
	ID         string    `json:"id"` // "group/name"
	Group      string    `json:"group"`
	Name       string    `json:"name"`
	Status     string    `json:"status"`
	Signal     string    `json:"signal,omitempty"`      // CRASH: e.g. "SIGSEGV"
	Reason     string    `json:"reason,omitempty"`      // XFAIL: the listed divergence
	ExitCode   int       `json:"exit_code"`             // -1 when killed by a signal
	DurationMS int64     `json:"duration_ms"`           // wall time of the traced run
	Output     string    `json:"output,omitempty"`      // first lines of stdout+stderr
	BuildError string    `json:"build_error,omitempty"` // first lines of compiler output
	Syscalls   []Syscall `json:"syscalls,omitempty"`
	Overflow   uint64    `json:"overflow,omitempty"`
	// Unattributed is as in Trace.
	Unattributed uint64 `json:"unattributed,omitempty"`
}

// Run is the syscov.run/v1 document.
type Run struct {
	Schema       string   `json:"schema"`
	ContractsDir string   `json:"contracts_dir"`
	Compiler     string   `json:"compiler"`
	CFlags       []string `json:"cflags"`
	Arch         string   `json:"arch"`
	Kernel       string   `json:"kernel"` // uname release of the tracing host
	// Baseline lists the syscalls an empty program makes (startup/exit).
	Baseline   []string     `json:"baseline"`
	Tests      []Test       `json:"tests"`
	Unobserved []Unobserved `json:"unobserved,omitempty"`
	// Interrupted is true when the run was stopped (Ctrl-C) before every
	// test ran; Tests holds what was collected.
	Interrupted bool `json:"interrupted,omitempty"`
}
