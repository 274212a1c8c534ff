package pg

import (
	"testing"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
)

// BenchmarkPrepareRecord prepares gen's records as an import into
// PostgreSQL does on its decoding goroutines (normalized, stored form,
// columns and COPY rows), without a database: the part of quotedb's CPU
// per imported statement that depends on the record alone. ns/op is per
// record (1,000 statements and the records they need, made anew, untimed,
// for every round).
func BenchmarkPrepareRecord(b *testing.B) {
	l := &loader{}
	cfg := gen.Config{Statements: 1000, Seed: 1}
	var recs []store.Record
	n := 0
	for b.Loop() {
		if n == len(recs) {
			b.StopTimer()
			recs, n = recs[:0], 0
			if err := gen.Generate(b.Context(), cfg, func(r store.Record) error {
				recs = append(recs, r)
				return nil
			}); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		if p, _ := l.PrepareRecord(recs[n]).(*prepared); p == nil || p.enc == nil {
			b.Fatalf("record %d not prepared", n)
		}
		n++
	}
}
