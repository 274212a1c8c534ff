package search_test

import (
	"context"
	"os"
	"testing"

	"github.com/quotedb/quotedb/search"
)

func BenchmarkOneQuery(b *testing.B) {
	ix, _, _ := benchIndex(b)
	q := search.StatementQuery{Query: os.Getenv("Q")}
	b.ResetTimer()
	for range b.N {
		if _, err := ix.SearchStatements(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
}
