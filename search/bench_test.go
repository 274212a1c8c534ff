package search_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// The benchmarks run over benchdb's generated database of QUOTEDB_BENCH_N
// statements (default 10000), kept in the temporary directory between
// runs; the targets are at 1M:
//
//	QUOTEDB_BENCH_N=1000000 go test -run '^$' -bench . -benchtime 2000x ./search/

// BenchmarkRebuild measures re-indexing the whole store; it reports
// statements indexed per second.
func BenchmarkRebuild(b *testing.B) {
	path, _ := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// Into the directory the other benchmarks use, so that they need not
	// build it again.
	dir := search.DirFor(path)
	b.ResetTimer()
	start := time.Now()
	docs := 0
	for range b.N {
		d, err := search.Rebuild(context.Background(), s, dir, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs += d
	}
	b.ReportMetric(float64(docs)/time.Since(start).Seconds(), "docs/s")
}

// benchIndex opens the cached database and its index (built on first use
// and kept beside it).
func benchIndex(b *testing.B) (*search.Index, store.Store, *benchdb.IDs) {
	path, ids := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	ix := search.Open(s, search.DirFor(path), search.Options{})
	b.Cleanup(func() { ix.Close(); s.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		b.Fatal(err)
	}
	return ix, s, ids
}

// benchQueries are searches of the kinds users type: names with and
// without Azerbaijani letters, topic words, phrases, prefixes, fuzzy
// words, and filters. The words are gen's; the names are those of the most
// quoted speakers, as spelt and transliterated.
func benchQueries(ids *benchdb.IDs) []search.StatementQuery {
	said := store.StatementFilter{Said: mustRange("2019..2020")}
	lastName := func(name string) string { return name[strings.LastIndexByte(name, ' ')+1:] }
	return []search.StatementQuery{
		{Query: "inflation", Highlights: true},
		{Query: "pensions prices", Highlights: true},
		{Query: `"will not allow"`, Highlights: true},
		{Query: `"freedom of expression"`, Highlights: true},
		{Query: lastName(ids.Names[0]), Highlights: true},
		{Query: lastName(ids.Aliases[0]) + " corruption", Highlights: true},
		{Query: "journ*", Highlights: true},
		{Query: "negotaitions~", Highlights: true},
		{Query: "peace", Filter: said, Highlights: true},
		{Query: "sanctions", Filter: store.StatementFilter{TopicIDs: ids.Topics[:1]}, Highlights: true},
		{Query: "journalists", Filter: store.StatementFilter{OrganisationIDs: ids.Organisations[:1], Said: mustRange("2021")}, Highlights: true},
		{Query: "budget", Filter: store.StatementFilter{SpeakerIDs: ids.Speakers[:1]}, Highlights: true},
		{Query: "police -protesters", Filter: store.StatementFilter{Statuses: []store.Status{store.Disputed}}, Highlights: true},
		{Query: "the government", Highlights: true},
	}
}

func mustRange(s string) partialdate.Range {
	r, err := partialdate.ParseRange(s)
	if err != nil {
		panic(err)
	}
	return r
}

// BenchmarkSearchStatements runs benchQueries in turn, recording each
// search's latency (first page of 20 with highlights and statements loaded).
func BenchmarkSearchStatements(b *testing.B) {
	ix, _, ids := benchIndex(b)
	qs := benchQueries(ids)
	ctx := context.Background()
	benchdb.ReportLatencies(b, func(i int) error {
		_, err := ix.SearchStatements(ctx, qs[i%len(qs)])
		return err
	})
}

// BenchmarkSearchStatementsEach runs each of benchQueries on its own, to
// tell which ones make BenchmarkSearchStatements's tail:
//
//	QUOTEDB_BENCH_N=1000000 go test -run '^$' -bench SearchStatementsEach -benchtime 200x ./search/
func BenchmarkSearchStatementsEach(b *testing.B) {
	ix, _, ids := benchIndex(b)
	ctx := context.Background()
	for _, q := range benchQueries(ids) {
		b.Run(q.Query, func(b *testing.B) {
			benchdb.ReportLatencies(b, func(int) error {
				_, err := ix.SearchStatements(ctx, q)
				return err
			})
		})
	}
}

// BenchmarkSearchNames searches speakers by partial and transliterated
// names.
func BenchmarkSearchNames(b *testing.B) {
	ix, _, _ := benchIndex(b)
	r := rand.New(rand.NewPCG(3, 4))
	qs := []string{"Kərimli", "Karimli", "kerim", "Əli", "Ali Kerimli", "Huseynova", "Hüseyn", "Qasimli"}
	ctx := context.Background()
	benchdb.ReportLatencies(b, func(int) error {
		_, err := ix.SearchNames(ctx, store.SpeakerType, qs[r.IntN(len(qs))], 20)
		return err
	})
}
