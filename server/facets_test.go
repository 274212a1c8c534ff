package server_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// newGenServer serves n generated statements with their search index, and
// returns the store too, to check answers against.
func newGenServer(t *testing.T, n int) (*gqltest.Client, store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := bolt.Open(path, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.Load(t.Context(), gen.Config{Statements: n, Seed: 7}, db, nil); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(db, search.DirFor(path), search.Options{})
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: db, Search: ix}))
	t.Cleanup(func() {
		srv.Close()
		ix.Close()
		db.Close()
	})
	return &gqltest.Client{T: t, URL: srv.URL + "/graphql"}, db
}

type facetCount struct {
	Facet, Value string
	Node         *struct{ ID, Name string }
	Count        int
}

const facetsSelection = `totalCount facets(size: 5) { facet value node { id name } count }`

// storeCount counts the statements of f in the store.
func storeCount(t *testing.T, db store.Store, f store.StatementFilter) int {
	t.Helper()
	var n int
	err := db.View(t.Context(), func(tx store.Tx) error {
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

// checkFacets checks each count of got against count, which counts the
// statements of the list or search narrowed to one value, and that the
// kinds add up to total.
func checkFacets(t *testing.T, got []facetCount, total int, count func(f store.StatementFilter) int) {
	t.Helper()
	if total == 0 {
		t.Fatal("nothing to count")
	}
	by := map[string][]facetCount{}
	var order []string
	for _, c := range got {
		if len(by[c.Facet]) == 0 {
			order = append(order, c.Facet)
		}
		by[c.Facet] = append(by[c.Facet], c)
	}
	if want := []string{"speaker", "organisation", "topic", "year", "kind", "status"}; !slices.Equal(order, want) {
		t.Fatalf("facets %q, want %q", order, want)
	}
	sum := 0
	for _, c := range got {
		var f store.StatementFilter
		switch c.Facet {
		case "speaker", "organisation", "topic":
			if c.Node == nil || c.Node.ID != c.Value || c.Node.Name == "" {
				t.Errorf("%s %s: node %+v", c.Facet, c.Value, c.Node)
			}
			f.SpeakerIDs, f.OrganisationIDs, f.TopicIDs = only(c, "speaker"), only(c, "organisation"), only(c, "topic")
		case "year":
			y, err := strconv.Atoi(c.Value)
			if err != nil {
				t.Fatal(err)
			}
			f.Said = partialdate.Range{From: partialdate.Date{Year: y}, To: partialdate.Date{Year: y}}
		case "kind":
			f.Kinds = []store.StatementKind{store.StatementKind(c.Value)}
			sum += c.Count
		case "status":
			f.Statuses = []store.Status{store.Status(c.Value)}
		}
		if want := count(f); c.Count != want {
			t.Errorf("%s %s: %d statements, want %d", c.Facet, c.Value, c.Count, want)
		}
	}
	if sum != total {
		t.Errorf("kinds add up to %d, want %d", sum, total)
	}
	for _, cs := range by {
		for i := 1; i < len(cs); i++ {
			if cs[i].Facet == "year" && cs[i].Value >= cs[i-1].Value || cs[i].Facet != "year" && cs[i].Count > cs[i-1].Count {
				t.Errorf("%s not in order: %+v", cs[i].Facet, cs)
			}
		}
	}
}

func only(c facetCount, facet string) []string {
	if c.Facet == facet {
		return []string{c.Value}
	}
	return nil
}

// and returns f with g's id fields, kinds and statuses added, and g's
// date said, if any, in place of f's.
func and(f, g store.StatementFilter) store.StatementFilter {
	f.SpeakerIDs = append(f.SpeakerIDs, g.SpeakerIDs...)
	f.OrganisationIDs = append(f.OrganisationIDs, g.OrganisationIDs...)
	f.TopicIDs = append(f.TopicIDs, g.TopicIDs...)
	f.Kinds = append(f.Kinds, g.Kinds...)
	f.Statuses = append(f.Statuses, g.Statuses...)
	if !g.Said.IsZero() {
		f.Said = g.Said
	}
	return f
}

type listFacets struct {
	TotalCount int
	Facets     []facetCount
}

func TestFacetsOfStatementsOverHTTP(t *testing.T) {
	c, db := newGenServer(t, 1500)
	var all struct{ Statements listFacets }
	c.Query(&all, `{ statements(first: 1) { `+facetsSelection+` } }`, nil)
	checkFacets(t, all.Statements.Facets, storeCount(t, db, store.StatementFilter{}), func(f store.StatementFilter) int { return storeCount(t, db, f) })

	// A filter narrows every facet; the counts are those of the filter
	// and the value together. (Its fields are ones a value of the same
	// facet narrows further, rather than widens as a second id would.)
	base := store.StatementFilter{Kinds: []store.StatementKind{store.Direct}, Said: partialdate.Range{From: partialdate.Date{Year: 2015}}}
	var narrowed struct{ Statements listFacets }
	c.Query(&narrowed, `{ statements(filter: {kinds: [DIRECT], said: {from: "2015"}}) { `+facetsSelection+` } }`, nil)
	if n := narrowed.Statements.TotalCount; n >= all.Statements.TotalCount {
		t.Errorf("the filter keeps %d of %d statements", n, all.Statements.TotalCount)
	}
	checkFacets(t, narrowed.Statements.Facets, storeCount(t, db, base), func(f store.StatementFilter) int { return storeCount(t, db, and(base, f)) })

	// A nested list counts its own statements.
	sp := all.Statements.Facets[0]
	var nested struct {
		Speaker struct{ Statements listFacets }
	}
	c.Query(&nested, `query($id: ID!) { speaker(id: $id) { statements { `+facetsSelection+` } } }`, map[string]any{"id": sp.Value})
	got := nested.Speaker.Statements
	checkFacets(t, got.Facets, sp.Count, func(f store.StatementFilter) int {
		return storeCount(t, db, and(store.StatementFilter{SpeakerIDs: []string{sp.Value}}, f))
	})
	if got.Facets[0].Facet != "speaker" || got.Facets[1].Facet == "speaker" {
		t.Errorf("a speaker's statements have other speakers: %+v", got.Facets)
	}

	c.Fails("BAD_USER_INPUT", `{ statements { facets(size: 0) { count } } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ statements { facets(size: 101) { count } } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ statements(filter: {covers: {from: "2020"}}) { facets { count } } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ statements(filter: {textContains: "x"}) { facets { count } } }`, nil)
}

func TestFacetsOfSearchOverHTTP(t *testing.T) {
	c, _ := newGenServer(t, 1500)
	search := func(q string, f store.StatementFilter) int {
		vars := map[string]any{"q": q, "f": filterVars(f)}
		var out struct{ SearchStatements struct{ TotalCount int } }
		c.Query(&out, `query($q: String!, $f: StatementFilter) { searchStatements(query: $q, filter: $f) { totalCount } }`, vars)
		return out.SearchStatements.TotalCount
	}
	for _, q := range []string{"inflation", "prices -pensions", `"will not"`, "goverment"} {
		t.Run(q, func(t *testing.T) {
			var out struct{ SearchStatements listFacets }
			c.Query(&out, `query($q: String!) { searchStatements(query: $q, first: 1) { `+facetsSelection+` } }`, map[string]any{"q": q})
			checkFacets(t, out.SearchStatements.Facets, out.SearchStatements.TotalCount, func(f store.StatementFilter) int { return search(q, f) })
		})
	}
}

// filterVars writes f as a GraphQL StatementFilter.
func filterVars(f store.StatementFilter) map[string]any {
	m := map[string]any{}
	if len(f.SpeakerIDs) > 0 {
		m["speakers"] = f.SpeakerIDs
	}
	if len(f.OrganisationIDs) > 0 {
		m["organisations"] = f.OrganisationIDs
	}
	if len(f.TopicIDs) > 0 {
		m["topics"] = f.TopicIDs
	}
	if len(f.Kinds) > 0 {
		m["kinds"] = f.Kinds
	}
	if len(f.Statuses) > 0 {
		m["statuses"] = f.Statuses
	}
	if !f.Said.IsZero() {
		m["said"] = map[string]any{"from": f.Said.From.String(), "to": f.Said.To.String()}
	}
	return m
}
