package kevlar

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/syscov/syscov/target"
)

// DefaultRevision is the Kevlar commit (github.com/levkropp/kevlar) the
// embedded default tables were generated from.
const DefaultRevision = "e4fb1b551de41ab4f2238b82bc645dfe66494711"

// The tables hold derived facts only: syscall names, numbers, statuses,
// notes and file:line evidence. See the package documentation for the
// command that regenerates them.
//
//go:embed default/*.json
var defaultFS embed.FS

// Default returns the embedded Kevlar table for arch (x86_64 or
// aarch64), classified from revision [DefaultRevision]. Each call returns
// a fresh copy the caller may modify.
func Default(arch string) (*target.Table, error) {
	norm, err := target.NormalizeArch(arch)
	if err != nil {
		return nil, fmt.Errorf("load default kevlar table: %w", err)
	}
	name := "default/" + norm + ".json"
	data, err := defaultFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("load default kevlar table: %w", err)
	}
	t, err := target.ReadJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("load default kevlar table %s: %w", name, err)
	}
	return t, nil
}
