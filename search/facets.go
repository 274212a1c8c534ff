package search

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

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
// statements a query and filter match, most frequent first (then by
// value; years newest first), at most the size asked for of each. Results
// are shared between callers and must not be changed.
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
	ix.mu.RLock()
	seq := ix.seq
	ix.mu.RUnlock()
	key := fmt.Sprintf("%d\x00%s\x00%#v", size, q, f)
	if res := ix.facets.get(idx, seq, key); res != nil {
		return res, nil
	}
	var res *FacetResult
	if strings.TrimSpace(q) == "" && len(statementFilterQuery(f)) == 0 {
		res, err = allFacets(ctx, idx, size)
	} else {
		res, err = idx.facets(ctx, q, f, size)
	}
	if err != nil {
		return nil, err
	}
	ix.facets.put(idx, seq, key, res)
	return res, nil
}

// facets counts the facets of the statements a query and filter match,
// from the doc values of every match: a cost in proportion to the matches.
func (idx *shards) facets(ctx context.Context, q string, f store.StatementFilter, size int) (*FacetResult, error) {
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
	// One facet of every term of fFacet, split by prefix here: one
	// builder costs less per term visited than one for each prefix.
	req.AddFacet(fFacet, bleve.NewFacetRequest(fFacet, maxFacetTerms))
	sr, err := idx.all.SearchInContext(ctx, req)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "counting facets")
	}
	out := &FacetResult{Counts: map[Facet][]FacetCount{}, Total: int(sr.Total)}
	byFacet := map[Facet][]FacetCount{}
	if res := sr.Facets[fFacet]; res != nil && res.Terms != nil {
		for _, t := range res.Terms.Terms() {
			for _, fc := range Facets {
				if v, ok := strings.CutPrefix(t.Term, facetPrefix[fc]); ok {
					byFacet[fc] = append(byFacet[fc], FacetCount{Value: v, Count: t.Count})
					break
				}
			}
		}
	}
	for _, fc := range Facets {
		out.Counts[fc] = sortCounts(fc, byFacet[fc], size)
	}
	return out, nil
}

// maxFacetTerms bounds the distinct terms a facet count returns: far more
// than the speakers, organisations, topics and years of a large store.
const maxFacetTerms = 1 << 22

// isFacetTerm reports whether a term of fFacts is one of a facet.
func isFacetTerm(t []byte) bool {
	for _, fc := range Facets {
		if bytes.HasPrefix(t, []byte(facetPrefix[fc])) {
			return true
		}
	}
	return false
}

// sortCounts orders the counts of a facet, most first (years newest
// first), and keeps size of them.
func sortCounts(fc Facet, counts []FacetCount, size int) []FacetCount {
	if fc == FacetYear {
		slices.SortFunc(counts, func(a, b FacetCount) int { return cmp.Compare(b.Value, a.Value) })
	} else {
		slices.SortStableFunc(counts, func(a, b FacetCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
		})
	}
	if len(counts) > size {
		counts = counts[:size]
	}
	return counts
}

// allFacets counts the facets of every statement from the terms' postings
// rather than from each statement's doc values: a term's count in the
// dictionary bounds its count from above (it may include deleted
// statements not yet merged away), so exact counts are read, best bound
// first, only until no term left can beat the last of the top size.
func allFacets(ctx context.Context, idx *shards, size int) (*FacetResult, error) {
	c, err := idx.counter()
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "reading the search index")
	}
	defer c.Close()
	total, err := c.statements(ctx)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "reading the search index")
	}
	out := &FacetResult{Counts: map[Facet][]FacetCount{}, Total: int(total)}
	for _, fc := range Facets {
		n := size
		if fc == FacetYear {
			n = MaxFacetSize
		}
		counts, err := c.topTerms(ctx, fFacts, facetPrefix[fc], n)
		if err != nil {
			return nil, errs.Wrap(errs.Internal, err, "counting facets")
		}
		for i := range counts {
			counts[i].Value = strings.TrimPrefix(counts[i].Value, facetPrefix[fc])
		}
		out.Counts[fc] = sortCounts(fc, counts, size)
	}
	return out, nil
}

// topTerms returns the n terms of field starting with prefix that the most
// documents have, with their counts, most first.
func (c *counter) topTerms(ctx context.Context, field, prefix string, n int) ([]FacetCount, error) {
	bound := map[string]uint64{}
	for _, r := range c.readers {
		d, err := r.FieldDictPrefix(field, []byte(prefix))
		if err != nil {
			return nil, err
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, err
			}
			if e == nil {
				break
			}
			bound[e.Term] += e.Count
		}
		if err := d.Close(); err != nil {
			return nil, err
		}
	}
	type cand struct {
		term  string
		bound uint64
	}
	cands := make([]cand, 0, len(bound))
	for t, b := range bound {
		cands = append(cands, cand{t, b})
	}
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(b.bound, a.bound), cmp.Compare(a.term, b.term)) })
	var top []FacetCount
	for _, cd := range cands {
		if len(top) >= n && uint64(top[n-1].Count) > cd.bound {
			break
		}
		exact, err := c.docFreq(ctx, field, cd.term)
		if err != nil {
			return nil, err
		}
		if exact == 0 {
			continue
		}
		top = append(top, FacetCount{Value: cd.term, Count: int(exact)})
		slices.SortStableFunc(top, func(a, b FacetCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value)) })
		if len(top) > n {
			top = top[:n]
		}
	}
	return top, nil
}

// facetCache keeps the facet counts of recent queries, for the index as of
// one seq: paging through a search, or reloading a page, counts once.
type facetCache struct {
	mu  sync.Mutex
	idx *shards
	seq uint64
	m   map[string]*FacetResult
}

// maxCachedFacets bounds the results kept.
const maxCachedFacets = 256

func (c *facetCache) get(idx *shards, seq uint64, key string) *FacetResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx != idx || c.seq != seq {
		return nil
	}
	return c.m[key]
}

func (c *facetCache) put(idx *shards, seq uint64, key string, res *FacetResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idx != idx || c.seq != seq || len(c.m) >= maxCachedFacets {
		c.idx, c.seq, c.m = idx, seq, map[string]*FacetResult{}
	}
	c.m[key] = res
}
