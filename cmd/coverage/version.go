package main

import (
	"runtime/debug"
)

// version is set at link time by `make build`
// (-ldflags "-X main.version=$(git describe --always --dirty)").
var version string

// toolVersion names the build of this binary for provenance records: the
// version set at link time, else the module version when it was installed
// at one, else "devel" with the commit it was built from (and "-dirty" for
// uncommitted changes) when the Go toolchain recorded it.
func toolVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "devel"
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev != "" {
		v += "+" + rev[:min(12, len(rev))] + dirty
	}
	return v
}
