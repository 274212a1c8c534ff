package dump_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store/bolt"
)

// benchStatements is the size of the generated dataset the import
// benchmark loads: QUOTEDB_BENCH_N, 10000 by default.
func benchStatements() int {
	if n, err := strconv.Atoi(os.Getenv("QUOTEDB_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// BenchmarkImport imports a generated dataset (gen, seed 1) into a new
// database file, indexes and change log included, fsynced: "new" writes
// the file page by page (bolt.NewFile, what quotedb import does for a new
// file), "open" puts the records into an open empty database
// (Store.Load, what it does for an existing file). One op is the whole
// dataset; statements/s is the rate the targets speak of.
func BenchmarkImport(b *testing.B) {
	n := benchStatements()
	var data bytes.Buffer
	if _, err := gen.WriteJSONL(context.Background(), gen.Config{Statements: n, Seed: 1}, &data); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	imports := []struct {
		name string
		load func(path string, r io.Reader) error
	}{
		{"new", func(path string, r io.Reader) error {
			_, err := dump.LoadProgress(context.Background(), &bolt.NewFile{Path: path}, r, nil)
			return err
		}},
		{"open", func(path string, r io.Reader) error {
			s, err := bolt.Open(path, nil)
			if err != nil {
				return err
			}
			if _, err := dump.Import(context.Background(), s, r); err != nil {
				s.Close()
				return err
			}
			return s.Close()
		}},
	}
	for _, imp := range imports {
		b.Run(imp.name, func(b *testing.B) {
			b.SetBytes(int64(data.Len()))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				path := filepath.Join(dir, imp.name+strconv.Itoa(i)+".db")
				if err := imp.load(path, bytes.NewReader(data.Bytes())); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st, _ := os.Stat(path)
				b.ReportMetric(float64(st.Size())/float64(data.Len()), "dbsize/jsonl")
				os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "statements/s")
		})
	}
}
