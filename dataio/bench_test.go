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
// (QUOTEDB_BENCH_N statements, 5000 by default) into a new database file.
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
	i := 0
	for b.Loop() {
		i++
		s, err := bolt.Open(filepath.Join(dir, strconv.Itoa(i)+".db"), nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := dataio.ImportQuotebank(context.Background(), s, bytes.NewReader(data.Bytes()), nil); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quotes/s")
}
