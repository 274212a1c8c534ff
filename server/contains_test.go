package server_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/quotedb/quotedb/store"
)

// textContains is served from the search index's candidates, and finds
// what the store's own scan finds: for pieces of stored texts cut at any
// byte (inside words, across words, with punctuation), alone and with a
// speaker, and for a statement written just before the query.
func TestTextContainsOverHTTP(t *testing.T) {
	c, db := newGenServer(t, 1500)
	var texts []string
	var speakers []string
	err := db.View(t.Context(), func(tx store.Tx) error {
		conn, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 200})
		for _, s := range conn.Items {
			texts = append(texts, s.Text)
			speakers = append(speakers, s.SpeakerID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	storeIDs := func(f store.StatementFilter) []string {
		var ids []string
		err := db.View(t.Context(), func(tx store.Tx) error {
			for p := (store.Page{First: store.MaxPageSize}); ; {
				conn, err := tx.ListStatements(f, p)
				if err != nil {
					return err
				}
				for _, s := range conn.Items {
					ids = append(ids, s.ID)
				}
				if !conn.HasNext {
					return nil
				}
				p.After = conn.Cursors[len(conn.Cursors)-1]
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	graphIDs := func(f store.StatementFilter) []string {
		vars := filterVars(f)
		vars["textContains"] = f.TextContains
		var ids []string
		after := ""
		for {
			var out struct {
				Statements struct {
					Nodes    []struct{ ID string }
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
			c.Query(&out, `query($f: StatementFilter, $after: String) { statements(filter: $f, first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
				map[string]any{"f": vars, "after": after})
			for _, n := range out.Statements.Nodes {
				ids = append(ids, n.ID)
			}
			if !out.Statements.PageInfo.HasNextPage {
				return ids
			}
			after = out.Statements.PageInfo.EndCursor
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 60 {
		k := r.IntN(len(texts))
		text := texts[k]
		a := r.IntN(len(text))
		b := min(len(text), a+1+r.IntN(30))
		for a > 0 && !utf8.RuneStart(text[a]) {
			a--
		}
		for b < len(text) && !utf8.RuneStart(text[b]) {
			b++
		}
		f := store.StatementFilter{TextContains: text[a:b]}
		if i%3 == 0 && speakers[k] != "" {
			f.SpeakerIDs = []string{speakers[k]}
		}
		want, got := storeIDs(f), graphIDs(f)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("textContains %q (speakers %v): %d statements, the store finds %d", f.TextContains, f.SpeakerIDs, len(got), len(want))
		}
	}

	st := store.Statement{Text: "A zqxwvy of invented words.", Kind: store.Direct, SpeakerID: speakers[0], Status: store.Unverified}
	if err := db.Update(t.Context(), func(tx store.Tx) error { return tx.CreateStatement(&st) }); err != nil {
		t.Fatal(err)
	}
	if got := graphIDs(store.StatementFilter{TextContains: "qxwv"}); !slices.Equal(got, []string{st.ID}) {
		t.Errorf("a statement just written: found %v, want %s", got, st.ID)
	}
}
