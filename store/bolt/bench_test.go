package bolt_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// The benchmarks read the generated database of benchdb: QUOTEDB_BENCH_N
// statements (10000 by default). Run them at several sizes to see how
// costs grow:
//
//	QUOTEDB_BENCH_N=1000000 go test ./store/bolt -run '^$' -bench . -benchmem

var (
	benchOnce  sync.Once
	benchStore *bolt.Store
	benchIDs   *benchdb.IDs
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	os.Exit(code)
}

// openBench opens the shared benchmark database, waiting for other
// benchmark processes that have it open.
func openBench(b *testing.B) (*bolt.Store, *benchdb.IDs) {
	benchOnce.Do(func() {
		path, ids := benchdb.Open(b)
		s, err := bolt.Open(path, &bolt.Options{LockTimeout: 10 * time.Minute})
		if err != nil {
			b.Fatal(err)
		}
		benchStore, benchIDs = s, ids
	})
	if benchStore == nil {
		b.Fatal("benchmark database unavailable")
	}
	return benchStore, benchIDs
}

// BenchmarkCreateStatement creates one statement per transaction, fsynced,
// in a copy of the benchmark database.
func BenchmarkCreateStatement(b *testing.B) {
	path, ids := benchdb.Open(b)
	s, err := bolt.Open(benchdb.Copy(b, path, b.TempDir()), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(3, 4))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		err := s.Update(ctx, func(tx store.Tx) error {
			return tx.CreateStatement(&store.Statement{
				Text:      "We will not allow the budget to pass without a debate in parliament.",
				Kind:      store.Direct,
				SpeakerID: ids.Speakers[r.IntN(len(ids.Speakers))],
				Said:      partialdate.Date{Year: 2000 + r.IntN(26), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)},
				TopicIDs:  []string{ids.Topics[r.IntN(len(ids.Topics))]},
			})
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStatementByID(b *testing.B) {
	s, ids := openBench(b)
	r := rand.New(rand.NewPCG(5, 6))
	b.ReportAllocs()
	for b.Loop() {
		err := s.View(context.Background(), func(tx store.Tx) error {
			_, err := tx.Statement(ids.Statements[r.IntN(len(ids.Statements))])
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func benchList(b *testing.B, filter func(r *rand.Rand, ids *benchdb.IDs) store.StatementFilter) {
	s, ids := openBench(b)
	r := rand.New(rand.NewPCG(7, 8))
	b.ReportAllocs()
	items := 0
	for b.Loop() {
		f := filter(r, ids)
		err := s.View(context.Background(), func(tx store.Tx) error {
			conn, err := tx.ListStatements(f, store.Page{First: 20})
			if err == nil {
				items += len(conn.Items)
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(items)/float64(b.N), "items/op")
}

// BenchmarkSpeakerStatementsPage lists the first page of a speaker's
// statements, speakers drawn from the 1000 most quoted.
func BenchmarkSpeakerStatementsPage(b *testing.B) {
	benchList(b, func(r *rand.Rand, ids *benchdb.IDs) store.StatementFilter {
		return store.StatementFilter{SpeakerIDs: []string{ids.Speakers[r.IntN(len(ids.Speakers))]}}
	})
}

// BenchmarkTopicDateRangePage lists a root topic with its subtopics over
// one month.
func BenchmarkTopicDateRangePage(b *testing.B) {
	benchList(b, func(r *rand.Rand, ids *benchdb.IDs) store.StatementFilter {
		m := partialdate.Date{Year: 2010 + r.IntN(16), Month: 1 + r.IntN(12)}
		return store.StatementFilter{
			TopicIDs: []string{ids.RootTopics[r.IntN(len(ids.RootTopics))]},
			Said:     partialdate.Range{From: m, To: m},
		}
	})
}

// BenchmarkSpeakerByName looks speakers up by surname, by full name and by
// alias, in folded and unfolded spellings.
func BenchmarkSpeakerByName(b *testing.B) {
	s, ids := openBench(b)
	var queries []string
	for i, n := range ids.Names[:min(50, len(ids.Names))] {
		queries = append(queries, n, strings.ToUpper(n[strings.LastIndex(n, " ")+1:]))
		if i < len(ids.Aliases) {
			queries = append(queries, ids.Aliases[i])
		}
	}
	b.ReportAllocs()
	i, found := 0, 0
	for b.Loop() {
		err := s.View(context.Background(), func(tx store.Tx) error {
			c, err := tx.ListSpeakers(store.SpeakerFilter{Name: queries[i%len(queries)]}, store.Page{})
			if err == nil && len(c.Items) > 0 {
				found++
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
	if found < b.N {
		b.Errorf("%d of %d lookups found nothing", b.N-found, b.N)
	}
}

// BenchmarkAppearances looks up the near duplicates of a random statement.
func BenchmarkAppearances(b *testing.B) {
	s, ids := openBench(b)
	r := rand.New(rand.NewPCG(9, 10))
	b.ReportAllocs()
	found := 0
	for b.Loop() {
		err := s.View(context.Background(), func(tx store.Tx) error {
			apps, err := tx.Appearances(ids.Statements[r.IntN(len(ids.Statements))])
			found += len(apps)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(found)/float64(b.N), "appearances/op")
}
