package workload

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Kind is what a step does.
type Kind int

// The kinds of steps.
const (
	// StepRun runs an applet and waits for it.
	StepRun Kind = iota
	// StepBackground starts an applet and goes on at once.
	StepBackground
	// StepListen waits until a TCP socket listens on 127.0.0.1:Port.
	StepListen
)

// Step is one line of a workload script, with its variables expanded.
type Step struct {
	// Line is the step's line number in the script, from 1.
	Line int
	Kind Kind
	// Applet and Args are the applet run and its arguments (StepRun,
	// StepBackground).
	Applet string
	Args   []string
	// Fail means the step must end with a non-zero status or a signal.
	Fail bool
	// Stdin and Stdout are redirection targets relative to the scratch
	// directory; "" means /dev/null and discarded. Append opens Stdout
	// for appending.
	Stdin, Stdout string
	Append        bool
	// Port is the port a StepListen step waits for.
	Port int
}

// String returns the step as a command line, for messages.
func (s *Step) String() string {
	if s.Kind == StepListen {
		return fmt.Sprintf("%%listen %d", s.Port)
	}
	return strings.Join(append([]string{s.Applet}, s.Args...), " ")
}

// Parse reads a workload script. vars holds the values of the variables
// the script may use ($PORT, $BUSYBOX, $DIR). name is used in errors.
func Parse(name string, src []byte, vars map[string]string) ([]Step, error) {
	var steps []Step
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words, err := split(line, vars)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		st, err := parseStep(words)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		st.Line = n
		steps = append(steps, st)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("%s: no steps", name)
	}
	return steps, nil
}

// word is one word of a line; quoted words are never directives or
// redirections.
type word struct {
	s      string
	quoted bool
}

func parseStep(words []word) (Step, error) {
	var st Step
	first := words[0]
	if !first.quoted && strings.HasPrefix(first.s, "%") {
		switch first.s {
		case "%listen":
			if len(words) != 2 {
				return st, fmt.Errorf("%%listen wants one port")
			}
			p, err := strconv.Atoi(words[1].s)
			if err != nil || p < 1 || p > 65535 {
				return st, fmt.Errorf("%%listen: bad port %q", words[1].s)
			}
			st.Kind, st.Port = StepListen, p
			return st, nil
		case "%bg":
			st.Kind = StepBackground
		case "%fail":
			st.Fail = true
		default:
			return st, fmt.Errorf("unknown directive %s (want %%bg, %%fail or %%listen)", first.s)
		}
		words = words[1:]
	}
	// Redirections are the last words of the line.
	for len(words) >= 2 {
		op := words[len(words)-2]
		if op.quoted {
			break
		}
		target := words[len(words)-1].s
		switch op.s {
		case "<":
			if st.Stdin != "" {
				return st, fmt.Errorf("two < redirections")
			}
			st.Stdin = target
		case ">", ">>":
			if st.Stdout != "" {
				return st, fmt.Errorf("two > redirections")
			}
			st.Stdout, st.Append = target, op.s == ">>"
		default:
			goto done
		}
		words = words[:len(words)-2]
	}
done:
	for _, w := range words {
		if !w.quoted && (w.s == "<" || w.s == ">" || w.s == ">>" || w.s == "|" || w.s == "&" || w.s == ";") {
			return st, fmt.Errorf("%q: only trailing < FILE and > FILE redirections are supported (quote it to pass it as an argument)", w.s)
		}
	}
	if len(words) == 0 {
		return st, fmt.Errorf("no applet")
	}
	st.Applet = words[0].s
	for _, w := range words[1:] {
		st.Args = append(st.Args, w.s)
	}
	return st, nil
}

// split splits line into words like sh, without globbing, expanding vars.
func split(line string, vars map[string]string) ([]word, error) {
	var words []word
	var cur strings.Builder
	inWord, quoted := false, false
	flush := func() {
		if inWord {
			words = append(words, word{cur.String(), quoted})
		}
		cur.Reset()
		inWord, quoted = false, false
	}
	expand := func(i int) (int, error) {
		// line[i] == '$'
		j := i + 1
		brace := j < len(line) && line[j] == '{'
		if brace {
			j++
		}
		k := j
		for k < len(line) && (line[k] == '_' || line[k] >= 'A' && line[k] <= 'Z' || line[k] >= 'a' && line[k] <= 'z' || k > j && line[k] >= '0' && line[k] <= '9') {
			k++
		}
		if k == j {
			return 0, fmt.Errorf("lone $ at column %d (write '$' to pass it)", i+1)
		}
		name := line[j:k]
		if brace {
			if k >= len(line) || line[k] != '}' {
				return 0, fmt.Errorf("unterminated ${ at column %d", i+1)
			}
			k++
		}
		v, ok := vars[name]
		if !ok {
			return 0, fmt.Errorf("unknown variable $%s", name)
		}
		cur.WriteString(v)
		return k, nil
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			flush()
			i++
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("unterminated single quote at column %d", i+1)
			}
			cur.WriteString(line[i+1 : i+1+end])
			inWord, quoted = true, true
			i += end + 2
		case c == '"':
			inWord, quoted = true, true
			i++
			for {
				if i >= len(line) {
					return nil, fmt.Errorf("unterminated double quote")
				}
				d := line[i]
				if d == '"' {
					i++
					break
				}
				if d == '\\' && i+1 < len(line) && strings.IndexByte("$`\"\\", line[i+1]) >= 0 {
					cur.WriteByte(line[i+1])
					i += 2
					continue
				}
				if d == '$' {
					k, err := expand(i)
					if err != nil {
						return nil, err
					}
					i = k
					continue
				}
				cur.WriteByte(d)
				i++
			}
		case c == '\\':
			if i+1 >= len(line) {
				return nil, fmt.Errorf("trailing backslash")
			}
			cur.WriteByte(line[i+1])
			inWord, quoted = true, true
			i += 2
		case c == '$':
			k, err := expand(i)
			if err != nil {
				return nil, err
			}
			inWord = true
			i = k
		default:
			cur.WriteByte(c)
			inWord = true
			i++
		}
	}
	flush()
	return words, nil
}
