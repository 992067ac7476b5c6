package result

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// DecodeRun reads one syscov.run/v1 document from r and checks what a
// reader relies on: the schema, an architecture, and a known status and
// an ID for every test. name labels errors (a file name, usually); JSON
// errors give the byte offset and line, unknown fields their name.
func DecodeRun(r io.Reader, name string) (*Run, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read run %s: %w", name, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("decode run %s: empty file, want a %s document", name, RunSchema)
	}
	// Check the schema first, so a document of another kind (a trace, a
	// profile) is named as such rather than reported as an unknown field.
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("decode run %s: %s", name, jsonError(data, err))
	}
	switch {
	case head.Schema == nil:
		return nil, fmt.Errorf("decode run %s: no \"schema\" field; want %q (a file written by coverage run --json)", name, RunSchema)
	case *head.Schema != RunSchema:
		return nil, fmt.Errorf("decode run %s: schema is %q, want %q", name, *head.Schema, RunSchema)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var run Run
	if err := dec.Decode(&run); err != nil {
		return nil, fmt.Errorf("decode run %s: %s", name, jsonError(data, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("decode run %s: trailing data after the document", name)
	}
	if err := run.Validate(); err != nil {
		return nil, fmt.Errorf("validate run %s: %w", name, err)
	}
	return &run, nil
}

// LoadRun reads and checks the syscov.run/v1 document at path.
func LoadRun(path string) (*Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load run: %w", err)
	}
	defer f.Close()
	return DecodeRun(f, path)
}

var knownStatus = map[string]bool{
	StatusPass: true, StatusFail: true, StatusXFail: true,
	StatusTimeout: true, StatusCrash: true, StatusBuildError: true,
}

// Validate checks the invariants of a run document: schema, arch, and
// for every test a unique ID and a known status.
func (r *Run) Validate() error {
	var errs []error
	if r.Schema != RunSchema {
		errs = append(errs, fmt.Errorf("schema is %q, want %q", r.Schema, RunSchema))
	}
	if r.Arch == "" {
		errs = append(errs, errors.New("arch is empty"))
	}
	seen := map[string]bool{}
	for i, t := range r.Tests {
		if t.ID == "" {
			errs = append(errs, fmt.Errorf("tests[%d]: empty id", i))
		} else if seen[t.ID] {
			errs = append(errs, fmt.Errorf("tests[%d]: id %q appears twice", i, t.ID))
		}
		seen[t.ID] = true
		if !knownStatus[t.Status] {
			errs = append(errs, fmt.Errorf("tests[%d] (%s): unknown status %q", i, t.ID, t.Status))
		}
		for j, s := range t.Syscalls {
			if s.Name == "" {
				errs = append(errs, fmt.Errorf("tests[%d] (%s): syscalls[%d]: empty name", i, t.ID, j))
			}
		}
	}
	return errors.Join(errs...)
}

// jsonError adds the byte offset and line to JSON syntax and type errors.
func jsonError(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return err.Error()
	}
	line := 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n"))
	return fmt.Sprintf("offset %d (line %d): %v", off, line, err)
}
