package dataio_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/quotedb/quotedb/dataio"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store/bolt"
)

// BenchmarkImportQuotebank imports gen's dataset as Quotebank quotes
// (QUOTEDB_BENCH_N statements, 5000 by default) into a new database file:
// "new" writes the file page by page (bolt.NewFile), "open" loads into an
// open empty database (Store.Load).
func BenchmarkImportQuotebank(b *testing.B) {
	n := 5000
	if v, err := strconv.Atoi(os.Getenv("QUOTEDB_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	var data bytes.Buffer
	if _, err := dataio.GenerateQuotebank(context.Background(), gen.Config{Statements: n, Seed: 1}, &data, nil); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	imports := []struct {
		name string
		load func(path string) error
	}{
		{"new", func(path string) error {
			_, err := dataio.LoadQuotebank(context.Background(), &bolt.NewFile{Path: path}, bytes.NewReader(data.Bytes()), nil)
			return err
		}},
		{"open", func(path string) error {
			s, err := bolt.Open(path, nil)
			if err != nil {
				return err
			}
			defer s.Close()
			_, err = dataio.ImportQuotebank(context.Background(), s, bytes.NewReader(data.Bytes()), nil)
			return err
		}},
	}
	for _, imp := range imports {
		b.Run(imp.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				path := filepath.Join(dir, imp.name+strconv.Itoa(i)+".db")
				if err := imp.load(path); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				os.Remove(path)
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quotes/s")
		})
	}
}
