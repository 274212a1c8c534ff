package graph

import (
	"context"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// defaultFacetSize is the values of each facet returned when size is not given.
const defaultFacetSize = 10

// statementFacets counts the facets of the statements of scope and loads
// the speakers, organisations and topics counted; records deleted since
// they were indexed are left out.
func (r *Resolver) statementFacets(ctx context.Context, scope *model.FacetScope, size *int) ([]*model.FacetCount, error) {
	if scope == nil {
		return nil, errs.E(errs.Invalid, "facets are counted for statements and searchStatements only")
	}
	switch {
	case !scope.Filter.Covers.IsZero():
		return nil, errs.E(errs.Invalid, "facets cannot be counted with filter.covers, which the search index does not hold")
	case scope.Filter.TextContains != "":
		return nil, errs.E(errs.Invalid, "facets cannot be counted with filter.textContains; use searchStatements with the words instead")
	}
	ix, err := r.searchIndex()
	if err != nil {
		return nil, err
	}
	fr, err := ix.StatementFacets(ctx, scope.Query, scope.Filter, cmpOrDefault(size, defaultFacetSize))
	if err != nil {
		return nil, err
	}
	out := []*model.FacetCount{}
	err = r.Store.View(ctx, func(tx store.Tx) error {
		for _, fc := range search.Facets {
			var counts []*model.FacetCount
			var err error
			switch fc {
			case search.FacetSpeaker:
				counts, err = namedCounts(tx.SpeakersByID, fc, fr.Counts[fc])
			case search.FacetOrganisation:
				counts, err = namedCounts(tx.OrganisationsByID, fc, fr.Counts[fc])
			case search.FacetTopic:
				counts, err = namedCounts(tx.TopicsByID, fc, fr.Counts[fc])
			default:
				for _, c := range fr.Counts[fc] {
					counts = append(counts, &model.FacetCount{Facet: string(fc), Value: c.Value, Count: c.Count})
				}
			}
			if err != nil {
				return err
			}
			out = append(out, counts...)
		}
		return nil
	})
	return out, err
}

// namedCounts returns the counts of cs with the records they count, loaded
// by load; records deleted since they were indexed are left out.
func namedCounts[P interface {
	comparable
	model.Named
}](load func([]string) ([]P, error), fc search.Facet, cs []search.FacetCount) ([]*model.FacetCount, error) {
	recs, err := load(facetValues(cs))
	if err != nil {
		return nil, err
	}
	out := []*model.FacetCount{}
	var none P
	for i, rec := range recs {
		if rec != none {
			out = append(out, &model.FacetCount{Facet: string(fc), Value: cs[i].Value, Node: rec, Count: cs[i].Count})
		}
	}
	return out, nil
}

func facetValues(cs []search.FacetCount) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}

func cmpOrDefault(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}
