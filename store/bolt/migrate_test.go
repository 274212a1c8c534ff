package bolt_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	bbolt "go.etcd.io/bbolt"
)

// TestOpenBuildsNewIndexes stands in for a database written before the
// near-duplicate indexes existed: with their buckets removed, Open must create
// and fill it, so that Check passes and Appearances works.
func TestOpenBuildsNewIndexes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	s.Close()

	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, name := range []string{"ix_stmt_neardup", "ix_stmt_shingles"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err = bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("Check after reopening: %v", err)
	}
	err = s.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{TextContains: "cannot stay silent"}, store.Page{})
		if err != nil {
			return err
		}
		if len(c.Items) != 2 {
			t.Fatalf("%d statements with the rally words, want 2", len(c.Items))
		}
		apps, err := tx.Appearances(c.Items[0].ID)
		if err != nil {
			return err
		}
		if len(apps) != 2 {
			t.Errorf("%d appearances, want 2", len(apps))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
