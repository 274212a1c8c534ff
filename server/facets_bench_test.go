package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/benchdb"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store/bolt"
)

// BenchmarkFacets asks over HTTP for the facets of a typical list (a root
// topic over two years) and of a search of one word with such a filter,
// over the benchmark database (QUOTEDB_BENCH_N statements); each request
// asks with another topic and years than the ones before, so that none is
// answered from the facet cache. The target is 30 ms at 1M:
//
//	QUOTEDB_BENCH_N=1000000 go test -run '^$' -bench Facets -benchtime 200x ./server/
func BenchmarkFacets(b *testing.B) {
	path, ids := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{LockTimeout: 10 * time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ix := search.Open(s, search.DirFor(path), search.Options{})
	defer ix.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: s, Search: ix}))
	defer srv.Close()
	for _, bm := range []struct{ name, query string }{
		{"statements", `query($t: ID!, $from: PartialDate!, $to: PartialDate!) {
			statements(filter: {topics: [$t], said: {from: $from, to: $to}}, first: 1) { facets { ` + facetFields + ` } } }`},
		{"search", `query($t: ID!, $from: PartialDate!, $to: PartialDate!) {
			searchStatements(query: "government", filter: {topics: [$t], said: {from: $from, to: $to}}, first: 1) { facets { ` + facetFields + ` } } }`},
	} {
		b.Run(bm.name, func(b *testing.B) {
			benchdb.ReportLatencies(b, func(i int) error {
				// 26 years by the topics: more combinations than the cache holds.
				year := 2000 + i%24
				vars := map[string]any{"t": ids.Topics[(i/24)%len(ids.Topics)], "from": fmt.Sprint(year), "to": fmt.Sprint(year + 1)}
				return postQuery(srv.URL, bm.query, vars)
			})
		})
	}
}

// BenchmarkTextContains lists the first page of statements whose text
// contains a word, a piece of a word, or words, served by the search
// index's candidates and, for comparison, by the store's scan alone (as
// without an index):
//
//	QUOTEDB_BENCH_N=100000 go test -run '^$' -bench TextContains -benchtime 20x ./server/
func BenchmarkTextContains(b *testing.B) {
	path, _ := benchdb.Open(b)
	s, err := bolt.Open(path, &bolt.Options{LockTimeout: 10 * time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ix := search.Open(s, search.DirFor(path), search.Options{})
	defer ix.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		b.Fatal(err)
	}
	const q = `query($t: String!) { statements(filter: {textContains: $t}, first: 20) { nodes { id } } }`
	texts := []string{"pensions", "ensio", "will not allow", "freedom of expr", "budget deficit"}
	for _, with := range []struct {
		name string
		ix   *search.Index
	}{{"index", ix}, {"store scan", nil}} {
		srv := httptest.NewServer(server.New(server.Config{Store: s, Search: with.ix}))
		b.Run(with.name, func(b *testing.B) {
			benchdb.ReportLatencies(b, func(i int) error {
				return postQuery(srv.URL, q, map[string]any{"t": texts[i%len(texts)]})
			})
		})
		srv.Close()
	}
}

const facetFields = `facet value node { name } count`

func postQuery(url, query string, vars map[string]any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct{ Errors []json.RawMessage }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return err
	}
	if len(out.Errors) > 0 {
		return fmt.Errorf("errors: %s", out.Errors)
	}
	return nil
}
