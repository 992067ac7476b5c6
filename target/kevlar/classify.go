package kevlar

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/syscov/syscov/target"
)

// Options tune [Analyze] and [Classify].
type Options struct {
	// Arch is "x86_64" or "aarch64" (default x86_64).
	Arch string
	// Linux is the Linux syscall table of Arch. Required.
	Linux []target.Syscall
	// Revision labels the table (a commit hash).
	Revision string
	// Generator is recorded in the table: the command that produced it.
	Generator string
	// Aliases maps a Kevlar constant's lowercase name (without SYS_) to the
	// Linux name when they differ. Nil means [DefaultAliases].
	Aliases map[string]string
}

// DefaultAliases are the Kevlar constant names known to differ from the
// Linux table's names. Names not found are reported as warnings, never
// guessed.
var DefaultAliases = map[string]string{}

// Analyze parses the Kevlar tree at root and classifies every Linux
// syscall of opts.Arch.
func Analyze(root string, opts *Options) (*target.Table, error) {
	src, err := Parse(root)
	if err != nil {
		return nil, err
	}
	return Classify(src, opts)
}

// armVerdict is the classification of one dispatch arm.
type armVerdict struct {
	status   target.Status
	note     string
	evidence []string // handler positions
}

type hit struct {
	arm     *Arm
	pat     Pattern
	verdict armVerdict
	via     string // constant name, or "" for a numeric pattern
	at      string // position of the pattern
	constAt string
}

type classifier struct {
	src     *Source
	arch    string
	byName  map[string]target.Syscall
	byNr    map[int]target.Syscall
	aliases map[string]string
	table   *target.Table
}

func (c *classifier) warn(at, format string, a ...any) {
	c.table.Warnings = append(c.table.Warnings, target.Warning{At: at, Message: fmt.Sprintf(format, a...)})
}

func (c *classifier) linuxName(kevlarName string) string {
	n := strings.ToLower(kevlarName)
	if a, ok := c.aliases[n]; ok {
		return a
	}
	return n
}

// Classify turns a parsed source into a dispatch table: one entry per
// Linux syscall of opts.Arch, the ABI-numbering lints and every warning.
func Classify(src *Source, opts *Options) (*target.Table, error) {
	if opts == nil || len(opts.Linux) == 0 {
		return nil, errors.New("classify kevlar: no Linux syscall table given")
	}
	arch := opts.Arch
	if arch == "" {
		arch = "x86_64"
	}
	if arch != "x86_64" && arch != "aarch64" {
		return nil, fmt.Errorf("classify kevlar: unknown arch %q: want x86_64 or aarch64", arch)
	}
	c := &classifier{
		src: src, arch: arch,
		byName:  map[string]target.Syscall{},
		byNr:    map[int]target.Syscall{},
		aliases: opts.Aliases,
		table: &target.Table{Schema: target.Schema, Kernel: "kevlar", Revision: opts.Revision,
			Arch: arch, Generator: opts.Generator},
	}
	if c.aliases == nil {
		c.aliases = DefaultAliases
	}
	for _, s := range opts.Linux {
		c.byName[s.Name] = s
		c.byNr[s.Nr] = s
	}
	c.table.Warnings = append(c.table.Warnings, src.Warnings...)

	consts := c.archConsts()
	wrongConst := c.lintConsts(consts)
	dispatched, defaultArm, wrongComments := c.dispatch(consts)
	for _, h := range dispatched {
		if w, ok := wrongConst[h.via]; ok {
			w.used = true
		}
	}

	// Unreachable: syscalls whose number nobody dispatches because a
	// constant or comment put them at another number.
	for _, name := range sortedKeys(wrongConst) {
		w := wrongConst[name]
		if !w.used {
			continue
		}
		if _, ok := dispatched[w.linux.Nr]; !ok {
			c.table.Lints = append(c.table.Lints, target.Lint{Kind: target.Unreachable, Subject: w.linux.Name, At: w.at,
				Expected: fmt.Sprintf("dispatched at %d", w.linux.Nr),
				Found:    fmt.Sprintf("its handler is reached only through %s = %d; %d falls to the default arm", name, w.value, w.linux.Nr)})
		}
	}
	for _, wc := range wrongComments {
		if _, ok := dispatched[wc.linux.Nr]; !ok {
			c.table.Lints = append(c.table.Lints, target.Lint{Kind: target.Unreachable, Subject: wc.linux.Name, At: wc.at,
				Expected: fmt.Sprintf("dispatched at %d", wc.linux.Nr),
				Found:    fmt.Sprintf("the arm meant for it matches %d; %d falls to the default arm", wc.nr, wc.linux.Nr)})
		}
	}

	defaultAt := ""
	if defaultArm != nil {
		defaultAt = defaultArm.At
	} else {
		c.warn(DispatchFile, "do_dispatch has no `_` arm; undispatched syscalls are marked missing without evidence")
	}
	for _, s := range opts.Linux {
		h, ok := dispatched[s.Nr]
		if !ok {
			e := target.Entry{Nr: s.Nr, Name: s.Name, Status: target.Missing, Note: "falls to the default arm"}
			if defaultAt != "" {
				e.Evidence = []string{defaultAt}
			}
			c.table.Entries = append(c.table.Entries, e)
			continue
		}
		c.table.Entries = append(c.table.Entries, c.entry(s.Nr, s.Name, h))
	}
	for nr, h := range dispatched {
		if _, ok := c.byNr[nr]; ok {
			continue
		}
		name := strings.ToLower(strings.TrimPrefix(h.via, "SYS_"))
		if name == "" {
			name = commentName(h.pat.Comment)
		}
		e := c.entry(nr, name, h)
		e.Note = joinNote(fmt.Sprintf("%d is not a Linux %s syscall number", nr, arch), e.Note)
		c.table.Extra = append(c.table.Extra, e)
	}
	c.table.Sort()
	return c.table, nil
}

func (c *classifier) entry(nr int, name string, h *hit) target.Entry {
	e := target.Entry{Nr: nr, Name: name, Status: h.verdict.status, Note: h.verdict.note}
	e.Evidence = append(e.Evidence, h.at)
	if h.constAt != "" {
		e.Evidence = append(e.Evidence, h.constAt)
	}
	e.Evidence = append(e.Evidence, h.verdict.evidence...)
	if h.via != "" {
		if ln := c.linuxName(strings.TrimPrefix(h.via, "SYS_")); ln != name {
			e.Note = joinNote(fmt.Sprintf("ABI: reached through %s, which names %s", h.via, ln), e.Note)
		}
	}
	return e
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

// archConsts returns the constants enabled for the arch, by name.
func (c *classifier) archConsts() map[string]Const {
	out := map[string]Const{}
	for _, k := range c.src.Consts {
		switch k.Cfg.eval(c.arch) {
		case triFalse:
			continue
		case triUnknown:
			c.warn(k.At, "cfg(%s) on %s is not decidable from target_arch; assumed enabled", k.Cfg, k.Name)
		}
		if prev, dup := out[k.Name]; dup {
			c.warn(k.At, "%s defined again for %s (first at %s); the first definition is used", k.Name, c.arch, prev.At)
			continue
		}
		out[k.Name] = k
	}
	return out
}

type wrongConst struct {
	linux target.Syscall
	value int
	at    string
	used  bool
}

// lintConsts compares each constant's number with the Linux table.
func (c *classifier) lintConsts(consts map[string]Const) map[string]*wrongConst {
	wrong := map[string]*wrongConst{}
	for _, name := range sortedKeys(consts) {
		k := consts[name]
		lname := c.linuxName(strings.TrimPrefix(k.Name, "SYS_"))
		l, haveName := c.byName[lname]
		m, haveNr := c.byNr[k.Value]
		switch {
		case haveName && l.Nr == k.Value:
		case haveName:
			found := fmt.Sprintf("%d, which is no %s syscall", k.Value, c.arch)
			if haveNr {
				found = fmt.Sprintf("%d, which is Linux %s", k.Value, m.Name)
			}
			c.table.Lints = append(c.table.Lints, target.Lint{Kind: target.WrongNumber, Subject: k.Name, At: k.At,
				Expected: fmt.Sprintf("%s is %d on %s", l.Name, l.Nr, c.arch), Found: found})
			wrong[k.Name] = &wrongConst{linux: l, value: k.Value, at: k.At}
		case haveNr:
			c.table.Lints = append(c.table.Lints, target.Lint{Kind: target.WrongNumber, Subject: k.Name, At: k.At,
				Expected: fmt.Sprintf("no Linux %s syscall is named %s", c.arch, lname),
				Found:    fmt.Sprintf("%d, which is Linux %s", k.Value, m.Name)})
		default:
			c.warn(k.At, "%s = %d: neither the name %q nor the number is a Linux %s syscall; treated as Kevlar-private", k.Name, k.Value, lname, c.arch)
		}
	}
	return wrong
}

type wrongComment struct {
	linux target.Syscall // the syscall the comment names
	nr    int            // the number the arm matches
	at    string
}

// dispatch walks the arms in order (first match wins) and records which
// arm handles each number.
func (c *classifier) dispatch(consts map[string]Const) (map[int]*hit, *Arm, []wrongComment) {
	dispatched := map[int]*hit{}
	var defaultArm *Arm
	var comments []wrongComment
	for i := range c.src.Arms {
		arm := &c.src.Arms[i]
		switch arm.Cfg.eval(c.arch) {
		case triFalse:
			continue
		case triUnknown:
			c.warn(arm.At, "cfg(%s) on a match arm is not decidable from target_arch; assumed enabled", arm.Cfg)
		}
		if defaultArm != nil {
			c.warn(arm.At, "arm after the `_` arm at %s is unreachable", defaultArm.At)
			continue
		}
		if arm.Wildcard {
			defaultArm = arm
			continue
		}
		v := c.classifyArm(arm)
		for _, p := range arm.Pats {
			h := &hit{arm: arm, pat: p, verdict: v, at: at(DispatchFile, p.Line)}
			nr := p.Nr
			if p.Const != "" {
				k, ok := consts[p.Const]
				if !ok {
					c.warn(h.at, "pattern %s names no constant defined for %s; in Rust an unknown identifier pattern is a catch-all binding", p.Const, c.arch)
					continue
				}
				nr, h.via, h.constAt = k.Value, p.Const, k.At
			} else {
				comments = append(comments, c.lintComment(p, h.at)...)
			}
			if prev, dup := dispatched[nr]; dup {
				c.warn(h.at, "number %d is already matched by the arm at %s; this alternative is unreachable", nr, prev.at)
				continue
			}
			dispatched[nr] = h
		}
	}
	return dispatched, defaultArm, comments
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*`)

func commentName(comment string) string {
	return identRe.FindString(strings.TrimSpace(comment))
}

// lintComment checks that a numeric arm's comment names the Linux
// syscall with that number.
func (c *classifier) lintComment(p Pattern, pos string) []wrongComment {
	name := commentName(p.Comment)
	if name == "" {
		c.warn(pos, "numeric arm %d has no comment naming its syscall; the name is taken from the Linux table", p.Nr)
		return nil
	}
	lname := c.linuxName(name)
	m, haveNr := c.byNr[p.Nr]
	if haveNr && m.Name == lname {
		return nil
	}
	expected := fmt.Sprintf("%d is no Linux %s syscall", p.Nr, c.arch)
	if haveNr {
		expected = fmt.Sprintf("%d is %s on %s", p.Nr, m.Name, c.arch)
	}
	l, named := c.byName[lname]
	found := fmt.Sprintf("comment names %s", name)
	if named {
		found += fmt.Sprintf(" (Linux %d)", l.Nr)
	}
	c.table.Lints = append(c.table.Lints, target.Lint{Kind: target.WrongComment,
		Subject: fmt.Sprintf("%d /* %s */", p.Nr, p.Comment), At: pos, Expected: expected, Found: found})
	if named && l.Nr != p.Nr {
		return []wrongComment{{linux: l, nr: p.Nr, at: pos}}
	}
	return nil
}

// classifyArm decides an arm's status from its body and its handlers.
func (c *classifier) classifyArm(arm *Arm) armVerdict {
	calls := handlerCalls(arm.Body)
	if len(calls) == 0 {
		b := analyzeBody(arm.Body)
		switch {
		case b.kind == bodyOk:
			return armVerdict{status: target.Stub, note: "arm returns " + b.value + " with no effect"}
		case b.kind == bodyErr && b.errno == "ENOSYS":
			return armVerdict{status: target.ENOSYS, note: "arm returns ENOSYS" + b.checksNote()}
		case b.kind == bodyErr:
			return armVerdict{status: target.Stub, note: "arm always fails with " + b.errno + b.checksNote()}
		}
		return armVerdict{status: target.Implemented, note: "code in the arm"}
	}
	v := armVerdict{status: target.StubInHandler}
	var notes []string
	real := false
	for _, name := range calls {
		def := c.pickHandler(name)
		if def == nil {
			c.warn(arm.At, "handler %s is not defined in %s/*.rs for %s; assumed to do real work", name, HandlerDir, c.arch)
			real = true
			continue
		}
		v.evidence = append(v.evidence, def.At)
		b := analyzeBody(def.Body)
		switch b.kind {
		case bodyOk:
			notes = append(notes, fmt.Sprintf("%s only returns %s", name, b.value))
		case bodyErr:
			notes = append(notes, fmt.Sprintf("%s always fails with %s%s", name, b.errno, b.checksNote()))
		default:
			real = true
			notes = append(notes, name)
		}
	}
	if real {
		v.status = target.Implemented
		v.note = "handler " + strings.Join(calls, ", ")
		return v
	}
	v.note = strings.Join(notes, "; ")
	return v
}

func (c *classifier) pickHandler(name string) *Handler {
	var found []*Handler
	for _, h := range c.src.Handlers[name] {
		if h.Cfg.eval(c.arch) != triFalse {
			found = append(found, h)
		}
	}
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

// handlerCalls lists the distinct self.sys_x( calls in a body, in order.
func handlerCalls(body []token) []string {
	var out []string
	seen := map[string]bool{}
	for i := 0; i+3 < len(body); i++ {
		if body[i].is(tIdent, "self") && body[i+1].punct(".") && body[i+2].kind == tIdent &&
			strings.HasPrefix(body[i+2].text, "sys_") && body[i+3].punct("(") && !seen[body[i+2].text] {
			seen[body[i+2].text] = true
			out = append(out, body[i+2].text)
		}
	}
	return out
}

type bodyKind int

const (
	bodyReal bodyKind = iota // does something
	bodyOk                   // returns Ok(constant)
	bodyErr                  // returns Err(constant errno)
)

type bodyShape struct {
	kind   bodyKind
	value  string // Ok's argument
	errno  string // Err's errno
	checks int    // argument checks before
}

func (b bodyShape) checksNote() string {
	if b.checks == 0 {
		return ""
	}
	return fmt.Sprintf(" after %d argument check(s)", b.checks)
}

// analyzeBody recognises bodies that do nothing real: `Ok(CONST)` or
// `Err(ERRNO)`, optionally `return`ed, optionally preceded by argument
// checks `if COND { return Err(..); }` whose condition calls nothing.
func analyzeBody(body []token) bodyShape {
	toks := body
	if len(toks) >= 2 && toks[0].punct("{") && toks[len(toks)-1].punct("}") && matchBrace(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	shape := bodyShape{}
	for len(toks) > 0 && toks[0].is(tIdent, "if") {
		open := 1
		for open < len(toks) && !toks[open].punct("{") {
			open++
		}
		if open >= len(toks) || !pureCond(toks[1:open]) {
			return bodyShape{}
		}
		end := matchBrace(toks, open)
		inner := analyzeFinal(toks[open+1 : end])
		if inner.kind != bodyErr || !hasReturn(toks[open+1:end]) {
			return bodyShape{}
		}
		toks = toks[end+1:]
		if len(toks) > 0 && toks[0].is(tIdent, "else") {
			return bodyShape{}
		}
		shape.checks++
	}
	final := analyzeFinal(toks)
	final.checks = shape.checks
	return final
}

func hasReturn(toks []token) bool { return len(toks) > 0 && toks[0].is(tIdent, "return") }

// analyzeFinal recognises `[return] Ok(CONST)[;]` and `[return] Err(E)[;]`.
func analyzeFinal(toks []token) bodyShape {
	if len(toks) > 0 && toks[len(toks)-1].punct(";") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) > 0 && toks[0].is(tIdent, "return") {
		toks = toks[1:]
	}
	if len(toks) < 3 || toks[0].kind != tIdent || !toks[1].punct("(") || matchBrace(toks, 1) != len(toks)-1 {
		return bodyShape{}
	}
	arg := toks[2 : len(toks)-1]
	switch toks[0].text {
	case "Ok":
		if pureConst(arg) {
			return bodyShape{kind: bodyOk, value: "Ok(" + joinTokens(arg) + ")"}
		}
	case "Err":
		if errno, ok := pureErr(arg); ok {
			return bodyShape{kind: bodyErr, errno: errno}
		}
	}
	return bodyShape{}
}

var errnoRe = regexp.MustCompile(`^E[A-Z0-9]+$`)

// pureConst: literals, CONSTANTS, paths, unary minus and `as` casts only.
func pureConst(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	for i, t := range toks {
		switch t.kind {
		case tInt, tFloat, tChar:
		case tIdent:
			prevAs := i > 0 && toks[i-1].is(tIdent, "as")
			if t.text != "as" && !prevAs && !isConstName(t.text) {
				return false
			}
			if i+1 < len(toks) && toks[i+1].punct("(") {
				return false
			}
		case tPunct:
			if !t.punct("-") && !t.punct("::") && !t.punct("(") && !t.punct(")") {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isConstName(s string) bool {
	return s == "true" || s == "false" || strings.ToUpper(s) == s && s != "_"
}

// errCtors are the calls allowed when building an error value.
var errCtors = map[string]bool{"new": true, "into": true, "from": true, "with_message": true, "with_message_borrowed": true}

// pureErr: an error value built from an errno constant and messages only.
func pureErr(toks []token) (string, bool) {
	errno := ""
	for i, t := range toks {
		switch t.kind {
		case tIdent:
			if errno == "" && errnoRe.MatchString(t.text) {
				errno = t.text
			}
			call := i+1 < len(toks) && toks[i+1].punct("(")
			if t.text == "self" || !isConstName(t.text) && !errCtors[t.text] && !isTypeName(t.text) {
				return "", false
			}
			if call && !errCtors[t.text] && !isTypeName(t.text) {
				return "", false
			}
		case tStr, tInt:
		case tPunct:
			if !t.punct("::") && !t.punct(".") && !t.punct("(") && !t.punct(")") && !t.punct(",") {
				return "", false
			}
		default:
			return "", false
		}
	}
	return errno, errno != ""
}

// isTypeName: CamelCase identifiers (Error, Errno) — type paths.
func isTypeName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// pureCond: an argument check that calls nothing and assigns nothing.
func pureCond(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	for i, t := range toks {
		switch t.kind {
		case tIdent:
			if t.text == "self" || i+1 < len(toks) && (toks[i+1].punct("(") || toks[i+1].punct("!")) {
				return false
			}
		case tInt, tChar:
		case tPunct:
			switch t.text {
			case "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "(", ")", "&", "|", "::", "-", "+", "*", "/", "%", "<<", ">>", "^":
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
