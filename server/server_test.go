package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/internal/backendtest"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// countingStore counts the read transactions made on a real store, to show
// that loaders batch reads.
type countingStore struct {
	store.Store
	views atomic.Int64
}

func (c *countingStore) View(ctx context.Context, fn func(store.Tx) error) error {
	c.views.Add(1)
	return c.Store.View(ctx, fn)
}

type fixture struct {
	// c sends requests with an admin token, as the tests of everything
	// but access control do.
	c     *gqltest.Client
	srv   *httptest.Server
	store *countingStore
	db    store.Store
	t     *testing.T
}

// newServer starts the real handler on a free port over a new store: a
// bbolt file, checked for consistency when the test ends, or under
// TestPostgres a PostgreSQL schema (see backendtest.Open).
func newServer(t *testing.T) *fixture {
	t.Helper()
	return newServerWith(t, nil)
}

// newServerWith is newServer with a configuration changed by configure.
// On bbolt the server serves backups of its file and reports its size.
func newServerWith(t *testing.T, configure func(*server.Config)) *fixture {
	t.Helper()
	db := backendtest.Open(t)
	cs := &countingStore{Store: db}
	cfg := server.Config{Store: cs, MaxBodyBytes: 1 << 16}
	if b, ok := db.(*bolt.Store); ok {
		cfg.Stats, cfg.Backup = b.Stats, b
	}
	if configure != nil {
		configure(&cfg)
	}
	srv := httptest.NewServer(server.New(cfg))
	t.Cleanup(srv.Close)
	f := &fixture{srv: srv, store: cs, db: db, t: t}
	f.c = f.client(f.token("test-admin", store.Admin))
	return f
}

// bolt returns the server's bbolt file, for the tests of what only a file
// has: its size, backups.
func (f *fixture) bolt() *bolt.Store {
	f.t.Helper()
	b, ok := f.db.(*bolt.Store)
	if !ok {
		f.t.Fatalf("%s needs a bbolt file, not %T", f.t.Name(), f.db)
	}
	return b
}

// token creates an API token in the server's database and returns its
// secret.
func (f *fixture) token(name string, role store.Role) string {
	secret, _, err := auth.Create(context.Background(), f.db, name, role)
	if err != nil {
		f.t.Fatal(err)
	}
	return secret
}

// client returns a client that sends secret as its token; "" sends none.
func (f *fixture) client(secret string) *gqltest.Client {
	c := &gqltest.Client{T: f.t, URL: f.srv.URL + "/graphql"}
	if secret != "" {
		c.Header = http.Header{"Authorization": {"Bearer " + secret}}
	}
	return c
}

// ids of the records seed creates.
type seeded struct {
	apfp, ncdf, paper                  string
	karimli, gahramanli, zahid         string
	foreign, ukraine, rights           string
	digest                             string
	karimliUkraine, gahramanliUkraine  string
	gahramanliOld, zahidRights, unsaid string
}

// seed creates, through the API, two parties, a newspaper, three speakers
// whose affiliations change over time, a topic hierarchy, a source and
// statements spread over 2021 and 2022.
func seed(t *testing.T, c *gqltest.Client) seeded {
	t.Helper()
	var s seeded
	id := func(query string, vars map[string]any) string {
		t.Helper()
		var out map[string]struct{ ID string }
		c.Query(&out, query, vars)
		for _, v := range out {
			return v.ID
		}
		t.Fatal("no id")
		return ""
	}
	org := `mutation($in: CreateOrganisationInput!) { createOrganisation(input: $in) { id } }`
	s.apfp = id(org, map[string]any{"in": map[string]any{"name": "Azerbaijan Popular Front Party", "shortName": "APFP", "aliases": []string{"Popular Front Party", "PFP"}, "kind": "PARTY"}})
	s.ncdf = id(org, map[string]any{"in": map[string]any{"name": "National Council of Democratic Forces", "shortName": "NCDF", "kind": "NGO"}})
	s.paper = id(org, map[string]any{"in": map[string]any{"name": "Azadliq", "kind": "MEDIA"}})
	sp := `mutation($in: CreateSpeakerInput!) { createSpeaker(input: $in) { id } }`
	s.karimli = id(sp, map[string]any{"in": map[string]any{"name": "Əli Kərimli", "aliases": []string{"Ali Karimli"}, "wikidataId": "Q4725520"}})
	s.gahramanli = id(sp, map[string]any{"in": map[string]any{"name": "Fuad Gahramanli", "aliases": []string{"Fuad Qəhrəmanlı"}}})
	s.zahid = id(sp, map[string]any{"in": map[string]any{"name": "Ganimat Zahid", "description": "exiled journalist"}})
	aff := `mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { id } }`
	id(aff, map[string]any{"in": map[string]any{"speaker": s.karimli, "organisation": s.apfp, "role": "chairman", "start": "2000"}})
	id(aff, map[string]any{"in": map[string]any{"speaker": s.gahramanli, "organisation": s.apfp, "role": "member", "start": "2010", "end": "2021-12"}})
	id(aff, map[string]any{"in": map[string]any{"speaker": s.gahramanli, "organisation": s.ncdf, "role": "member", "start": "2022-01"}})
	topic := `mutation($in: CreateTopicInput!) { createTopic(input: $in) { id } }`
	s.foreign = id(topic, map[string]any{"in": map[string]any{"name": "Foreign policy"}})
	s.ukraine = id(topic, map[string]any{"in": map[string]any{"name": "War in Ukraine", "parent": s.foreign}})
	s.rights = id(topic, map[string]any{"in": map[string]any{"name": "Human rights"}})
	text := "Weekly digest. Karimli argued that neutrality is no policy. Zahid wrote: the arrests must end.”"
	s.digest = id(`mutation($in: CreateSourceInput!) { createSource(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"title": "Weekly digest 2022-03-11", "publisher": s.paper, "url": "https://example.org/digest", "published": "2022-03-11", "language": "en", "text": text}})
	st := `mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`
	quote := "neutrality is no policy"
	start := strings.Index(text, quote)
	s.karimliUkraine = id(st, map[string]any{"in": map[string]any{"text": quote, "kind": "INDIRECT", "speaker": s.karimli, "cue": "argued",
		"said": "2022-03-11", "topics": []string{s.ukraine}, "source": s.digest, "span": map[string]any{"start": start, "end": start + len(quote)},
		"covers": []any{map[string]any{"from": "2022-02-24", "to": "2022-03-11", "label": "the war so far"}}}})
	s.gahramanliUkraine = id(st, map[string]any{"in": map[string]any{"text": "We stand with Ukraine.", "kind": "DIRECT", "speaker": s.gahramanli, "said": "2022-03-02", "topics": []string{s.ukraine}}})
	s.gahramanliOld = id(st, map[string]any{"in": map[string]any{"text": "The party will take part in the elections.", "kind": "DIRECT", "speaker": s.gahramanli, "said": "2021-06", "topics": []string{s.foreign}}})
	s.zahidRights = id(st, map[string]any{"in": map[string]any{"text": "the arrests must end.”", "kind": "DIRECT", "speaker": s.zahid, "cue": "wrote", "said": "2022-03", "topics": []string{s.rights}, "status": "VERIFIED",
		"covers": []any{map[string]any{"from": "2020-09-27", "to": "2020-11-10", "label": "the 44-day war"}}}})
	s.unsaid = id(st, map[string]any{"in": map[string]any{"text": "Nobody knows when this was said.", "kind": "INDIRECT"}})
	return s
}

type statementsData struct {
	Statements struct {
		Nodes []struct {
			ID, Text string
		}
		TotalCount int
	}
}

func (d statementsData) ids() []string {
	var ids []string
	for _, n := range d.Statements.Nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

const statementsQuery = `query($f: StatementFilter) { statements(filter: $f, first: 50) { nodes { id text } totalCount } }`

func TestWhoSaidWhatOnATopicInAMonth(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	var d struct {
		Statements struct {
			Nodes []struct {
				Text         string
				Speaker      struct{ Name string }
				Organisation struct{ ShortName string }
				Role         string
				Inferred     bool `json:"organisationInferred"`
				Said         string
				Topics       []struct{ Name string }
				Source       struct{ Title string }
			}
		}
	}
	f.c.Query(&d, `{ statements(filter: {organisationNames: ["PFP"], topicNames: ["foreign policy"], said: {from: "2022-03", to: "2022-03"}}) {
		nodes { text speaker { name } organisation { shortName } role organisationInferred said topics { name } source { title } } } }`, nil)
	if len(d.Statements.Nodes) != 1 {
		t.Fatalf("want Karimli's statement alone (Gahramanli left APFP in 2021), got %+v", d.Statements.Nodes)
	}
	n := d.Statements.Nodes[0]
	if n.Speaker.Name != "Əli Kərimli" || n.Organisation.ShortName != "APFP" || n.Role != "chairman" || !n.Inferred ||
		n.Said != "2022-03-11" || n.Topics[0].Name != "War in Ukraine" || n.Source.Title != "Weekly digest 2022-03-11" {
		t.Errorf("got %+v", n)
	}
	_ = s
}

func TestStatementFilters(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	tests := []struct {
		name   string
		filter map[string]any
		want   []string // in order: by date said, then id
	}{
		// 2022-03 sorts before the days of March 2022.
		{"no filter", nil, []string{s.unsaid, s.gahramanliOld, s.zahidRights, s.gahramanliUkraine, s.karimliUkraine}},
		{"speaker", map[string]any{"speakers": []string{s.gahramanli}}, []string{s.gahramanliOld, s.gahramanliUkraine}},
		{"two speakers", map[string]any{"speakers": []string{s.zahid, s.karimli}}, []string{s.zahidRights, s.karimliUkraine}},
		{"speaker by alias, diacritics folded", map[string]any{"speakerNames": []string{"fuad qahramanli"}}, []string{s.gahramanliOld, s.gahramanliUkraine}},
		{"organisation at the time", map[string]any{"organisations": []string{s.apfp}}, []string{s.gahramanliOld, s.karimliUkraine}},
		{"later organisation", map[string]any{"organisations": []string{s.ncdf}}, []string{s.gahramanliUkraine}},
		{"topic with subtopics", map[string]any{"topics": []string{s.foreign}}, []string{s.gahramanliOld, s.gahramanliUkraine, s.karimliUkraine}},
		{"subtopic", map[string]any{"topics": []string{s.ukraine}}, []string{s.gahramanliUkraine, s.karimliUkraine}},
		{"source", map[string]any{"sources": []string{s.digest}}, []string{s.karimliUkraine}},
		{"kind", map[string]any{"kinds": []string{"INDIRECT"}}, []string{s.unsaid, s.karimliUkraine}},
		{"status", map[string]any{"statuses": []string{"VERIFIED"}}, []string{s.zahidRights}},
		{"said in a year", map[string]any{"said": map[string]any{"from": "2021", "to": "2021"}}, []string{s.gahramanliOld}},
		{"said from a day on", map[string]any{"said": map[string]any{"from": "2022-03-05"}}, []string{s.zahidRights, s.karimliUkraine}},
		{"said until a day", map[string]any{"said": map[string]any{"to": "2022-03-02"}}, []string{s.gahramanliOld, s.zahidRights, s.gahramanliUkraine}},
		{"covers events of 2020", map[string]any{"covers": map[string]any{"from": "2020", "to": "2020"}}, []string{s.zahidRights}},
		{"covers March 2022", map[string]any{"covers": map[string]any{"from": "2022-03", "to": "2022-03"}}, []string{s.karimliUkraine}},
		{"text contains, case folded", map[string]any{"textContains": "NEUTRALITY"}, []string{s.karimliUkraine}},
		{"combined", map[string]any{"organisationNames": []string{"APFP"}, "topics": []string{s.foreign}, "said": map[string]any{"from": "2022-03", "to": "2022-03"}}, []string{s.karimliUkraine}},
		{"nothing matches", map[string]any{"speakers": []string{s.zahid}, "kinds": []string{"INDIRECT"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d statementsData
			f.c.Query(&d, statementsQuery, map[string]any{"f": tt.filter})
			if got := d.ids(); !slices.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
			if d.Statements.TotalCount != len(tt.want) {
				t.Errorf("totalCount %d, want %d", d.Statements.TotalCount, len(tt.want))
			}
		})
	}
}

func TestNestedLists(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	var d struct {
		Speaker struct {
			Statements   struct{ TotalCount int }
			Affiliations struct {
				Nodes []struct {
					Role         string
					Current      bool
					End          *string
					Organisation struct{ ShortName string }
				}
			}
		}
		Organisation struct {
			Members    struct{ TotalCount int }
			Statements struct{ TotalCount int }
		}
		Topic struct {
			Children   struct{ Nodes []struct{ Name string } }
			Statements struct{ TotalCount int }
		}
		Source struct {
			Publisher  struct{ Name string }
			Statements struct {
				Nodes []struct{ Span struct{ Start, End int } }
			}
		}
	}
	f.c.Query(&d, `query($sp: ID!, $org: ID!, $topic: ID!, $src: ID!) {
		speaker(id: $sp) { statements { totalCount } affiliations { nodes { role current end organisation { shortName } } } }
		organisation(id: $org) { members(at: "2021-06-01") { totalCount } statements { totalCount } }
		topic(id: $topic) { children { nodes { name } } statements { totalCount } }
		source(id: $src) { publisher { name } statements { nodes { span { start end } } } } }`,
		map[string]any{"sp": s.gahramanli, "org": s.apfp, "topic": s.foreign, "src": s.digest})
	if d.Speaker.Statements.TotalCount != 2 || len(d.Speaker.Affiliations.Nodes) != 2 {
		t.Errorf("speaker: %+v", d.Speaker)
	}
	if d.Organisation.Members.TotalCount != 2 || d.Organisation.Statements.TotalCount != 2 {
		t.Errorf("organisation: %+v", d.Organisation)
	}
	if len(d.Topic.Children.Nodes) != 1 || d.Topic.Statements.TotalCount != 3 {
		t.Errorf("topic: %+v", d.Topic)
	}
	if d.Source.Publisher.Name != "Azadliq" || len(d.Source.Statements.Nodes) != 1 || d.Source.Statements.Nodes[0].Span.Start != 35 {
		t.Errorf("source: %+v", d.Source)
	}
	f.c.Fails("BAD_USER_INPUT", `query($sp: ID!, $other: ID!) { speaker(id: $sp) { statements(filter: {speakers: [$other]}) { totalCount } } }`,
		map[string]any{"sp": s.gahramanli, "other": s.zahid})
}

func TestNameLookup(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	tests := []struct {
		query, want string
	}{
		{"karimli", s.karimli},
		{"Kerimli", s.karimli},
		{"KƏRİMLİ", s.karimli},
		{"ali kar", s.karimli},
		{"Əli", s.karimli},
		{"qəhrəmanlı", s.gahramanli},
		{"gahraman", s.gahramanli},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var d struct {
				Speakers struct{ Nodes []struct{ ID string } }
			}
			f.c.Query(&d, `query($n: String) { speakers(filter: {name: $n}) { nodes { id } } }`, map[string]any{"n": tt.query})
			if len(d.Speakers.Nodes) != 1 || d.Speakers.Nodes[0].ID != tt.want {
				t.Errorf("got %+v, want %s", d.Speakers.Nodes, tt.want)
			}
		})
	}
	var orgs struct {
		Organisations struct{ Nodes []struct{ ID string } }
	}
	f.c.Query(&orgs, `{ organisations(filter: {name: "popular front"}) { nodes { id } } }`, nil)
	if len(orgs.Organisations.Nodes) != 1 || orgs.Organisations.Nodes[0].ID != s.apfp {
		t.Errorf("organisations by alias: %+v", orgs)
	}
	var topics struct {
		Topics struct{ Nodes []struct{ ID string } }
	}
	f.c.Query(&topics, `{ topics(filter: {name: "ukraine"}) { nodes { id } } }`, nil)
	if len(topics.Topics.Nodes) != 1 || topics.Topics.Nodes[0].ID != s.ukraine {
		t.Errorf("topics by word: %+v", topics)
	}
	f.c.Fails("NOT_FOUND", statementsQuery, map[string]any{"f": map[string]any{"organisationNames": []string{"No Such Party"}}})
}

func TestPagination(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	all := []string{s.unsaid, s.gahramanliOld, s.zahidRights, s.gahramanliUkraine, s.karimliUkraine}
	type page struct {
		Statements struct {
			Edges []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage, HasPreviousPage bool
				StartCursor, EndCursor       *string
			}
		}
	}
	q := `query($first: Int, $after: String, $last: Int, $before: String, $f: StatementFilter) {
		statements(filter: $f, first: $first, after: $after, last: $last, before: $before) {
			edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`
	fetch := func(vars map[string]any) page {
		var p page
		f.c.Query(&p, q, vars)
		return p
	}
	ids := func(p page) []string {
		var out []string
		for _, e := range p.Statements.Edges {
			out = append(out, e.Node.ID)
		}
		return out
	}
	p1 := fetch(map[string]any{"first": 2})
	if got := ids(p1); !slices.Equal(got, all[:2]) || !p1.Statements.PageInfo.HasNextPage || p1.Statements.PageInfo.HasPreviousPage {
		t.Fatalf("first page: %v %+v", got, p1.Statements.PageInfo)
	}
	p2 := fetch(map[string]any{"first": 2, "after": *p1.Statements.PageInfo.EndCursor})
	if got := ids(p2); !slices.Equal(got, all[2:4]) || !p2.Statements.PageInfo.HasNextPage || !p2.Statements.PageInfo.HasPreviousPage {
		t.Fatalf("second page: %v %+v", got, p2.Statements.PageInfo)
	}
	p3 := fetch(map[string]any{"first": 2, "after": *p2.Statements.PageInfo.EndCursor})
	if got := ids(p3); !slices.Equal(got, all[4:]) || p3.Statements.PageInfo.HasNextPage {
		t.Fatalf("last page: %v %+v", got, p3.Statements.PageInfo)
	}
	exact := fetch(map[string]any{"first": 5})
	if got := ids(exact); !slices.Equal(got, all) || exact.Statements.PageInfo.HasNextPage {
		t.Fatalf("exact page: %v %+v", got, exact.Statements.PageInfo)
	}
	back := fetch(map[string]any{"last": 2, "before": *p3.Statements.PageInfo.StartCursor})
	if got := ids(back); !slices.Equal(got, all[2:4]) || !back.Statements.PageInfo.HasPreviousPage || !back.Statements.PageInfo.HasNextPage {
		t.Fatalf("backwards: %v %+v", got, back.Statements.PageInfo)
	}
	tail := fetch(map[string]any{"last": 2})
	if got := ids(tail); !slices.Equal(got, all[3:]) || tail.Statements.PageInfo.HasNextPage || !tail.Statements.PageInfo.HasPreviousPage {
		t.Fatalf("last 2: %v %+v", got, tail.Statements.PageInfo)
	}
	empty := fetch(map[string]any{"first": 2, "f": map[string]any{"statuses": []string{"RETRACTED"}}})
	if len(empty.Statements.Edges) != 0 || empty.Statements.PageInfo.HasNextPage || empty.Statements.PageInfo.StartCursor != nil {
		t.Fatalf("empty: %+v", empty)
	}
	for _, bad := range []map[string]any{
		{"first": 2, "after": "not-a-cursor"},
		{"first": -1},
	} {
		f.c.Fails("BAD_USER_INPUT", q, bad)
	}
	f.c.Fails("LIMIT_EXCEEDED", q, map[string]any{"first": store.MaxPageSize + 1})
}

func TestMutations(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	c := f.c

	// Update leaves out what is not given and clears what is null.
	var up struct {
		UpdateSpeaker struct {
			Name        string
			Description *string
			WikidataID  *string
		}
	}
	c.Query(&up, `mutation($id: ID!) { updateSpeaker(id: $id, input: {description: "chairman of APFP", wikidataId: null}) { name description wikidataId } }`, map[string]any{"id": s.karimli})
	if up.UpdateSpeaker.Name != "Əli Kərimli" || up.UpdateSpeaker.Description == nil || *up.UpdateSpeaker.Description != "chairman of APFP" ||
		(up.UpdateSpeaker.WikidataID != nil && *up.UpdateSpeaker.WikidataID != "") {
		t.Errorf("update: %+v", up)
	}

	// Aliases.
	var al struct {
		AddAlias struct{ Aliases []string }
	}
	c.Query(&al, `mutation($id: ID!) { addAlias(id: $id, alias: "Ali Kerimli") { aliases } }`, map[string]any{"id": s.karimli})
	if !slices.Contains(al.AddAlias.Aliases, "Ali Kerimli") {
		t.Errorf("addAlias: %+v", al)
	}
	c.Fails("CONFLICT", `mutation($id: ID!) { addAlias(id: $id, alias: "ali kerimli") { id } }`, map[string]any{"id": s.karimli})
	var rm struct {
		RemoveAlias struct{ Aliases []string }
	}
	c.Query(&rm, `mutation($id: ID!) { removeAlias(id: $id, alias: "ALI KERIMLI") { aliases } }`, map[string]any{"id": s.karimli})
	if slices.Contains(rm.RemoveAlias.Aliases, "Ali Kerimli") {
		t.Errorf("removeAlias: %+v", rm)
	}
	c.Fails("NOT_FOUND", `mutation($id: ID!) { removeAlias(id: $id, alias: "nobody") { id } }`, map[string]any{"id": s.karimli})

	// Duplicates.
	c.Fails("CONFLICT", `mutation { createSpeaker(input: {name: "ƏLİ KƏRİMLİ"}) { id } }`, nil)
	c.Fails("CONFLICT", `mutation { createOrganisation(input: {name: "Another", shortName: "apfp"}) { id } }`, nil)

	// Affiliations end.
	var aff struct {
		AddAffiliation struct{ ID string }
	}
	c.Query(&aff, `mutation($sp: ID!, $org: ID!) { addAffiliation(input: {speaker: $sp, organisation: $org, role: "columnist", start: "2019"}) { id } }`, map[string]any{"sp": s.zahid, "org": s.paper})
	var end struct {
		EndAffiliation struct {
			End     string
			Current bool
		}
	}
	c.Query(&end, `mutation($id: ID!) { endAffiliation(id: $id, end: "2022-02") { end current } }`, map[string]any{"id": aff.AddAffiliation.ID})
	if end.EndAffiliation.End != "2022-02" || end.EndAffiliation.Current {
		t.Errorf("endAffiliation: %+v", end)
	}
	c.Fails("BAD_USER_INPUT", `mutation($id: ID!) { endAffiliation(id: $id, end: "2018") { id } }`, map[string]any{"id": aff.AddAffiliation.ID})

	// Topics attach and detach.
	var att struct {
		AttachTopics struct{ Topics []struct{ ID string } }
	}
	c.Query(&att, `mutation($st: ID!, $t: [ID!]!) { attachTopics(statement: $st, topics: $t) { topics { id } } }`, map[string]any{"st": s.zahidRights, "t": []string{s.foreign, s.rights}})
	if len(att.AttachTopics.Topics) != 2 {
		t.Errorf("attachTopics: %+v", att)
	}
	var det struct {
		DetachTopics struct{ Topics []struct{ ID string } }
	}
	c.Query(&det, `mutation($st: ID!, $t: [ID!]!) { detachTopics(statement: $st, topics: $t) { topics { id } } }`, map[string]any{"st": s.zahidRights, "t": []string{s.foreign}})
	if len(det.DetachTopics.Topics) != 1 || det.DetachTopics.Topics[0].ID != s.rights {
		t.Errorf("detachTopics: %+v", det)
	}
	c.Fails("NOT_FOUND", `mutation($st: ID!, $t: [ID!]!) { attachTopics(statement: $st, topics: $t) { id } }`, map[string]any{"st": s.zahidRights, "t": []string{"01890a5d-ac96-774b-bcce-b302099a8057"}})

	// Statement status and text provenance.
	var ust struct {
		UpdateStatement struct{ Status string }
	}
	c.Query(&ust, `mutation($id: ID!) { updateStatement(id: $id, input: {status: DISPUTED}) { status } }`, map[string]any{"id": s.karimliUkraine})
	if ust.UpdateStatement.Status != "DISPUTED" {
		t.Errorf("updateStatement: %+v", ust)
	}
	c.Fails("BAD_USER_INPUT", `mutation($id: ID!) { updateStatement(id: $id, input: {text: "neutrality is not a policy"}) { id } }`, map[string]any{"id": s.karimliUkraine})

	// Deletion is refused while statements remain, unless cascading.
	c.Fails("CONFLICT", `mutation($id: ID!) { deleteSpeaker(id: $id) }`, map[string]any{"id": s.zahid})
	c.Fails("CONFLICT", `mutation($id: ID!) { deleteSource(id: $id) }`, map[string]any{"id": s.digest})
	c.Fails("CONFLICT", `mutation($id: ID!) { deleteTopic(id: $id) }`, map[string]any{"id": s.foreign})
	c.Query(nil, `mutation($id: ID!) { deleteSpeaker(id: $id, cascade: true) }`, map[string]any{"id": s.zahid})
	c.Fails("NOT_FOUND", `query($id: ID!) { statement(id: $id) { id } }`, map[string]any{"id": s.zahidRights})
	c.Query(nil, `mutation($id: ID!) { deleteStatement(id: $id) }`, map[string]any{"id": s.unsaid})
	c.Fails("NOT_FOUND", `mutation($id: ID!) { deleteStatement(id: $id) }`, map[string]any{"id": s.unsaid})

	// Topics: update and delete with cascade moves children up.
	c.Query(nil, `mutation($id: ID!) { updateTopic(id: $id, input: {name: "Russia's war in Ukraine"}) { id } }`, map[string]any{"id": s.ukraine})
	c.Query(nil, `mutation($id: ID!) { deleteTopic(id: $id, cascade: true) }`, map[string]any{"id": s.foreign})
	var tp struct {
		Topic struct{ Parent *struct{ ID string } }
	}
	c.Query(&tp, `query($id: ID!) { topic(id: $id) { parent { id } } }`, map[string]any{"id": s.ukraine})
	if tp.Topic.Parent != nil {
		t.Errorf("subtopic kept a deleted parent: %+v", tp)
	}

	// Sources and organisations.
	c.Query(nil, `mutation($id: ID!) { updateSource(id: $id, input: {archivedUrl: "https://archive.example.org/digest"}) { id } }`, map[string]any{"id": s.digest})
	c.Query(nil, `mutation($id: ID!) { updateOrganisation(id: $id, input: {kind: PARTY}) { id } }`, map[string]any{"id": s.ncdf})
	c.Query(nil, `mutation($id: ID!) { deleteOrganisation(id: $id, cascade: true) }`, map[string]any{"id": s.paper})
	var src struct {
		Source struct{ Publisher *struct{ ID string } }
	}
	c.Query(&src, `query($id: ID!) { source(id: $id) { publisher { id } } }`, map[string]any{"id": s.digest})
	if src.Source.Publisher != nil {
		t.Errorf("source kept a deleted publisher")
	}
}

func TestMerge(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	var dup struct{ CreateSpeaker struct{ ID string } }
	f.c.Query(&dup, `mutation { createSpeaker(input: {name: "A. Karimli", wikidataId: "Q1"}) { id } }`, nil)
	f.c.Query(nil, `mutation($sp: ID!) { createStatement(input: {text: "A second quote.", kind: DIRECT, speaker: $sp, said: "2022-01-05"}) { id } }`, map[string]any{"sp": dup.CreateSpeaker.ID})
	var m struct {
		MergeSpeakers struct {
			Aliases    []string
			WikidataID string
			Statements struct{ TotalCount int }
		}
	}
	f.c.Query(&m, `mutation($keep: ID!, $drop: ID!) { mergeSpeakers(keep: $keep, drop: $drop) { aliases wikidataId statements { totalCount } } }`,
		map[string]any{"keep": s.karimli, "drop": dup.CreateSpeaker.ID})
	if !slices.Contains(m.MergeSpeakers.Aliases, "A. Karimli") || m.MergeSpeakers.WikidataID != "Q4725520" || m.MergeSpeakers.Statements.TotalCount != 2 {
		t.Errorf("merge: %+v", m)
	}
	f.c.Fails("NOT_FOUND", `query($id: ID!) { speaker(id: $id) { id } }`, map[string]any{"id": dup.CreateSpeaker.ID})

	var mo struct {
		MergeOrganisations struct {
			Aliases []string
			Members struct{ TotalCount int }
		}
	}
	f.c.Query(&mo, `mutation($keep: ID!, $drop: ID!) { mergeOrganisations(keep: $keep, drop: $drop) { aliases members { totalCount } } }`,
		map[string]any{"keep": s.apfp, "drop": s.ncdf})
	if !slices.Contains(mo.MergeOrganisations.Aliases, "NCDF") || mo.MergeOrganisations.Members.TotalCount != 3 {
		t.Errorf("merge organisations: %+v", mo)
	}
	f.c.Fails("BAD_USER_INPUT", `mutation($id: ID!) { mergeSpeakers(keep: $id, drop: $id) { id } }`, map[string]any{"id": s.karimli})
}

func TestNode(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	var d struct {
		Node  struct{ Typename, Name string } `json:"node"`
		Nodes []*struct {
			Typename string `json:"__typename"`
		}
	}
	f.c.Query(&d, `query($id: ID!, $ids: [ID!]!) { node(id: $id) { __typename ... on Named { name } } nodes(ids: $ids) { __typename } }`,
		map[string]any{"id": s.apfp, "ids": []string{s.karimli, s.digest, s.karimliUkraine, "01890a5d-ac96-774b-bcce-b302099a8057"}})
	if d.Node.Name != "Azerbaijan Popular Front Party" {
		t.Errorf("node: %+v", d.Node)
	}
	if len(d.Nodes) != 4 || d.Nodes[0].Typename != "Speaker" || d.Nodes[1].Typename != "Source" || d.Nodes[2].Typename != "Statement" || d.Nodes[3] != nil {
		t.Errorf("nodes: %+v", d.Nodes)
	}
}

func TestBadInput(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	missing := "01890a5d-ac96-774b-bcce-b302099a8057"
	tests := []struct {
		name, code, query string
		vars              map[string]any
	}{
		{"unknown id", "NOT_FOUND", `query($id: ID!) { speaker(id: $id) { id } }`, map[string]any{"id": missing}},
		{"malformed id", "BAD_USER_INPUT", `{ speaker(id: "42") { id } }`, nil},
		{"invalid month", "BAD_USER_INPUT", `{ statements(filter: {said: {from: "2022-13"}}) { totalCount } }`, nil},
		{"invalid day in variable", "BAD_USER_INPUT", statementsQuery, map[string]any{"f": map[string]any{"said": map[string]any{"from": "2022-02-30"}}}},
		{"reversed range", "BAD_USER_INPUT", `{ statements(filter: {said: {from: "2022", to: "2021"}}) { totalCount } }`, nil},
		{"date of wrong type", "BAD_USER_INPUT", statementsQuery, map[string]any{"f": map[string]any{"said": map[string]any{"from": 2022}}}},
		{"empty name", "BAD_USER_INPUT", `mutation { createSpeaker(input: {name: "  "}) { id } }`, nil},
		{"bad wikidata id", "BAD_USER_INPUT", `mutation { createSpeaker(input: {name: "X", wikidataId: "123"}) { id } }`, nil},
		{"statement of unknown speaker", "NOT_FOUND", `mutation($sp: ID!) { createStatement(input: {text: "x", kind: DIRECT, speaker: $sp}) { id } }`, map[string]any{"sp": missing}},
		{"span outside the source", "BAD_USER_INPUT", `mutation($src: ID!) { createStatement(input: {text: "x", kind: DIRECT, source: $src, span: {start: 5, end: 900}}) { id } }`, map[string]any{"src": s.digest}},
		{"affiliation ending before it starts", "BAD_USER_INPUT", `mutation($sp: ID!, $org: ID!) { addAffiliation(input: {speaker: $sp, organisation: $org, start: "2022", end: "2021"}) { id } }`, map[string]any{"sp": s.zahid, "org": s.apfp}},
		{"topic its own ancestor", "BAD_USER_INPUT", `mutation($id: ID!, $p: ID!) { updateTopic(id: $id, input: {parent: $p}) { id } }`, map[string]any{"id": s.foreign, "p": s.ukraine}},
		{"parse error", "GRAPHQL_PARSE_FAILED", `{ statements(`, nil},
		{"unknown field", "GRAPHQL_VALIDATION_FAILED", `{ statements { nodes { nope } } }`, nil},
		{"unknown enum value", "GRAPHQL_VALIDATION_FAILED", `{ statements(filter: {kinds: [SHOUTED]}) { totalCount } }`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := f.c.Fails(tt.code, tt.query, tt.vars)
			if msg == "" || strings.Contains(msg, "internal") {
				t.Errorf("message %q is not precise", msg)
			}
		})
	}

	t.Run("oversized body", func(t *testing.T) {
		r := f.c.Post("application/json", []byte(`{"query": "{ statements { totalCount } }", "variables": {"pad": "`+strings.Repeat("x", 1<<17)+`"}}`))
		if r.Status != http.StatusRequestEntityTooLarge || len(r.Errors) != 1 || r.Errors[0].Code() != "LIMIT_EXCEEDED" {
			t.Errorf("got %d %+v", r.Status, r.Errors)
		}
	})
	t.Run("no partial write", func(t *testing.T) {
		var before statementsData
		f.c.Query(&before, statementsQuery, nil)
		f.c.Fails("NOT_FOUND", `mutation($st: ID!, $t: [ID!]!) { attachTopics(statement: $st, topics: $t) { id } }`,
			map[string]any{"st": s.karimliUkraine, "t": []string{s.rights, missing}})
		var topics struct {
			Statement struct{ Topics []struct{ ID string } }
		}
		f.c.Query(&topics, `query($id: ID!) { statement(id: $id) { topics { id } } }`, map[string]any{"id": s.karimliUkraine})
		if len(topics.Statement.Topics) != 1 {
			t.Errorf("failed mutation left a partial write: %+v", topics)
		}
	})
}

func TestHTTP(t *testing.T) {
	f := newServer(t)
	seed(t, f.c)
	get := func(path string) *http.Response {
		t.Helper()
		res, err := http.Get(f.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := get("/graphql?query=" + url.QueryEscape("{ statements { totalCount } }")); res.StatusCode != http.StatusOK {
		t.Errorf("GET query: %d", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodGet, f.srv.URL+"/graphql?query="+url.QueryEscape(`mutation { createSpeaker(input: {name: "Via GET"}) { id } }`), nil)
	if r := f.c.Send(req); len(r.Errors) == 0 {
		t.Errorf("mutation over GET was accepted")
	}
	if res := get("/"); res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("search page: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res := get("/graphiql"); res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GraphiQL: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res := get("/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("healthz: %d", res.StatusCode)
	}
}

func TestLoadersBatchReads(t *testing.T) {
	f := newServer(t)
	var sp struct{ CreateSpeaker struct{ ID string } }
	f.c.Query(&sp, `mutation { createSpeaker(input: {name: "Prolific Speaker"}) { id } }`, nil)
	for i := range 100 {
		var other struct{ CreateSpeaker struct{ ID string } }
		f.c.Query(&other, `mutation($n: String!) { createSpeaker(input: {name: $n}) { id } }`, map[string]any{"n": fmt.Sprintf("Speaker %d", i)})
		f.c.Query(nil, `mutation($sp: ID!, $d: PartialDate) { createStatement(input: {text: "Words.", kind: DIRECT, speaker: $sp, said: $d}) { id } }`,
			map[string]any{"sp": other.CreateSpeaker.ID, "d": fmt.Sprintf("2022-01-%02d", i%28+1)})
	}
	before := f.store.views.Load()
	var d struct {
		Statements struct {
			Nodes []struct{ Speaker struct{ Name string } }
		}
	}
	f.c.Query(&d, `{ statements(first: 100) { nodes { speaker { name } organisation { id } } } }`, nil)
	if len(d.Statements.Nodes) != 100 {
		t.Fatalf("got %d statements", len(d.Statements.Nodes))
	}
	// One read for the list, then batches for speakers and their affiliations.
	if views := f.store.views.Load() - before; views > 10 {
		t.Errorf("100 statements with speakers took %d read transactions; loaders should batch them", views)
	}
}

func TestIngestDocument(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	doc := map[string]any{"text": "Foreign policy\n\nMember of APFP Fuad Gahramanli argued that the talks would not help. \"We will see,\" he said.\n\nMarch 11, 2022\n", "publisher": "Azadliq"}
	var pv struct {
		PreviewDocument struct {
			Published  string
			Statements []struct {
				Text, SpeakerName, TopicName, Said string
				Span                               struct{ Start, End int }
			}
			Speakers []struct {
				Name     string
				New      bool
				Existing *struct{ ID string }
			}
			Organisations []struct {
				Name string
				New  bool
			}
			Topics []struct {
				Name string
				New  bool
			}
		}
	}
	f.c.Query(&pv, `query($d: DocumentInput!) { previewDocument(input: $d) { published
		statements { text speakerName topicName said span { start end } }
		speakers { name new existing { id } } organisations { name new } topics { name new } } }`, map[string]any{"d": doc})
	p := pv.PreviewDocument
	if p.Published != "2022-03-11" || len(p.Statements) != 2 || p.Statements[0].SpeakerName != "Fuad Gahramanli" || p.Statements[0].TopicName != "Foreign policy" {
		t.Fatalf("preview: %+v", p)
	}
	for _, sp := range p.Speakers {
		if sp.New || sp.Existing == nil || sp.Existing.ID != s.gahramanli {
			t.Errorf("speaker not resolved to the stored one: %+v", sp)
		}
	}
	for _, o := range p.Organisations {
		if o.New {
			t.Errorf("organisation not resolved: %+v", o)
		}
	}
	var before statementsData
	f.c.Query(&before, statementsQuery, nil)
	if before.Statements.TotalCount != 5 {
		t.Fatalf("preview stored something: %d statements", before.Statements.TotalCount)
	}

	ingestQ := `mutation($d: DocumentInput!) { ingestDocument(input: $d) { created statementCount newSpeakers { name }
		source { publisher { name } statements { nodes { text status speaker { id } organisation { shortName } topics { id } } } } } }`
	var in struct {
		IngestDocument struct {
			Created        bool
			StatementCount int
			Source         struct {
				Publisher  struct{ Name string }
				Statements struct {
					Nodes []struct {
						Text, Status string
						Speaker      struct{ ID string }
						Organisation struct{ ShortName string }
						Topics       []struct{ ID string }
					}
				}
			}
		}
	}
	f.c.Query(&in, ingestQ, map[string]any{"d": doc})
	r := in.IngestDocument
	if !r.Created || r.StatementCount != 2 || r.Source.Publisher.Name != "Azadliq" || len(r.Source.Statements.Nodes) != 2 {
		t.Fatalf("ingest: %+v", r)
	}
	for _, n := range r.Source.Statements.Nodes {
		if n.Status != "UNVERIFIED" || n.Speaker.ID != s.gahramanli || n.Organisation.ShortName != "APFP" || len(n.Topics) != 1 || n.Topics[0].ID != s.foreign {
			t.Errorf("stored statement: %+v", n)
		}
	}
	f.c.Query(&in, ingestQ, map[string]any{"d": doc})
	if in.IngestDocument.Created || in.IngestDocument.StatementCount != 0 {
		t.Errorf("re-ingest created records: %+v", in.IngestDocument)
	}
	f.c.Fails("BAD_USER_INPUT", `mutation { ingestDocument(input: {text: "   "}) { created } }`, nil)
	f.c.Fails("BAD_USER_INPUT", `mutation { ingestDocument(input: {text: "x", date: "2022-02-31"}) { created } }`, nil)
}

func TestListsAndRemainingMutations(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	var d struct {
		Members  struct{ TotalCount int } `json:"members"`
		Chairman struct {
			Nodes []struct{ Speaker struct{ ID string } }
		}
		Parties       struct{ Nodes []struct{ ID string } }
		Roots         struct{ TotalCount int }
		Children      struct{ Nodes []struct{ ID string } }
		OfNCDF        struct{ Nodes []struct{ ID string } }
		Sources       struct{ Nodes []struct{ ID string } }
		EmptySources  struct{ TotalCount int }
		TitledSources struct{ TotalCount int }
	}
	f.c.Query(&d, `query($apfp: ID!, $ncdf: ID!, $foreign: ID!, $paper: ID!) {
		members: affiliations(filter: {organisation: $apfp}) { totalCount }
		chairman: affiliations(filter: {organisation: $apfp, role: "Chairman", at: "2021-06-01"}) { nodes { speaker { id } } }
		parties: organisations(filter: {kinds: [PARTY]}) { nodes { id } }
		roots: topics(filter: {rootsOnly: true}) { totalCount }
		children: topics(filter: {parent: $foreign}) { nodes { id } }
		ofNCDF: speakers(filter: {organisation: $ncdf}) { nodes { id } }
		sources(filter: {publisher: $paper, published: {from: "2022-03"}}) { nodes { id } }
		emptySources: sources(filter: {published: {to: "2021"}}) { totalCount }
		titledSources: sources(filter: {title: "WEEKLY"}) { totalCount } }`,
		map[string]any{"apfp": s.apfp, "ncdf": s.ncdf, "foreign": s.foreign, "paper": s.paper})
	switch {
	case d.Members.TotalCount != 2:
		t.Errorf("members: %+v", d.Members)
	case len(d.Chairman.Nodes) != 1 || d.Chairman.Nodes[0].Speaker.ID != s.karimli:
		t.Errorf("who was chairman of APFP on 2021-06-01: %+v", d.Chairman)
	case len(d.Parties.Nodes) != 1 || d.Parties.Nodes[0].ID != s.apfp:
		t.Errorf("parties: %+v", d.Parties)
	case d.Roots.TotalCount != 2 || len(d.Children.Nodes) != 1 || d.Children.Nodes[0].ID != s.ukraine:
		t.Errorf("topics: %+v %+v", d.Roots, d.Children)
	case len(d.OfNCDF.Nodes) != 1 || d.OfNCDF.Nodes[0].ID != s.gahramanli:
		t.Errorf("speakers of NCDF: %+v", d.OfNCDF)
	case len(d.Sources.Nodes) != 1 || d.EmptySources.TotalCount != 0 || d.TitledSources.TotalCount != 1:
		t.Errorf("sources: %+v %+v %+v", d.Sources, d.EmptySources, d.TitledSources)
	}

	var aff struct {
		AddAffiliation struct{ ID string }
	}
	f.c.Query(&aff, `mutation($sp: ID!, $org: ID!, $src: ID!) { addAffiliation(input: {speaker: $sp, organisation: $org, role: "reporter", source: $src}) { id } }`,
		map[string]any{"sp": s.zahid, "org": s.paper, "src": s.digest})
	var up struct {
		UpdateAffiliation struct {
			Role   string
			Start  string
			Source struct{ ID string }
		}
	}
	f.c.Query(&up, `mutation($id: ID!) { updateAffiliation(id: $id, input: {role: "editor", start: "2015-05"}) { role start source { id } } }`, map[string]any{"id": aff.AddAffiliation.ID})
	if up.UpdateAffiliation.Role != "editor" || up.UpdateAffiliation.Start != "2015-05" || up.UpdateAffiliation.Source.ID != s.digest {
		t.Errorf("updateAffiliation: %+v", up)
	}
	f.c.Query(nil, `mutation($id: ID!) { deleteAffiliation(id: $id) }`, map[string]any{"id": aff.AddAffiliation.ID})
	f.c.Fails("NOT_FOUND", `query($id: ID!) { affiliation(id: $id) { id } }`, map[string]any{"id": aff.AddAffiliation.ID})
	f.c.Fails("CONFLICT", `mutation { createTopic(input: {name: "War in Ukraine"}) { id } }`, nil)
	f.c.Fails("NOT_FOUND", `mutation { createTopic(input: {name: "Orphan", parent: "01890a5d-ac96-774b-bcce-b302099a8057"}) { id } }`, nil)
}

// panickingStore injects a fault into a real store: reads panic with a
// message that must not reach clients.
type panickingStore struct{ store.Store }

func (panickingStore) View(context.Context, func(store.Tx) error) error {
	panic("secret internal detail")
}

func TestPanicIsInternalError(t *testing.T) {
	srv := httptest.NewServer(server.New(server.Config{Store: panickingStore{backendtest.Open(t)}}))
	defer srv.Close()
	c := &gqltest.Client{T: t, URL: srv.URL + "/graphql"}
	for range 2 { // the server survives the first panic
		msg := c.Fails("INTERNAL", `{ statements { totalCount } }`, nil)
		if strings.Contains(msg, "secret") {
			t.Errorf("internal detail leaked: %q", msg)
		}
	}
}
