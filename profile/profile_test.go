package profile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadTraced(t *testing.T) {
	p, err := Load("testdata/traced.json")
	if err != nil {
		t.Fatal(err)
	}
	if p.Layer != LayerTraced || len(p.Syscalls) != 2 {
		t.Fatalf("got layer %q with %d syscalls, want traced with 2", p.Layer, len(p.Syscalls))
	}
	e, ok := p.Lookup("openat")
	if !ok {
		t.Fatal("Lookup(openat) found nothing")
	}
	if got := e.Args["flags"]["O_RDONLY|O_CLOEXEC"]; got != 2 {
		t.Errorf("openat flags O_RDONLY|O_CLOEXEC count = %d, want 2", got)
	}
	// Round trip: encoding and decoding again gives the same document.
	var buf bytes.Buffer
	if err := p.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Decode(&buf, "round-trip")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	p.Encode(&a)
	q.Encode(&b)
	if a.String() != b.String() {
		t.Errorf("round trip changed the document:\n%s\nvs\n%s", a.String(), b.String())
	}
}

func TestDecodeErrors(t *testing.T) {
	good, err := os.ReadFile("testdata/traced.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"syntax", `"layer": "traced",`, `"layer": "traced"`, "offset"},
		{"layer", `"layer": "traced"`, `"layer": "guessed"`, `layer is "guessed"`},
		{"schema", `syscov.profile/v1`, `syscov.profile/v0`, "schema is"},
		{"name", `"example-traced"`, `"Example Traced"`, `name "Example Traced"`},
		{"date", `"2025-01-01"`, `"Jan 1"`, "provenance.date"},
		{"command", `"none (written by hand)"`, `""`, "provenance.command is empty"},
		{"unsorted", `"nr": 257`, `"nr": 0`, "syscalls[1] (openat): not sorted"},
		{"unknown field", `"count": 7,`, `"count": 7, "colour": 1,`, "unknown field"},
		{"static with counts", `"layer": "traced"`, `"layer": "static"`, "a static profile has no counts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(string(good), tt.old, tt.new, 1)
			if doc == string(good) {
				t.Fatalf("test case did not change the document: %q not found", tt.old)
			}
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not contain %q and the file name", err, tt.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load("testdata/does-not-exist.json")
	if err == nil || !strings.Contains(err.Error(), "does-not-exist.json") {
		t.Errorf("Load of a missing file: error %v, want one naming the file", err)
	}
}
