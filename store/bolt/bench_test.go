package bolt_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// The benchmarks share one generated database of benchStatements()
// statements (QUOTEDB_BENCH_N, default 10000), built on first use.

func benchStatements() int {
	if n, err := strconv.Atoi(os.Getenv("QUOTEDB_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 10000
}

var firstNames = []string{"Əli", "İlham", "Sabir", "Leyla", "Arif", "Günel", "Rəşad", "Nigar", "Tofiq", "Aygün"}
var lastNames = []string{"Kərimli", "Əliyev", "Rüstəmxanlı", "Yunus", "Hacılı", "Məmmədova", "Quliyev", "Hüseynova", "Qasımlı", "Babayeva"}

type benchDB struct {
	s        *bolt.Store
	speakers []string
	topics   []string // roots first; the rest are their children
	stmts    []string
}

var (
	benchOnce sync.Once
	bench     *benchDB
	benchErr  error
	benchDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if bench != nil {
		bench.s.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func randSaid(r *rand.Rand) partialdate.Date {
	d := partialdate.Date{Year: 2015 + r.IntN(10), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
	if r.IntN(10) == 0 {
		d.Day = 0
	}
	return d
}

func loadBench(b *testing.B) *benchDB {
	benchOnce.Do(func() {
		if benchDir, benchErr = os.MkdirTemp("", "quotedb-bench"); benchErr != nil {
			return
		}
		s, err := bolt.Open(filepath.Join(benchDir, "bench.db"), nil)
		if err != nil {
			benchErr = err
			return
		}
		bench = &benchDB{s: s}
		r := rand.New(rand.NewPCG(1, 2))
		benchErr = s.Update(context.Background(), func(tx store.Tx) error {
			for i := range 200 {
				sp := &store.Speaker{Name: fmt.Sprintf("%s %s %d", firstNames[i%10], lastNames[i/10%10], i)}
				if err := tx.CreateSpeaker(sp); err != nil {
					return err
				}
				bench.speakers = append(bench.speakers, sp.ID)
			}
			for i := range 50 {
				tp := &store.Topic{Name: fmt.Sprintf("Topic %d", i)}
				if i >= 10 {
					tp.ParentID = bench.topics[i%10]
				}
				if err := tx.CreateTopic(tp); err != nil {
					return err
				}
				bench.topics = append(bench.topics, tp.ID)
			}
			return nil
		})
		n := benchStatements()
		for done := 0; done < n && benchErr == nil; done += 5000 {
			benchErr = s.Update(context.Background(), func(tx store.Tx) error {
				for range min(5000, n-done) {
					st := benchStatement(r, bench.speakers, bench.topics)
					if err := tx.CreateStatement(st); err != nil {
						return err
					}
					bench.stmts = append(bench.stmts, st.ID)
				}
				return nil
			})
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return bench
}

func benchStatement(r *rand.Rand, speakers, topics []string) *store.Statement {
	st := &store.Statement{
		Text:      fmt.Sprintf("We will not allow the %d budget to pass without a debate in parliament.", r.IntN(1000)),
		Kind:      store.Direct,
		SpeakerID: speakers[r.IntN(len(speakers))],
		Said:      randSaid(r),
		TopicIDs:  []string{topics[r.IntN(len(topics))]},
		Status:    store.Statuses[r.IntN(len(store.Statuses))],
	}
	if r.IntN(3) == 0 {
		st.TopicIDs = append(st.TopicIDs, topics[r.IntN(len(topics))])
	}
	return st
}

// BenchmarkCreateStatement measures import-style writes: statements created
// in transactions of 1000, fsync on commit.
func BenchmarkCreateStatement(b *testing.B) {
	s, err := bolt.Open(filepath.Join(b.TempDir(), "create.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var speakers, topics []string
	err = s.Update(context.Background(), func(tx store.Tx) error {
		for i := range 100 {
			sp := &store.Speaker{Name: fmt.Sprintf("Speaker %d", i)}
			tp := &store.Topic{Name: fmt.Sprintf("Topic %d", i)}
			if err := tx.CreateSpeaker(sp); err != nil {
				return err
			}
			if err := tx.CreateTopic(tp); err != nil {
				return err
			}
			speakers, topics = append(speakers, sp.ID), append(topics, tp.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	b.ReportAllocs()
	b.ResetTimer()
	for done := 0; done < b.N; done += 1000 {
		err := s.Update(context.Background(), func(tx store.Tx) error {
			for range min(1000, b.N-done) {
				if err := tx.CreateStatement(benchStatement(r, speakers, topics)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStatementByID(b *testing.B) {
	db := loadBench(b)
	r := rand.New(rand.NewPCG(5, 6))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		err := db.s.View(context.Background(), func(tx store.Tx) error {
			_, err := tx.Statement(db.stmts[r.IntN(len(db.stmts))])
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func benchList(b *testing.B, filter func(r *rand.Rand, db *benchDB) store.StatementFilter) {
	db := loadBench(b)
	r := rand.New(rand.NewPCG(7, 8))
	b.ReportAllocs()
	b.ResetTimer()
	items := 0
	for b.Loop() {
		f := filter(r, db)
		err := db.s.View(context.Background(), func(tx store.Tx) error {
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

func BenchmarkSpeakerStatementsPage(b *testing.B) {
	benchList(b, func(r *rand.Rand, db *benchDB) store.StatementFilter {
		return store.StatementFilter{SpeakerIDs: []string{db.speakers[r.IntN(len(db.speakers))]}}
	})
}

// BenchmarkTopicDateRangePage lists a root topic with its four subtopics
// over one year.
func BenchmarkTopicDateRangePage(b *testing.B) {
	benchList(b, func(r *rand.Rand, db *benchDB) store.StatementFilter {
		y := 2015 + r.IntN(10)
		return store.StatementFilter{
			TopicIDs: []string{db.topics[r.IntN(10)]},
			Said:     partialdate.Range{From: partialdate.Date{Year: y}, To: partialdate.Date{Year: y}},
		}
	})
}

func BenchmarkSpeakerByName(b *testing.B) {
	db := loadBench(b)
	queries := []string{"kerimli", "ƏLİYEV", "leyla", "gunel mem", "qasimli"}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		err := db.s.View(context.Background(), func(tx store.Tx) error {
			_, err := tx.ListSpeakers(store.SpeakerFilter{Name: queries[i%len(queries)]}, store.Page{})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAppearances looks up the near duplicates of a random statement.
// The generated statements are one sentence with a number in it, so every
// lookup finds about n/1000 exact copies and has most statements as
// candidates: the worst case of the index, not the typical one.
func BenchmarkAppearances(b *testing.B) {
	db := loadBench(b)
	r := rand.New(rand.NewPCG(9, 10))
	b.ReportAllocs()
	b.ResetTimer()
	found := 0
	for b.Loop() {
		err := db.s.View(context.Background(), func(tx store.Tx) error {
			apps, err := tx.Appearances(db.stmts[r.IntN(len(db.stmts))])
			found += len(apps)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(found)/float64(b.N), "appearances/op")
}
