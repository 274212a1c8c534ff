package search

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Facet names a property statements are counted by.
type Facet string

const (
	FacetSpeaker      Facet = "speaker"      // speaker ids
	FacetOrganisation Facet = "organisation" // organisations at the time
	FacetTopic        Facet = "topic"        // topic ids, a statement counting for its topics' ancestors too
	FacetYear         Facet = "year"         // the year said, four digits
	FacetKind         Facet = "kind"         // store.StatementKind
	FacetStatus       Facet = "status"       // store.Status
)

// Facets lists every Facet, in the order pages show them.
var Facets = []Facet{FacetSpeaker, FacetOrganisation, FacetTopic, FacetYear, FacetKind, FacetStatus}

var facetPrefix = map[Facet]string{
	FacetSpeaker:      factSpeaker,
	FacetOrganisation: factOrg,
	FacetTopic:        factTopic,
	FacetYear:         factYear,
	FacetKind:         factKind,
	FacetStatus:       factStatus,
}

// FacetCount is how many statements have one value of a facet.
type FacetCount struct {
	Value string
	Count int
}

// FacetResult holds the counts of the values of each facet over the
// statements a query and filter match, most frequent first (years newest
// first), at most the size asked for of each.
type FacetResult struct {
	Counts map[Facet][]FacetCount
	// Total is the number of statements counted.
	Total int
}

// MaxFacetSize bounds the values returned for each facet.
const MaxFacetSize = 100

// StatementFacets counts, for each facet, the statements a search would
// find by value: the statements matching query (every statement when it is
// blank, unlike SearchStatements) and the indexed fields of the filter.
// Covers and TextContains are not in the index and are not applied. It
// needs the index: without one it fails with errs.Unavailable.
func (ix *Index) StatementFacets(ctx context.Context, q string, f store.StatementFilter, size int) (*FacetResult, error) {
	if size <= 0 || size > MaxFacetSize {
		return nil, errs.E(errs.Invalid, "facet size must be from 1 to %d", MaxFacetSize)
	}
	if err := validateFilter(f); err != nil {
		return nil, err
	}
	idx, _, err := ix.fresh(ctx)
	if err != nil {
		return nil, err
	}
	if idx == nil {
		return nil, errs.E(errs.Unavailable, "the search index is not ready; facet counts need it")
	}
	must := []query.Query{factQuery(factType, string(store.StatementType))}
	var mustNot, filter []query.Query
	if strings.TrimSpace(q) != "" {
		clauses, err := parseQuery(q)
		if err != nil {
			return nil, err
		}
		common, err := idx.commonWords(ctx, clauses)
		if err != nil {
			return nil, errs.Wrap(errs.Internal, err, "reading the search index")
		}
		if must, mustNot, filter, _, err = textQuery(fText, clauses, common); err != nil {
			return nil, err
		}
	}
	for _, fq := range statementFilterQuery(f) {
		must = append(must, unscored{fq})
	}
	req := bleve.NewSearchRequestOptions(boolean(must, mustNot, filter), 0, 0, false)
	req.Score = "none"
	for _, fc := range Facets {
		fr := bleve.NewFacetRequest(fFacts, size)
		if fc == FacetYear {
			// Years come in date order, not by count: ask for them all.
			fr = bleve.NewFacetRequest(fFacts, MaxFacetSize)
		}
		fr.SetPrefixFilter(facetPrefix[fc])
		req.AddFacet(string(fc), fr)
	}
	sr, err := idx.all.SearchInContext(ctx, req)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "counting facets")
	}
	out := &FacetResult{Counts: map[Facet][]FacetCount{}, Total: int(sr.Total)}
	for _, fc := range Facets {
		res := sr.Facets[string(fc)]
		if res == nil || res.Terms == nil {
			continue
		}
		var counts []FacetCount
		for _, t := range res.Terms.Terms() {
			counts = append(counts, FacetCount{Value: strings.TrimPrefix(t.Term, facetPrefix[fc]), Count: t.Count})
		}
		if fc == FacetYear {
			slices.SortFunc(counts, func(a, b FacetCount) int { return cmp.Compare(b.Value, a.Value) })
		} else {
			slices.SortStableFunc(counts, func(a, b FacetCount) int { return cmp.Compare(b.Count, a.Count) })
		}
		if len(counts) > size {
			counts = counts[:size]
		}
		out.Counts[fc] = counts
	}
	return out, nil
}
