// Package bolttest opens throwaway bbolt databases for tests.
package bolttest

import (
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/store/bolt"
)

// Open opens a new database in t.TempDir(). When the test ends it checks
// that every index agrees with the records and that the change log has no
// gaps, failing the test if not, and closes the database. Commits skip
// fsync: the file is thrown away.
func Open(t testing.TB) *bolt.Store {
	t.Helper()
	s, err := bolt.Open(filepath.Join(t.TempDir(), "test.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("database inconsistent after the test: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}
