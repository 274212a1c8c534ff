package search_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/internal/corpustest"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// openCorpus ingests the shared corpus's documents into a new database and
// waits for the index to take them in.
func openCorpus(t *testing.T) (*env, []*store.Statement) {
	t.Helper()
	e := openEmpty(t)
	all := corpustest.Ingest(t, e.st)
	e.wait(t)
	return e, all
}

// rank returns the 1-based position of id among the hits of q, or 0.
func rank(t *testing.T, e *env, q search.StatementQuery, id string) int {
	t.Helper()
	res, err := e.ix.SearchStatements(context.Background(), q)
	if err != nil {
		t.Fatalf("search %q: %v", q.Query, err)
	}
	for i, h := range res.Hits {
		if h.Statement.ID == id {
			return i + 1
		}
	}
	return 0
}

// TestCorpusRanking asks, for every statement of the ingested corpus long
// enough to have a distinctive stretch, for words taken from it at run time
// (the corpus's text is not part of the project): its own phrase must rank
// it first or tied with a statement of the same words (a pull quote, a
// document reported twice); a misspelt fuzzy query must still find it near
// the top; and a query restricted to its speaker must find it.
func TestCorpusRanking(t *testing.T) {
	e, all := openCorpus(t)
	df := documentFrequency(all)
	var phrases, rareTop3, fuzzy, fuzzyTop10, scoped, scopedFound int
	for _, st := range all {
		words := search.Words(st.Text)
		if len(words) < 8 {
			continue
		}
		mid := words[len(words)/2-2 : len(words)/2+2]
		phrase := `"` + st.Text[mid[0].Start:mid[3].End] + `"`
		phrases++
		res, err := e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: phrase, First: store.MaxPageSize})
		if err != nil {
			t.Fatalf("search %s: %v", phrase, err)
		}
		at := slices.IndexFunc(res.Hits, func(h search.StatementHit) bool { return h.Statement.ID == st.ID })
		switch {
		case at < 0:
			t.Errorf("phrase %s does not find its statement", phrase)
		case len(res.Hits) != containing(all, phrase):
			t.Errorf("phrase %s finds %d statements; %d contain it", phrase, len(res.Hits), containing(all, phrase))
		}

		// Its four rarest words, unquoted: a ranking question. The
		// statement should come in the top three.
		rare := rarest(words, df, 4)
		if r := rank(t, e, search.StatementQuery{Query: strings.Join(rare, " "), First: 3}, st.ID); r > 0 {
			rareTop3++
		} else {
			t.Logf("rare words %q do not rank their statement in the top 3", rare)
		}

		// The longest word misspelt by one dropped letter, with the two
		// words beside it in the phrase.
		longest := slices.MaxFunc(mid, func(a, b search.Word) int { return (a.End - a.Start) - (b.End - b.Start) })
		if w := longest.Forms[0]; len(w) >= 7 && !strings.ContainsAny(w, "0123456789") {
			fuzzy++
			var q []string
			for _, m := range mid {
				if m.Start == longest.Start {
					q = append(q, w[:2]+w[3:]+"~")
				} else {
					q = append(q, m.Forms[0])
				}
			}
			if r := rank(t, e, search.StatementQuery{Query: strings.Join(q, " "), First: 10}, st.ID); r > 0 {
				fuzzyTop10++
			} else {
				t.Logf("fuzzy query %q misses its statement", strings.Join(q, " "))
			}
		}

		if st.SpeakerID != "" {
			scoped++
			q := search.StatementQuery{Query: longest.Forms[0], Filter: store.StatementFilter{SpeakerIDs: []string{st.SpeakerID}}, First: 50}
			if rank(t, e, q, st.ID) > 0 {
				scopedFound++
			}
		}
	}
	t.Logf("%d statements: phrase found %d, rarest words rank it in the top 3 %d, fuzzy in top 10 %d/%d, speaker-scoped found %d/%d",
		len(all), phrases, rareTop3, fuzzyTop10, fuzzy, scopedFound, scoped)
	if phrases < 500 {
		t.Fatalf("only %d statements to ask about; is the corpus complete?", phrases)
	}
	if float64(rareTop3) < 0.99*float64(phrases) {
		t.Errorf("a statement's rarest words ranked it in the top 3 for %d of %d statements", rareTop3, phrases)
	}
	if float64(fuzzyTop10) < 0.99*float64(fuzzy) {
		t.Errorf("misspelt queries found their statement in the top 10 for %d of %d", fuzzyTop10, fuzzy)
	}
	if scopedFound != scoped {
		t.Errorf("speaker-scoped queries found their statement %d of %d times", scopedFound, scoped)
	}
}

// containing counts the statements whose words include the phrase's, by
// brute force over the index's own word folding.
func containing(all []*store.Statement, phrase string) int {
	want := forms(search.Words(strings.Trim(phrase, `"`)))
	n := 0
	for _, st := range all {
		have := forms(search.Words(st.Text))
		for i := 0; i+len(want) <= len(have); i++ {
			if slices.Equal(have[i:i+len(want)], want) {
				n++
				break
			}
		}
	}
	return n
}

func forms(ws []search.Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Forms[0]
	}
	return out
}

// documentFrequency counts, for each folded word, the statements that have
// it.
func documentFrequency(all []*store.Statement) map[string]int {
	df := map[string]int{}
	for _, st := range all {
		seen := map[string]bool{}
		for _, w := range search.Words(st.Text) {
			if f := w.Forms[0]; !seen[f] {
				seen[f] = true
				df[f]++
			}
		}
	}
	return df
}

// rarest returns the n distinct words of ws with the fewest statements,
// ties broken alphabetically.
func rarest(ws []search.Word, df map[string]int, n int) []string {
	words := slices.Compact(slices.Sorted(slices.Values(forms(ws))))
	slices.SortStableFunc(words, func(a, b string) int { return df[a] - df[b] })
	return words[:min(n, len(words))]
}
