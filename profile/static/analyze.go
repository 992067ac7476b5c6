package static

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"golang.org/x/arch/x86/x86asm"
)

// Version identifies the analysis algorithm; it is recorded in the
// provenance of every profile made with this package. Bump it when a
// change can alter results.
const Version = "syscov-static/1"

// MaxSyscall bounds the numbers accepted as x86_64 syscall numbers; a
// constant at or above it (e.g. an x32 number, 0x40000000 and up) is
// reported as unresolved instead.
const MaxSyscall = 1024

// Options tunes Analyze. The zero value (or nil) analyses everything.
type Options struct {
	// Roots, if set, restricts the result to code reachable through
	// direct calls from the functions matched by these patterns
	// (path.Match syntax). A pattern matches a function's symbol name or
	// an archive member's name without its extension ("pthread_*"
	// matches the member pthread_create.lo and everything it defines).
	Roots []string
}

// Result is what static analysis found in a set of input files.
type Result struct {
	// Files describes each input, in the order given.
	Files []File
	// Sites are all syscall instructions in scope, by object and address.
	Sites []Site
	// Calls are all calls (and tail jumps) of wrappers in scope whose
	// syscall number is an argument.
	Calls []Call
	// Wrappers are the functions that take the syscall number from their
	// caller, and in which argument.
	Wrappers []Wrapper
	// Roots echoes Options.Roots; RootsMatched counts the functions they
	// matched.
	Roots        []string
	RootsMatched int
}

// File describes one input file.
type File struct {
	// Path is the file as given.
	Path string
	// Kind is one of KindArchive, KindExecutable, KindShared or
	// KindRelocatable.
	Kind string
	// Objects is the number of ELF objects analysed in it (archive
	// members, or 1).
	Objects int
	// Stripped is true for a linked file without a symbol table:
	// functions are then found by call targets and named sub_<addr>.
	Stripped bool
	// Dynamic is true for a dynamically linked file: its shared
	// libraries, which issue most syscalls, are not analysed.
	Dynamic bool
	// Interpreter and Needed describe a dynamic file.
	Interpreter string
	Needed      []string
}

// Loc is a place in the analysed code.
type Loc struct {
	// Object is the file's base name, or "archive(member)".
	Object string
	// Section is the code section.
	Section string
	// Function names the enclosing function: its symbol, or sub_<addr>
	// in stripped files, or section+offset in objects.
	Function string
	// Addr is the virtual address (linked files) or section offset
	// (relocatable objects).
	Addr uint64
}

// String formats l as "object section addr (function)".
func (l Loc) String() string {
	return fmt.Sprintf("%s %s %#x (%s)", l.Object, l.Section, l.Addr, l.Function)
}

// Site is one syscall instruction.
type Site struct {
	Loc
	// Numbers are the syscall numbers it may issue, sorted.
	Numbers []int
	// Forwarded is set when the number comes from the caller: the name
	// of the argument register at the function's entry (e.g. "rdi").
	// The calls of the function are then in Result.Calls.
	Forwarded string
	// Unresolved lists why the number is unknown on some paths; empty
	// if every path is resolved or forwarded.
	Unresolved []string
}

// Call is one call of a wrapper.
type Call struct {
	Loc
	// Callee is the wrapper called, Arg the register carrying the number.
	Callee string
	Arg    string
	// Numbers, Forwarded and Unresolved are as in Site.
	Numbers    []int
	Forwarded  string
	Unresolved []string
}

// Wrapper is a function that issues a syscall whose number its caller
// passes in an argument register.
type Wrapper struct {
	Loc
	// Arg is the register carrying the number at entry.
	Arg string
	// Calls counts its direct calls and tail jumps in the input.
	Calls int
}

// callSite is a call or tail jump instruction.
type callSite struct {
	sec *section
	idx int
}

type analysis struct {
	objects []*object
	// namespaces map global names to definitions; archives and
	// relocatable objects share one, each linked file has its own.
	ns      map[*object]map[string][]fnKey
	callers map[fnKey][]callSite
	callees map[fnKey][]fnKey
}

// Analyze disassembles the x86_64 ELF executables, shared objects,
// relocatable objects and ar archives at paths, and finds every syscall
// instruction and the numbers it may issue. Sites whose number comes from
// the caller are resolved at each call site, through as many wrapper
// levels as there are. Nothing found is dropped: unresolved sites are in
// the result with the reasons.
//
// An input that is not ELF or ar, or is ELF for another architecture, is
// an error naming the file.
func Analyze(paths []string, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("analyze: no input files")
	}
	for _, p := range opts.Roots {
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("analyze: root pattern %q: %w", p, err)
		}
	}
	a := &analysis{ns: map[*object]map[string][]fnKey{}, callers: map[fnKey][]callSite{}, callees: map[fnKey][]fnKey{}}
	res := &Result{Roots: opts.Roots}
	shared := map[string][]fnKey{}
	for _, p := range paths {
		objs, f, err := readFile(p)
		if err != nil {
			return nil, err
		}
		res.Files = append(res.Files, f)
		for _, o := range objs {
			ns := shared
			if o.linked {
				ns = map[string][]fnKey{}
			}
			a.ns[o] = ns
			for name, k := range o.globals {
				ns[name] = append(ns[name], k)
			}
			a.objects = append(a.objects, o)
		}
	}
	a.link()

	scope := a.scope(opts.Roots, &res.RootsMatched)
	inScope := func(sec *section, idx int) bool {
		return scope == nil || scope[fnKey{sec, sec.function(sec.insts[idx].addr)}]
	}

	type wkey struct {
		fn  fnKey
		arg reg
	}
	wrappers := map[wkey]bool{}
	var queue []wkey
	note := func(sec *section, outs []outcome) (nums []int, fwd string, why []string) {
		for _, o := range outs {
			switch o.kind {
			case outConst:
				if o.value < 0 || o.value >= MaxSyscall {
					why = append(why, fmt.Sprintf("constant %#x is not an x86_64 syscall number", o.value))
					continue
				}
				nums = append(nums, int(o.value))
			case outEntry:
				k := wkey{fnKey{sec, o.fn}, o.arg}
				if !wrappers[k] {
					wrappers[k] = true
					queue = append(queue, k)
				}
				if fwd != "" && fwd != o.arg.String() {
					why = append(why, fmt.Sprintf("number from both %s and %s at entry", fwd, o.arg))
				}
				fwd = o.arg.String()
			default:
				why = append(why, o.reason)
			}
		}
		sort.Ints(nums)
		nums = dedup(nums)
		sort.Strings(why)
		return nums, fwd, why
	}

	for _, o := range a.objects {
		for _, sec := range o.sections {
			for i := range sec.insts {
				in := &sec.insts[i]
				switch {
				case in.Op == x86asm.SYSCALL:
					nums, fwd, why := note(sec, sec.track(i, rax))
					if inScope(sec, i) {
						res.Sites = append(res.Sites, Site{Loc: sec.loc(i), Numbers: nums, Forwarded: fwd, Unresolved: why})
					}
				case in.Op == x86asm.INT && in.Args[0] == x86asm.Imm(0x80):
					if inScope(sec, i) {
						res.Sites = append(res.Sites, Site{Loc: sec.loc(i), Unresolved: []string{"int $0x80 uses the i386 syscall table, not analysed"}})
					}
				}
			}
		}
	}
	for len(queue) > 0 {
		w := queue[0]
		queue = queue[1:]
		callers := a.callers[w.fn]
		for _, c := range callers {
			nums, fwd, why := note(c.sec, c.sec.track(c.idx, w.arg))
			if inScope(c.sec, c.idx) {
				res.Calls = append(res.Calls, Call{Loc: c.sec.loc(c.idx), Callee: w.fn.sec.funcName(w.fn.start), Arg: w.arg.String(), Numbers: nums, Forwarded: fwd, Unresolved: why})
			}
		}
		if scope == nil || scope[w.fn] {
			res.Wrappers = append(res.Wrappers, Wrapper{Loc: w.fn.sec.loc(w.fn.sec.index[w.fn.start]), Arg: w.arg.String(), Calls: len(callers)})
		}
	}
	sortLocs(res)
	return res, nil
}

func dedup(a []int) []int {
	out := a[:0]
	for i, v := range a {
		if i == 0 || v != a[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func (s *section) loc(idx int) Loc {
	var a uint64
	if idx < len(s.insts) {
		a = s.insts[idx].addr
	}
	return Loc{Object: s.obj.name, Section: s.name, Function: s.funcName(s.function(a)), Addr: a}
}

func sortLocs(r *Result) {
	less := func(a, b Loc) bool {
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		if a.Section != b.Section {
			return a.Section < b.Section
		}
		return a.Addr < b.Addr
	}
	sort.SliceStable(r.Sites, func(i, j int) bool { return less(r.Sites[i].Loc, r.Sites[j].Loc) })
	sort.SliceStable(r.Calls, func(i, j int) bool {
		if r.Calls[i].Loc == r.Calls[j].Loc {
			return r.Calls[i].Callee < r.Calls[j].Callee
		}
		return less(r.Calls[i].Loc, r.Calls[j].Loc)
	})
	sort.SliceStable(r.Wrappers, func(i, j int) bool { return less(r.Wrappers[i].Loc, r.Wrappers[j].Loc) })
}

// resolve returns the functions a relocation or direct target denotes.
func (a *analysis) resolve(from *section, t relocTarget) []fnKey {
	if t.local != nil {
		return []fnKey{{t.local, t.offset}}
	}
	// Every definition may be the one linked (a weak one in the same
	// object, or a strong one elsewhere): static analysis keeps them all.
	return a.ns[from.obj][t.name]
}

// link finds function starts from call targets, then classifies direct
// jumps as intra-function edges or tail calls, and records call edges.
func (a *analysis) link() {
	type edge struct {
		from    *section
		idx     int
		targets []fnKey
		jump    bool
	}
	var edges []edge
	for _, o := range a.objects {
		for _, sec := range o.sections {
			for i := range sec.insts {
				in := &sec.insts[i]
				if in.Op != x86asm.CALL && !isJump(in.Op) {
					continue
				}
				t, ok := sec.directTarget(in)
				if !ok {
					continue
				}
				ts := a.resolve(sec, t)
				if in.Op == x86asm.CALL {
					for _, k := range ts {
						if k.sec != nil && k.start >= k.sec.addr && k.start < k.sec.addr+uint64(len(k.sec.data)) {
							if _, known := k.sec.starts[k.start]; !known {
								k.sec.starts[k.start] = ""
							}
						}
					}
				}
				edges = append(edges, edge{sec, i, ts, in.Op != x86asm.CALL})
			}
		}
	}
	for _, o := range a.objects {
		for _, sec := range o.sections {
			sec.finish()
			sec.jumps = map[uint64][]int{}
			sec.indirect = map[uint64][]int{}
			for i := range sec.insts {
				in := &sec.insts[i]
				if in.Op != x86asm.JMP {
					continue
				}
				if _, direct := in.Args[0].(x86asm.Rel); !direct {
					start := sec.function(in.addr)
					sec.indirect[start] = append(sec.indirect[start], i)
				}
			}
		}
	}
	for _, e := range edges {
		for _, k := range e.targets {
			if k.sec == nil {
				continue
			}
			_, isStart := k.sec.starts[k.start]
			if e.jump && k.sec == e.from && (!isStart || k.sec.function(e.from.insts[e.idx].addr) == k.start) {
				e.from.jumps[k.start] = append(e.from.jumps[k.start], e.idx)
				continue
			}
			if !isStart {
				// A jump into the middle of another section's code: treat
				// the enclosing function as the callee.
				k.start = k.sec.function(k.start)
			}
			a.callers[k] = append(a.callers[k], callSite{e.from, e.idx})
			caller := fnKey{e.from, e.from.function(e.from.insts[e.idx].addr)}
			a.callees[caller] = append(a.callees[caller], k)
		}
	}
}

// scope returns the functions reachable from roots, or nil for no limit.
func (a *analysis) scope(roots []string, matched *int) map[fnKey]bool {
	if len(roots) == 0 {
		return nil
	}
	match := func(s string) bool {
		for _, p := range roots {
			if ok, _ := path.Match(p, s); ok {
				return true
			}
		}
		return false
	}
	seen := map[fnKey]bool{}
	var work []fnKey
	for _, o := range a.objects {
		member := ""
		if i := strings.LastIndexByte(o.name, '('); i >= 0 && strings.HasSuffix(o.name, ")") {
			member = o.name[i+1 : len(o.name)-1]
			member = strings.TrimSuffix(member, path.Ext(member))
		}
		memberMatch := member != "" && match(member)
		for _, sec := range o.sections {
			for _, start := range sec.sortedStarts {
				name := sec.starts[start]
				if memberMatch || (name != "" && match(name)) {
					k := fnKey{sec, start}
					if !seen[k] {
						seen[k] = true
						work = append(work, k)
					}
				}
			}
		}
	}
	*matched = len(work)
	for len(work) > 0 {
		k := work[len(work)-1]
		work = work[:len(work)-1]
		for _, c := range a.callees[k] {
			if !seen[c] {
				seen[c] = true
				work = append(work, c)
			}
		}
	}
	return seen
}
