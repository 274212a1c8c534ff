package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// worstTimeout is the request time limit of TestWorstInputsAnswerInTime:
// short, so that the test is quick, and long enough for every answer
// that should succeed to succeed on a loaded machine.
const worstTimeout = 3 * time.Second

// TestWorstInputsAnswerInTime sends, through real HTTP, the inputs a
// hostile client found that ran past the request time limit or failed
// uncleanly: a search over a statement of a megabyte of one word, a
// preview and an ingest of the largest document admitted, names of 32 KB
// and a statement of 7 MB. Each is answered within the time limit, with
// data or a clean error code.
func TestWorstInputsAnswerInTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "worst.db")
	// Statements up to 1.5 MiB, so that a statement of a megabyte can be
	// stored and searched.
	db, err := bolt.Open(path, &bolt.Options{NoSync: true, MaxStatementBytes: 3 << 19})
	if err != nil {
		t.Fatal(err)
	}
	ix := search.Open(db, search.DirFor(path), search.Options{})
	srv := httptest.NewServer(server.New(server.Config{Store: db, Search: ix, Limits: graph.Limits{Timeout: worstTimeout}}))
	t.Cleanup(func() {
		srv.Close()
		ix.Close()
		if err := db.Check(); err != nil {
			t.Errorf("database inconsistent after test: %v", err)
		}
		db.Close()
	})
	secret, _, err := auth.Create(context.Background(), db, "newsdesk", store.Editor)
	if err != nil {
		t.Fatal(err)
	}
	anonymous := &gqltest.Client{T: t, URL: srv.URL + "/graphql"}
	editor := &gqltest.Client{T: t, URL: srv.URL + "/graphql", Header: http.Header{"Authorization": {"Bearer " + secret}}}

	// The megabyte statement, every word of which a search for "hq"
	// matches.
	editor.Query(nil, `mutation($t: String!) { createStatement(input: {text: $t, kind: DIRECT}) { id } }`,
		map[string]any{"t": strings.Repeat("hq ", 350_000)})
	sentence := `"We will win," said John Smith, the minister. `
	document := strings.Repeat(sentence, graph.DefaultMaxDocumentBytes/len(sentence))
	name := strings.Repeat("N", 32_000)

	// codes lists the answers accepted: "" for data without errors.
	// Work that may take long on a loaded machine may also end at the
	// time limit, LIMIT_EXCEEDED.
	tests := []struct {
		name   string
		client *gqltest.Client
		query  string
		vars   map[string]any
		codes  []string
	}{
		{"search with highlights", anonymous,
			`{ searchStatements(query: "hq") { edges { highlight matches { start end } } } }`, nil, []string{"", "LIMIT_EXCEEDED"}},
		{"search without highlights", anonymous,
			`{ searchStatements(query: "hq") { edges { node { id } } } }`, nil, []string{""}},
		{"anonymous preview", anonymous,
			`query($t: String!) { previewDocument(input: {text: $t}) { title } }`, map[string]any{"t": document}, []string{"UNAUTHENTICATED"}},
		{"preview of the largest document", editor,
			`query($t: String!) { previewDocument(input: {text: $t}) { statements { text } } }`, map[string]any{"t": document}, []string{"", "LIMIT_EXCEEDED"}},
		{"preview past the document limit", editor,
			`query($t: String!) { previewDocument(input: {text: $t}) { title } }`, map[string]any{"t": document + strings.Repeat("x", len(sentence))}, []string{"LIMIT_EXCEEDED"}},
		{"speaker name of 32 KB", editor,
			`mutation($n: String!) { createSpeaker(input: {name: $n}) { id } }`, map[string]any{"n": name}, []string{"BAD_USER_INPUT"}},
		{"speaker alias of 32 KB", editor,
			`mutation($n: String!) { createSpeaker(input: {name: "Ann Roe", aliases: [$n]}) { id } }`, map[string]any{"n": name}, []string{"BAD_USER_INPUT"}},
		{"organisation name of 32 KB", editor,
			`mutation($n: String!) { createOrganisation(input: {name: $n}) { id } }`, map[string]any{"n": name}, []string{"BAD_USER_INPUT"}},
		{"statement of 7 MB", editor,
			`mutation($t: String!) { createStatement(input: {text: $t, kind: DIRECT}) { id } }`, map[string]any{"t": strings.Repeat("hq ", 7_000_000/3)}, []string{"LIMIT_EXCEEDED"}},
		{"text contains over the megabyte statement", anonymous,
			`{ statements(filter: {textContains: "hq hq hq x"}) { totalCount } }`, nil, []string{""}},
		{"ingest of the largest document", editor,
			`mutation($t: String!) { ingestDocument(input: {text: $t}) { statementCount } }`, map[string]any{"t": document}, []string{"", "LIMIT_EXCEEDED"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.client.T = t
			// The request is encoded before the clock starts: the client's
			// own work on a body of megabytes (several times slower under
			// -race) is no part of the server's answer time.
			body, err := json.Marshal(map[string]any{"query": tt.query, "variables": tt.vars})
			if err != nil {
				t.Fatal(err)
			}
			began := time.Now()
			res := tt.client.Post("application/json", body)
			took := time.Since(began)
			code := ""
			if len(res.Errors) > 0 {
				code = res.Errors[0].Code()
			}
			if !slices.Contains(tt.codes, code) {
				t.Errorf("answer %q (%+v), want one of %q", code, res.Errors, tt.codes)
			}
			// A little over the limit, for the step under way when the
			// time ran out (under -race several times slower) and for
			// writing the answer.
			if took > worstTimeout+2*time.Second {
				t.Errorf("answered in %s, past the time limit of %s", took.Round(time.Millisecond), worstTimeout)
			}
			t.Logf("%s in %s", cmpOr(code, "data"), took.Round(time.Millisecond))
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
