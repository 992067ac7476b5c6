package runner

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DivergencesFile is the name of the list of known divergences, kept at the
// top of a suite beside its groups.
const DivergencesFile = "known-divergences.json"

// Divergences maps a contract ID ("group/name") to the reason it is known
// to diverge.
type Divergences map[string]string

// LoadDivergences reads <dir>/known-divergences.json. A missing file is an
// empty list. Keys are "group.name" (Kevlar's spelling) or "group/name";
// keys starting with "_" are comments; every other value must be a string.
func LoadDivergences(dir string) (Divergences, error) {
	path := filepath.Join(dir, DivergencesFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Divergences{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read divergences: %w", err)
	}
	return parseDivergences(path, data)
}

func parseDivergences(path string, data []byte) (Divergences, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("parse %s: %s", path, jsonErrorAt(data, err))
	}
	out := Divergences{}
	for k, v := range raw {
		if strings.HasPrefix(k, "_") {
			continue
		}
		var reason string
		if err := json.Unmarshal(v, &reason); err != nil {
			return nil, fmt.Errorf("parse %s: key %q: value must be a string (the reason)", path, k)
		}
		id, ok := divergenceID(k)
		if !ok {
			return nil, fmt.Errorf("parse %s: key %q: want \"group.name\" or \"group/name\"", path, k)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("parse %s: %s listed twice", path, id)
		}
		out[id] = reason
	}
	return out, nil
}

// divergenceID turns "group.name" or "group/name" into "group/name". The
// group is the part before the first separator, so contract names may hold
// dots.
func divergenceID(key string) (string, bool) {
	i := strings.IndexAny(key, "./")
	if i <= 0 || i == len(key)-1 {
		return "", false
	}
	return key[:i] + "/" + key[i+1:], true
}

// jsonErrorAt adds a line number to a JSON syntax error.
func jsonErrorAt(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("line %d: %v", line, err)
	}
	return err.Error()
}
