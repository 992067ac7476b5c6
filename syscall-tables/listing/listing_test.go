package listing

import (
	"reflect"
	"testing"

	systab "github.com/syscov/syscov/syscall-tables"
)

func TestSuggest(t *testing.T) {
	tests := []struct {
		arch systab.Arch
		name string
		want []string
	}{
		{systab.X86_64, "opnat", []string{"openat", "openat2"}},
		{systab.X86_64, "futx", []string{"futex"}},
		// Prefix matches first at equal distance.
		{systab.AArch64, "open", []string{"openat", "fsopen", "openat2"}},
		{systab.X86_64, "clone4", []string{"clone", "clone3", "close"}},
		{systab.X86_64, "xyzzy", nil},
	}
	for _, tt := range tests {
		tab, err := systab.Linux(tt.arch)
		if err != nil {
			t.Fatal(err)
		}
		if got := Suggest(tab, tt.name); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Suggest(%s, %q) = %q, want %q", tt.arch, tt.name, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"futex", "futex", 0}, {"futx", "futex", 1}, {"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestFlagsWhenDecoded checks that a conditional behaviour names the
// condition's values with the condition argument's dictionary.
func TestFlagsWhenDecoded(t *testing.T) {
	tab, err := systab.Linux(systab.X86_64)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := tab.ByName("fcntl")
	doc := Flags(tab, sc)
	var whens []string
	for _, a := range doc.Arguments {
		if a.When != nil {
			whens = append(whens, a.When.Values...)
		}
	}
	if want := []string{"F_SETFL", "F_SETFD"}; !reflect.DeepEqual(whens, want) {
		t.Errorf("fcntl conditions = %q, want %q", whens, want)
	}
	n := 0
	for _, a := range doc.Arguments {
		n += len(a.Values)
	}
	if n != doc.Count {
		t.Errorf("Count = %d, values = %d", doc.Count, n)
	}
}
