package rundiff

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/syscov/syscov/result"
)

var knownStatus = map[string]bool{
	result.StatusPass: true, result.StatusFail: true, result.StatusXFail: true,
	result.StatusTimeout: true, result.StatusCrash: true, result.StatusBuildError: true,
}

// Load reads the syscov.run/v1 document at path.
func Load(path string) (*result.Run, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read run: %w", err)
	}
	return Decode(data, path)
}

// Decode parses data as a syscov.run/v1 document; name (usually the file
// path) prefixes every error.
func Decode(data []byte, name string) (*result.Run, error) {
	// The schema is checked first, so another syscov document (a trace, a
	// profile) is named as such rather than as a pile of unknown fields.
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err == nil && head.Schema != nil && *head.Schema != result.RunSchema {
		return nil, fmt.Errorf("%s: schema %q, want %q", name, *head.Schema, result.RunSchema)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var run result.Run
	if err := dec.Decode(&run); err != nil {
		return nil, fmt.Errorf("%s: %w", name, jsonError(data, err))
	}
	end := dec.InputOffset()
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		return nil, fmt.Errorf("%s: %s: data after the JSON document", name, position(data, int64(len(data)-len(rest))))
	}
	if run.Schema != result.RunSchema {
		if run.Schema == "" {
			return nil, fmt.Errorf("%s: no \"schema\" field: not a %s document", name, result.RunSchema)
		}
		return nil, fmt.Errorf("%s: schema %q, want %q", name, run.Schema, result.RunSchema)
	}
	seen := map[string]int{}
	for i, t := range run.Tests {
		switch {
		case t.ID == "":
			return nil, fmt.Errorf("%s: tests[%d]: empty id", name, i)
		case !knownStatus[t.Status]:
			return nil, fmt.Errorf("%s: tests[%d] %s: unknown status %q", name, i, t.ID, t.Status)
		}
		if j, dup := seen[t.ID]; dup {
			return nil, fmt.Errorf("%s: tests[%d]: id %s already used by tests[%d]", name, i, t.ID, j)
		}
		seen[t.ID] = i
	}
	return &run, nil
}

// jsonError adds the position to a decoding error.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%s: invalid JSON: %v", position(data, se.Offset-1), se)
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "document"
		}
		return fmt.Errorf("%s: field %s: JSON %s where %s is expected", position(data, te.Offset-1), field, te.Value, te.Type)
	case errors.Is(err, io.EOF):
		return errors.New("empty file: not a JSON document")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%s: invalid JSON: unexpected end of file", position(data, int64(len(data)-1)))
	}
	// Unknown fields and other decoder errors carry no offset (the
	// decoder has read the whole document by then); the message names the
	// field.
	return err
}

// position describes the byte at 0-based index off as "line L, column C
// (byte offset N)", lines and columns counted from 1 as editors do.
func position(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - int64(bytes.LastIndexByte(data[:off], '\n'))
	return fmt.Sprintf("line %d, column %d (byte offset %d)", line, col, off)
}
