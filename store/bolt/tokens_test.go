package bolt_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	bbolt "go.etcd.io/bbolt"
)

// TestCheckFindsTokenDamage removes a token's hash entry behind the
// store's back: Check must notice, since requests find tokens by it.
func TestCheckFindsTokenDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tok.db")
	s, err := bolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256([]byte("secret"))
	err = s.Update(context.Background(), func(tx store.Tx) error {
		return tx.CreateToken(&store.Token{Name: "desk", Role: store.Editor, Hash: hex.EncodeToString(h[:])})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	s.Close()

	raw, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("tokens_by_hash")).Delete(h[:]) })
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err = bolt.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), `token "desk" lacks its hash index entry`) {
		t.Fatalf("check after removing a token's hash entry: %v", err)
	}
}
