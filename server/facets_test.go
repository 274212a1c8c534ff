package server_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
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

type facetsJSON struct {
	Total    int
	Speakers []struct {
		Speaker struct{ ID, Name string }
		Count   int
	}
	Organisations []struct {
		Organisation struct{ ID string }
		Count        int
	}
	Topics []struct {
		Topic struct{ ID string }
		Count int
	}
	Years []struct{ Year, Count int }
	Kinds []struct {
		Kind  string
		Count int
	}
	Statuses []struct {
		Status string
		Count  int
	}
}

const facetsSelection = `facets(size: 5) {
	total
	speakers { speaker { id name } count }
	organisations { organisation { id } count }
	topics { topic { id } count }
	years { year count }
	kinds { kind count }
	statuses { status count }
}`

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
// statements of the list or search narrowed to one value.
func checkFacets(t *testing.T, got facetsJSON, total int, count func(f store.StatementFilter) int) {
	t.Helper()
	if got.Total != total || total == 0 {
		t.Errorf("total %d, want %d (and more than 0)", got.Total, total)
	}
	if len(got.Speakers) == 0 || len(got.Organisations) == 0 || len(got.Topics) == 0 || len(got.Years) == 0 || len(got.Kinds) == 0 || len(got.Statuses) == 0 {
		t.Fatalf("a facet is empty: %+v", got)
	}
	check := func(what string, n int, f store.StatementFilter) {
		t.Helper()
		if want := count(f); n != want {
			t.Errorf("%s: %d statements, want %d", what, n, want)
		}
	}
	for _, c := range got.Speakers {
		check("speaker "+c.Speaker.Name, c.Count, store.StatementFilter{SpeakerIDs: []string{c.Speaker.ID}})
	}
	for _, c := range got.Organisations {
		check("organisation "+c.Organisation.ID, c.Count, store.StatementFilter{OrganisationIDs: []string{c.Organisation.ID}})
	}
	for _, c := range got.Topics {
		check("topic "+c.Topic.ID, c.Count, store.StatementFilter{TopicIDs: []string{c.Topic.ID}})
	}
	for i, c := range got.Years {
		if i > 0 && c.Year >= got.Years[i-1].Year {
			t.Errorf("years not newest first: %+v", got.Years)
		}
		y := partialdate.Date{Year: c.Year}
		check("year "+strconv.Itoa(c.Year), c.Count, store.StatementFilter{Said: partialdate.Range{From: y, To: y}})
	}
	sum := 0
	for _, c := range got.Kinds {
		check("kind "+c.Kind, c.Count, store.StatementFilter{Kinds: []store.StatementKind{store.StatementKind(c.Kind)}})
		sum += c.Count
	}
	if sum != total {
		t.Errorf("kinds add up to %d, want %d", sum, total)
	}
	for _, c := range got.Statuses {
		check("status "+c.Status, c.Count, store.StatementFilter{Statuses: []store.Status{store.Status(c.Status)}})
	}
	for i := 1; i < len(got.Speakers); i++ {
		if got.Speakers[i].Count > got.Speakers[i-1].Count {
			t.Errorf("speakers not most first: %+v", got.Speakers)
		}
	}
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

func TestFacetsOfStatementsOverHTTP(t *testing.T) {
	c, db := newGenServer(t, 1500)
	var all struct{ Statements struct{ Facets facetsJSON } }
	c.Query(&all, `{ statements(first: 1) { `+facetsSelection+` } }`, nil)
	checkFacets(t, all.Statements.Facets, storeCount(t, db, store.StatementFilter{}), func(f store.StatementFilter) int { return storeCount(t, db, f) })

	// A filter narrows every facet; the counts are those of the filter
	// and the value together. (Its fields are ones a value of the same
	// facet narrows further, rather than widens as a second id would.)
	base := store.StatementFilter{Kinds: []store.StatementKind{store.Direct}, Said: partialdate.Range{From: partialdate.Date{Year: 2015}}}
	var narrowed struct{ Statements struct{ Facets facetsJSON } }
	c.Query(&narrowed, `{ statements(filter: {kinds: [DIRECT], said: {from: "2015"}}) { `+facetsSelection+` } }`, nil)
	checkFacets(t, narrowed.Statements.Facets, storeCount(t, db, base), func(f store.StatementFilter) int { return storeCount(t, db, and(base, f)) })

	// A nested list counts its own statements.
	sp := all.Statements.Facets.Speakers[0]
	var nested struct {
		Speaker struct{ Statements struct{ Facets facetsJSON } }
	}
	c.Query(&nested, `query($id: ID!) { speaker(id: $id) { statements { `+facetsSelection+` } } }`, map[string]any{"id": sp.Speaker.ID})
	if got := nested.Speaker.Statements.Facets; got.Total != sp.Count || len(got.Speakers) != 1 || got.Speakers[0].Speaker.ID != sp.Speaker.ID {
		t.Errorf("a speaker's statements: facets %+v, want %d statements of theirs", got, sp.Count)
	}

	c.Fails("BAD_USER_INPUT", `{ statements { facets(size: 0) { total } } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ statements { facets(size: 101) { total } } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ statements(filter: {covers: {from: "2020"}}) { facets { total } } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ statements(filter: {textContains: "x"}) { facets { total } } }`, nil)
}

func TestFacetsOfSearchOverHTTP(t *testing.T) {
	c, _ := newGenServer(t, 1500)
	search := func(q string, f store.StatementFilter) int {
		vars := map[string]any{"q": q, "f": filterVars(f)}
		var out struct{ SearchStatements struct{ TotalCount int } }
		c.Query(&out, `query($q: String!, $f: StatementFilter) { searchStatements(query: $q, filter: $f) { totalCount } }`, vars)
		return out.SearchStatements.TotalCount
	}
	for _, q := range []string{"inflation", "prices -pensions", `"will not"`} {
		t.Run(q, func(t *testing.T) {
			var out struct{ SearchStatements struct{ Facets facetsJSON } }
			c.Query(&out, `query($q: String!) { searchStatements(query: $q, first: 1) { `+facetsSelection+` } }`, map[string]any{"q": q})
			checkFacets(t, out.SearchStatements.Facets, search(q, store.StatementFilter{}), func(f store.StatementFilter) int { return search(q, f) })
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
