package search_test

import (
	"context"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// Plain words tolerate typos by default: one edit in a word of 5 to 8
// letters, two above; the word as written ranks first; words in quotes,
// with ~0, excluded or of 4 letters or fewer are exact; ~ works as before.
func TestTypoTolerance(t *testing.T) {
	e := openEmpty(t)
	ctx := context.Background()
	texts := []string{
		"The peacekeepers will stay in the valley until spring.",      // 0
		"Peacekeeper patrols were doubled along the road.",            // 1: one edit from peacekeepers
		"Inflation reached nine percent, the bank said.",              // 2
		"Inflaton is not a word, but the typo was in the draft.",      // 3
		"The ward was closed and the war went on.",                    // 4
		"The border crossing stays open for trucks.",                  // 5
		"Their boarder paid rent for the room above the border shop.", // 6: boarder, border
		"Negotiations resume on Monday.",                              // 7
	}
	err := e.st.Update(ctx, func(tx store.Tx) error {
		sp := store.Speaker{Name: "Ada Invented"}
		if err := tx.CreateSpeaker(&sp); err != nil {
			return err
		}
		for _, text := range texts {
			if err := tx.CreateStatement(&store.Statement{Text: text, Kind: store.Direct, SpeakerID: sp.ID, Status: store.Unverified}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e.wait(t)
	tests := []struct {
		query   string
		want    []int // statements found, in rank order where ordered
		ordered bool  // the first of want ranks first
	}{
		{"pecekeepers", []int{0, 1}, false},    // one edit (a letter left out) in 11 letters, within two
		{"peacekeepers", []int{0, 1}, true},    // written right: the statement with it first
		{"peacekepers~0", nil, false},          // ~0: exact only
		{`"pecekeepers"`, nil, false},          // a quoted word is exact
		{"inflation", []int{2, 3}, true},       // 9 letters: two edits; exact first
		{"inflaton", []int{3, 2}, true},        // 8 letters: one edit; exact first
		{"negotations", []int{7}, false},       // a letter left out
		{"nxgxtiatixns", nil, false},           // three edits: too many
		{"ward", []int{4}, false},              // 4 letters: exact
		{"border", []int{5, 6}, true},          // 6 letters: boarder is one edit away; border ranks first
		{"boarder", []int{6, 5}, true},         // and the reverse
		{"bordr~", []int{5, 6}, false},         // ~ as before
		{"valey peacekeeprs", []int{0}, false}, // each word tolerant, all must match
		{"border -boarder", []int{5}, false},   // an excluded word is exact
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := e.ix.SearchStatements(ctx, search.StatementQuery{Query: tt.query, Highlights: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, h := range res.Hits {
				got = append(got, slices.Index(texts, h.Statement.Text))
			}
			if !setEqual(intStrings(got), intStrings(tt.want)) {
				t.Fatalf("found %v, want %v", got, tt.want)
			}
			if tt.ordered && len(got) > 0 && got[0] != tt.want[0] {
				t.Errorf("ranked %v, want %d first", got, tt.want[0])
			}
			for _, h := range res.Hits {
				if len(h.Highlights) == 0 {
					t.Errorf("no highlight in %q", h.Statement.Text)
				}
			}
		})
	}
}

func intStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(rune('a' + x))
	}
	return out
}

// Facet counts of a search count the statements the search finds, typos
// included (the demo data has these words spelt right).
func TestTypoToleranceInFacets(t *testing.T) {
	e := openDemo(t)
	for _, q := range []string{"ceasfire", "Ukranian", "refugees"} {
		res, err := e.ix.SearchStatements(t.Context(), search.StatementQuery{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		fr, err := e.ix.StatementFacets(t.Context(), q, store.StatementFilter{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 || fr.Total != res.Total {
			t.Errorf("%q: facets count %d statements, the search finds %d (want more than 0)", q, fr.Total, res.Total)
		}
	}
}
