package tracefmt

import (
	"github.com/syscov/syscov/result"
	systab "github.com/syscov/syscov/syscall-tables"
	"github.com/syscov/syscov/trace"
)

// Tracer is the eBPF tracer loaded with the behavioural slots of one Linux
// table, decoding its results with the same table: the tracer every
// command that records syscalls uses.
type Tracer struct {
	*trace.Tracer
	// Table is the table the slots come from and results decode with.
	Table *systab.Table
}

// New loads the tracer for the Linux table of arch. The caller closes it.
func New(arch systab.Arch) (*Tracer, error) {
	tab, err := systab.Linux(arch)
	if err != nil {
		return nil, err
	}
	t, err := trace.New(&trace.Options{Spec: Spec(tab)})
	if err != nil {
		return nil, err
	}
	return &Tracer{Tracer: t, Table: tab}, nil
}

// Syscalls decodes a result of t.
func (t *Tracer) Syscalls(res *trace.Result) []result.Syscall {
	return Syscalls(res, t.Table)
}
