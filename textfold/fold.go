// Package textfold folds names and text for matching that ignores case and
// diacritics, including the letters of Azerbaijani that Unicode does not
// decompose (ə, ı) and its dotted and dotless I.
//
// Folding is for keys and comparisons only: the text a user stored is never
// replaced by its folded form.
package textfold

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// azLower lowercases with Azerbaijani rules, so that İ becomes i and I becomes
// ı (then folded to i below) rather than i with a combining dot.
func azLower(s string) string {
	c := azLowerCasers.Get().(*cases.Caser)
	defer azLowerCasers.Put(c)
	return c.String(s)
}

// azLowerCasers pools Azerbaijani lowercasers: a Caser keeps state while it
// works and must not be shared between goroutines.
var azLowerCasers = sync.Pool{New: func() any {
	c := cases.Lower(language.Azerbaijani)
	return &c
}}

// stripMarks removes combining marks: decompose, drop marks, recompose.
// The chain holds buffers of several kilobytes and, like a Caser, state
// while it works, so it is pooled too.
func stripMarks(s string) string {
	t := markChains.Get().(transform.Transformer)
	defer markChains.Put(t)
	s, _, _ = transform.String(t, s)
	return s
}

var markChains = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// letters maps letters with no Unicode decomposition to the ASCII letter that
// English-language transliterations use for them.
var letters = strings.NewReplacer(
	"ı", "i",
	"ø", "o",
	"ß", "ss",
	"æ", "ae",
	"œ", "oe",
	"đ", "d",
	"ł", "l",
	"’", "'",
	"‘", "'",
)

// schwa has two common transliterations: "Kərimli" is written both "Kerimli"
// and "Karimli".
const schwa = "ə"

// Fold returns s lowercased, without diacritics, with ı folded to i and
// with runs of non-letters and non-digits collapsed to one space. It folds ə to
// e; use Keys for matching names, where ə may stand for e or a.
func Fold(s string) string {
	return fold(s, "e")
}

func fold(s, schwaAs string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	// Invalid bytes would make the transformers below stop part-way and
	// leave the rest unfolded; they are separators like any non-letter.
	s = strings.ToValidUTF8(s, " ")
	s = azLower(s)
	s = strings.ReplaceAll(s, schwa, schwaAs)
	s = stripMarks(s)
	// After removing marks, so that ǣ and ǿ are replaced as æ and ø are.
	s = letters.Replace(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// foldASCII folds s as fold does when s is all ASCII, which most text is,
// without the Unicode transformers that take most of fold's time (and of
// storing a statement, whose near-duplicate shingles fold its text). ok is
// false when s has other bytes.
func foldASCII(s string) (folded string, ok bool) {
	// A Builder's String is its bytes, not a copy of them.
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		if c = asciiFold[c]; c == 0 {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String(), true
}

// asciiFold is what foldASCII makes of each ASCII byte: letters in
// lowercase, digits as they are, 0 for the rest (separators).
var asciiFold = func() (t [0x80]byte) {
	for c := range byte(0x80) {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = c
		}
	}
	return t
}()

// Keys returns the folded forms under which a name should be found: one, or
// two when it contains ə (one reading it as e, one as a).
func Keys(s string) []string {
	e := fold(s, "e")
	if !strings.Contains(azLower(s), schwa) {
		return []string{e}
	}
	return []string{e, fold(s, "a")}
}

// Words returns the words of Fold(s).
func Words(s string) []string { return strings.Fields(Fold(s)) }
