package textfold

import (
	"math/rand/v2"
	"testing"
)

// TestFoldASCIIAgrees checks the ASCII fast path against the Unicode path
// on every pair of ASCII characters and on random ASCII text.
func TestFoldASCIIAgrees(t *testing.T) {
	slow := func(s string) string {
		// The Unicode path, as for a text with one non-ASCII letter,
		// which folds to nothing but a separator here: "\u00a0" is a
		// no-break space.
		f := fold(s+"\u00a0", "e")
		return f
	}
	var cases []string
	for a := range 128 {
		for b := range 128 {
			cases = append(cases, string([]byte{byte(a), byte(b)}), "x"+string([]byte{byte(a)})+"Y"+string([]byte{byte(b)})+"9")
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		fast, ok := foldASCII(s)
		if !ok {
			t.Fatalf("%q: not taken as ASCII", s)
		}
		if want := slow(s); fast != want {
			t.Errorf("foldASCII(%q) = %q, fold = %q", s, fast, want)
		}
	}
	if _, ok := foldASCII("Kərimli"); ok {
		t.Error("non-ASCII text taken as ASCII")
	}
}
