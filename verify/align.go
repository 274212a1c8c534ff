package verify

import (
	"strings"

	"github.com/quotedb/quotedb/search"
)

// Paraphrases are found and judged by their content words: the words left
// once function words (articles, pronouns, prepositions, auxiliaries) and
// negations are set aside, each compared by its stem, so that "used",
// "uses" and "use" are one word. A quote is a paraphrase of the stretch of
// a statement whose content words it shares most of (see align).

// functionWords are the English words that carry no content of their own.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "into": true, "and": true, "or": true, "but": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"it": true, "its": true, "that": true, "this": true, "these": true, "those": true, "there": true,
	"on": true, "for": true, "with": true, "as": true, "at": true, "by": true, "from": true, "about": true,
	"i": true, "we": true, "you": true, "he": true, "she": true, "they": true, "me": true, "us": true, "him": true, "her": true, "them": true,
	"my": true, "our": true, "your": true, "his": true, "their": true, "which": true, "who": true, "whom": true, "what": true,
	"will": true, "would": true, "shall": true, "should": true, "can": true, "could": true, "may": true, "might": true, "must": true,
	"has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "so": true, "if": true, "than": true, "then": true,
}

// stem returns the key a word is compared by: the word without the
// commonest English inflections (-s, -es, -ies, -ed, -ied, -ing) and then
// without a final e, so that "move", "moves", "moved" and "moving" all
// give "mov". It is deliberately crude: both sides of a comparison are
// stemmed alike, so a stem need not be a word.
func stem(w string) string {
	cut := func(suffix, with string) (string, bool) {
		if s, ok := strings.CutSuffix(w, suffix); ok && len(s) >= 2 {
			return s + with, true
		}
		return w, false
	}
	var s string
	var ok bool
	for _, r := range []struct{ suffix, with string }{{"ies", "y"}, {"ied", "y"}, {"ing", ""}, {"eed", "ee"}, {"ed", ""}, {"sses", "ss"}, {"ses", "s"}, {"xes", "x"}, {"ches", "ch"}, {"shes", "sh"}} {
		if s, ok = cut(r.suffix, r.with); ok {
			break
		}
	}
	if !ok && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		s, ok = cut("s", "")
	}
	if !ok {
		s = w
	}
	// stopped, planned: one consonant of the doubled pair.
	if n := len(s); ok && n >= 4 && s[n-1] == s[n-2] && !strings.ContainsRune("aeioulsz", rune(s[n-1])) {
		s = s[:n-1]
	}
	if t, cut := strings.CutSuffix(s, "e"); cut && len(t) >= 2 {
		s = t
	}
	return s
}

// variants returns the forms of a word to look up in the index: the word
// and the inflections of its stem that stem maps back to it.
func variants(w string) []string {
	st := stem(w)
	out := []string{w}
	for _, v := range []string{st, st + "e", st + "s", st + "es", st + "ed", st + "ing", st + "d"} {
		if v != w && stem(v) == st {
			out = append(out, v)
		}
	}
	return out
}

// isContent reports whether a folded word counts in alignment.
func isContent(w string) bool { return !functionWords[w] && !negations[w] }

// contentWords returns the quote's content words, each with its
// variants, for candidate retrieval; all its words if none is content.
func (t text) contentWords() []search.Word {
	var out, all []search.Word
	for _, w := range t.words {
		var forms []string
		for _, f := range strings.Split(w, "\x00") {
			forms = append(forms, variants(f)...)
		}
		sw := search.Word{Forms: forms}
		all = append(all, sw)
		if isContent(strings.Split(w, "\x00")[0]) {
			out = append(out, sw)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// align returns how much of their content the quote's words q share with
// the stretch of the statement's words s most like them, and that stretch
// [lo, hi): the Dice coefficient of the two multisets of content stems
// (twice the stems in common over the stems of the two), over stretches
// of three quarters of the quote's length up to a quarter more, in steps.
// A quote without content words is compared by all its words.
func align(q, s []string) (sim float64, lo, hi int) {
	keys := func(ws []string) []string {
		out := make([]string, len(ws))
		content := false
		for i, w := range ws {
			if isContent(w) {
				out[i], content = stem(w), true
			}
		}
		if !content {
			copy(out, ws)
		}
		return out
	}
	qk, sk := keys(q), keys(s)
	want := map[string]int{}
	nq := 0
	for _, k := range qk {
		if k != "" {
			want[k]++
			nq++
		}
	}
	if nq == 0 {
		return 0, 0, 0
	}
	for _, n := range []int{len(q) * 3 / 4, len(q), len(q) * 5 / 4} {
		n = max(1, min(n, len(s)))
		have := map[string]int{}
		inter, ns := 0, 0
		add := func(k string, d int) {
			if k == "" {
				return
			}
			before := min(have[k], want[k])
			have[k] += d
			ns += d
			inter += min(have[k], want[k]) - before
		}
		score := func() float64 { return 2 * float64(inter) / float64(nq+ns) }
		for i := range n {
			add(sk[i], 1)
		}
		if sc := score(); sc > sim {
			sim, lo, hi = sc, 0, n
		}
		for i := n; i < len(s); i++ {
			add(sk[i], 1)
			add(sk[i-n], -1)
			if sc := score(); sc > sim {
				sim, lo, hi = sc, i-n+1, i+1
			}
		}
	}
	return sim, lo, hi
}
