package profile

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
)

//go:embed builtin
var builtinFS embed.FS

var builtin = sync.OnceValues(func() ([]*Profile, error) {
	files, err := fs.Glob(builtinFS, "builtin/*.json")
	if err != nil {
		return nil, fmt.Errorf("list shipped profiles: %w", err)
	}
	var out []*Profile
	seen := map[string]string{}
	for _, f := range files {
		r, err := builtinFS.Open(f)
		if err != nil {
			return nil, fmt.Errorf("open shipped profile: %w", err)
		}
		p, err := Decode(r, "profile/"+f)
		r.Close()
		if err != nil {
			return nil, err
		}
		if want := path.Base(f); want != p.Name+".json" {
			return nil, fmt.Errorf("shipped profile profile/%s: name is %q, want the file named %s.json", f, p.Name, p.Name)
		}
		if other, dup := seen[p.Name]; dup {
			return nil, fmt.Errorf("shipped profiles %s and %s share the name %q", other, f, p.Name)
		}
		seen[p.Name] = f
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
})

// Builtin returns the shipped profiles, sorted by name. The profiles are
// shared: callers must not modify them. A shipped profile
// that does not validate is a build defect; the package's tests catch it,
// and Builtin then panics rather than return partial data.
func Builtin() []*Profile {
	ps, err := builtin()
	if err != nil {
		panic(err)
	}
	return ps
}

// ErrNotFound is returned by Get for an unknown profile name.
var ErrNotFound = fs.ErrNotExist

// Get returns the shipped profile called name (shared, like Builtin's). The error for an unknown
// name lists the shipped ones and matches ErrNotFound.
func Get(name string) (*Profile, error) {
	ps := Builtin()
	names := make([]string, len(ps))
	for i, p := range ps {
		if p.Name == name {
			return p, nil
		}
		names[i] = p.Name
	}
	return nil, fmt.Errorf("get profile %q: %w (shipped: %v)", name, ErrNotFound, names)
}
