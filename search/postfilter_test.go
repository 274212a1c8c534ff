package search_test

import (
	"slices"
	"testing"

	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// A filter field the index does not hold (TextContains) is checked on the
// hits, read a chunk at a time. Pages of a few hits, most of them needing
// several chunks to fill, give together what one page of all gives, in
// its order, and that is what the store finds.
func TestPagingWithPostFilter(t *testing.T) {
	e := openSharded(t, 0)
	generate(t, e.st, 800)
	e.wait(t)
	ctx := t.Context()
	f := store.StatementFilter{TextContains: "inflation"}
	all, err := e.ix.SearchStatements(ctx, search.StatementQuery{Query: "the", Filter: f, First: store.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if all.HasNext || all.Total != -1 || all.Fallback {
		t.Fatalf("one page: next %v, total %d, fallback %v; want no next, total -1, no fallback", all.HasNext, all.Total, all.Fallback)
	}
	var want []string
	for _, h := range all.Hits {
		want = append(want, h.Statement.ID)
	}
	inStore := storeIDsWith(t, e.st, f, func(s *store.Statement) bool { return hasWord(s.Text, "the") })
	if got := slices.Sorted(slices.Values(want)); !slices.Equal(got, inStore) {
		t.Fatalf("search finds %d statements, the store %d", len(got), len(inStore))
	}
	// A chunk is 100 hits at least: the later pages skip more hits than
	// one chunk holds.
	if len(want) < 150 {
		t.Fatalf("only %d statements match; the test needs more than a chunk's worth", len(want))
	}
	const size = 7
	var paged []string
	after := ""
	for {
		res, err := e.ix.SearchStatements(ctx, search.StatementQuery{Query: "the", Filter: f, First: size, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != -1 || len(res.Hits) > size || res.HasNext && len(res.Hits) != size {
			t.Fatalf("after %d hits: total %d, %d hits, next %v", len(paged), res.Total, len(res.Hits), res.HasNext)
		}
		for _, h := range res.Hits {
			paged = append(paged, h.Statement.ID)
		}
		if !res.HasNext {
			break
		}
		after = res.Hits[len(res.Hits)-1].Cursor
	}
	if !slices.Equal(paged, want) {
		t.Errorf("pages of %d give %d hits, one page %d, or in another order", size, len(paged), len(want))
	}
}
