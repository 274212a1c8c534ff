package bolt_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// TestCacheKeepsSnapshots checks that the records a store keeps between
// read transactions never give a transaction a record its snapshot does
// not hold: a read that began before a rename sees the old name, and one
// that began after sees the new, whichever of them reads first.
func TestCacheKeepsSnapshots(t *testing.T) {
	for _, oldFirst := range []bool{true, false} {
		t.Run(fmt.Sprintf("old reader first %v", oldFirst), func(t *testing.T) {
			ctx := t.Context()
			s := bolttest.Open(t)
			sp := &store.Speaker{Name: "Nadia Rossi"}
			if err := s.Update(ctx, func(tx store.Tx) error { return tx.CreateSpeaker(sp) }); err != nil {
				t.Fatal(err)
			}
			name := func(tx store.Tx) string {
				got, err := tx.SpeakersByID([]string{sp.ID})
				if err != nil {
					t.Error(err)
					return ""
				}
				return got[0].Name
			}
			begun, renamed, done := make(chan struct{}), make(chan struct{}), make(chan string)
			go func() {
				err := s.View(ctx, func(tx store.Tx) error {
					close(begun)
					<-renamed
					done <- name(tx)
					return nil
				})
				if err != nil {
					t.Error(err)
				}
			}()
			<-begun
			err := s.Update(ctx, func(tx store.Tx) error {
				upd := *sp
				upd.Name = "Nadia Rossi-Bianchi"
				return tx.UpdateSpeaker(&upd)
			})
			if err != nil {
				t.Fatal(err)
			}
			readNew := func() {
				err := s.View(ctx, func(tx store.Tx) error {
					if got := name(tx); got != "Nadia Rossi-Bianchi" {
						t.Errorf("a read after the rename got %q", got)
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			if !oldFirst {
				readNew()
			}
			close(renamed)
			if got := <-done; got != "Nadia Rossi" {
				t.Errorf("a read begun before the rename got %q", got)
			}
			readNew()
			readNew()
		})
	}
}

// TestCacheAfterLoad checks that a bulk load, which writes records
// without noting each, leaves no stale record kept.
func TestCacheAfterLoad(t *testing.T) {
	ctx := context.Background()
	s := bolttest.Open(t)
	sp := &store.Speaker{Name: "Omar Haddad"}
	if err := s.Update(ctx, func(tx store.Tx) error { return tx.CreateSpeaker(sp) }); err != nil {
		t.Fatal(err)
	}
	read := func() string {
		var n string
		err := s.View(ctx, func(tx store.Tx) error {
			got, err := tx.Speaker(sp.ID)
			if err == nil {
				n = got.Name
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	read()
	upd := *sp
	upd.Name = "Omar Haddad Jr"
	err := s.Load(ctx, func(p store.Putter) error {
		_, err := p.Put(store.Record{Type: store.SpeakerType, Speaker: &upd})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "Omar Haddad Jr" {
		t.Errorf("after a bulk load got %q", got)
	}
}
