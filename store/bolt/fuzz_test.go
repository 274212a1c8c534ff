package bolt_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// FuzzCursor pages lists from any after and before cursors: a cursor is
// either accepted or refused with errs.Invalid, never a panic or another
// kind of error, and the cursors of an accepted page are accepted in turn.
// Seeds are in testdata/fuzz/FuzzCursor.
func FuzzCursor(f *testing.F) {
	s, err := bolt.Open(filepath.Join(f.TempDir(), "fuzz.db"), &bolt.Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	ctx := store.WithActor(context.Background(), "fuzz")
	err = s.Update(ctx, func(tx store.Tx) error {
		for i := range 12 {
			sp := &store.Speaker{Name: fmt.Sprintf("Speaker %d", i)}
			if err := tx.CreateSpeaker(sp); err != nil {
				return err
			}
			if err := tx.CreateStatement(&store.Statement{Text: fmt.Sprintf("Words %d.", i), Kind: store.Direct, SpeakerID: sp.ID}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	// Real cursors, and near misses of them.
	err = s.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 3})
		if err != nil {
			return err
		}
		for _, cur := range c.Cursors {
			f.Add(cur, "")
			f.Add("", cur[1:])
			f.Add(cur+"A", cur)
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, after, before string) {
		err := s.View(ctx, func(tx store.Tx) error {
			for _, p := range []store.Page{{First: 5, After: after}, {Last: 5, Before: before}, {First: 5, After: after, Before: before}} {
				sp, err := tx.ListSpeakers(store.SpeakerFilter{}, p)
				if err != nil {
					if !errs.Is(err, errs.Invalid) {
						t.Fatalf("ListSpeakers(%+v): error %v, want errs.Invalid", p, err)
					}
					continue
				}
				for _, cur := range sp.Cursors {
					if _, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{First: 1, After: cur}); err != nil {
						t.Fatalf("cursor %q of a page is refused: %v", cur, err)
					}
				}
				if _, err := tx.ListStatements(store.StatementFilter{}, p); err != nil && !errs.Is(err, errs.Invalid) {
					t.Fatalf("ListStatements(%+v): error %v, want errs.Invalid", p, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
