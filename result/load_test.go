package result

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeRun(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // substrings of the error; none means success
	}{
		{name: "valid", doc: `{"schema":"syscov.run/v1","arch":"x86_64","tests":[{"id":"g/a","group":"g","name":"a","status":"PASS","exit_code":0,"duration_ms":1}]}`},
		{name: "empty file", doc: ``, want: []string{"bad.json", "empty file"}},
		{name: "syntax", doc: "{\"schema\":\"syscov.run/v1\",\n\"arch\": x86_64}", want: []string{"bad.json", "offset 36 (line 2)", "invalid character"}},
		{name: "truncated", doc: `{"schema":"syscov.run/v1","tests":[`, want: []string{"bad.json", "unexpected end of JSON input"}},
		{name: "no schema", doc: `{"arch":"x86_64"}`, want: []string{"bad.json", `no "schema" field`}},
		{name: "trace document", doc: `{"schema":"syscov.trace/v1"}`, want: []string{"bad.json", `schema is "syscov.trace/v1", want "syscov.run/v1"`}},
		{name: "wrong type", doc: `{"schema":"syscov.run/v1","arch":"x86_64","tests":[{"id":"g/a","status":"PASS","exit_code":"zero"}]}`, want: []string{"bad.json", "offset", "Test.tests.exit_code"}},
		{name: "unknown field", doc: `{"schema":"syscov.run/v1","arch":"x86_64","testz":[]}`, want: []string{"bad.json", `unknown field "testz"`}},
		{name: "unknown status", doc: `{"schema":"syscov.run/v1","arch":"x86_64","tests":[{"id":"g/a","status":"MAYBE"}]}`, want: []string{"validate run bad.json", `tests[0] (g/a): unknown status "MAYBE"`}},
		{name: "duplicate id", doc: `{"schema":"syscov.run/v1","arch":"x86_64","tests":[{"id":"g/a","status":"PASS"},{"id":"g/a","status":"PASS"}]}`, want: []string{`tests[1]: id "g/a" appears twice`}},
		{name: "no arch", doc: `{"schema":"syscov.run/v1","tests":[]}`, want: []string{"arch is empty"}},
		{name: "trailing", doc: `{"schema":"syscov.run/v1","arch":"x86_64"} {}`, want: []string{"offset 44", "after top-level value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run, err := DecodeRun(strings.NewReader(tt.doc), "bad.json")
			if len(tt.want) == 0 {
				if err != nil || run == nil {
					t.Fatalf("DecodeRun: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("DecodeRun succeeded, want an error with %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadRunMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.json")
	_, err := LoadRun(path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("LoadRun: %v, want an error naming %s", err, path)
	}
	if err := os.WriteFile(path, []byte(`{"schema":"syscov.run/v1","arch":"x86_64"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadRun(path); err != nil {
		t.Fatalf("LoadRun: %v", err)
	}
}
