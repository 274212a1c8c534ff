package search

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

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
	fq, err := idx.facetQuery(ctx, q, f)
	if err != nil {
		return nil, err
	}
	counts, total, err := idx.countTerms(ctx, fq)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "counting facets")
	}
	out := &FacetResult{Counts: map[Facet][]FacetCount{}, Total: total}
	byFacet := map[Facet][]FacetCount{}
	for term, n := range counts {
		for _, fc := range Facets {
			if v, ok := strings.CutPrefix(term, facetPrefix[fc]); ok {
				byFacet[fc] = append(byFacet[fc], FacetCount{Value: v, Count: *n})
				break
			}
		}
	}
	for _, fc := range Facets {
		out.Counts[fc] = sortCounts(fc, byFacet[fc], size)
	}
	return out, nil
}

// facetQuery is the query of the statements whose facets are counted.
func (idx *shards) facetQuery(ctx context.Context, q string, f store.StatementFilter) (query.Query, error) {
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
	return boolean(must, mustNot, filter), nil
}

// countTerms counts the terms of fFacet over the documents q matches, and
// the documents, reading every shard on a goroutine of its own. It runs
// q's searcher itself rather than a bleve search with a facet request:
// bleve's facet builder makes a string of every term it visits, and the
// terms are read from the shard's facet columns (facetcols.go) rather
// than decoded from the doc values again.
func (idx *shards) countTerms(ctx context.Context, q query.Query) (map[string]*int, int, error) {
	type part struct {
		counts map[string]*int
		n      int
		err    error
	}
	parts := make([]part, len(idx.parts))
	var wg sync.WaitGroup
	for i, p := range idx.parts {
		wg.Go(func() {
			parts[i].counts, parts[i].n, parts[i].err = countTermsOf(ctx, p, idx.cols[i], q)
		})
	}
	wg.Wait()
	total := 0
	counts := parts[0].counts
	for i, p := range parts {
		if p.err != nil {
			return nil, 0, p.err
		}
		total += p.n
		if i == 0 {
			continue
		}
		for t, n := range p.counts {
			if c := counts[t]; c != nil {
				*c += *n
			} else {
				counts[t] = n
			}
		}
	}
	return counts, total, nil
}

func countTermsOf(ctx context.Context, p bleve.Index, fc *facetColumns, q query.Query) (counts map[string]*int, n int, err error) {
	adv, err := p.Advanced()
	if err != nil {
		return nil, 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer func() { err = errors.Join(err, r.Close()) }()
	s, err := q.Searcher(ctx, r, p.Mapping(), bsearch.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, 0, err
	}
	defer func() { err = errors.Join(err, s.Close()) }()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	if snap, ok := r.(*scorch.IndexSnapshot); ok && fc != nil {
		counts, n, err = countColumns(ctx, fc, snap, s, sctx)
		if !errors.Is(err, errNoColumns) {
			return counts, n, err
		}
	}
	return countDocValues(ctx, r, s, sctx)
}

// countDocValues counts the fFacet terms of the documents s finds from
// their doc values.
func countDocValues(ctx context.Context, r index.IndexReader, s bsearch.Searcher, sctx *bsearch.SearchContext) (counts map[string]*int, n int, err error) {
	dvr, err := r.DocValueReader([]string{fFacet})
	if err != nil {
		return nil, 0, err
	}
	counts = map[string]*int{}
	visit := func(_ string, term []byte) {
		if c := counts[string(term)]; c != nil {
			*c++
			return
		}
		one := 1
		counts[string(term)] = &one
	}
	for {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, 0, err
		}
		if dm == nil {
			return counts, n, nil
		}
		n++
		if err := dvr.VisitDocValues(dm.IndexInternalID, visit); err != nil {
			return nil, 0, err
		}
		sctx.DocumentMatchPool.Put(dm)
	}
}

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
