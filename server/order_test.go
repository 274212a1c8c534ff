package server_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/partialdate"
)

// TestOrderBy lists through the API in each order and direction, page by
// page: descending is ascending reversed, names come in folded order, and a
// cursor of one order is refused in another.
func TestOrderBy(t *testing.T) {
	f := newServer(t)
	seed(t, f.c)
	for _, src := range []map[string]any{{"title": "Evening bulletin", "published": "2023-01-05"}, {"title": "Undated leaflet"}, {"title": "Spring review", "published": "2021"}} {
		f.c.Query(nil, `mutation($in: CreateSourceInput!) { createSource(input: $in) { id } }`, map[string]any{"in": src})
	}
	type node struct{ ID, Name, Title, Said, Published string }
	selection := map[string]string{"speakers": "name", "organisations": "name", "sources": "title published", "statements": "said"}
	// walk pages through a list one item at a time, forward, and returns
	// the nodes and the first cursor.
	walk := func(t *testing.T, field, args string) ([]node, string) {
		t.Helper()
		var out []node
		var first string
		var after any
		for range 20 {
			var d map[string]struct {
				Edges []struct {
					Cursor string
					Node   node
				}
				PageInfo struct{ HasNextPage bool }
			}
			f.c.Query(&d, `query($after: String) { `+field+`(`+args+`, first: 1, after: $after) {
				edges { cursor node { id `+selection[field]+` } }
				pageInfo { hasNextPage } } }`, map[string]any{"after": after})
			conn := d[field]
			for _, e := range conn.Edges {
				out = append(out, e.Node)
				if first == "" {
					first = e.Cursor
				}
				after = e.Cursor
			}
			if !conn.PageInfo.HasNextPage {
				return out, first
			}
		}
		t.Fatalf("%s(%s): more than 20 pages", field, args)
		return nil, ""
	}
	names := func(ns []node) []string {
		var out []string
		for _, n := range ns {
			out = append(out, n.Name+n.Title+n.Said+n.Published+"|"+n.ID)
		}
		return out
	}
	reversed := func(s []string) []string { s = slices.Clone(s); slices.Reverse(s); return s }

	t.Run("speakers by name", func(t *testing.T) {
		asc, cursor := walk(t, "speakers", `orderBy: {field: NAME}`)
		var got []string
		for _, n := range asc {
			got = append(got, n.Name)
		}
		// Folded: "eli kerimli", "fuad …", "ganimat …".
		if want := []string{"Əli Kərimli", "Fuad Gahramanli", "Ganimat Zahid"}; !slices.Equal(got, want) {
			t.Errorf("by name: %q, want %q", got, want)
		}
		desc, _ := walk(t, "speakers", `orderBy: {field: NAME, direction: DESC}`)
		if !slices.Equal(names(desc), reversed(names(asc))) {
			t.Errorf("by name descending: %q", names(desc))
		}
		msg := f.c.Fails("BAD_USER_INPUT", `query($c: String) { speakers(after: $c) { totalCount } }`, map[string]any{"c": cursor})
		if msg != "invalid cursor" {
			t.Errorf("a name-order cursor in creation order: %q", msg)
		}
	})
	for _, tc := range []struct{ field, asc, desc string }{
		{"speakers", `orderBy: {field: CREATED}`, `orderBy: {field: CREATED, direction: DESC}`},
		{"organisations", `orderBy: {field: NAME}`, `orderBy: {field: NAME, direction: DESC}`},
		{"organisations", `filter: {kinds: [PARTY, NGO]}`, `filter: {kinds: [PARTY, NGO]}, orderBy: {direction: DESC}`},
		{"sources", `orderBy: {field: PUBLISHED}`, `orderBy: {direction: DESC}`},
		{"statements", `filter: {}`, `orderBy: {direction: DESC}`},
		{"statements", `filter: {organisationNames: ["APFP"]}`, `filter: {organisationNames: ["APFP"]}, orderBy: {field: SAID, direction: DESC}`},
	} {
		t.Run(tc.field+" "+tc.desc, func(t *testing.T) {
			asc, _ := walk(t, tc.field, tc.asc)
			desc, _ := walk(t, tc.field, tc.desc)
			if len(asc) < 2 || !slices.Equal(names(desc), reversed(names(asc))) {
				t.Errorf("descending %q\nascending %q", names(desc), names(asc))
			}
		})
	}
	t.Run("a speaker's statements, latest first", func(t *testing.T) {
		var d struct {
			Speakers struct {
				Nodes []struct {
					Asc, Desc struct{ Nodes []struct{ Said string } }
				}
			}
		}
		f.c.Query(&d, `{ speakers(filter: {name: "Gahramanli"}) { nodes {
			asc: statements { nodes { said } } desc: statements(orderBy: {direction: DESC}) { nodes { said } } } } }`, nil)
		if len(d.Speakers.Nodes) != 1 {
			t.Fatalf("%+v", d)
		}
		sp := d.Speakers.Nodes[0]
		var asc, desc []string
		for _, n := range sp.Asc.Nodes {
			asc = append(asc, n.Said)
		}
		for _, n := range sp.Desc.Nodes {
			desc = append(desc, n.Said)
		}
		if len(asc) < 2 || !slices.Equal(desc, reversed(asc)) || asc[0] == asc[len(asc)-1] {
			t.Errorf("said ascending %q, descending %q", asc, desc)
		}
	})
}

// TestWikidataIDs finds speakers and organisations by Wikidata id, and
// reads a wikidataId that is not known as null.
func TestWikidataIDs(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	var d struct {
		Known, Unknown struct {
			Nodes []struct {
				ID         string
				WikidataID *string
			}
		}
		Orgs struct{ TotalCount int }
	}
	f.c.Query(&d, `{
		known: speakers(filter: {wikidataIds: ["Q4725520", "Q1"]}) { nodes { id wikidataId } }
		unknown: speakers(filter: {name: "Zahid"}) { nodes { id wikidataId } }
		orgs: organisations(filter: {wikidataIds: ["Q4725520"]}) { totalCount } }`, nil)
	if len(d.Known.Nodes) != 1 || d.Known.Nodes[0].ID != s.karimli || d.Known.Nodes[0].WikidataID == nil || *d.Known.Nodes[0].WikidataID != "Q4725520" {
		t.Errorf("by QID: %+v", d.Known.Nodes)
	}
	if len(d.Unknown.Nodes) != 1 || d.Unknown.Nodes[0].WikidataID != nil {
		t.Errorf("a speaker without a QID: %+v, want wikidataId null", d.Unknown.Nodes)
	}
	if d.Orgs.TotalCount != 0 {
		t.Errorf("an organisation found by a speaker's QID")
	}
	if msg := f.c.Fails("BAD_USER_INPUT", `{ organisations(filter: {wikidataIds: ["wd:Q42"]}) { totalCount } }`, nil); msg == "" {
		t.Errorf("no message for a malformed QID")
	}
}

// TestStatementsByDatePublished pages through statements over HTTP by date
// said and by date published, in both directions, forward and backward,
// and checks each walk against a sort of the statements as read; a cursor
// of one order is refused in the other.
func TestStatementsByDatePublished(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	newID := func(query string, in map[string]any) string {
		t.Helper()
		var d map[string]struct{ ID string }
		f.c.Query(&d, query, map[string]any{"in": in})
		for _, v := range d {
			return v.ID
		}
		t.Fatal("no id")
		return ""
	}
	src := `mutation($in: CreateSourceInput!) { createSource(input: $in) { id } }`
	sources := []string{s.digest}
	for _, in := range []map[string]any{
		{"title": "Harbour gazette", "published": "2023-01"},
		{"title": "Harbour gazette, late edition", "published": "2023-01"}, // same date: the id decides
		{"title": "Spring review", "published": "2021"},
		{"title": "Town notes", "published": "2021-06-02"},
		{"title": "Undated leaflet"},
	} {
		sources = append(sources, newID(src, in))
	}
	saids := []string{"2021-06", "", "2022-03-02", "2021-06", "2020-12-31"}
	for i := range 15 {
		in := map[string]any{"text": fmt.Sprintf("Ferry fares will rise by %d percent.", i+1), "kind": "DIRECT", "speaker": s.zahid}
		if said := saids[i%len(saids)]; said != "" {
			in["said"] = said
		}
		if i%7 != 6 { // some without a source
			in["source"] = sources[i%len(sources)]
		}
		newID(`mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`, in)
	}

	type stmt struct {
		ID, Said string
		Source   *struct{ ID, Published string }
		Speaker  *struct{ ID string }
	}
	var all struct{ Statements struct{ Nodes []stmt } }
	f.c.Query(&all, `{ statements(first: 100) { nodes { id said source { id published } speaker { id } } } }`, nil)
	if len(all.Statements.Nodes) != 20 {
		t.Fatalf("%d statements, want 20", len(all.Statements.Nodes))
	}
	dateKey := func(s string) uint32 {
		if s == "" {
			return 0
		}
		return partialdate.MustParse(s).Key()
	}
	bySaid := func(a, b stmt) int {
		return cmp.Or(cmp.Compare(dateKey(a.Said), dateKey(b.Said)), cmp.Compare(a.ID, b.ID))
	}
	byPublished := func(a, b stmt) int {
		var pa, pb, sa, sb string
		if a.Source != nil {
			pa, sa = a.Source.Published, a.Source.ID
		}
		if b.Source != nil {
			pb, sb = b.Source.Published, b.Source.ID
		}
		return cmp.Or(cmp.Compare(dateKey(pa), dateKey(pb)), cmp.Compare(sa, sb), bySaid(a, b))
	}
	sorted := func(keep func(stmt) bool, by func(a, b stmt) int, desc bool) []string {
		var ids []string
		sel := slices.Clone(all.Statements.Nodes)
		slices.SortFunc(sel, by)
		for _, n := range sel {
			if keep(n) {
				ids = append(ids, n.ID)
			}
		}
		if desc {
			slices.Reverse(ids)
		}
		return ids
	}
	everything := func(stmt) bool { return true }
	ofZahid := func(n stmt) bool { return n.Speaker != nil && n.Speaker.ID == s.zahid }
	for _, tc := range []struct {
		args string
		keep func(stmt) bool
		by   func(a, b stmt) int
		desc bool
	}{
		{`orderBy: {field: SAID}`, everything, bySaid, false},
		{`orderBy: {field: SAID, direction: DESC}`, everything, bySaid, true},
		{`orderBy: {field: PUBLISHED}`, everything, byPublished, false},
		{`orderBy: {field: PUBLISHED, direction: DESC}`, everything, byPublished, true},
		{`filter: {speakers: ["` + s.zahid + `"]}, orderBy: {field: PUBLISHED}`, ofZahid, byPublished, false},
		{`filter: {speakers: ["` + s.zahid + `"]}, orderBy: {field: PUBLISHED, direction: DESC}`, ofZahid, byPublished, true},
	} {
		t.Run(tc.args, func(t *testing.T) {
			want := sorted(tc.keep, tc.by, tc.desc)
			if fwd := pageThrough(t, f.c, tc.args, "first", "after"); !slices.Equal(fwd, want) {
				t.Errorf("forward:\n got %q\nwant %q", fwd, want)
			}
			back := pageThrough(t, f.c, tc.args, "last", "before")
			slices.Reverse(back)
			if !slices.Equal(back, want) {
				t.Errorf("backward:\n got %q\nwant %q", back, want)
			}
		})
	}

	var d struct {
		Said, Published struct{ PageInfo struct{ EndCursor string } }
	}
	f.c.Query(&d, `{ said: statements(first: 1) { pageInfo { endCursor } }
		published: statements(first: 1, orderBy: {field: PUBLISHED}) { pageInfo { endCursor } } }`, nil)
	for _, tc := range []struct{ order, cursor string }{{"PUBLISHED", d.Said.PageInfo.EndCursor}, {"SAID", d.Published.PageInfo.EndCursor}} {
		msg := f.c.Fails("BAD_USER_INPUT", `query($c: String) { statements(orderBy: {field: `+tc.order+`}, after: $c) { nodes { id } } }`, map[string]any{"c": tc.cursor})
		if msg != "invalid cursor" {
			t.Errorf("a cursor of another order in %s: %q", tc.order, msg)
		}
	}
}

// pageThrough lists statements with args two at a time, with first and
// after (or last and before), and returns the ids in the order met,
// checking that the page flags say whether more lie ahead.
func pageThrough(t *testing.T, c *gqltest.Client, args, size, cursor string) []string {
	t.Helper()
	var ids []string
	var at any
	for range 50 {
		var d struct {
			Statements struct {
				Nodes    []struct{ ID string }
				PageInfo struct {
					HasNextPage, HasPreviousPage bool
					StartCursor, EndCursor       string
				}
			}
		}
		c.Query(&d, `query($c: String) { statements(`+args+`, `+size+`: 2, `+cursor+`: $c) {
			nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, map[string]any{"c": at})
		conn := d.Statements
		nodes, more, behind, next := conn.Nodes, conn.PageInfo.HasNextPage, conn.PageInfo.HasPreviousPage, conn.PageInfo.EndCursor
		if size == "last" {
			slices.Reverse(nodes)
			more, behind, next = behind, more, conn.PageInfo.StartCursor
		}
		if behind != (at != nil) {
			t.Fatalf("%s %s: page after %d ids says more behind: %v", args, size, len(ids), behind)
		}
		for _, n := range nodes {
			ids = append(ids, n.ID)
		}
		if !more {
			return ids
		}
		at = next
	}
	t.Fatalf("%s: more than 50 pages", args)
	return nil
}
