// Package verify checks a quote against the stored statements: was it said,
// in these words, and by whom.
//
// A quote is compared word by word with the statements the search index
// finds for it, after normalisation: words are split and folded as the
// index folds them (case, diacritics, Azerbaijani letters, ə read as e or
// a), so that quotation marks, dashes, spacing and spelling variants never
// matter. Normalisation is for comparing only; no stored text is altered.
//
// Verdicts, for each statement compared:
//
//   - EXACT: the statement has the quote's words, all and only them, in
//     order.
//   - PARTIAL: the quote's words stand, in order and together, inside a
//     longer statement.
//   - PARAPHRASE: close wording or a rewording: the stretch of the
//     statement most like the quote shares at least ParaphraseThreshold of
//     the words of the two (Jaccard similarity over word multisets), or of
//     their content words by stem (Dice; see align).
//   - MISATTRIBUTED: one of the above, but the quote was attributed to a
//     speaker and the statement is someone else's.
//   - NOT_FOUND: no statement matches.
//
// The statements compared are those the index ranks best for a
// disjunction of all the quote's content words, each in its inflections
// (see Index.Candidates), so that a rewording is found whichever of its
// words changed.
//
// Negation decides: a statement where the quote adds or drops a negation
// of words the two share ("would not improve" against "would improve") is
// no match, however alike the words.
package verify

import (
	"context"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// Verdict is how a stored statement matches a quote.
type Verdict string

const (
	Exact         Verdict = "EXACT"
	Partial       Verdict = "PARTIAL"
	Paraphrase    Verdict = "PARAPHRASE"
	Misattributed Verdict = "MISATTRIBUTED"
	NotFound      Verdict = "NOT_FOUND"
)

const (
	// ParaphraseThreshold is the least similarity of a paraphrase.
	ParaphraseThreshold = 0.5
	// candidates is how many statements the index is asked for.
	candidates = 50
	// maxResults bounds the matches returned.
	maxResults = 10
	// negationReach is how many content words after a negation it
	// negates, within its clause ("would not improve", "was not in the
	// complex").
	negationReach = 3
	// MaxQuoteBytes bounds the text of a quote.
	MaxQuoteBytes = 10_000
)

// Quote is what to verify.
type Quote struct {
	Text string
	// Speaker is the speaker the quote is attributed to, by id or by
	// name (any of their names or aliases, or a surname alone); empty
	// when unknown.
	Speaker string
	// Date is when the quote was said, when known; statements said on
	// an overlapping date rank first among equals.
	Date partialdate.Date
}

// Match is one stored statement compared with the quote.
type Match struct {
	// Statement is nil for NOT_FOUND.
	Statement *store.Statement
	Verdict   Verdict
	// Similarity is 1 for EXACT and PARTIAL and the Jaccard similarity
	// of the words of the quote and of the most similar stretch of the
	// statement otherwise, 0 to 1.
	Similarity float64
	// SpeakerMatches is true when the statement's speaker is the one the
	// quote names (false when it names none); DateMatches likewise for
	// the date.
	SpeakerMatches bool
	DateMatches    bool
}

// Verifier verifies quotes against a store through its search index.
type Verifier struct {
	Store store.Store
	Index *search.Index
}

// Verify returns the statements that match the quote, best first: those
// of the named speaker before others, then by verdict (exact, partial,
// paraphrase), similarity and date. When none matches it returns one
// Match with verdict NOT_FOUND and no statement. An empty or oversized
// quote, or a speaker id that names no speaker, is errs.Invalid; without a
// usable index it fails with errs.Unavailable.
func (v *Verifier) Verify(ctx context.Context, q Quote) ([]Match, error) {
	if len(q.Text) > MaxQuoteBytes {
		return nil, errs.E(errs.TooLarge, "a quote may be at most %d bytes", MaxQuoteBytes)
	}
	quote := newText(q.Text)
	if len(quote.words) == 0 {
		return nil, errs.E(errs.Invalid, "the quote has no words")
	}
	ids, err := v.Index.Candidates(ctx, quote.contentWords(), candidates)
	if err != nil {
		return nil, err
	}
	var out []Match
	err = v.Store.View(ctx, func(tx store.Tx) error {
		claimed, err := claimedSpeaker(tx, q.Speaker)
		if err != nil {
			return err
		}
		sts, err := tx.StatementsByID(ids)
		if err != nil {
			return err
		}
		var speakerIDs []string
		for _, s := range sts {
			if s != nil && s.SpeakerID != "" {
				speakerIDs = append(speakerIDs, s.SpeakerID)
			}
		}
		speakers, err := tx.SpeakersByID(speakerIDs)
		if err != nil {
			return err
		}
		byID := map[string]*store.Speaker{}
		for _, sp := range speakers {
			if sp != nil {
				byID[sp.ID] = sp
			}
		}
		for _, s := range sts {
			if s == nil {
				continue
			}
			verdict, sim := compare(quote, newText(s.Text))
			if verdict == NotFound {
				continue
			}
			m := Match{Statement: s, Verdict: verdict, Similarity: sim}
			if claimed != nil {
				m.SpeakerMatches = claimed(byID[s.SpeakerID])
				if !m.SpeakerMatches {
					m.Verdict = Misattributed
				}
			}
			m.DateMatches = !q.Date.IsZero() && partialdate.Of(q.Date).Overlaps(partialdate.Of(s.Said)) && !s.Said.IsZero()
			out = append(out, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		switch {
		case a.SpeakerMatches != b.SpeakerMatches:
			return boolOrder(a.SpeakerMatches)
		case textRank(a) != textRank(b):
			return textRank(a) - textRank(b)
		case a.Similarity != b.Similarity:
			if a.Similarity > b.Similarity {
				return -1
			}
			return 1
		case a.DateMatches != b.DateMatches:
			return boolOrder(a.DateMatches)
		}
		return 0
	})
	if len(out) == 0 {
		return []Match{{Verdict: NotFound}}, nil
	}
	return out[:min(len(out), maxResults)], nil
}

func boolOrder(first bool) int {
	if first {
		return -1
	}
	return 1
}

// textRank orders matches by how closely the words match, whoever said
// them.
func textRank(m Match) int {
	if m.Similarity == 1 && m.Verdict != Paraphrase {
		return 0
	}
	return 1
}

// claimedSpeaker returns a test of whether a statement's speaker is the one
// named, or nil when none is named. An id must name a speaker; a name is
// compared with each speaker's names, so an unknown name matches no one
// (and every match is then misattributed).
func claimedSpeaker(tx store.Tx, ref string) (func(*store.Speaker) bool, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, nil
	}
	if looksLikeID(ref) {
		sp, err := tx.Speaker(ref)
		if err != nil {
			if errs.Is(err, errs.NotFound) {
				return nil, errs.E(errs.Invalid, "speaker %s does not exist", ref)
			}
			return nil, err
		}
		return func(s *store.Speaker) bool { return s != nil && s.ID == sp.ID }, nil
	}
	wantKeys := textfold.Keys(ref)
	return func(s *store.Speaker) bool {
		if s == nil {
			return false
		}
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			for _, k := range textfold.Keys(name) {
				words := strings.Fields(k)
				for _, want := range wantKeys {
					// The whole name, or a part of it (a surname): all
					// the words named stand in the name.
					if !slices.ContainsFunc(strings.Fields(want), func(w string) bool { return !slices.Contains(words, w) }) {
						return true
					}
				}
			}
		}
		return false
	}, nil
}

func looksLikeID(s string) bool {
	return len(s) == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-'
}

// text is a text split into normalised words.
type text struct {
	words   []string // one form per word; see newText
	negated []bool   // whether a negation precedes the word within reach
}

// newText splits s into words as the index does. A word with ə has two
// forms (e and a readings); it is kept as its e-reading, and canon later
// maps the a-reading of either text to it, so that "Karimli" meets
// "Kərimli".
func newText(s string) text {
	ws := search.Words(s)
	t := text{words: make([]string, len(ws)), negated: make([]bool, len(ws))}
	reach := 0 // content words a negation still reaches
	for i, w := range ws {
		t.words[i] = w.Forms[0]
		if len(w.Forms) > 1 {
			t.words[i] = w.Forms[0] + "\x00" + w.Forms[1]
		}
		// A negation reaches to the end of its clause at most.
		if i > 0 && strings.ContainsAny(s[ws[i-1].End:w.Start], ",.;:!?()—–") {
			reach = 0
		}
		t.negated[i] = reach > 0
		switch {
		case isNegation(w.Forms[0], s[w.Start:w.End]):
			reach = negationReach
		case reach > 0 && isContent(w.Forms[0]):
			reach--
		}
	}
	return t
}

// negations are the words that negate what follows, in English and
// Azerbaijani (folded). Contractions in n't are found by their spelling.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "neither": true, "without": true,
	"none": true, "nothing": true, "nobody": true, "nowhere": true, "cannot": true,
	"deyil": true, "deyildir": true, "yox": true, "yoxdur": true, "hec": true,
}

func isNegation(folded, raw string) bool {
	if negations[folded] {
		return true
	}
	raw = strings.ToLower(raw)
	return strings.HasSuffix(raw, "n't") || strings.HasSuffix(raw, "n’t")
}

// canon returns the words of q and s with the a-reading of any ə word of
// either text replaced by its e-reading, so that each word has one form.
func canon(q, s text) (qw, sw []string) {
	alias := map[string]string{}
	for _, t := range []text{q, s} {
		for _, w := range t.words {
			if e, a, ok := strings.Cut(w, "\x00"); ok {
				alias[a] = e
			}
		}
	}
	fix := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			if e, _, ok := strings.Cut(w, "\x00"); ok {
				w = e
			} else if e, ok := alias[w]; ok {
				w = e
			}
			out[i] = w
		}
		return out
	}
	return fix(q.words), fix(s.words)
}

// compare returns the verdict of statement s against quote q (without the
// speaker) and the similarity.
func compare(q, s text) (Verdict, float64) {
	qw, sw := canon(q, s)
	if at := index(sw, qw); at >= 0 {
		if contradicts(q, s, qw, sw, at, at+len(qw)) {
			return NotFound, 0
		}
		if len(qw) == len(sw) {
			return Exact, 1
		}
		return Partial, 1
	}
	// The better of two measures: the share of all the words in common
	// (close wording), and of the content words (rewording around them).
	sim, lo, hi := bestWindow(qw, sw)
	if a, alo, ahi := align(qw, sw); a > sim {
		sim, lo, hi = a, alo, ahi
	}
	if sim < ParaphraseThreshold || contradicts(q, s, qw, sw, lo, hi) {
		return NotFound, sim
	}
	return Paraphrase, sim
}

// index returns where the word sequence sub starts in ws, or -1.
func index(ws, sub []string) int {
	for i := 0; i+len(sub) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// bestWindow returns the highest Jaccard similarity between the word
// multiset of q and that of a stretch of s of q's length (all of s when
// shorter), and that stretch.
func bestWindow(q, s []string) (sim float64, lo, hi int) {
	want := map[string]int{}
	for _, w := range q {
		want[w]++
	}
	n := min(len(q), len(s))
	have := map[string]int{}
	inter := 0
	add := func(w string, d int) {
		before := min(have[w], want[w])
		have[w] += d
		inter += min(have[w], want[w]) - before
	}
	for i := range n {
		add(s[i], 1)
	}
	score := func() float64 { return float64(inter) / float64(len(q)+n-inter) }
	sim, lo, hi = score(), 0, n
	for i := n; i < len(s); i++ {
		add(s[i], 1)
		add(s[i-n], -1)
		if sc := score(); sc > sim {
			sim, lo, hi = sc, i-n+1, i+1
		}
	}
	return sim, lo, hi
}

// contradicts reports whether the quote negates what the stretch [lo, hi)
// of the statement says, or the reverse: the quote has more negations
// than the stretch (and the words just before it) and a word they share
// is negated more often in the quote; or fewer, and a shared word is
// negated more often in the statement and plain more often in the quote.
// (With as many negations on each side, a word replaced near a negation
// only moves its reach.) Content words decide when the two share any;
// otherwise every word does.
func contradicts(q, s text, qw, sw []string, lo, hi int) bool {
	type uses struct{ plain, negated int }
	count := func(t text, ws []string, from, to int) map[string]*uses {
		m := map[string]*uses{}
		for i := from; i < to; i++ {
			u := m[ws[i]]
			if u == nil {
				u = &uses{}
				m[ws[i]] = u
			}
			if t.negated[i] {
				u.negated++
			} else {
				u.plain++
			}
		}
		return m
	}
	negs := func(ws []string, from, to int) int {
		n := 0
		for _, w := range ws[max(0, from):to] {
			if negations[w] {
				n++
			}
		}
		return n
	}
	qneg, sneg := negs(qw, 0, len(qw)), negs(sw, lo-negationReach, hi)
	if qneg == sneg {
		return false
	}
	qn := count(q, qw, 0, len(qw))
	sn := count(s, sw, lo, hi)
	check := func(content bool) (shared, contradicted bool) {
		for w, qu := range qn {
			su, ok := sn[w]
			if !ok || negations[w] || content && !isContent(w) {
				continue
			}
			shared = true
			if qneg > sneg && qu.negated > su.negated || qneg < sneg && su.negated > qu.negated && qu.plain > su.plain {
				return true, true
			}
		}
		return shared, false
	}
	if shared, c := check(true); shared {
		return c
	}
	_, c := check(false)
	return c
}
