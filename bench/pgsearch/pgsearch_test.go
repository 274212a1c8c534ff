// Package pgsearch_test measures statement and name search on PostgreSQL
// two ways over the same database: the bleve index that follows the change
// log (package search, what `serve --store` runs) and a prototype on
// PostgreSQL full text: a tsvector of the words folded in Go exactly as the
// bleve analyzer folds them (search.Words), indexed by GIN, ranked by
// ts_rank, with pg_trgm over the distinct words for typos and fuzzy words
// and over the folded names for name search. The prototype lives here, not
// in the product: the README's PostgreSQL section says why.
//
// It needs a database loaded by `quotedb import --store` and its bleve
// index built by `quotedb reindex --store URL --search-index DIR`:
//
//	QUOTEDB_BENCH_STORE=postgres://… QUOTEDB_BENCH_SEARCH_DIR=DIR \
//	  go test -run '^$' -bench BuildFTS -benchtime 1x ./bench/pgsearch/
//	QUOTEDB_BENCH_STORE=postgres://… QUOTEDB_BENCH_SEARCH_DIR=DIR \
//	  go test -run '^$' -bench 'Search' -benchtime 200x ./bench/pgsearch/
//
// Without QUOTEDB_BENCH_STORE the benchmarks skip.
package pgsearch_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/pg"
)

func storeURL(b *testing.B) string {
	u := os.Getenv("QUOTEDB_BENCH_STORE")
	if u == "" {
		b.Skip("QUOTEDB_BENCH_STORE (a postgres:// URL of a loaded database) is not set")
	}
	return u
}

// openPool connects with a lower trigram similarity threshold than the
// default 0.3, so that a short word with one edit is still a candidate
// (levenshtein then decides).
func openPool(b *testing.B) *pgxpool.Pool {
	cfg, err := pgxpool.ParseConfig(storeURL(b))
	if err != nil {
		b.Fatal(err)
	}
	cfg.ConnConfig.RuntimeParams["pg_trgm.similarity_threshold"] = "0.2"
	cfg.ConnConfig.RuntimeParams["pg_trgm.word_similarity_threshold"] = "0.5"
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pool.Close)
	return pool
}

// openBleve opens the store and the bleve index built for it.
func openBleve(b *testing.B) *search.Index {
	url := storeURL(b)
	dir := os.Getenv("QUOTEDB_BENCH_SEARCH_DIR")
	if dir == "" {
		b.Skip("QUOTEDB_BENCH_SEARCH_DIR (the index of `quotedb reindex --store`) is not set")
	}
	ctx := context.Background()
	s, err := pg.Open(ctx, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	ix := search.Open(s, dir, search.Options{})
	b.Cleanup(func() { ix.Close(); s.Close() })
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		b.Fatal(err)
	}
	return ix
}

// benchIDs are the ids the queries filter by, chosen as benchdb chooses
// them: the most quoted speaker and organisation, a topic.
type benchIDs struct {
	Speaker, Name, Alias, Organisation, Topic string
}

func loadIDs(b *testing.B, pool *pgxpool.Pool) benchIDs {
	ctx := context.Background()
	var ids benchIDs
	err := pool.QueryRow(ctx, `
		WITH top AS (SELECT speaker_id, count(*) n FROM statements WHERE speaker_id IS NOT NULL GROUP BY 1)
		SELECT sp.id::text, sp.doc->>'name',
		  (SELECT a->>0 FROM top t JOIN speakers s2 ON s2.id = t.speaker_id, LATERAL (SELECT s2.doc->'aliases' a) x
		   WHERE json_array_length(coalesce(s2.doc->'aliases', '[]')) > 0 ORDER BY t.n DESC, s2.id LIMIT 1),
		  (SELECT organisation_id::text FROM statements WHERE organisation_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1),
		  (SELECT topic_id::text FROM statement_topics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
		FROM top JOIN speakers sp ON sp.id = top.speaker_id ORDER BY top.n DESC, sp.id LIMIT 1`).
		Scan(&ids.Speaker, &ids.Name, &ids.Alias, &ids.Organisation, &ids.Topic)
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

// queries are search/bench_test.go's benchQueries over this database's ids.
func queries(ids benchIDs) []search.StatementQuery {
	last := func(name string) string {
		w := search.Words(name)
		return name[w[len(w)-1].Start:]
	}
	said := func(s string) partialRange { return mustRange(s) }
	return []search.StatementQuery{
		{Query: "inflation", Highlights: true},
		{Query: "pensions prices", Highlights: true},
		{Query: `"will not allow"`, Highlights: true},
		{Query: `"freedom of expression"`, Highlights: true},
		{Query: last(ids.Name), Highlights: true},
		{Query: last(ids.Alias) + " corruption", Highlights: true},
		{Query: "journ*", Highlights: true},
		{Query: "negotaitions~", Highlights: true},
		{Query: "peace", Filter: store.StatementFilter{Said: said("2019..2020")}, Highlights: true},
		{Query: "sanctions", Filter: store.StatementFilter{TopicIDs: []string{ids.Topic}}, Highlights: true},
		{Query: "journalists", Filter: store.StatementFilter{OrganisationIDs: []string{ids.Organisation}, Said: said("2021")}, Highlights: true},
		{Query: "budget", Filter: store.StatementFilter{SpeakerIDs: []string{ids.Speaker}}, Highlights: true},
		{Query: "police -protesters", Filter: store.StatementFilter{Statuses: []store.Status{store.Disputed}}, Highlights: true},
		{Query: "the government", Highlights: true},
	}
}

var nameQueries = []string{"Kərimli", "Karimli", "kerim", "Əli", "Ali Kerimli", "Huseynova", "Hüseyn", "Qasimli"}

// BenchmarkSearchEach runs each query on its own with each engine, first
// page of 20 with the statements loaded (and, for bleve, highlighted).
func BenchmarkSearchEach(b *testing.B) {
	pool := openPool(b)
	ids := loadIDs(b, pool)
	ix := openBleve(b)
	fts := newFTS(b, pool)
	ctx := context.Background()
	for _, q := range queries(ids) {
		b.Run("bleve/"+q.Query, func(b *testing.B) {
			benchdb.ReportLatencies(b, func(int) error {
				_, err := ix.SearchStatements(ctx, q)
				return err
			})
		})
		b.Run("pgfts/"+q.Query, func(b *testing.B) {
			benchdb.ReportLatencies(b, func(int) error {
				_, err := fts.search(ctx, q)
				return err
			})
		})
	}
}

// BenchmarkSearchNames searches speakers by partial and transliterated
// names, as search/bench_test.go does.
func BenchmarkSearchNames(b *testing.B) {
	pool := openPool(b)
	ix := openBleve(b)
	fts := newFTS(b, pool)
	ctx := context.Background()
	b.Run("bleve", func(b *testing.B) {
		benchdb.ReportLatencies(b, func(i int) error {
			_, err := ix.SearchNames(ctx, store.SpeakerType, nameQueries[i%len(nameQueries)], 20)
			return err
		})
	})
	b.Run("pgtrgm", func(b *testing.B) {
		benchdb.ReportLatencies(b, func(i int) error {
			_, err := fts.searchNames(ctx, nameQueries[i%len(nameQueries)], 20)
			return err
		})
	})
}
