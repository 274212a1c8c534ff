// Package corpustest loads the shared evaluation corpus into a database for
// tests that need realistic data. The corpus is read at run time; none of
// its text is part of the project.
package corpustest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/eval"
	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// Files are the corpus's gold files: the digest of 11 March 2022, the other
// digests, and the news articles.
var Files = []string{"seed-gold.jsonl", "cnis-dev.jsonl", "news-dev.jsonl"}

// Documents returns every document of the corpus's gold files as a document
// to ingest, with its date, url and publisher, or skips the test when the
// corpus is absent.
func Documents(tb testing.TB) []ingest.Document {
	tb.Helper()
	dir := eval.CorpusDir()
	if dir == "" {
		tb.Skip("shared/corpus not found beside the repository (set QUOTEDB_CORPUS): skipping")
	}
	var docs []ingest.Document
	for _, name := range Files {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		gold, err := eval.ReadGold(f)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		for _, g := range gold {
			d := ingest.Document{Text: g.Text, Publisher: strings.TrimPrefix(g.Source, "ggt:")}
			if g.URL != nil {
				d.URL = *g.URL
			}
			if g.Date != nil {
				d.Date = partialdate.MustParse(*g.Date)
			}
			docs = append(docs, d)
		}
	}
	return docs
}

// Ingest ingests every document of the corpus into s and returns all the
// statements s then holds (see Statements); it skips the test when the
// corpus is absent.
func Ingest(tb testing.TB, s store.Store) []*store.Statement {
	tb.Helper()
	ctx := context.Background()
	for i, d := range Documents(tb) {
		if _, _, _, err := ingest.Ingest(ctx, s, d); err != nil {
			tb.Fatalf("ingest document %d: %v", i, err)
		}
	}
	return Statements(tb, s)
}

// Statements returns every statement s holds, in the store's order.
func Statements(tb testing.TB, s store.Store) []*store.Statement {
	tb.Helper()
	var all []*store.Statement
	ctx := context.Background()
	err := s.View(ctx, func(tx store.Tx) error {
		return store.Each(ctx, func(p store.Page) (*store.Conn[*store.Statement], error) {
			return tx.ListStatements(store.StatementFilter{}, p)
		}, func(st *store.Statement) error {
			all = append(all, st)
			return nil
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return all
}
