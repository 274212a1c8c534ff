package bolt_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
	"github.com/quotedb/quotedb/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return bolttest.Open(t) })
}

func TestOpenInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	s, err := bolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = bolt.Open(path, &bolt.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, bolt.ErrInUse) || errs.KindOf(err) != errs.Unavailable {
		t.Fatalf("second open: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("second open took %v", d)
	}
	if msg := errs.Message(err); msg != `database "`+path+`" is in use by another process` {
		t.Errorf("message %q", msg)
	}
}

func TestClosed(t *testing.T) {
	s, err := bolt.Open(filepath.Join(t.TempDir(), "c.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	err = s.View(context.Background(), func(store.Tx) error { return nil })
	if !errors.Is(err, bolt.ErrClosed) || errs.KindOf(err) != errs.Unavailable {
		t.Fatalf("view after close: %v", err)
	}
}

func TestBackupAndReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := bolt.Open(filepath.Join(dir, "a.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sp := &store.Speaker{Name: "Əli Kərimli"}
	if err := s.Update(context.Background(), func(tx store.Tx) error { return tx.CreateSpeaker(sp) }); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("backup: %d, %v", n, err)
	}
	path := filepath.Join(dir, "b.db")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := bolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Check(); err != nil {
		t.Fatal(err)
	}
	err = b.View(context.Background(), func(tx store.Tx) error {
		conn, err := tx.ListSpeakers(store.SpeakerFilter{Name: "karimli"}, store.Page{})
		if err == nil && (len(conn.Items) != 1 || conn.Items[0].ID != sp.ID) {
			t.Errorf("restored lookup: %v", conn.Items)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Sequences continue after a reopen.
	if err := b.Update(context.Background(), func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "B"}) }); err != nil {
		t.Fatal(err)
	}
	chs, err := b.Changes(context.Background(), 0, 10)
	if err != nil || len(chs) != 2 || chs[1].Seq != 2 {
		t.Fatalf("changes after restore: %v, %v", chs, err)
	}
}
