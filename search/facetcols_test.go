package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/quotedb/quotedb/store"
)

// TestFacetColumnsAgreeWithDocValues counts the facets of searches from
// the facet columns and from the doc values, on shards that have several
// segments and deleted documents (statements reviewed and deleted after
// the index was built), and requires the same counts.
func TestFacetColumnsAgreeWithDocValues(t *testing.T) {
	for _, shards := range []int{1, 3} {
		t.Run(fmt.Sprint(shards, " shards"), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			st, db := openGenerated(t, 300)
			ix := Open(st, DirFor(db), Options{Shards: shards})
			t.Cleanup(func() { ix.Close() })
			if err := ix.WaitCurrent(ctx); err != nil {
				t.Fatal(err)
			}
			var words []string
			var speaker string
			for round := range 3 {
				err := st.Update(ctx, func(tx store.Tx) error {
					c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 40})
					if err != nil {
						return err
					}
					for i, s := range c.Items {
						switch {
						case i%4 == round:
							err = tx.DeleteStatement(s.ID)
						case i%3 == 0:
							s.Status = store.Disputed
							err = tx.UpdateStatement(s)
						default:
							words = append(words, strings.Fields(s.Text)[0])
							speaker = s.SpeakerID
						}
						if err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if err := ix.WaitCurrent(ctx); err != nil {
					t.Fatal(err)
				}
			}
			idx, _, err := ix.fresh(ctx)
			if err != nil {
				t.Fatal(err)
			}
			segments := 0
			for _, p := range idx.parts {
				segments += segmentsOf(t, p)
			}
			if segments <= shards {
				t.Fatalf("%d segments in %d shards: the test needs more", segments, shards)
			}
			cases := []struct {
				q string
				f store.StatementFilter
			}{
				{"", store.StatementFilter{}},
				{"", store.StatementFilter{Statuses: []store.Status{store.Disputed}}},
				{words[0], store.StatementFilter{}},
				{words[len(words)/2], store.StatementFilter{}},
				{"", store.StatementFilter{SpeakerIDs: []string{speaker}}},
			}
			for _, c := range cases {
				q, err := idx.facetQuery(ctx, c.q, c.f)
				if err != nil {
					t.Fatal(err)
				}
				for i, p := range idx.parts {
					cols, n, err := countTermsOf(ctx, p, idx.cols[i], q)
					if err != nil {
						t.Fatal(err)
					}
					dvs, m, err := countTermsOf(ctx, p, nil, q)
					if err != nil {
						t.Fatal(err)
					}
					if n != m || !maps.EqualFunc(cols, dvs, func(a, b *int) bool { return *a == *b }) {
						t.Errorf("%q %+v, shard %d: columns count %d statements, %d terms; doc values %d, %d terms", c.q, c.f, i, n, len(cols), m, len(dvs))
					}
					if n == 0 && shards == 1 {
						t.Errorf("%q %+v: no statements counted", c.q, c.f)
					}
				}
			}
		})
	}
}

// segmentsOf returns the number of segments of a shard.
func segmentsOf(t *testing.T, p bleve.Index) int {
	t.Helper()
	adv, err := p.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		t.Fatalf("reader %T is not scorch's", r)
	}
	return len(snap.Segments())
}

// TestFacetColumnsKeptAcrossSnapshots checks that a count on an older
// snapshot, as a search that began before a write does, keeps the columns
// of newer segments, and that columns of segments no count uses any more
// are dropped.
func TestFacetColumnsKeptAcrossSnapshots(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	st, db := openGenerated(t, 200)
	ix := Open(st, DirFor(db), Options{Shards: 1})
	t.Cleanup(func() { ix.Close() })
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	idx, _, err := ix.fresh(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fc := idx.cols[0]
	snapshot := func() *scorch.IndexSnapshot {
		adv, err := idx.parts[0].Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close() })
		return r.(*scorch.IndexSnapshot)
	}
	old := snapshot()
	err = st.Update(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 5})
		for _, s := range c.Items {
			if err == nil {
				s.Status = store.Disputed
				err = tx.UpdateStatement(s)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	cur := snapshot()
	count := func(snap *scorch.IndexSnapshot) {
		if _, err := fc.forSegments(snap.Segments()); err != nil {
			t.Fatal(err)
		}
	}
	count(cur)
	count(old)
	newer := 0
	for _, ss := range cur.Segments() {
		if !slices.ContainsFunc(old.Segments(), func(o *scorch.SegmentSnapshot) bool { return o.Segment() == ss.Segment() }) {
			newer++
		}
		if c := fc.cols[ss.Segment()]; c == nil || c.start == nil {
			t.Errorf("a count on the older snapshot dropped the column of a current segment")
		}
	}
	if newer == 0 {
		t.Fatal("the write made no new segment: the test needs one")
	}
	for range keepColumnsFor {
		count(cur)
	}
	for seg := range fc.cols {
		if !slices.ContainsFunc(cur.Segments(), func(ss *scorch.SegmentSnapshot) bool { return ss.Segment() == seg }) {
			t.Errorf("the column of a segment no count used for %d counts is kept", keepColumnsFor)
		}
	}
}
