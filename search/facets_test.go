package search_test

import (
	"context"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// narrow returns f narrowed to the statements with value v of facet fc, as
// a page would narrow it when the facet value is chosen.
func narrow(f store.StatementFilter, fc search.Facet, v string) store.StatementFilter {
	switch fc {
	case search.FacetSpeaker:
		f.SpeakerIDs = []string{v}
	case search.FacetOrganisation:
		f.OrganisationIDs = []string{v}
	case search.FacetTopic:
		f.TopicIDs = []string{v}
	case search.FacetYear:
		d, _ := partialdate.Parse(v)
		f.Said = partialdate.Range{From: d, To: d}
	case search.FacetKind:
		f.Kinds = []store.StatementKind{store.StatementKind(v)}
	case search.FacetStatus:
		f.Statuses = []store.Status{store.Status(v)}
	}
	return f
}

// TestStatementFacetsAgreeWithStore checks every count against the store's
// own count of the same filter narrowed to the value (or, with words, the
// search's total), over one shard and over three.
func TestStatementFacetsAgreeWithStore(t *testing.T) {
	for _, shards := range []int{1, 3} {
		e := openSharded(t, shards)
		ctx := context.Background()
		if _, err := demo.Load(ctx, e.st); err != nil {
			t.Fatal(err)
		}
		e.wait(t)
		apfp := e.id(t, store.OrganisationType, "Azerbaijan Popular Front Party")
		cases := []struct {
			query  string
			filter store.StatementFilter
		}{
			{"", store.StatementFilter{}},
			{"", store.StatementFilter{OrganisationIDs: []string{apfp}}},
			{"war", store.StatementFilter{}},
			{`Ukrain* -"absence of"`, store.StatementFilter{}},
			{`"cities are being shelled"`, store.StatementFilter{OrganisationIDs: []string{apfp}}},
			{"", store.StatementFilter{Said: partialdate.Range{From: partialdate.Date{Year: 2022}, To: partialdate.Date{Year: 2022}}}},
		}
		for _, c := range cases {
			res, err := e.ix.StatementFacets(ctx, c.query, c.filter, 50)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total == 0 {
				t.Fatalf("%d shards, %q %+v: no statements counted", shards, c.query, c.filter)
			}
			seen := 0
			for _, fc := range search.Facets {
				for _, fv := range res.Counts[fc] {
					seen++
					want := e.count(t, c.query, narrow(c.filter, fc, fv.Value))
					if fv.Count != want {
						t.Errorf("%d shards, %q %+v: %s %s counted %d, the store has %d", shards, c.query, c.filter, fc, fv.Value, fv.Count, want)
					}
				}
			}
			for _, fc := range []search.Facet{search.FacetSpeaker, search.FacetKind, search.FacetStatus} {
				if len(res.Counts[fc]) == 0 {
					t.Errorf("%d shards, %q: no counts of %s", shards, c.query, fc)
				}
			}
			if seen == 0 {
				t.Errorf("no facet values")
			}
		}
	}
}

// count is the number of statements the store (no words) or the search
// (words) finds.
func (e *env) count(t *testing.T, q string, f store.StatementFilter) int {
	t.Helper()
	if q != "" {
		res, err := e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: q, Filter: f, First: 1})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	var n int
	err := e.st.View(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListStatements(f, store.Page{First: 1, Count: true})
		if err == nil {
			n = c.Total
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStatementFacetsBadInput(t *testing.T) {
	e := openDemo(t)
	ctx := context.Background()
	for _, c := range []struct {
		q    string
		size int
	}{{"", 0}, {"", search.MaxFacetSize + 1}, {`-war`, 10}} {
		if _, err := e.ix.StatementFacets(ctx, c.q, store.StatementFilter{}, c.size); !errs.Is(err, errs.Invalid) && !errs.Is(err, errs.TooLarge) {
			t.Errorf("%q size %d: %v, want INVALID", c.q, c.size, err)
		}
	}
	bad := store.StatementFilter{Kinds: []store.StatementKind{"SUNG"}}
	if _, err := e.ix.StatementFacets(ctx, "", bad, 10); !errs.Is(err, errs.Invalid) {
		t.Errorf("bad kind: %v, want INVALID", err)
	}
}

// TestStatementFacetsAfterWrites checks that counts follow deletions (which
// the index's dictionary still counts until its segments merge) and new
// statements, past the cache of earlier counts.
func TestStatementFacetsAfterWrites(t *testing.T) {
	e := openDemo(t)
	ctx := context.Background()
	all := store.StatementFilter{}
	before, err := e.ix.StatementFacets(ctx, "", all, 50)
	if err != nil {
		t.Fatal(err)
	}
	top := before.Counts[search.FacetSpeaker][0]
	var gone []string
	err = e.st.Update(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{SpeakerIDs: []string{top.Value}}, store.Page{First: 2})
		if err != nil {
			return err
		}
		for _, s := range c.Items {
			gone = append(gone, s.ID)
			if err := tx.DeleteStatement(s.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e.wait(t)
	after, err := e.ix.StatementFacets(ctx, "", all, 50)
	if err != nil {
		t.Fatal(err)
	}
	if after.Total != before.Total-len(gone) {
		t.Errorf("total %d after deleting %d of %d", after.Total, len(gone), before.Total)
	}
	for _, fc := range search.Facets {
		for _, fv := range after.Counts[fc] {
			if want := e.count(t, "", narrow(all, fc, fv.Value)); fv.Count != want {
				t.Errorf("after deleting: %s %s counted %d, the store has %d", fc, fv.Value, fv.Count, want)
			}
		}
	}
}
