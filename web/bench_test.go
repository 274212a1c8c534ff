package web_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// BenchmarkPages loads each page over HTTP from the whole handler over
// benchdb's generated database (QUOTEDB_BENCH_N statements; the target,
// 50 ms a page, is at 100k), a different record or query each time. It
// reports the first load of each page after the server starts (first-ms)
// and the percentiles of the loads after it (p50-ms, p99-ms):
//
//	QUOTEDB_BENCH_N=100000 go test -run '^$' -bench Pages -benchtime 100x ./web/
func BenchmarkPages(b *testing.B) {
	path, ids := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{NoSync: true, LockTimeout: 10 * time.Minute})
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
	srv := httptest.NewServer(server.New(server.Config{Store: s, Search: ix}))
	b.Cleanup(srv.Close)
	texts := statementTexts(b, s, ids.Statements)
	// Words of stored statements, so that most searches are new to the
	// facet cache, as a newsroom's would be.
	words := queryWords(texts, 400)
	pages := []struct {
		name string
		url  func(r *rand.Rand) string
	}{
		{"search-newest", func(*rand.Rand) string { return "/" }},
		{"search-words", func(r *rand.Rand) string { return "/?q=" + pick(r, words) }},
		{"search-facet", func(r *rand.Rand) string {
			return "/?q=" + pick(r, words) + "&topic=" + pick(r, ids.RootTopics)
		}},
		{"search-dates", func(r *rand.Rand) string {
			y := 2000 + r.IntN(26)
			return fmt.Sprintf("/?org=%s&from=%d-01&to=%d-06", pick(r, ids.Organisations), y, y)
		}},
		{"who", func(r *rand.Rand) string {
			y := fmt.Sprint(2000 + r.IntN(26))
			return "/who?org=" + pick(r, ids.Organisations) + "&topic=" + pick(r, ids.RootTopics) + "&from=" + y + "&to=" + y
		}},
		{"speaker", func(r *rand.Rand) string { return "/speakers/" + pick(r, ids.Speakers) }},
		{"organisation", func(r *rand.Rand) string { return "/organisations/" + pick(r, ids.Organisations) }},
		{"topic", func(r *rand.Rand) string { return "/topics/" + pick(r, ids.Topics) }},
		{"statement", func(r *rand.Rand) string { return "/statements/" + pick(r, ids.Statements) }},
		{"verify", func(r *rand.Rand) string { return "/verify?quote=" + url.QueryEscape(pick(r, texts)) }},
		{"export-csv", func(r *rand.Rand) string { return "/export.csv?speaker=" + pick(r, ids.Speakers[100:]) }},
		{"ingest", func(*rand.Rand) string { return "/ingest" }},
		{"graphiql", func(*rand.Rand) string { return "/graphiql" }},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			load := func() error { return getPage(srv.URL + p.url(r)) }
			start := time.Now()
			if err := load(); err != nil {
				b.Fatal(err)
			}
			first := time.Since(start)
			benchdb.ReportLatencies(b, func(int) error { return load() })
			b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
		})
	}
}

// queryWords returns up to n distinct words of four letters or more of
// texts.
func queryWords(texts []string, n int) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len([]rune(w)) >= 4 && !seen[w] && len(out) < n {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func getPage(u string) error {
	res, err := http.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return nil
}

// statementTexts returns the texts of some statements, to verify.
func statementTexts(b *testing.B, s store.Store, ids []string) []string {
	var out []string
	err := s.View(context.Background(), func(tx store.Tx) error {
		sts, err := tx.StatementsByID(ids[:min(len(ids), 1000)])
		for _, st := range sts {
			if st != nil {
				out = append(out, st.Text)
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}
