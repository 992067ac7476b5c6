package target

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Format names a file format [Load] reads.
type Format string

// The importable formats.
const (
	// FormatAuto detects the format from the content.
	FormatAuto Format = ""
	// FormatJSON is this package's own document ([Schema]).
	FormatJSON Format = "json"
	// FormatGVisor is the output of `runsc help syscalls -format json`:
	// {"linux": {"amd64": {"syscalls": {"0": {"name", "support", "note",
	// "urls"}}}}}.
	FormatGVisor Format = "gvisor"
	// FormatList is one supported syscall name per line, '#' comments
	// allowed (the shape of Loupe's database files such as Kerla.syscalls).
	FormatList Format = "list"
	// FormatCSV is a CSV file whose header names a "name" (or "syscall")
	// column and optionally "nr" (or "num", "number"), "status" (or
	// "support", "supported") and "note" columns. gVisor's
	// `-format csv` output has this shape.
	FormatCSV Format = "csv"
)

// Formats lists the importable formats for help texts.
var Formats = []Format{FormatJSON, FormatGVisor, FormatList, FormatCSV}

// ParseFormat returns the format named s; "auto" and "" mean [FormatAuto].
func ParseFormat(s string) (Format, error) {
	if s == "" || s == "auto" {
		return FormatAuto, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("parse format %q: want auto, json, gvisor, list or csv", s)
}

// LoadOptions tune [LoadFile]. The zero value detects the format.
type LoadOptions struct {
	// Format forces a format instead of detecting it.
	Format Format
	// Arch selects the architecture when the file holds several (gVisor
	// output for all arches), and labels list and CSV tables, which do not
	// say. "x86_64" or "aarch64"; gVisor's "amd64" and "arm64" are accepted.
	Arch string
	// Kernel labels list and CSV tables; it defaults to the file name
	// without its extension.
	Kernel string
}

// Load reads a table in any importable format, detected from the content.
// Errors name the file.
func Load(path string) (*Table, error) {
	return LoadFile(path, nil)
}

// LoadFile reads a table from path; opts may be nil.
func LoadFile(path string, opts *LoadOptions) (*Table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load table: %w", err)
	}
	t, err := Parse(data, path, opts)
	if err != nil {
		return nil, fmt.Errorf("load table %s: %w", path, err)
	}
	return t, nil
}

// Parse decodes a table from data; name is used for labels and error
// positions. opts may be nil.
func Parse(data []byte, name string, opts *LoadOptions) (*Table, error) {
	var o LoadOptions
	if opts != nil {
		o = *opts
	}
	if o.Kernel == "" {
		base := filepath.Base(name)
		o.Kernel = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if o.Arch != "" {
		a, err := NormalizeArch(o.Arch)
		if err != nil {
			return nil, err
		}
		o.Arch = a
	}
	f := o.Format
	if f == FormatAuto {
		f = Detect(data)
	}
	var (
		t   *Table
		err error
	)
	switch f {
	case FormatJSON:
		t, err = ReadJSON(bytes.NewReader(data))
	case FormatGVisor:
		t, err = parseGVisor(data, o.Arch)
	case FormatList:
		t, err = parseList(data, name, o)
	case FormatCSV:
		t, err = parseCSV(data, name, o)
	default:
		return nil, fmt.Errorf("unknown format %q", f)
	}
	if err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return t, nil
}

// Detect guesses the format of data: a JSON object with "schema" or
// "entries" is [FormatJSON], any other JSON object [FormatGVisor]; text
// whose first non-comment line has a comma is [FormatCSV], else
// [FormatList].
func Detect(data []byte) Format {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var probe map[string]json.RawMessage
		if json.Unmarshal(trimmed, &probe) == nil {
			if _, ok := probe["entries"]; ok {
				return FormatJSON
			}
			if _, ok := probe["schema"]; ok {
				return FormatJSON
			}
		} else if bytes.Contains(trimmed, []byte(`"schema"`)) || bytes.Contains(trimmed, []byte(`"entries"`)) {
			// Broken JSON: report it as our own document, whose errors
			// say more than gVisor's shape would.
			return FormatJSON
		}
		return FormatGVisor
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.Contains(line, ",") {
			return FormatCSV
		}
		return FormatList
	}
	return FormatList
}

// ReadJSON decodes a [Schema] document. Unknown fields are errors, so a
// typo in a hand-written table does not go unnoticed.
func ReadJSON(r io.Reader) (*Table, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var t Table
	if err := dec.Decode(&t); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("decode json at byte %d: %w", se.Offset, err)
		}
		return nil, fmt.Errorf("decode json: %w", err)
	}
	if t.Schema != Schema {
		return nil, fmt.Errorf("decode json: schema %q, want %q", t.Schema, Schema)
	}
	return &t, nil
}

// WriteJSON encodes t as an indented [Schema] document.
func WriteJSON(w io.Writer, t *Table) error {
	c := *t
	c.Schema = Schema
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&c); err != nil {
		return fmt.Errorf("encode table: %w", err)
	}
	return nil
}

// gVisor's JSON shape (runsc/cmd/syscalls.go: CompatibilityInfo).
type gvisorDoc struct {
	Name    string   `json:"name"`
	Support string   `json:"support"`
	Note    string   `json:"note"`
	URLs    []string `json:"urls"`
}

type gvisorArch struct {
	Syscalls map[string]gvisorDoc `json:"syscalls"`
}

// archAliases maps other spellings to ours.
var archAliases = map[string]string{
	"amd64": "x86_64", "x86_64": "x86_64", "x64": "x86_64",
	"arm64": "aarch64", "aarch64": "aarch64",
}

// NormalizeArch returns "x86_64" or "aarch64" for any known spelling.
func NormalizeArch(s string) (string, error) {
	if a, ok := archAliases[strings.ToLower(s)]; ok {
		return a, nil
	}
	return "", fmt.Errorf("unknown arch %q: want x86_64 or aarch64", s)
}

func parseGVisor(data []byte, arch string) (*Table, error) {
	var doc map[string]map[string]gvisorArch
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("decode gvisor json (runsc help syscalls -format json): %w", err)
	}
	oses := make([]string, 0, len(doc))
	for k := range doc {
		oses = append(oses, k)
	}
	sort.Strings(oses)
	arches, ok := doc["linux"]
	if !ok {
		return nil, fmt.Errorf("decode gvisor json: no \"linux\" key (found %v)", oses)
	}
	names := make([]string, 0, len(arches))
	for k := range arches {
		names = append(names, k)
	}
	sort.Strings(names)
	var key string
	switch {
	case arch != "":
		want, err := NormalizeArch(arch)
		if err != nil {
			return nil, err
		}
		for _, k := range names {
			if a, _ := NormalizeArch(k); a == want {
				key = k
			}
		}
		if key == "" {
			return nil, fmt.Errorf("decode gvisor json: no arch %s (found %v)", arch, names)
		}
	case len(names) == 1:
		key = names[0]
	default:
		return nil, fmt.Errorf("decode gvisor json: holds arches %v; choose one with the arch option", names)
	}
	norm, err := NormalizeArch(key)
	if err != nil {
		return nil, fmt.Errorf("decode gvisor json: %w", err)
	}
	t := &Table{Schema: Schema, Kernel: "gvisor", Arch: norm}
	for nrText, d := range arches[key].Syscalls {
		nr, err := strconv.Atoi(nrText)
		if err != nil {
			return nil, fmt.Errorf("decode gvisor json: syscall number %q: %w", nrText, err)
		}
		st, err := supportStatus(d.Support)
		if err != nil {
			return nil, fmt.Errorf("decode gvisor json: syscall %d (%s): %w", nr, d.Name, err)
		}
		t.Entries = append(t.Entries, Entry{Nr: nr, Name: d.Name, Status: st, Note: d.Note, Evidence: d.URLs})
	}
	t.Sort()
	return t, nil
}

// supportStatus maps a support column to a status: our own names, gVisor's
// support levels, or a yes/no flag.
func supportStatus(s string) (Status, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "full support", "y", "yes", "true", "1", "supported":
		return Implemented, nil
	case "partial support":
		return Partial, nil
	case "unimplemented":
		return ENOSYS, nil
	case "undocumented":
		return Unknown, nil
	case "n", "no", "false", "0", "unsupported":
		return Missing, nil
	}
	if st, err := ParseStatus(strings.TrimSpace(s)); err == nil {
		return st, nil
	}
	return "", fmt.Errorf("unknown support level %q", s)
}

var syscallName = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

func parseList(data []byte, name string, o LoadOptions) (*Table, error) {
	t := &Table{Schema: Schema, Kernel: o.Kernel, Arch: o.Arch}
	sc := bufio.NewScanner(bytes.NewReader(data))
	seen := map[string]int{}
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = strings.TrimSpace(text[:i])
		}
		if text == "" {
			continue
		}
		if !syscallName.MatchString(text) {
			return nil, fmt.Errorf("line %d: want one syscall name per line, got %q", line, text)
		}
		if prev, dup := seen[text]; dup {
			return nil, fmt.Errorf("line %d: %s listed twice (first on line %d)", line, text, prev)
		}
		seen[text] = line
		t.Entries = append(t.Entries, Entry{Nr: -1, Name: text, Status: Implemented,
			Note: "listed as supported", Evidence: []string{fmt.Sprintf("%s:%d", filepath.Base(name), line)}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read list: %w", err)
	}
	t.Sort()
	return t, nil
}

func parseCSV(data []byte, name string, o LoadOptions) (*Table, error) {
	// Leading '#' lines are comments (Loupe's files start with one).
	var body bytes.Buffer
	skipped := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	inHeader := true
	for sc.Scan() {
		if inHeader && strings.HasPrefix(strings.TrimSpace(sc.Text()), "#") {
			skipped++
			continue
		}
		inHeader = false
		body.WriteString(sc.Text())
		body.WriteByte('\n')
	}
	r := csv.NewReader(&body)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	if len(rows) == 0 {
		return nil, errors.New("read csv: no header line")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "name", "syscall":
			col["name"] = i
		case "nr", "num", "number":
			col["nr"] = i
		case "status", "support", "supported":
			col["status"] = i
		case "note", "notes":
			col["note"] = i
		case "arch":
			col["arch"] = i
		}
	}
	nameCol, ok := col["name"]
	if !ok {
		return nil, fmt.Errorf("line %d: csv header %q has no name (or syscall) column", skipped+1, strings.Join(rows[0], ","))
	}
	t := &Table{Schema: Schema, Kernel: o.Kernel, Arch: o.Arch}
	for i, row := range rows[1:] {
		line := skipped + i + 2
		field := func(key string) string {
			c, ok := col[key]
			if !ok || c >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[c])
		}
		if nameCol >= len(row) {
			return nil, fmt.Errorf("line %d: %d fields, name is column %d", line, len(row), nameCol+1)
		}
		e := Entry{Nr: -1, Name: field("name"), Status: Implemented, Note: field("note"),
			Evidence: []string{fmt.Sprintf("%s:%d", filepath.Base(name), line)}}
		if !syscallName.MatchString(e.Name) {
			return nil, fmt.Errorf("line %d: bad syscall name %q", line, e.Name)
		}
		if s := field("nr"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, fmt.Errorf("line %d: bad syscall number %q", line, s)
			}
			e.Nr = n
		}
		if s := field("status"); s != "" {
			st, err := supportStatus(s)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			e.Status = st
		}
		if a := field("arch"); a != "" {
			norm, err := NormalizeArch(a)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if o.Arch != "" {
				want, err := NormalizeArch(o.Arch)
				if err != nil {
					return nil, err
				}
				if norm != want {
					continue
				}
			}
			if t.Arch != "" && t.Arch != norm {
				return nil, fmt.Errorf("line %d: arch %s after %s; choose one with the arch option", line, norm, t.Arch)
			}
			t.Arch = norm
		}
		t.Entries = append(t.Entries, e)
	}
	t.Sort()
	return t, nil
}
