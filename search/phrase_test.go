package search

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/quotedb/quotedb/store"
)

// phraseQuery finds what bleve's own phrase query finds, with the same
// scores: phrases of two to four words taken from the statements, the same
// words shuffled (mostly not phrases), and words with ə (two forms).
func TestPhraseQueryAgreesWithBleve(t *testing.T) {
	ctx := context.Background()
	st, _ := openGenerated(t, 2000)
	err := st.Update(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 40})
		if err != nil {
			return err
		}
		for i, s := range c.Items {
			s.Span = nil
			s.Text += " Əli Kərimli dedi ki, Kərimli haqlıdır."
			if i%2 == 0 {
				s.Text = "Kərimli " + s.Text
			}
			if err := tx.UpdateStatement(s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sh := rebuilt(t, st, 1)

	r := rand.New(rand.NewPCG(1, 2))
	var phrases [][][]string
	err = st.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 300})
		if err != nil {
			return err
		}
		for _, s := range c.Items {
			ws := Words(s.Text)
			n := 2 + r.IntN(3)
			if len(ws) < n {
				continue
			}
			start := r.IntN(len(ws) - n + 1)
			var p [][]string
			for _, w := range ws[start : start+n] {
				p = append(p, w.Forms)
			}
			phrases = append(phrases, p)
			shuffled := append([][]string(nil), p...)
			r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			phrases = append(phrases, shuffled)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Kərimli dedi", "Əli Kərimli", "ki Kərimli haqlıdır", "Kerimli haqlidir"} {
		var p [][]string
		for _, word := range Words(w) {
			p = append(p, word.Forms)
		}
		phrases = append(phrases, p)
	}

	matched, withPairs := 0, 0
	for _, p := range phrases {
		want, err := sh.all.Search(bleve.NewSearchRequestOptions(query.NewMultiPhraseQuery(p, fText), 10000, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		q := newPhraseQuery(fText, p)
		if len(q.pairs) > 0 {
			withPairs++
		}
		got, err := sh.all.Search(bleve.NewSearchRequestOptions(q, 10000, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Errorf("%q: %d matches, bleve %d", p, got.Total, want.Total)
			continue
		}
		if want.Total > 0 {
			matched++
		}
		scores := map[string]float64{}
		for _, h := range want.Hits {
			scores[h.ID] = h.Score
		}
		for _, h := range got.Hits {
			if s, ok := scores[h.ID]; !ok || math.Abs(s-h.Score) > 1e-9*s {
				t.Errorf("%q: %s scored %v, by bleve %v (found %v)", p, h.ID, h.Score, s, ok)
				break
			}
		}
	}
	if matched < len(phrases)/3 {
		t.Errorf("only %d of %d phrases match anything", matched, len(phrases))
	}
	if withPairs < len(phrases)/3 || withPairs == len(phrases) {
		t.Errorf("%d of %d phrases have function-word pairs: both kinds must be tried", withPairs, len(phrases))
	}
}

// fuzzyQuery finds what bleve's fuzzy query finds, in the same order when
// one word of the index is close enough.
func TestFuzzyQueryAgreesWithBleve(t *testing.T) {
	st, _ := openGenerated(t, 1000)
	sh := rebuilt(t, st, 2)
	terms := []string{"negotaitions", "inflaton", "goverment", "journalist", "pensoins", "the", "xyzzy", "kerimli", "peace", "pease", "bred"}
	single := 0
	for _, term := range terms {
		for fuzziness := 1; fuzziness <= 2; fuzziness++ {
			bq := query.NewFuzzyQuery(term)
			bq.SetField(fText)
			bq.SetFuzziness(fuzziness)
			want, err := sh.all.Search(bleve.NewSearchRequestOptions(bq, 10000, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			got, err := sh.all.Search(bleve.NewSearchRequestOptions(fuzzyQuery{field: fText, term: term, fuzziness: fuzziness}, 10000, 0, false))
			if err != nil {
				t.Fatal(err)
			}
			ids := func(r *bleve.SearchResult) []string {
				var out []string
				for _, h := range r.Hits {
					out = append(out, h.ID)
				}
				return out
			}
			a, b := ids(got), ids(want)
			words := fuzzyWords(t, sh, term, fuzziness)
			if len(words) == 1 {
				single++
				if !slices.Equal(a, b) {
					t.Errorf("%s~%d (only %q is close): ranked otherwise than by bleve", term, fuzziness, words[0])
				}
			}
			slices.Sort(a)
			slices.Sort(b)
			if !slices.Equal(a, b) {
				t.Errorf("%s~%d: %d matches, bleve %d", term, fuzziness, len(a), len(b))
			}
		}
	}
	if single == 0 || single == 2*len(terms) {
		t.Errorf("%d of %d queries had a single close word: both kinds must be tried", single, 2*len(terms))
	}
}

func fuzzyWords(t *testing.T, sh *shards, term string, fuzziness int) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range sh.parts {
		adv, err := p.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		d, err := r.(index.IndexReaderFuzzy).FieldDictFuzzy(fText, term, fuzziness, "")
		if err != nil {
			t.Fatal(err)
		}
		for e, err := d.Next(); e != nil && err == nil; e, err = d.Next() {
			seen[e.Term] = true
		}
		d.Close()
		r.Close()
	}
	var out []string
	for w := range seen {
		out = append(out, w)
	}
	return out
}

// TestParsePhraseWithInnerQuotationMark checks that a phrase closes with
// the mark that matches its opening one: a quotation mark of another kind
// inside it is part of the phrase ("and “it would be"), not its end.
func TestParsePhraseWithInnerQuotationMark(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`"and “it would be"`, []string{"and “it would be"}},
		{`“the war” ceasefire`, []string{"the war", "ceasefire"}},
		{`«the war» "a “fair” vote"`, []string{"the war", "a “fair” vote"}},
		{`„the war“ today`, []string{"the war", "today"}},
	} {
		cs, err := parseQuery(tc.query)
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: clauses %q, want %q", tc.query, got, tc.want)
		}
	}
}
