package bolt_test

import (
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

type textPreparer interface {
	PrepareText(text string) any
	CreatePrepared(st *store.Statement, text any) error
}

// TestCreatePrepared: a statement created with its text prepared
// beforehand is indexed as CreateStatement indexes it (bolttest checks
// every index against the records), text prepared from other words is
// not used, and the statement is still validated.
func TestCreatePrepared(t *testing.T) {
	const (
		harbour = "the harbour board will dredge the northern channel before the spring ferries return to the island"
		budget  = "our council has no money left for the new library this year and the roof of the old one leaks"
	)
	s := bolttest.Open(t)
	ids := map[string]string{}
	err := s.Update(t.Context(), func(tx store.Tx) error {
		p, ok := tx.(textPreparer)
		if !ok {
			t.Fatalf("%T prepares no texts", tx)
		}
		prepared := p.PrepareText(harbour)
		for _, tc := range []struct{ name, text string }{
			{"first", harbour},
			{"again", harbour},
			{"other words", budget},
			{"short", "Absolutely not"},
		} {
			st := &store.Statement{Text: tc.text, Kind: store.Direct}
			if err := p.CreatePrepared(st, prepared); err != nil {
				return err
			}
			ids[tc.name] = st.ID
		}
		if err := p.CreatePrepared(&store.Statement{Text: harbour, Kind: "SHOUTED"}, prepared); !errs.Is(err, errs.Invalid) {
			t.Errorf("statement of no valid kind: %v, want it refused", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.View(t.Context(), func(tx store.Tx) error {
		for name, want := range map[string]int{"first": 2, "other words": 1} {
			apps, err := tx.Appearances(ids[name])
			if err != nil {
				return err
			}
			if len(apps) != want {
				t.Errorf("%s: %d appearances, want %d", name, len(apps), want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
