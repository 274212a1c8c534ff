package graph

import (
	"context"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/verify"
)

var errNoSearch = errs.E(errs.Unavailable, "this server has no search index")

func (r *Resolver) searchIndex() (*search.Index, error) {
	if r.Search == nil {
		return nil, errNoSearch
	}
	return r.Search, nil
}

// searchConnection translates a statement search result.
func searchConnection(res *search.StatementResult, from *string) *model.StatementSearchConnection {
	c := &model.StatementSearchConnection{
		Edges:    []*model.StatementSearchEdge{},
		PageInfo: &model.PageInfo{HasNextPage: res.HasNext, HasPreviousPage: deref(from) != ""},
		IndexLag: int(res.Lag),
		Fallback: res.Fallback,
	}
	if res.Total >= 0 {
		c.TotalCount = &res.Total
	}
	for _, h := range res.Hits {
		e := &model.StatementSearchEdge{Cursor: h.Cursor, Node: h.Statement, Score: h.Score, Highlights: []*model.SearchHighlight{}}
		for _, hl := range h.Highlights {
			m := &model.SearchHighlight{Fragment: hl.Fragment, HTML: hl.HTML(), Matches: []*store.Span{}}
			for _, sp := range hl.Matches {
				m.Matches = append(m.Matches, &sp)
			}
			e.Highlights = append(e.Highlights, m)
		}
		c.Edges = append(c.Edges, e)
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.StartCursor = &c.Edges[0].Cursor
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

// searchNames finds records of one type by name and loads them in order.
func searchNames[T any](ctx context.Context, r *Resolver, typ store.RecordType, query string, first *int, load func(store.Tx, []string) ([]T, error), hit func(T, float64) bool) error {
	ix, err := r.searchIndex()
	if err != nil {
		return err
	}
	hits, err := ix.SearchNames(ctx, typ, query, deref(first))
	if err != nil {
		return err
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return r.Store.View(ctx, func(tx store.Tx) error {
		recs, err := load(tx, ids)
		if err != nil {
			return err
		}
		for i, rec := range recs {
			// A record deleted since it was indexed is left out.
			hit(rec, hits[i].Score)
		}
		return nil
	})
}

func quoteMatches(ms []verify.Match) []*model.QuoteMatch {
	out := make([]*model.QuoteMatch, len(ms))
	for i, m := range ms {
		out[i] = &model.QuoteMatch{Statement: m.Statement, Verdict: m.Verdict, Similarity: m.Similarity, SpeakerMatches: m.SpeakerMatches, DateMatches: m.DateMatches}
	}
	return out
}
