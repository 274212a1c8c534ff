package server_test

import (
	"slices"
	"testing"
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
