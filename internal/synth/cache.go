package synth

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/quotedb/quotedb/store/bolt"
)

// BenchSize is the number of statements benchmarks generate:
// QUOTEDB_BENCH_N, or def.
func BenchSize(def int) int {
	if n, err := strconv.Atoi(os.Getenv("QUOTEDB_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return def
}

// Cached opens a generated database of n statements kept in the system's
// temporary directory, generating it on first use, so that benchmarks at a
// million statements pay for generation once. The database is opened
// without fsync; callers must not write to it (copy it first).
func Cached(tb testing.TB, n int) (path string, ids *IDs) {
	tb.Helper()
	path = filepath.Join(os.TempDir(), fmt.Sprintf("quotedb-synth-%d.db", n))
	idsPath := path + ".ids.json"
	if b, err := os.ReadFile(idsPath); err == nil && json.Unmarshal(b, &ids) == nil {
		return path, ids
	}
	os.Remove(path)
	s, err := bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	ids, err = Generate(context.Background(), s, Options{Statements: n, Seed: 1})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		tb.Fatal(err)
	}
	b, _ := json.Marshal(ids)
	if err := os.WriteFile(idsPath, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path, ids
}
