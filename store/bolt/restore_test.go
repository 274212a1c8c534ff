package bolt_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

var restoreTime = time.Date(2026, 3, 1, 12, 0, 0, 123456789, time.UTC)

// restoreRecords emits recs.
func restoreRecords(recs ...store.Record) func(func(store.Record) error) error {
	return func(emit func(store.Record) error) error {
		for _, r := range recs {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// restoreChanges emits chs.
func restoreChanges(chs ...store.Change) func(func(store.Change) error) error {
	return func(emit func(store.Change) error) error {
		for _, c := range chs {
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	}
}

// Restore keeps the log as given, seqs, times to the nanosecond, actors and
// images, the database passes Check (the latest entry of a live record
// stands for it again), and the log goes on from the copied one.
func TestRestoreKeepsTheLog(t *testing.T) {
	s := bolttest.Open(t)
	id := "0190a0a0-0000-7000-8000-000000000001"
	v1 := `{"id":"` + id + `","name":"Ola Berg","createdAt":"2026-03-01T12:00:00.123456789Z","updatedAt":"2026-03-01T12:00:00.123456789Z"}`
	v2 := `{"id":"` + id + `","name":"Ola Berg","description":"harbour master","createdAt":"2026-03-01T12:00:00.123456789Z","updatedAt":"2026-03-02T08:00:00.5Z"}`
	sp := &store.Speaker{ID: id, Name: "Ola Berg", Description: "harbour master", CreatedAt: restoreTime, UpdatedAt: time.Date(2026, 3, 2, 8, 0, 0, 5e8, time.UTC)}
	want := []store.Change{
		{Seq: 1, Time: restoreTime, Actor: "desk", Op: store.Created, Type: store.SpeakerType, ID: id, After: []byte(v1)},
		{Seq: 2, Time: restoreTime.Add(time.Hour), Actor: "import", Op: store.Updated, Type: store.SpeakerType, ID: id, Before: []byte(v1), After: []byte(v2)},
	}
	if err := s.Restore(t.Context(), restoreRecords(store.Record{Type: store.SpeakerType, Speaker: sp}), restoreChanges(want...)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Changes(t.Context(), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b store.Change) bool {
		return a.Seq == b.Seq && a.Time.Equal(b.Time) && a.Actor == b.Actor && a.Op == b.Op && a.Type == b.Type && a.ID == b.ID &&
			bytes.Equal(a.Before, b.Before) && bytes.Equal(a.After, b.After)
	}
	if !slices.EqualFunc(got, want, same) {
		t.Fatalf("changes after restore:\n%+v\nwant\n%+v", got, want)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("check after restore: %v", err)
	}
	err = s.Update(t.Context(), func(tx store.Tx) error {
		sp.Description = "retired harbour master"
		return tx.UpdateSpeaker(sp)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err = s.Changes(t.Context(), 0, 10); err != nil || len(got) != 3 || got[2].Seq != 3 || !bytes.Equal(got[1].After, got[2].Before) {
		t.Fatalf("the change after the restore: %+v %v", got, err)
	}
	if err := s.Restore(t.Context(), restoreRecords(), restoreChanges()); errs.KindOf(err) != errs.Conflict {
		t.Fatalf("restore into a database in use: %v", err)
	}
}

func TestRestoreRefusesAndWritesNothing(t *testing.T) {
	sp := &store.Speaker{ID: "0190a0a0-0000-7000-8000-000000000001", Name: "Ola Berg", CreatedAt: restoreTime, UpdatedAt: restoreTime}
	st := &store.Statement{ID: "0190a0a0-0000-7000-8000-000000000002", Text: "We will see.", Kind: store.Direct,
		SpeakerID: "0190a0a0-0000-7000-8000-0000000000ff", CreatedAt: restoreTime, UpdatedAt: restoreTime} // no such speaker
	created := func(seq uint64) store.Change {
		return store.Change{Seq: seq, Time: restoreTime, Op: store.Created, Type: store.SpeakerType, ID: sp.ID, After: []byte(`{"id":"` + sp.ID + `","name":"Ola Berg"}`)}
	}
	bad := created(1)
	bad.Op = "renamed"
	tests := []struct {
		name    string
		records func(func(store.Record) error) error
		changes func(func(store.Change) error) error
		kind    errs.Kind
	}{
		{"dangling reference", restoreRecords(store.Record{Type: store.SpeakerType, Speaker: sp}, store.Record{Type: store.StatementType, Statement: st}), restoreChanges(created(1)), errs.NotFound},
		{"gap in the log", restoreRecords(store.Record{Type: store.SpeakerType, Speaker: sp}), restoreChanges(created(1), created(3)), errs.Invalid},
		{"bad record", restoreRecords(store.Record{Type: store.SpeakerType, Speaker: &store.Speaker{ID: sp.ID}}), restoreChanges(), errs.Invalid},
		{"bad op", restoreRecords(store.Record{Type: store.SpeakerType, Speaker: sp}), restoreChanges(bad), errs.Invalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := bolttest.Open(t)
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
