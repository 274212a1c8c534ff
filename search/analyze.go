package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/quotedb/quotedb/textfold"
)

// The analyzer splits text into words and folds each word the way package
// textfold folds names: lowercased with Azerbaijani rules (İ→i, I→ı→i),
// without diacritics, ı→i. Apostrophes inside a word are dropped, so that
// "don't" and "don’t" are the word "dont".
//
// The schwa ə has two transliterations ("Kərimli" is written "Kerimli" and
// "Karimli"). A word with ə is indexed under both folded forms at the same
// position, and a query word with ə is looked up under both; a query word
// without ə ("Karimli", "Kerimli") is looked up as written and finds the
// form it spells. Folding every e and a to one letter would do the same for
// names but would merge unrelated English words ("bed", "bad").
//
// Folding is done on words, not by rewriting the text before splitting it,
// so that each word keeps the byte offsets of its original spelling: they
// are what highlights mark in the stored text, which is never altered.

// AnalyzerName is the name of the analyzer in the index mapping.
const AnalyzerName = "quotedb"

const (
	tokenizerName = "quotedb_words"
	filterName    = "quotedb_fold"
)

func init() {
	registry.RegisterTokenizer(tokenizerName, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
	registry.RegisterTokenFilter(filterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
	registry.RegisterAnalyzer(AnalyzerName, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
		return analyzer, nil
	})
}

var analyzer = &analysis.DefaultAnalyzer{Tokenizer: wordTokenizer{}, TokenFilters: []analysis.TokenFilter{foldFilter{}}}

// wordTokenizer splits text into runs of letters, digits and combining
// marks; an apostrophe between two letters belongs to the word. It is a
// plain scan rather than full Unicode word segmentation, which is several
// times slower and splits no differently on the languages stored here.
type wordTokenizer struct{}

func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	start := -1
	pos := 0
	emit := func(end int) {
		pos++
		out = append(out, &analysis.Token{Term: input[start:end], Start: start, End: end, Position: pos, Type: analysis.AlphaNumeric})
		start = -1
	}
	for i := 0; i < len(input); {
		r, size := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 && isApostrophe(r) && i+size < len(input) && isLetterAt(input[i+size:]) && isLetterBefore(input[:i]) {
			// inside a word: don't, Qasım'ın
		} else if start >= 0 {
			emit(i)
		}
		i += size
	}
	if start >= 0 {
		emit(len(input))
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isLetterAt(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsLetter(r)
}

func isLetterBefore(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return unicode.IsLetter(r)
}

// foldFilter folds each token; a token with ə becomes two tokens at the same
// position, the e-reading first.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0:0]
	for _, t := range in {
		forms := foldWord(t.Term)
		t.Term = []byte(forms[0])
		out = append(out, t)
		if len(forms) > 1 {
			alt := *t
			alt.Term = []byte(forms[1])
			out = append(out, &alt)
		}
	}
	return out
}

// foldWord returns the folded forms of one word: one, or two when it
// contains ə. ASCII words, the great majority, are only lowercased, which is
// what textfold does to them; other words go through textfold.
func foldWord(w []byte) []string {
	ascii := true
	upper := false
	for _, c := range w {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' || c == '\'' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return []string{string(w)}
		}
		b := make([]byte, 0, len(w))
		for _, c := range w {
			switch {
			case c == '\'':
				continue
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		return []string{string(b)}
	}
	keys := textfold.Keys(string(w))
	for i, k := range keys {
		keys[i] = strings.ReplaceAll(k, " ", "")
	}
	if len(keys) == 2 && keys[0] == keys[1] {
		keys = keys[:1]
	}
	return keys
}

// Word is one word of a text as the index sees it.
type Word struct {
	// Forms are the folded forms the word is indexed under: one, or two
	// for a word with ə (the e-reading, then the a-reading).
	Forms []string
	// Start and End are the word's byte offsets in the text analysed.
	Start, End int
}

// Words splits text into words and folds them exactly as the index does.
// Verification and highlighting use it to compare texts the index's way.
func Words(text string) []Word {
	toks := analyzer.Analyze([]byte(text))
	words := make([]Word, 0, len(toks))
	for _, t := range toks {
		if n := len(words); n > 0 && words[n-1].Start == t.Start {
			words[n-1].Forms = append(words[n-1].Forms, string(t.Term))
			continue
		}
		words = append(words, Word{Forms: []string{string(t.Term)}, Start: t.Start, End: t.End})
	}
	return words
}
