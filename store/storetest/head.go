package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/quotedb/quotedb/store"
)

// testHead checks that Head is the seq of the newest change-log entry:
// 0 before any, moved by each commit by the changes it logged, and not by
// a rolled-back write or a put that changes nothing; and, for a store that
// reports its Stats, that they agree with it.
func testHead(t *testing.T, s store.Store) {
	head := func() uint64 {
		t.Helper()
		h, err := s.Head(ctx)
		if err != nil {
			t.Fatalf("Head: %v", err)
		}
		return h
	}
	if h := head(); h != 0 {
		t.Fatalf("Head of an empty store = %d, want 0", h)
	}
	f := fixture{t, s}
	sp := f.speaker("Ada Quill")
	if h := head(); h != 1 {
		t.Fatalf("Head after one create = %d, want 1", h)
	}
	update(t, s, func(tx store.Tx) error {
		for _, name := range []string{"Bo Reed", "Cy Marsh"} {
			if err := tx.CreateSpeaker(&store.Speaker{Name: name}); err != nil {
				return err
			}
		}
		return nil
	})
	if h, want := head(), lastSeq(t, s); h != want || h != 3 {
		t.Fatalf("Head after a commit of two creates = %d, the log ends at %d, want 3", h, want)
	}

	errUndo := errors.New("undo")
	err := s.Update(ctx, func(tx store.Tx) error {
		if err := tx.CreateSpeaker(&store.Speaker{Name: "Di Vale"}); err != nil {
			return err
		}
		return errUndo
	})
	if !errors.Is(err, errUndo) {
		t.Fatalf("rolled-back update: %v", err)
	}
	update(t, s, func(tx store.Tx) error {
		got, err := tx.Speaker(sp.ID)
		if err != nil {
			return err
		}
		_, err = tx.Put(store.Record{Type: store.SpeakerType, Speaker: got})
		return err
	})
	if h := head(); h != 3 {
		t.Fatalf("Head after a rollback and an unchanged put = %d, want 3", h)
	}

	if sr, ok := s.(store.StatsReader); ok {
		st, err := sr.Stats()
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if st.LastSeq != 3 || st.SizeBytes <= 0 || st.UsedBytes <= 0 || st.UsedBytes > st.SizeBytes {
			t.Errorf("Stats = %+v, want LastSeq 3 and 0 < UsedBytes ≤ SizeBytes", st)
		}
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Head(cctx); err == nil {
		t.Error("Head with a cancelled context succeeded")
	}
}
