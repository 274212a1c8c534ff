package pg_test

import (
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

func TestRestoreRefusesAndWritesNothing(t *testing.T) {
	ts := time.Date(2026, 3, 1, 12, 0, 0, 123456789, time.UTC)
	sp := &store.Speaker{ID: "0190a0a0-0000-7000-8000-000000000001", Name: "Ola Berg", CreatedAt: ts, UpdatedAt: ts}
	st := &store.Statement{ID: "0190a0a0-0000-7000-8000-000000000002", Text: "We will see.", Kind: store.Direct,
		SpeakerID: "0190a0a0-0000-7000-8000-0000000000ff", CreatedAt: ts, UpdatedAt: ts} // no such speaker
	records := func(recs ...store.Record) func(func(store.Record) error) error {
		return func(emit func(store.Record) error) error {
			for _, r := range recs {
				if err := emit(r); err != nil {
					return err
				}
			}
			return nil
		}
	}
	changes := func(seqs ...uint64) func(func(store.Change) error) error {
		return func(emit func(store.Change) error) error {
			for _, s := range seqs {
				if err := emit(store.Change{Seq: s, Time: ts, Op: store.Created, Type: store.SpeakerType, ID: sp.ID, After: []byte(`{}`)}); err != nil {
					return err
				}
			}
			return nil
		}
	}
	tests := []struct {
		name    string
		records func(func(store.Record) error) error
		changes func(func(store.Change) error) error
		kind    errs.Kind
	}{
		{"dangling reference", records(store.Record{Type: store.SpeakerType, Speaker: sp}, store.Record{Type: store.StatementType, Statement: st}), changes(1), errs.NotFound},
		{"gap in the log", records(store.Record{Type: store.SpeakerType, Speaker: sp}), changes(1, 3), errs.Invalid},
		{"bad record", records(store.Record{Type: store.SpeakerType, Speaker: &store.Speaker{ID: sp.ID}}), changes(), errs.Invalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := pgtest.Open(t)
			err := s.Restore(t.Context(), tc.records, tc.changes)
			if errs.KindOf(err) != tc.kind {
				t.Fatalf("got %v, want %v", err, tc.kind)
			}
			if chs, err := s.Changes(t.Context(), 0, 10); err != nil || len(chs) != 0 {
				t.Fatalf("after a failed restore: %d changes, %v", len(chs), err)
			}
			err = s.View(t.Context(), func(tx store.Tx) error {
				_, err := tx.Speaker(sp.ID)
				return err
			})
			if errs.KindOf(err) != errs.NotFound {
				t.Fatalf("after a failed restore the speaker: %v", err)
			}
		})
	}
}
