package search_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"
)

func BenchmarkPerQuery(b *testing.B) {
	ix, _, ids := benchIndex(b)
	qs := benchQueries(ids)
	ctx := context.Background()
	lat := make([][]time.Duration, len(qs))
	totals := make([]int, len(qs))
	for i := range 200 * len(qs) {
		k := i % len(qs)
		t := time.Now()
		r, err := ix.SearchStatements(ctx, qs[k])
		if err != nil {
			b.Fatal(err)
		}
		totals[k] = r.Total
		lat[k] = append(lat[k], time.Since(t))
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for k, q := range qs {
		l := lat[k]
		slices.Sort(l)
		fmt.Printf("%-40q total=%8d p50=%6.1fms p90=%6.1fms p97=%6.1fms max=%6.1fms\n", q.Query, totals[k], ms(l[100]), ms(l[180]), ms(l[194]), ms(l[199]))
	}
}
