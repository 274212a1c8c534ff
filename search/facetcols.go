package search

import (
	"context"
	"errors"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Facet columns. Counting the facets of a broad search reads the fFacet doc
// values of every match, and bleve keeps them snappy-compressed in chunks
// of 1024 documents: each search decoded every chunk again, which was most
// of its time. A segment never changes once written, so the terms of each
// of its documents are decoded once into a column of small integers (a
// term's position in the segment's own list of terms): for the segments
// there are when the index opens, before it follows the store; for those
// written or merged later, by the first count over them. Counting is then
// an increment per term of a match. A column is dropped once
// keepColumnsFor counts in a row have not used its segment: a count on an
// older snapshot, still running as the index moves on, does not drop the
// columns of newer segments.
//
// The column of a segment of n documents takes 4 bytes per term of each
// document and 4 per document: about 36 bytes a statement.

// facetColumns are the columns of one shard's segments.
type facetColumns struct {
	mu    sync.Mutex
	cols  map[segment.Segment]*facetColumn
	count uint64 // calls of forSegments
}

// keepColumnsFor is how many counts in a row may pass over a shard without
// using a segment before its column is dropped.
const keepColumnsFor = 8

// facetColumn holds the fFacet terms of a segment's documents: those of
// local document d are terms[ords[start[d]]], … terms[ords[start[d+1]-1]].
type facetColumn struct {
	used  uint64 // the last count that used it (facetColumns.count)
	once  sync.Once
	err   error
	terms []string
	start []uint32
	ords  []uint32
}

// errNoColumns says a segment's doc values cannot be read directly.
var errNoColumns = errors.New("segment without visitable doc values")

// forSegments returns the columns of segs, building those missing, and
// forgets the columns of segments the last keepColumnsFor calls did not use.
func (fc *facetColumns) forSegments(segs []*scorch.SegmentSnapshot) ([]*facetColumn, error) {
	fc.mu.Lock()
	if fc.cols == nil {
		fc.cols = map[segment.Segment]*facetColumn{}
	}
	fc.count++
	out := make([]*facetColumn, len(segs))
	for i, ss := range segs {
		c := fc.cols[ss.Segment()]
		if c == nil {
			c = &facetColumn{}
			fc.cols[ss.Segment()] = c
		}
		c.used, out[i] = fc.count, c
	}
	for seg, c := range fc.cols {
		if c.used+keepColumnsFor <= fc.count {
			delete(fc.cols, seg)
		}
	}
	fc.mu.Unlock()
	for i, c := range out {
		c.once.Do(func() { c.err = c.build(segs[i].Segment()) })
		if c.err != nil {
			return nil, c.err
		}
	}
	return out, nil
}

// warmFacets builds the facet columns of every segment of idx, so that
// the first count after the index opens does not wait for them.
func (idx *shards) warmFacets() error {
	for i, p := range idx.parts {
		adv, err := p.Advanced()
		if err != nil {
			return err
		}
		r, err := adv.Reader()
		if err != nil {
			return err
		}
		if snap, ok := r.(*scorch.IndexSnapshot); ok {
			_, err = idx.cols[i].forSegments(snap.Segments())
		}
		if err := errors.Join(err, r.Close()); err != nil {
			return err
		}
	}
	return nil
}

// build reads the fFacet terms of every document of seg, in order, so that
// each chunk of doc values is decoded once.
func (c *facetColumn) build(seg segment.Segment) error {
	v, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return errNoColumns
	}
	n := seg.Count()
	if n >= 1<<32-1 {
		return errNoColumns
	}
	c.start = make([]uint32, n+1)
	ord := map[string]uint32{}
	visit := func(_ string, term []byte) {
		o, ok := ord[string(term)]
		if !ok {
			o = uint32(len(c.terms))
			ord[string(term)] = o
			c.terms = append(c.terms, string(term))
		}
		c.ords = append(c.ords, o)
	}
	fields := []string{fFacet}
	var dvs segment.DocVisitState
	for d := range n {
		c.start[d] = uint32(len(c.ords))
		var err error
		if dvs, err = v.VisitDocValues(d, fields, visit, dvs); err != nil {
			return err
		}
	}
	c.start[n] = uint32(len(c.ords))
	return nil
}

// countColumns counts the fFacet terms of the documents s finds in snap
// from the columns of its segments, and the documents.
func countColumns(ctx context.Context, fc *facetColumns, snap *scorch.IndexSnapshot, s bsearch.Searcher, sctx *bsearch.SearchContext) (map[string]*int, int, error) {
	segs := snap.Segments()
	cols, err := fc.forSegments(segs)
	if err != nil {
		return nil, 0, err
	}
	// Global document numbers run through the segments in order, each
	// segment taking as many as it has documents, deleted ones included.
	offsets := make([]uint64, len(segs)+1)
	for i, ss := range segs {
		offsets[i+1] = offsets[i] + ss.Segment().Count()
	}
	tallies := make([][]int, len(segs))
	n, cur := 0, 0
	for {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, 0, err
		}
		if dm == nil {
			break
		}
		n++
		doc := dm.IndexInternalID.Value()
		if doc < offsets[cur] || doc >= offsets[cur+1] {
			cur = sort.Search(len(segs), func(i int) bool { return offsets[i+1] > doc })
			if cur == len(segs) {
				return nil, 0, errors.New("search found a document beyond the index's segments")
			}
		}
		c, local := cols[cur], doc-offsets[cur]
		if tallies[cur] == nil {
			tallies[cur] = make([]int, len(c.terms))
		}
		t := tallies[cur]
		for _, o := range c.ords[c.start[local]:c.start[local+1]] {
			t[o]++
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	counts := map[string]*int{}
	for i, t := range tallies {
		for o, k := range t {
			if k == 0 {
				continue
			}
			term := cols[i].terms[o]
			if c := counts[term]; c != nil {
				*c += k
			} else {
				counts[term] = &k
			}
		}
	}
	return counts, n, nil
}
