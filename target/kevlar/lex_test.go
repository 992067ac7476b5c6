package kevlar

import (
	"strings"
	"testing"
)

func TestLex(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // kind:text tokens joined by spaces
	}{
		{"line comment", "a // b { c\nd", "id:a id:d"},
		{"nested block comment", "a /* x /* y */ { */ b", "id:a id:b"},
		{"string with brace and escape", `f("}\"{")`, `id:f p:( s:"}\"{" p:)`},
		{"raw string", `r#"a "quoted" } "#;`, `s:r#"a "quoted" } "# p:;`},
		{"raw string no hashes", `r"\"`, `s:r"\"`},
		{"byte string", `b"{"`, `s:b"{"`},
		{"char vs lifetime", `fn f<'a>(c: char) { '{' }`, `id:fn id:f p:< l:'a p:> p:( id:c p:: id:char p:) p:{ c:'{' p:}`},
		{"escaped chars", `'\'' '\n' '\u{1F600}' b'\''`, `c:'\'' c:'\n' c:'\u{1F600}' c:b'\''`},
		{"static lifetime", `&'static str`, `p:& l:'static id:str`},
		{"numbers", `0xF001 1_000usize 0..5 1.5`, `n:0xF001 n:1_000usize n:0 p:.. n:5 f:1.5`},
		{"operators", `a => b::c != d ..= e`, `id:a p:=> id:b p::: id:c p:!= id:d p:..= id:e`},
		{"attribute", `#[cfg(target_arch = "x86_64")]`, `p:# p:[ id:cfg p:( id:target_arch p:= s:"x86_64" p:) p:]`},
		{"raw identifier", `r#match`, `id:match`},
	}
	kinds := map[tokKind]string{tIdent: "id", tLifetime: "l", tInt: "n", tFloat: "f", tStr: "s", tChar: "c", tPunct: "p"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, err := lex(tt.src)
			if err != nil {
				t.Fatalf("lex: %v", err)
			}
			var got []string
			for _, tk := range toks {
				got = append(got, kinds[tk.kind]+":"+tk.text)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func TestLexKeepsCommentsAfterTokens(t *testing.T) {
	toks, err := lex("172 /* iopl */ | 173 // ioperm\n => x")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(toks[0].after, ","); got != "iopl" {
		t.Errorf("comment after 172 = %q, want iopl", got)
	}
	if got := strings.Join(toks[2].after, ","); got != "ioperm" {
		t.Errorf("comment after 173 = %q, want ioperm", got)
	}
	if toks[3].line != 2 {
		t.Errorf("=> on line %d, want 2", toks[3].line)
	}
}

func TestLexErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"/* open", "line 1: unterminated block comment"},
		{"\n\"abc", "line 2: unterminated string"},
		{`r#"abc"`, "line 1: unterminated raw string"},
		{"'\\n", "line 1: unterminated char literal"},
		{"a \x01", "line 1: unexpected character"},
	}
	for _, tt := range tests {
		_, err := lex(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("lex(%q) error %v, want %q", tt.src, err, tt.want)
		}
	}
}
