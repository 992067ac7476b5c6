package kevlar

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/syscov/syscov/target"
)

// DispatchFile is the file holding the syscall numbers and do_dispatch,
// relative to the source root.
const DispatchFile = "kernel/syscalls/mod.rs"

// HandlerDir holds the files defining the sys_* handler methods.
const HandlerDir = "kernel/syscalls"

// Source is what the parser found in a Kevlar tree, before classification.
// Positions are "file:line" relative to the tree's root.
type Source struct {
	// Consts are the SYS_* constants of every cfg block, in file order.
	Consts []Const
	// Arms are the do_dispatch match arms, in order (first match wins).
	Arms []Arm
	// Handlers are the sys_* functions of HandlerDir, by name; a name may
	// have one definition per cfg.
	Handlers map[string][]*Handler
	// Warnings are constructs the parser did not understand. None is
	// dropped silently.
	Warnings []target.Warning
}

// Const is one `const SYS_X: usize = N;`.
type Const struct {
	Name  string
	Value int
	At    string
	Cfg   cfgExpr
}

// Arm is one arm of the do_dispatch match.
type Arm struct {
	// At is the position of the arm's first pattern.
	At string
	// Cfg is the arm's #[cfg(...)] attributes, combined.
	Cfg cfgExpr
	// Pats are the arm's alternatives (A | B | 172).
	Pats []Pattern
	// Wildcard marks the `_` arm.
	Wildcard bool
	// Guard is the `if` guard's source text, if any.
	Guard string
	// Body is the arm's expression or block (outer braces kept).
	Body []token
}

// Pattern is one alternative of an arm: a constant name or a number.
type Pattern struct {
	// Const is the constant's name, or "" for a numeric pattern.
	Const string
	// Nr is the literal's value for a numeric pattern.
	Nr int
	// Comment is the comment after a numeric pattern (`172 /* iopl */`).
	Comment string
	// Line is the pattern's line in DispatchFile.
	Line int
}

// Handler is one `fn sys_x(...) { ... }`.
type Handler struct {
	Name string
	At   string
	Cfg  cfgExpr
	Body []token
}

// ParseError is a file the parser could not read or lex.
type ParseError struct {
	// File is the path relative to the tree's root (or as given).
	File string
	// Line is the line, or 0 when the whole file is concerned.
	Line int
	// Err is the underlying problem.
	Err error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("parse %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("parse %s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Parse reads the dispatch file and the handler files of the Kevlar tree
// at root. A missing or unlexable file is a *ParseError naming it; a
// construct the parser does not know becomes a warning with its position.
func Parse(root string) (*Source, error) {
	src := &Source{Handlers: map[string][]*Handler{}}
	toks, err := lexFile(root, DispatchFile)
	if err != nil {
		return nil, err
	}
	items := scanItems(toks, DispatchFile, src)
	dispatch := items.fn("do_dispatch")
	if dispatch == nil {
		return nil, &ParseError{File: DispatchFile, Err: errors.New("no fn do_dispatch")}
	}
	if err := parseDispatch(src, dispatch); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(filepath.Join(root, HandlerDir))
	if err != nil {
		return nil, &ParseError{File: HandlerDir, Err: err}
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".rs") {
			continue
		}
		rel := HandlerDir + "/" + e.Name()
		ftoks := toks
		if rel != DispatchFile {
			if ftoks, err = lexFile(root, rel); err != nil {
				return nil, err
			}
		}
		for _, fn := range scanItems(ftoks, rel, nil).fns {
			if strings.HasPrefix(fn.Name, "sys_") {
				src.Handlers[fn.Name] = append(src.Handlers[fn.Name], fn)
			}
		}
	}
	return src, nil
}

func lexFile(root, rel string) ([]token, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &ParseError{File: rel, Err: err}
	}
	toks, err := lex(string(data))
	if err != nil {
		var le *lexError
		if errors.As(err, &le) {
			return nil, &ParseError{File: rel, Line: le.line, Err: errors.New(le.msg)}
		}
		return nil, &ParseError{File: rel, Err: err}
	}
	return toks, nil
}

func at(file string, line int) string { return file + ":" + strconv.Itoa(line) }

// items are the functions found by scanItems.
type items struct{ fns []*Handler }

func (it items) fn(name string) *Handler {
	for _, f := range it.fns {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// scanItems walks a file's tokens, tracking the #[cfg] of each brace
// block, and collects SYS_* constants (into src when non-nil) and every
// fn with a body.
func scanItems(toks []token, file string, src *Source) items {
	var out items
	type frame struct{ cfg []cfgExpr }
	stack := []frame{{}}
	var pending []cfgExpr
	cur := func() cfgExpr {
		var all []cfgExpr
		for _, f := range stack {
			all = append(all, f.cfg...)
		}
		all = append(all, pending...)
		return cfgAll(all)
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.punct("#"):
			attr, next, ok := readAttr(toks, i)
			if !ok {
				continue
			}
			if c, isCfg := attr.cfg(); isCfg {
				pending = append(pending, c)
			}
			i = next - 1
		case t.punct("{"):
			stack = append(stack, frame{cfg: pending})
			pending = nil
		case t.punct("}"):
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			pending = nil
		case t.punct(";"):
			pending = nil
		case t.is(tIdent, "const") && i+1 < len(toks) && toks[i+1].kind == tIdent && strings.HasPrefix(toks[i+1].text, "SYS_"):
			name := toks[i+1]
			end := i + 2
			for end < len(toks) && !toks[end].punct(";") && !toks[end].punct("=") {
				end++
			}
			if end >= len(toks) || !toks[end].punct("=") {
				continue
			}
			semi := end + 1
			for semi < len(toks) && !toks[semi].punct(";") {
				semi++
			}
			expr := toks[end+1 : semi]
			if src != nil {
				v, ok := intValue(expr)
				if !ok {
					src.Warnings = append(src.Warnings, target.Warning{At: at(file, name.line),
						Message: fmt.Sprintf("constant %s = %s: not an integer literal; the parser does not evaluate expressions, so it is ignored", name.text, joinTokens(expr))})
				} else {
					src.Consts = append(src.Consts, Const{Name: name.text, Value: v, At: at(file, name.line), Cfg: cur()})
				}
			}
			pending = nil
			i = semi
		case t.is(tIdent, "fn") && i+1 < len(toks) && toks[i+1].kind == tIdent:
			name := toks[i+1]
			// The body is the first '{' outside parentheses and generics
			// before a ';' (a declaration without body has none).
			j, depth := i+2, 0
			for ; j < len(toks); j++ {
				tj := toks[j]
				if tj.punct("(") || tj.punct("[") {
					depth++
				} else if tj.punct(")") || tj.punct("]") {
					depth--
				} else if depth == 0 && (tj.punct("{") || tj.punct(";")) {
					break
				}
			}
			if j >= len(toks) || !toks[j].punct("{") {
				continue
			}
			end := matchBrace(toks, j)
			out.fns = append(out.fns, &Handler{Name: name.text, At: at(file, name.line), Cfg: cur(), Body: toks[j : end+1]})
			// Keep scanning inside the body: the '{' pushes the fn's cfg.
			i = j - 1
		}
	}
	return out
}

// matchBrace returns the index of the delimiter closing toks[open].
func matchBrace(toks []token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].punct("{") || toks[i].punct("(") || toks[i].punct("["):
			depth++
		case toks[i].punct("}") || toks[i].punct(")") || toks[i].punct("]"):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks) - 1
}

// attribute is a #[...] attribute's inner tokens.
type attribute struct{ toks []token }

// readAttr reads #[...] or #![...] at toks[i]; next is the index after it.
func readAttr(toks []token, i int) (attribute, int, bool) {
	j := i + 1
	if j < len(toks) && toks[j].punct("!") {
		j++
	}
	if j >= len(toks) || !toks[j].punct("[") {
		return attribute{}, i + 1, false
	}
	end := matchBrace(toks, j)
	return attribute{toks: toks[j+1 : end]}, end + 1, true
}

// cfg returns the attribute's predicate if it is #[cfg(...)].
func (a attribute) cfg() (cfgExpr, bool) {
	if len(a.toks) < 3 || !a.toks[0].is(tIdent, "cfg") || !a.toks[1].punct("(") {
		return cfgExpr{}, false
	}
	p := &cfgParser{toks: a.toks[2 : len(a.toks)-1]}
	e := p.parse()
	if p.err || p.pos != len(p.toks) {
		return cfgExpr{op: "?", text: joinTokens(a.toks)}, true
	}
	return e, true
}

// intValue evaluates an integer literal with optional suffix and
// underscores (42, 0xF001, 1_000usize), optionally parenthesised or
// followed by `as usize`.
func intValue(expr []token) (int, bool) {
	if len(expr) == 3 && expr[1].is(tIdent, "as") {
		expr = expr[:1]
	}
	if len(expr) != 1 || expr[0].kind != tInt {
		return 0, false
	}
	return parseInt(expr[0].text)
}

var intSuffixes = []string{"usize", "isize", "u128", "i128", "u64", "i64", "u32", "i32", "u16", "i16", "u8", "i8"}

func parseInt(s string) (int, bool) {
	s = strings.ReplaceAll(s, "_", "")
	// No suffix is made of hex digits only, so trimming one is safe for
	// hex literals too.
	for _, suf := range intSuffixes {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		return 0, false
	}
	return int(v), true
}

func joinTokens(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && needsSpace(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

func needsSpace(a, b token) bool {
	if a.kind == tPunct && strings.Contains("(.[:!&", a.text) || a.punct("::") {
		return false
	}
	if b.kind == tPunct && strings.Contains(").,;[(?:", b.text) || b.punct("::") {
		return false
	}
	return true
}

// parseDispatch finds the match in do_dispatch and reads its arms.
func parseDispatch(src *Source, fn *Handler) error {
	body := fn.Body
	m := -1
	for i, t := range body {
		if t.is(tIdent, "match") {
			m = i
			break
		}
	}
	if m < 0 {
		return &ParseError{File: DispatchFile, Line: lineOf(fn.At), Err: errors.New("do_dispatch has no match")}
	}
	open := m + 1
	for open < len(body) && !body[open].punct("{") {
		open++
	}
	if open >= len(body) {
		return &ParseError{File: DispatchFile, Line: body[m].line, Err: errors.New("match without a body")}
	}
	closeIdx := matchBrace(body, open)
	toks := body[open+1 : closeIdx]
	i := 0
	for i < len(toks) {
		arm, next, err := parseArm(src, toks, i)
		if err != nil {
			return err
		}
		if arm != nil {
			src.Arms = append(src.Arms, *arm)
		}
		i = next
	}
	return nil
}

func lineOf(pos string) int {
	n, _ := strconv.Atoi(pos[strings.LastIndexByte(pos, ':')+1:])
	return n
}

// parseArm reads one arm starting at toks[i].
func parseArm(src *Source, toks []token, i int) (*Arm, int, error) {
	arm := &Arm{}
	var cfgs []cfgExpr
	for i < len(toks) && toks[i].punct("#") {
		attr, next, ok := readAttr(toks, i)
		if !ok {
			break
		}
		if c, isCfg := attr.cfg(); isCfg {
			cfgs = append(cfgs, c)
		} else {
			src.Warnings = append(src.Warnings, target.Warning{At: at(DispatchFile, toks[i].line),
				Message: fmt.Sprintf("attribute #[%s] on a match arm is not understood; ignored", joinTokens(attr.toks))})
		}
		i = next
	}
	arm.Cfg = cfgAll(cfgs)
	if i >= len(toks) {
		return nil, i, nil
	}
	arm.At = at(DispatchFile, toks[i].line)
	// Pattern: alternatives up to '=>' or 'if', split on '|' at depth 0.
	start, depth := i, 0
	var alt []token
	flush := func() {
		if len(alt) == 0 {
			return
		}
		addPattern(src, arm, alt)
		alt = nil
	}
	for ; i < len(toks); i++ {
		t := toks[i]
		if depth == 0 && (t.punct("=>") || t.is(tIdent, "if")) {
			break
		}
		switch {
		case t.punct("(") || t.punct("[") || t.punct("{"):
			depth++
		case t.punct(")") || t.punct("]") || t.punct("}"):
			depth--
		}
		if depth == 0 && t.punct("|") {
			flush()
			continue
		}
		alt = append(alt, t)
	}
	flush()
	if i >= len(toks) {
		return nil, i, &ParseError{File: DispatchFile, Line: toks[start].line, Err: errors.New("match arm without '=>'")}
	}
	if toks[i].is(tIdent, "if") {
		g := i + 1
		for g < len(toks) && !toks[g].punct("=>") {
			g++
		}
		arm.Guard = joinTokens(toks[i+1 : g])
		src.Warnings = append(src.Warnings, target.Warning{At: arm.At,
			Message: fmt.Sprintf("match arm guard `if %s` is not evaluated; the arm is treated as always taken", arm.Guard)})
		i = g
	}
	i++ // '=>'
	if i >= len(toks) {
		return nil, i, &ParseError{File: DispatchFile, Line: toks[start].line, Err: errors.New("match arm without a body")}
	}
	if toks[i].punct("{") {
		end := matchBrace(toks, i)
		arm.Body = toks[i : end+1]
		i = end + 1
		if i < len(toks) && toks[i].punct(",") {
			i++
		}
		return arm, i, nil
	}
	b, depth := i, 0
	for ; i < len(toks); i++ {
		t := toks[i]
		if depth == 0 && t.punct(",") {
			break
		}
		switch {
		case t.punct("(") || t.punct("[") || t.punct("{"):
			depth++
		case t.punct(")") || t.punct("]") || t.punct("}"):
			depth--
		}
	}
	arm.Body = toks[b:i]
	if i < len(toks) {
		i++ // ','
	}
	return arm, i, nil
}

// addPattern interprets one alternative: `_`, a constant (possibly a
// path), or an integer literal. Anything else is a warning.
func addPattern(src *Source, arm *Arm, alt []token) {
	line := alt[0].line
	switch {
	case len(alt) == 1 && alt[0].is(tIdent, "_"):
		arm.Wildcard = true
		return
	case len(alt) == 1 && alt[0].kind == tInt:
		v, ok := parseInt(alt[0].text)
		if ok {
			arm.Pats = append(arm.Pats, Pattern{Nr: v, Comment: strings.Join(alt[0].after, " "), Line: line})
			return
		}
	case isPath(alt):
		arm.Pats = append(arm.Pats, Pattern{Const: alt[len(alt)-1].text, Line: line})
		return
	}
	src.Warnings = append(src.Warnings, target.Warning{At: at(DispatchFile, line),
		Message: fmt.Sprintf("match pattern `%s` is not a constant, number or `_`; the parser does not know this syntax, so the numbers it covers are not counted", joinTokens(alt))})
}

// isPath reports whether toks is IDENT (:: IDENT)*.
func isPath(toks []token) bool {
	for i, t := range toks {
		if i%2 == 0 && t.kind != tIdent || i%2 == 1 && !t.punct("::") {
			return false
		}
	}
	return len(toks)%2 == 1
}

// cfgExpr is a parsed #[cfg] predicate.
type cfgExpr struct {
	// op is "all", "any", "not", "kv" (key = "value"), "flag" (bare
	// name) or "?" (unparsable).
	op    string
	key   string
	value string
	args  []cfgExpr
	text  string
}

func cfgAll(list []cfgExpr) cfgExpr {
	if len(list) == 1 {
		return list[0]
	}
	return cfgExpr{op: "all", args: list}
}

type tri int

const (
	triFalse tri = iota
	triTrue
	triUnknown
)

// eval evaluates the predicate for arch. Only target_arch is known;
// anything else (features, debug_assertions) is unknown.
func (c cfgExpr) eval(arch string) tri {
	switch c.op {
	case "all":
		r := triTrue
		for _, a := range c.args {
			switch a.eval(arch) {
			case triFalse:
				return triFalse
			case triUnknown:
				r = triUnknown
			}
		}
		return r
	case "any":
		r := triFalse
		for _, a := range c.args {
			switch a.eval(arch) {
			case triTrue:
				return triTrue
			case triUnknown:
				r = triUnknown
			}
		}
		return r
	case "not":
		switch c.args[0].eval(arch) {
		case triTrue:
			return triFalse
		case triFalse:
			return triTrue
		}
		return triUnknown
	case "kv":
		if c.key == "target_arch" {
			if c.value == arch {
				return triTrue
			}
			return triFalse
		}
	}
	return triUnknown
}

// String renders the predicate as written in the cfg attribute.
func (c cfgExpr) String() string {
	switch c.op {
	case "all", "any", "not":
		parts := make([]string, len(c.args))
		for i, a := range c.args {
			parts[i] = a.String()
		}
		return c.op + "(" + strings.Join(parts, ", ") + ")"
	case "kv":
		return c.key + " = \"" + c.value + "\""
	case "flag":
		return c.key
	}
	return c.text
}

type cfgParser struct {
	toks []token
	pos  int
	err  bool
}

func (p *cfgParser) parse() cfgExpr {
	if p.pos >= len(p.toks) || p.toks[p.pos].kind != tIdent {
		p.err = true
		return cfgExpr{}
	}
	name := p.toks[p.pos].text
	p.pos++
	if p.pos < len(p.toks) && p.toks[p.pos].punct("=") {
		p.pos++
		if p.pos >= len(p.toks) || p.toks[p.pos].kind != tStr {
			p.err = true
			return cfgExpr{}
		}
		v := strings.Trim(p.toks[p.pos].text, "\"")
		p.pos++
		return cfgExpr{op: "kv", key: name, value: v}
	}
	if p.pos < len(p.toks) && p.toks[p.pos].punct("(") && (name == "all" || name == "any" || name == "not") {
		p.pos++
		e := cfgExpr{op: name}
		for p.pos < len(p.toks) && !p.toks[p.pos].punct(")") {
			e.args = append(e.args, p.parse())
			if p.err {
				return e
			}
			if p.pos < len(p.toks) && p.toks[p.pos].punct(",") {
				p.pos++
			}
		}
		if p.pos >= len(p.toks) || (name == "not" && len(e.args) != 1) {
			p.err = true
			return e
		}
		p.pos++
		return e
	}
	return cfgExpr{op: "flag", key: name}
}
