package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/internal/backendtest"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
)

// newDemoServer starts the real handler over a new store holding the demo
// dataset (see backendtest.Open).
func newDemoServer(t *testing.T) (*gqltest.Client, string) {
	t.Helper()
	db := backendtest.Open(t)
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: db}))
	t.Cleanup(srv.Close) // before the database is checked and closed
	secret, _, err := auth.Create(context.Background(), db, "test-admin", store.Admin)
	if err != nil {
		t.Fatal(err)
	}
	return &gqltest.Client{T: t, URL: srv.URL + "/graphql", Header: http.Header{"Authorization": {"Bearer " + secret}}}, srv.URL
}

// demoStatement returns the id of the demo statement containing words.
func demoStatement(t *testing.T, c *gqltest.Client, words string) string {
	t.Helper()
	var d statementsData
	c.Query(&d, `query($w: String!) { statements(filter: {textContains: $w}) { nodes { id text } } }`, map[string]any{"w": words})
	if len(d.Statements.Nodes) != 1 {
		t.Fatalf("%d statements with %q, want 1", len(d.Statements.Nodes), words)
	}
	return d.Statements.Nodes[0].ID
}

func TestClaimReviewMutations(t *testing.T) {
	f := newServer(t)
	s := seed(t, f.c)
	create := `mutation($in: CreateClaimReviewInput!) { createClaimReview(input: $in) {
		id ratingText ratingValue bestRating worstRating url date
		statement { id } reviewer { name } } }`
	in := map[string]any{"statement": s.zahidRights, "reviewer": s.paper, "ratingText": "Mostly true",
		"ratingValue": 4, "bestRating": 5, "worstRating": 1, "url": "https://factcheck.example.org/arrests", "date": "2022-03-14"}
	var d struct {
		CreateClaimReview struct {
			ID, RatingText, URL, Date            string
			RatingValue, BestRating, WorstRating float64
			Statement                            struct{ ID string }
			Reviewer                             struct{ Name string }
		}
	}
	f.c.Query(&d, create, map[string]any{"in": in})
	r := d.CreateClaimReview
	if r.ID == "" || r.RatingText != "Mostly true" || r.RatingValue != 4 || r.Date != "2022-03-14" || r.Statement.ID != s.zahidRights || r.Reviewer.Name != "Azadliq" {
		t.Fatalf("created %+v", r)
	}

	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for kk, vv := range in {
			m[kk] = vv
		}
		m[k] = v
		return map[string]any{"in": m}
	}
	for _, tc := range []struct {
		name, code string
		vars       map[string]any
	}{
		{"value above best", "BAD_USER_INPUT", with("ratingValue", 6)},
		{"empty scale", "BAD_USER_INPUT", with("worstRating", 5)},
		{"relative url", "BAD_USER_INPUT", with("url", "factcheck/arrests")},
		{"bad date", "BAD_USER_INPUT", with("date", "2022-13")},
		{"malformed statement id", "BAD_USER_INPUT", with("statement", "x")},
		{"unknown statement", "NOT_FOUND", with("statement", "01890a5d-ac96-774b-bcce-b302099a8057")},
		{"reviewer not an organisation", "NOT_FOUND", with("reviewer", s.zahid)},
	} {
		t.Run(tc.name, func(t *testing.T) { f.c.Fails(tc.code, create, tc.vars) })
	}

	var q struct {
		Node struct {
			Typename   string `json:"__typename"`
			RatingText string
		}
		Statement struct {
			Reviews []struct{ ID string }
		}
		ClaimReviews struct{ TotalCount int }
	}
	f.c.Query(&q, `query($id: ID!, $st: ID!, $org: ID!) {
		node(id: $id) { __typename ... on ClaimReview { ratingText } }
		statement(id: $st) { reviews { id } }
		claimReviews(filter: {reviewer: $org}) { totalCount } }`, map[string]any{"id": r.ID, "st": s.zahidRights, "org": s.paper})
	if q.Node.Typename != "ClaimReview" || len(q.Statement.Reviews) != 1 || q.Statement.Reviews[0].ID != r.ID || q.ClaimReviews.TotalCount != 1 {
		t.Errorf("queries: %+v", q)
	}

	var u struct {
		UpdateClaimReview struct{ RatingText, Date *string }
	}
	f.c.Query(&u, `mutation($id: ID!) { updateClaimReview(id: $id, input: {ratingText: "Half true", ratingValue: 3, date: null}) { ratingText date } }`, map[string]any{"id": r.ID})
	if *u.UpdateClaimReview.RatingText != "Half true" || u.UpdateClaimReview.Date != nil {
		t.Errorf("updated %+v", u)
	}
	f.c.Fails("BAD_USER_INPUT", `mutation($id: ID!) { updateClaimReview(id: $id, input: {ratingValue: 0}) { id } }`, map[string]any{"id": r.ID})
	f.c.Fails("BAD_USER_INPUT", `mutation($id: ID!) { updateClaimReview(id: $id, input: {reviewer: null}) { id } }`, map[string]any{"id": r.ID})

	f.c.Query(nil, `mutation($id: ID!) { deleteClaimReview(id: $id) }`, map[string]any{"id": r.ID})
	f.c.Fails("NOT_FOUND", `query($id: ID!) { claimReview(id: $id) { id } }`, map[string]any{"id": r.ID})

	// Deleting a statement takes its reviews along.
	var again struct{ CreateClaimReview struct{ ID string } }
	f.c.Query(&again, create, map[string]any{"in": in})
	f.c.Query(nil, `mutation($id: ID!) { deleteStatement(id: $id) }`, map[string]any{"id": s.zahidRights})
	f.c.Fails("NOT_FOUND", `query($id: ID!) { claimReview(id: $id) { id } }`, map[string]any{"id": again.CreateClaimReview.ID})
	// A reviewer with reviews is not deleted without cascade.
	f.c.Query(&again, create, map[string]any{"in": with("statement", s.karimliUkraine)["in"]})
	f.c.Fails("CONFLICT", `mutation($id: ID!) { deleteOrganisation(id: $id) }`, map[string]any{"id": s.paper})
}

func TestAppearancesAndRelated(t *testing.T) {
	c, _ := newDemoServer(t)
	id := demoStatement(t, c, "we know what it means") // the digest's copy of the rally words
	var d struct {
		Statement struct {
			Appearances []struct {
				Statement  struct{ ID, Text string }
				Source     struct{ Title string }
				Date       string
				Similarity float64
				First      bool
			}
			FirstAppearance struct {
				Source struct{ Title string }
			}
			Related struct {
				TotalCount int
				Nodes      []struct {
					Text    string
					Speaker struct{ Name string }
				}
			}
		}
	}
	c.Query(&d, `query($id: ID!) { statement(id: $id) {
		appearances { statement { id text } source { title } date similarity first }
		firstAppearance { source { title } }
		related(withinDays: 1) { totalCount nodes { text speaker { name } } } } }`, map[string]any{"id": id})
	apps := d.Statement.Appearances
	if len(apps) != 2 {
		t.Fatalf("appearances: %+v", apps)
	}
	if apps[0].Source.Title != demo.Roundup || apps[0].Date != "2022-03-09" || !apps[0].First || apps[0].Similarity < 0.7 || apps[0].Similarity >= 1 {
		t.Errorf("first appearance: %+v", apps[0])
	}
	if apps[1].Statement.ID != id || apps[1].Source.Title != demo.Digest || apps[1].First || apps[1].Similarity != 1 {
		t.Errorf("second appearance: %+v", apps[1])
	}
	if d.Statement.FirstAppearance.Source.Title != demo.Roundup {
		t.Errorf("firstAppearance: %+v", d.Statement.FirstAppearance)
	}
	rel := d.Statement.Related
	if rel.TotalCount != 2 || len(rel.Nodes) != 2 || rel.Nodes[0].Speaker.Name != demo.NigarRzayeva || rel.Nodes[1].Speaker.Name != demo.TuralMammadli {
		t.Errorf("related within a day: %+v", rel)
	}
	c.Fails("BAD_USER_INPUT", `query($id: ID!) { statement(id: $id) { related(withinDays: -1) { totalCount } } }`, map[string]any{"id": id})
}

// TestWhoHeldARoleOnADate asks the affiliation questions of the issue on
// the demo data: who held a role in an organisation on a day, and what a
// speaker's organisation was when each statement was made.
func TestWhoHeldARoleOnADate(t *testing.T) {
	c, _ := newDemoServer(t)
	var orgs struct {
		Organisations struct{ Nodes []struct{ ID string } }
	}
	c.Query(&orgs, `{ organisations(filter: {name: "APFP"}) { nodes { id } } }`, nil)
	if len(orgs.Organisations.Nodes) != 1 {
		t.Fatalf("APFP: %+v", orgs)
	}
	apfp := orgs.Organisations.Nodes[0].ID
	q := `query($org: ID!, $role: String, $at: PartialDate) { affiliations(filter: {organisation: $org, role: $role, at: $at}) { nodes { speaker { name } role } } }`
	for _, tc := range []struct {
		role, at string
		want     []string
	}{
		{"member", "2021-06-01", []string{demo.TuralMammadli}},
		{"member", "2022-03-01", nil}, // he left in December 2021
		{"Spokesperson", "2022-03-03", []string{demo.FaridGasimli}},
		{"", "2022-03-08", []string{demo.OrkhanSalimli, demo.FaridGasimli}},
		{"board member", "1999", nil},
	} {
		var d struct {
			Affiliations struct {
				Nodes []struct{ Speaker struct{ Name string } }
			}
		}
		vars := map[string]any{"org": apfp, "at": tc.at}
		if tc.role != "" {
			vars["role"] = tc.role
		}
		c.Query(&d, q, vars)
		var got []string
		for _, n := range d.Affiliations.Nodes {
			got = append(got, n.Speaker.Name)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q of APFP on %s: %q, want %q", tc.role, tc.at, got, tc.want)
		}
	}
	// Tural Mammadli's statements: APFP member in 2021, NCDF in 2022.
	var d struct {
		Statements struct {
			Nodes []struct {
				Said                 string
				Organisation         struct{ ShortName string }
				Role                 string
				OrganisationInferred bool
			}
		}
	}
	c.Query(&d, `{ statements(filter: {speakerNames: ["Tural Mammadli"]}) { nodes { said organisation { shortName } role organisationInferred } } }`, nil)
	var got []string
	for _, n := range d.Statements.Nodes {
		if !n.OrganisationInferred {
			t.Errorf("organisation of %+v not inferred", n)
		}
		got = append(got, n.Said+" "+n.Organisation.ShortName+" "+n.Role)
	}
	if strings.Join(got, "; ") != "2021-11-09 APFP member; 2022-03-09 NCDF member" {
		t.Errorf("Mammadli's organisation at the time: %q", got)
	}
}

func TestStatementJSONLD(t *testing.T) {
	c, base := newDemoServer(t)
	id := demoStatement(t, c, "Russian peacekeepers are deployed")
	res, err := http.Get(base + "/statements/" + id + ".jsonld")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/ld+json" {
		t.Fatalf("GET: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("body is not JSON: %v", err)
	}
	if doc["@context"] != "https://schema.org" || doc["@type"] != "Claim" || doc["@id"] != "urn:uuid:"+id {
		t.Errorf("document %v", doc)
	}
	reviews, _ := doc["review"].([]any)
	if len(reviews) != 1 || reviews[0].(map[string]any)["@type"] != "ClaimReview" {
		t.Errorf("review: %v", doc["review"])
	}
	about, _ := doc["about"].([]any)
	if len(about) != 2 {
		t.Errorf("about: %v", doc["about"])
	}

	// The GraphQL field serves the same document, as a JSON object.
	var d struct {
		Statement struct{ Jsonld json.RawMessage }
	}
	c.Query(&d, `query($id: ID!) { statement(id: $id) { jsonld } }`, map[string]any{"id": id})
	var field, route bytes.Buffer
	if err := json.Compact(&field, d.Statement.Jsonld); err != nil || !bytes.HasPrefix(field.Bytes(), []byte("{")) {
		t.Fatalf("jsonld is not a JSON object: %v %s", err, d.Statement.Jsonld)
	}
	if err := json.Compact(&route, body); err != nil || field.String() != route.String() {
		t.Errorf("GraphQL jsonld differs from the route's:\n%s\nvs\n%s", field.String(), route.String())
	}

	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/statements/not-a-uuid.jsonld", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"/statements/01890a5d-ac96-774b-bcce-b302099a8057.jsonld", http.StatusNotFound, "NOT_FOUND"},
		{"/statements/" + id + ".json", http.StatusNotFound, "NOT_FOUND"},
	} {
		res, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		var e struct {
			Errors []gqltest.Error `json:"errors"`
		}
		err = json.NewDecoder(res.Body).Decode(&e)
		res.Body.Close()
		if res.StatusCode != tc.status || err != nil || len(e.Errors) != 1 || e.Errors[0].Code() != tc.code || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("GET %s: %d %+v (%v), want %d %s", tc.path, res.StatusCode, e, err, tc.status, tc.code)
		}
	}
	// Without a suffix, the path is the statement's page, for people.
	res, err = http.Get(base + "/statements/" + id)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET /statements/%s: %d %s, want the statement's page", id, res.StatusCode, res.Header.Get("Content-Type"))
	}
	// The route is counted under one label, whatever the id.
	res, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(metrics), `quotedb_http_requests_total{route="/statements/{id}.jsonld",status="200"} 1`) {
		t.Errorf("metrics do not count the JSON-LD route:\n%s", metrics)
	}

	// A POST is not served.
	res, err = http.Post(base+"/statements/"+id+".jsonld", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", res.StatusCode)
	}
}
