package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

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

// wantsHighlights reports whether the statement search being resolved
// selects its edges' highlight or matches, which cost a pass over each
// hit's text.
func wantsHighlights(ctx context.Context) bool {
	if graphql.GetFieldContext(ctx) == nil {
		return true
	}
	oc := graphql.GetOperationContext(ctx)
	for _, edges := range graphql.CollectFieldsCtx(ctx, nil) {
		if edges.Name != "edges" {
			continue
		}
		for _, f := range graphql.CollectFields(oc, edges.Selections, nil) {
			if f.Name == "highlight" || f.Name == "matches" {
				return true
			}
		}
	}
	return false
}

// searchConnection translates a statement search result.
func searchConnection(res *search.StatementResult, from *string) *model.StatementSearchConnection {
	c := &model.StatementSearchConnection{
		Edges:    []*model.StatementSearchEdge{},
		PageInfo: &model.PageInfo{HasNextPage: res.HasNext, HasPreviousPage: deref(from) != ""},
		IndexLag: int(res.Lag),
		Fallback: res.Fallback,
		CutShort: res.CutShort,
	}
	if res.Total >= 0 {
		c.TotalCount = &res.Total
	}
	for _, h := range res.Hits {
		e := &model.StatementSearchEdge{Cursor: h.Cursor, Node: h.Statement, Score: h.Score, Matches: []*store.Span{}}
		for _, hl := range h.Highlights {
			e.Highlight = optional(hl.HTML())
			for _, sp := range hl.Matches {
				e.Matches = append(e.Matches, &sp)
			}
		}
		c.Edges = append(c.Edges, e)
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.StartCursor = &c.Edges[0].Cursor
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

// searchNames finds records of one type by name and loads them, best
// first; records deleted since they were indexed are left out.
func searchNames[E any, P interface {
	*E
	model.Named
}](ctx context.Context, r *Resolver, typ store.RecordType, query string, first *int, load func(store.Tx, []string) ([]P, error)) ([]*model.NameSearchHit, error) {
	ix, err := r.searchIndex()
	if err != nil {
		return nil, err
	}
	hits, err := ix.SearchNames(ctx, typ, query, deref(first))
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	out := []*model.NameSearchHit{}
	err = r.Store.View(ctx, func(tx store.Tx) error {
		recs, err := load(tx, ids)
		for i, rec := range recs {
			if rec != nil {
				out = append(out, &model.NameSearchHit{Node: rec, Score: hits[i].Score})
			}
		}
		return err
	})
	return out, err
}

func quoteMatches(ms []verify.Match) []*model.QuoteMatch {
	out := make([]*model.QuoteMatch, len(ms))
	for i, m := range ms {
		out[i] = &model.QuoteMatch{Statement: m.Statement, Verdict: m.Verdict, Similarity: m.Similarity, SpeakerMatches: m.SpeakerMatches, DateMatches: m.DateMatches}
	}
	return out
}
