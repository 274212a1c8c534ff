package bolt_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// TestChangeImages checks the before and after images of every change of
// a record written in the ways that share one stored copy of its latest
// version: a bulk load that puts it twice, then updates in one
// transaction, then a delete. Each image must be the record as it was.
func TestChangeImages(t *testing.T) {
	s := bolttest.Open(t)
	ctx := context.Background()
	ts := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	sp := func(name string) *store.Speaker {
		return &store.Speaker{ID: "0190aaaa-0000-7000-8000-000000000001", Name: name, CreatedAt: ts, UpdatedAt: ts}
	}
	err := s.Load(ctx, func(p store.Putter) error {
		for _, n := range []string{"A", "B"} {
			if _, err := p.Put(store.Record{Type: store.SpeakerType, Speaker: sp(n)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		for _, n := range []string{"C", "D"} {
			if err := tx.UpdateSpeaker(sp(n)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	name := func(raw json.RawMessage) string {
		var v store.Speaker
		if raw == nil || json.Unmarshal(raw, &v) != nil {
			return "-"
		}
		return v.Name
	}
	images := func() string {
		chs, err := s.Changes(ctx, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for _, c := range chs {
			out += name(c.Before) + ">" + name(c.After) + " "
		}
		return out
	}
	if got, want := images(), "->A A>B B>C C>D "; got != want {
		t.Errorf("after updates: %q, want %q", got, want)
	}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.DeleteSpeaker(sp("").ID, false) }); err != nil {
		t.Fatal(err)
	}
	if got, want := images(), "->A A>B B>C C>D D>- "; got != want {
		t.Errorf("after delete: %q, want %q", got, want)
	}
	var hist []store.Change
	s.View(ctx, func(tx store.Tx) error {
		hist, err = tx.History(sp("").ID)
		return err
	})
	if len(hist) != 5 || name(hist[3].After) != "D" {
		t.Errorf("history: %d entries, %v", len(hist), err)
	}
}
