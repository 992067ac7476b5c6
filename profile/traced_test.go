package profile

import (
	"reflect"
	"testing"

	"github.com/syscov/syscov/result"
)

func TestFromTraces(t *testing.T) {
	prov := Provenance{Method: "m", Tool: "t", ToolVersion: "1", Package: "p", PackageVersion: "1", Date: "2026-01-02", Command: "c"}
	runs := []TracedInput{
		{User: "ls", Syscalls: []result.Syscall{
			{Name: "openat", Nr: 257, Count: 3, Args: map[string]map[string]uint64{"flags": {"O_RDONLY|O_CLOEXEC": 3}}},
			{Name: "read", Nr: 0, Count: 2},
		}},
		{User: "cat", Syscalls: []result.Syscall{
			{Name: "openat", Nr: 257, Count: 1, Args: map[string]map[string]uint64{"flags": {"O_RDONLY": 1}}},
			{Name: "nr_999", Nr: 999, Count: 4, Unknown: true},
		}},
		{User: "ls", Syscalls: []result.Syscall{{Name: "read", Nr: 0, Count: 5}}},
	}
	p := FromTraces("x", "d", prov, runs)
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	want := []Entry{
		{Name: "read", Nr: 0, Count: 7, Users: []string{"ls"}},
		{Name: "openat", Nr: 257, Count: 4, Users: []string{"cat", "ls"},
			Args: map[string]map[string]uint64{"flags": {"O_RDONLY|O_CLOEXEC": 3, "O_RDONLY": 1}}},
		{Name: "", Nr: 999, Count: 4, Users: []string{"cat"}},
	}
	if !reflect.DeepEqual(p.Syscalls, want) {
		t.Errorf("entries:\n got %+v\nwant %+v", p.Syscalls, want)
	}
	if p.Layer != LayerTraced || p.Name != "x" {
		t.Errorf("layer %q name %q", p.Layer, p.Name)
	}
}
