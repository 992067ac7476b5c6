//go:build tools

// Package deps pins the modules the project builds on, so that `go mod tidy`
// keeps them while packages that use them are being written.
package deps

import (
	_ "github.com/cilium/ebpf"
	_ "github.com/olekukonko/tablewriter"
	_ "golang.org/x/arch/x86/x86asm"
	_ "golang.org/x/sys/unix"
	_ "golang.org/x/term"
	_ "gonum.org/v1/plot"
)
