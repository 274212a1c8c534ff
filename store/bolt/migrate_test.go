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

// TestOpenMigratesIndexes stands in for databases written by earlier
// versions: one before the near-duplicate indexes existed (their buckets
// missing), one with the first near-duplicate layout (16 bands of 8-byte
// keys, 8-byte shingles, in buckets since retired). Open must delete the
// retired buckets and build the current ones, so that Check passes and
// Appearances works.
func TestOpenMigratesIndexes(t *testing.T) {
	current := []string{"ix_stmt_neardup_v2", "ix_stmt_shingles_v2", "ix_speaker_order", "ix_org_order"}
	retired := []string{"ix_stmt_neardup", "ix_stmt_shingles"}
	tests := []struct {
		name string
		// old lists buckets of a retired layout to create, with an entry
		// the current code would not write.
		old []string
	}{
		{"no near-duplicate index", nil},
		{"first near-duplicate layout", retired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
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
				for _, name := range current {
					if err := tx.DeleteBucket([]byte(name)); err != nil {
						return err
					}
				}
				for _, name := range tc.old {
					b, err := tx.CreateBucket([]byte(name))
					if err != nil {
						return err
					}
					if err := b.Put([]byte("\x00old band key and id...."), nil); err != nil {
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
			s.Close()

			db, err = bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			err = db.View(func(tx *bbolt.Tx) error {
				for _, name := range retired {
					if tx.Bucket([]byte(name)) != nil {
						t.Errorf("retired bucket %s still there", name)
					}
				}
				for _, name := range current {
					if b := tx.Bucket([]byte(name)); b == nil || b.Stats().KeyN == 0 {
						t.Errorf("bucket %s missing or empty", name)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
