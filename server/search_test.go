package server_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/internal/backendtest"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
)

// newSearchServer serves the demo data with its search index, over a new
// store (see backendtest.Open).
func newSearchServer(t *testing.T) *gqltest.Client {
	t.Helper()
	db := backendtest.Open(t)
	if _, err := demo.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(db, filepath.Join(t.TempDir(), "search"), search.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: db, Search: ix}))
	t.Cleanup(func() { // before the store is checked and closed
		srv.Close()
		ix.Close()
	})
	return &gqltest.Client{T: t, URL: srv.URL + "/graphql"}
}

func TestSearchStatementsOverHTTP(t *testing.T) {
	c := newSearchServer(t)
	var out struct {
		SearchStatements struct {
			Edges []struct {
				Cursor    string
				Score     float64
				Node      struct{ Text string }
				Highlight *string
				Matches   []struct{ Start, End int }
			}
			PageInfo   struct{ HasNextPage bool }
			TotalCount *int
			IndexLag   int
			Fallback   bool
		}
	}
	c.Query(&out, `query($q: String!, $f: StatementFilter) {
		searchStatements(query: $q, filter: $f, first: 5) {
			edges { cursor score node { text } highlight matches { start end } }
			pageInfo { hasNextPage } totalCount indexLag fallback
		}
	}`, map[string]any{"q": "ukrainian", "f": map[string]any{"organisationNames": []string{"NCDF"}}})
	r := out.SearchStatements
	if len(r.Edges) != 1 || !strings.HasPrefix(r.Edges[0].Node.Text, "The National Council will collect aid for Ukrainian refugees") {
		t.Fatalf("edges %+v", r.Edges)
	}
	if r.TotalCount == nil || *r.TotalCount != 1 || r.PageInfo.HasNextPage || r.Fallback || r.IndexLag != 0 || r.Edges[0].Score <= 0 {
		t.Errorf("connection %+v", r)
	}
	e := r.Edges[0]
	if e.Highlight == nil || !strings.Contains(*e.Highlight, "<mark>Ukrainian</mark>") || len(e.Matches) != 1 || e.Node.Text[e.Matches[0].Start:e.Matches[0].End] != "Ukrainian" {
		t.Errorf("highlight %v, matches %+v", e.Highlight, e.Matches)
	}

	var names struct {
		SearchSpeakers []struct {
			Node struct {
				Typename string `json:"__typename"`
				Name     string
			}
			Score float64
		}
		SearchOrganisations []struct{ Node struct{ Name string } }
		SearchTopics        []struct{ Node struct{ Name string } }
	}
	c.Query(&names, `{
		searchSpeakers(query: "Qasımlı") { node { __typename name } score }
		searchOrganisations(query: "Xalq Cəbhəsi") { node { name } }
		searchTopics(query: "qarabag") { node { name ... on Topic { slug } } }
	}`, nil)
	if len(names.SearchSpeakers) != 1 || names.SearchSpeakers[0].Node.Name != demo.FaridGasimli || names.SearchSpeakers[0].Node.Typename != "Speaker" {
		t.Errorf("speakers %+v", names.SearchSpeakers)
	}
	if len(names.SearchOrganisations) != 1 || names.SearchOrganisations[0].Node.Name != demo.APFP {
		t.Errorf("organisations %+v", names.SearchOrganisations)
	}
	if len(names.SearchTopics) != 1 || names.SearchTopics[0].Node.Name != demo.Karabakh {
		t.Errorf("topics %+v", names.SearchTopics)
	}

	c.Fails("BAD_USER_INPUT", `{ searchStatements(query: "") { indexLag } }`, nil)
	c.Fails("BAD_USER_INPUT", `{ searchStatements(query: "war", after: "x") { indexLag } }`, nil)
	c.Fails("NOT_FOUND", `{ searchStatements(query: "war", filter: {speakerNames: ["Nobody"]}) { indexLag } }`, nil)
	c.Fails("LIMIT_EXCEEDED", `{ searchStatements(query: "war", first: 5000) { indexLag } }`, nil)
}

func TestVerifyQuoteOverHTTP(t *testing.T) {
	c := newSearchServer(t)
	var out struct {
		VerifyQuote []struct {
			Statement *struct {
				Text    string
				Speaker struct{ Name string }
			}
			Verdict        string
			Similarity     float64
			SpeakerMatches bool
			DateMatches    bool
		}
	}
	q := `query($t: String!, $s: String, $d: PartialDate) {
		verifyQuote(text: $t, speaker: $s, date: $d) { statement { text speaker { name } } verdict similarity speakerMatches dateMatches }
	}`
	c.Query(&out, q, map[string]any{"t": "Writing from abroad is now the only way I can still write about home", "s": "Leyla Hüseynova", "d": "2022-03"})
	if len(out.VerifyQuote) == 0 {
		t.Fatal("no matches")
	}
	best := out.VerifyQuote[0]
	if best.Verdict != "MISATTRIBUTED" || best.Statement == nil || best.Statement.Speaker.Name != demo.ShahinChalabi || best.SpeakerMatches || !best.DateMatches {
		t.Errorf("best %+v", best)
	}
	c.Query(&out, q, map[string]any{"t": "We will lower every tax next year"})
	if len(out.VerifyQuote) != 1 || out.VerifyQuote[0].Verdict != "NOT_FOUND" || out.VerifyQuote[0].Statement != nil {
		t.Errorf("absent quote: %+v", out.VerifyQuote)
	}
	c.Fails("BAD_USER_INPUT", q, map[string]any{"t": "   "})
	c.Fails("BAD_USER_INPUT", q, map[string]any{"t": "war", "d": "2022-13"})
}

// A server without a search index says so rather than failing obscurely.
func TestSearchUnavailableWithoutIndex(t *testing.T) {
	f := newServer(t)
	f.c.Fails("UNAVAILABLE", `{ searchStatements(query: "war") { indexLag } }`, nil)
	f.c.Fails("UNAVAILABLE", `{ verifyQuote(text: "war") { verdict } }`, nil)
}
