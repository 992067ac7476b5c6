package systab

import "fmt"

// Arch is a Linux architecture the tables describe.
type Arch string

// The architectures Kevlar builds for.
const (
	X86_64  Arch = "x86_64"
	AArch64 Arch = "aarch64"
)

// Arches lists the supported architectures.
func Arches() []Arch { return []Arch{X86_64, AArch64} }

// ParseArch accepts the kernel names (x86_64, aarch64) and the Go names
// (amd64, arm64).
func ParseArch(s string) (Arch, error) {
	switch s {
	case "x86_64", "amd64":
		return X86_64, nil
	case "aarch64", "arm64":
		return AArch64, nil
	}
	return "", fmt.Errorf("parse architecture %q: want x86_64 (amd64) or aarch64 (arm64)", s)
}
