package kevlar

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a Rust token.
type tokKind int

const (
	tIdent    tokKind = iota // identifiers and keywords, raw r#idents without the r#
	tLifetime                // 'a, 'static
	tInt                     // integer literals, with their suffix
	tFloat                   // float literals
	tStr                     // "..", r#".."#, b"..", c".."
	tChar                    // 'x', b'x'
	tPunct                   // one operator or delimiter
)

// token is one significant Rust token. Comments are not tokens; the
// comments that follow a token (before the next one) are kept on it, so
// `172 /* iopl */` keeps its comment.
type token struct {
	kind tokKind
	text string
	line int
	// after holds the comment texts (without delimiters) that follow the
	// token before the next one.
	after []string
}

func (t token) is(kind tokKind, text string) bool { return t.kind == kind && t.text == text }

func (t token) punct(text string) bool { return t.is(tPunct, text) }

// multi-character operators the lexer joins, longest first.
var operators = []string{
	"..=", "...", "<<=", ">>=",
	"=>", "::", "->", "==", "!=", "<=", ">=", "&&", "||", "..",
	"+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>",
}

// lexError is a lexing failure at a line.
type lexError struct {
	line int
	msg  string
}

func (e *lexError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// lex splits Rust source into tokens. It understands line comments,
// nested block comments, strings with escapes, raw strings (r#".."#),
// byte and C strings, char literals versus lifetimes, and raw
// identifiers. Unterminated comments, strings and chars are errors.
func lex(src string) ([]token, error) {
	var toks []token
	line := 1
	i := 0
	addComment := func(text string) {
		if len(toks) > 0 {
			toks[len(toks)-1].after = append(toks[len(toks)-1].after, strings.TrimSpace(text))
		}
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case strings.HasPrefix(src[i:], "//"):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			addComment(strings.TrimLeft(src[i+2:i+end], "/!"))
			i += end
		case strings.HasPrefix(src[i:], "/*"):
			start, startLine := i, line
			depth := 0
			for {
				if i >= len(src) {
					return nil, &lexError{startLine, "unterminated block comment"}
				}
				if strings.HasPrefix(src[i:], "/*") {
					depth++
					i += 2
					continue
				}
				if strings.HasPrefix(src[i:], "*/") {
					depth--
					i += 2
					if depth == 0 {
						break
					}
					continue
				}
				if src[i] == '\n' {
					line++
				}
				i++
			}
			addComment(strings.Trim(src[start+2:i-2], "*! \t\n"))
		case isRawStrStart(src[i:]):
			// r"..", r#".."#, br#".."#, cr".."
			j := i
			for src[j] != 'r' {
				j++
			}
			j++
			hashes := 0
			for j < len(src) && src[j] == '#' {
				hashes++
				j++
			}
			j++ // the opening quote
			closer := "\"" + strings.Repeat("#", hashes)
			end := strings.Index(src[j:], closer)
			if end < 0 {
				return nil, &lexError{line, "unterminated raw string"}
			}
			text := src[i : j+end+len(closer)]
			toks = append(toks, token{kind: tStr, text: text, line: line})
			line += strings.Count(text, "\n")
			i = j + end + len(closer)
		case c == '"' || ((c == 'b' || c == 'c') && i+1 < len(src) && src[i+1] == '"'):
			start, startLine := i, line
			if c != '"' {
				i++
			}
			i++
			for {
				if i >= len(src) {
					return nil, &lexError{startLine, "unterminated string"}
				}
				if src[i] == '\\' {
					if i+1 < len(src) && src[i+1] == '\n' {
						line++
					}
					i += 2
					continue
				}
				if src[i] == '\n' {
					line++
				}
				if src[i] == '"' {
					i++
					break
				}
				i++
			}
			toks = append(toks, token{kind: tStr, text: src[start:i], line: startLine})
		case c == '\'' || (c == 'b' && i+1 < len(src) && src[i+1] == '\''):
			start := i
			if c == 'b' {
				i++
			}
			n, kind, err := quoteLen(src[i:])
			if err != nil {
				return nil, &lexError{line, err.Error()}
			}
			i += n
			toks = append(toks, token{kind: kind, text: src[start:i], line: line})
		case c >= '0' && c <= '9':
			start := i
			kind := tInt
			i++
			for i < len(src) && isIdentByte(src[i]) {
				// Exponents of floats: 1e-5.
				if (src[i] == 'e' || src[i] == 'E') && i+1 < len(src) && (src[i+1] == '-' || src[i+1] == '+') && !strings.HasPrefix(src[start:], "0x") {
					kind = tFloat
					i += 2
					continue
				}
				i++
			}
			// 1.5 is a float; 0..5 and 1.method() are not.
			if i+1 < len(src) && src[i] == '.' && src[i+1] >= '0' && src[i+1] <= '9' {
				kind = tFloat
				i++
				for i < len(src) && isIdentByte(src[i]) {
					i++
				}
			}
			toks = append(toks, token{kind: kind, text: src[start:i], line: line})
		case c == '_' || c >= 0x80 || unicode.IsLetter(rune(c)):
			start := i
			if strings.HasPrefix(src[i:], "r#") {
				i += 2
				start = i
			}
			for i < len(src) {
				r, size := utf8.DecodeRuneInString(src[i:])
				if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				i += size
			}
			if i == start {
				r, _ := utf8.DecodeRuneInString(src[i:])
				return nil, &lexError{line, fmt.Sprintf("unexpected character %q", r)}
			}
			toks = append(toks, token{kind: tIdent, text: src[start:i], line: line})
		default:
			op := string(c)
			for _, o := range operators {
				if strings.HasPrefix(src[i:], o) {
					op = o
					break
				}
			}
			if !strings.ContainsRune("{}[]()<>;:,.=+-*/%^!&|?#@~$", rune(c)) {
				return nil, &lexError{line, fmt.Sprintf("unexpected character %q", c)}
			}
			toks = append(toks, token{kind: tPunct, text: op, line: line})
			i += len(op)
		}
	}
	return toks, nil
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isRawStrStart reports whether s starts a raw string: r", r#", br", cr#".
func isRawStrStart(s string) bool {
	if strings.HasPrefix(s, "br") || strings.HasPrefix(s, "cr") {
		s = s[1:]
	}
	if !strings.HasPrefix(s, "r") {
		return false
	}
	s = strings.TrimLeft(s[1:], "#")
	return strings.HasPrefix(s, "\"")
}

// quoteLen measures a char literal or lifetime starting at a single quote.
func quoteLen(s string) (int, tokKind, error) {
	if len(s) < 2 {
		return 0, 0, fmt.Errorf("stray quote")
	}
	if s[1] == '\\' {
		// Escaped char: '\n', '\'', '\u{1F600}', '\x7f'.
		end := strings.IndexByte(s[3:], '\'')
		if end < 0 || strings.ContainsRune(s[:3+end], '\n') {
			return 0, 0, fmt.Errorf("unterminated char literal")
		}
		return 3 + end + 1, tChar, nil
	}
	r, size := utf8.DecodeRuneInString(s[1:])
	if 1+size < len(s) && s[1+size] == '\'' {
		return 1 + size + 1, tChar, nil
	}
	if r == '_' || unicode.IsLetter(r) {
		n := 1
		for n < len(s) {
			r, size := utf8.DecodeRuneInString(s[n:])
			if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			n += size
		}
		return n, tLifetime, nil
	}
	return 0, 0, fmt.Errorf("unterminated char literal")
}
