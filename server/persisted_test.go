package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
)

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// persisted is one request of the persisted query protocol: a document's
// hash, with or without its text.
type persisted struct {
	method string // GET or POST
	query  string // "" sends the hash alone
	hash   string
	accept string
	vars   map[string]any
	token  string
}

// sendPersisted sends p to the server with a plain HTTP client, as an Apollo
// client would: the hash in extensions.persistedQuery, in the body of a POST
// or the query string of a GET.
func (f *fixture) sendPersisted(t *testing.T, p persisted) answer {
	t.Helper()
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": p.hash}}
	x := exchange{method: p.method, accept: p.accept, token: p.token}
	switch p.method {
	case http.MethodPost:
		req := map[string]any{"extensions": ext}
		if p.query != "" {
			req["query"] = p.query
		}
		if p.vars != nil {
			req["variables"] = p.vars
		}
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		x.contentType, x.body = appJSON, string(b)
	case http.MethodGet:
		b, err := json.Marshal(ext)
		if err != nil {
			t.Fatal(err)
		}
		q := url.Values{"extensions": {string(b)}}
		if p.query != "" {
			q.Set("query", p.query)
		}
		if p.vars != nil {
			v, err := json.Marshal(p.vars)
			if err != nil {
				t.Fatal(err)
			}
			q.Set("variables", string(v))
		}
		x.query = q.Encode()
	}
	return f.send(t, x)
}

// expect checks an answer's status, its error code ("" for none) and
// whether it has data.
func expect(t *testing.T, a answer, status int, code string) {
	t.Helper()
	_, hasData := a.keys["data"]
	var codes []string
	for _, e := range a.errors {
		c, _ := e.Extensions["code"].(string)
		codes = append(codes, c)
	}
	switch {
	case a.status != status:
		t.Errorf("status %d, want %d (errors %+v)", a.status, status, a.errors)
	case code == "" && (len(codes) > 0 || !hasData):
		t.Errorf("errors %+v, data %v; want data and no errors", a.errors, hasData)
	case code != "" && (len(codes) != 1 || codes[0] != code):
		t.Errorf("errors %+v, want one %s", a.errors, code)
	case code != "" && hasData:
		t.Errorf("a refused request has data %s", a.keys["data"])
	}
}

// TestAutomaticPersistedQueries runs the Apollo protocol's two steps over
// POST and over GET: the hash alone is unknown (PERSISTED_QUERY_NOT_FOUND),
// the hash with the document runs it and keeps it, and then the hash alone
// runs it.
func TestAutomaticPersistedQueries(t *testing.T) {
	f := newServer(t)
	seed(t, f.c)
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		t.Run(method, func(t *testing.T) {
			// Each method its own document, so that neither finds the
			// other's.
			query := `query Totals { speakers { totalCount } topics { totalCount } } # ` + method
			hash := sha256Hex(query)
			p := persisted{method: method, hash: hash, accept: gqlResponse}
			a := f.sendPersisted(t, p)
			expect(t, a, http.StatusNotFound, "PERSISTED_QUERY_NOT_FOUND")
			if len(a.errors) == 1 && a.errors[0].Message != "PersistedQueryNotFound" {
				t.Errorf("message %q; Apollo Client looks for PersistedQueryNotFound", a.errors[0].Message)
			}
			if cc := a.header.Get("Cache-Control"); !strings.Contains(cc, "no-cache") {
				t.Errorf("Cache-Control %q: a cache could keep the refusal", cc)
			}
			p.accept = appJSON
			expect(t, f.sendPersisted(t, p), http.StatusOK, "PERSISTED_QUERY_NOT_FOUND")

			p.query = query
			first := f.sendPersisted(t, p)
			expect(t, first, http.StatusOK, "")
			p.query = ""
			again := f.sendPersisted(t, p)
			expect(t, again, http.StatusOK, "")
			if string(again.keys["data"]) != string(first.keys["data"]) || !strings.Contains(string(first.keys["data"]), `"totalCount":3`) {
				t.Errorf("by hash: %s; with the document: %s", again.keys["data"], first.keys["data"])
			}
		})
	}
	t.Run("variables go with the hash", func(t *testing.T) {
		query := `query Named($name: String) { speakers(filter: {name: $name}) { totalCount } }`
		p := persisted{method: http.MethodPost, query: query, hash: sha256Hex(query), accept: gqlResponse, vars: map[string]any{"name": "Ganimat Zahid"}}
		expect(t, f.sendPersisted(t, p), http.StatusOK, "")
		p.query, p.method = "", http.MethodGet
		a := f.sendPersisted(t, p)
		expect(t, a, http.StatusOK, "")
		if got := string(a.keys["data"]); got != `{"speakers":{"totalCount":1}}` {
			t.Errorf("data %s", got)
		}
	})
	t.Run("a hash that is not the document's is refused and not kept", func(t *testing.T) {
		query := `{ __typename }`
		wrong := sha256Hex("something else")
		expect(t, f.sendPersisted(t, persisted{method: http.MethodPost, query: query, hash: wrong, accept: gqlResponse}), http.StatusBadRequest, "BAD_USER_INPUT")
		expect(t, f.sendPersisted(t, persisted{method: http.MethodPost, hash: wrong, accept: gqlResponse}), http.StatusNotFound, "PERSISTED_QUERY_NOT_FOUND")
	})
	t.Run("a persisted mutation is still refused by GET", func(t *testing.T) {
		mutation := `mutation { createTopic(input: {name: "Persisted by hash"}) { id } }`
		hash, editor := sha256Hex(mutation), f.token("apq-editor", store.Editor)
		expect(t, f.sendPersisted(t, persisted{method: http.MethodPost, query: mutation, hash: hash, accept: gqlResponse, token: editor}), http.StatusOK, "")
		a := f.sendPersisted(t, persisted{method: http.MethodGet, hash: hash, accept: gqlResponse, token: editor})
		expect(t, a, http.StatusMethodNotAllowed, "BAD_USER_INPUT")
		if a.header.Get("Allow") != "POST" {
			t.Errorf("Allow %q", a.header.Get("Allow"))
		}
		var d struct{ Topics struct{ TotalCount int } }
		f.c.Query(&d, `{ topics(filter: {name: "Persisted by hash"}) { totalCount } }`, nil)
		if d.Topics.TotalCount != 1 {
			t.Errorf("%d topics named so; the POST made one and the GET none", d.Topics.TotalCount)
		}
	})
	t.Run("an unsupported version is refused", func(t *testing.T) {
		a := f.send(t, exchange{method: http.MethodPost, contentType: appJSON, accept: gqlResponse,
			body: `{"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "00"}}}`})
		expect(t, a, http.StatusBadRequest, "BAD_USER_INPUT")
	})
}

// manifest writes an Apollo persisted query manifest of the given
// documents, each under the SHA-256 hash of its text, and reads it.
func manifest(t *testing.T, docs ...string) *graph.Manifest {
	t.Helper()
	type op struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Type string `json:"type"`
		Body string `json:"body"`
	}
	file := struct {
		Format     string `json:"format"`
		Version    int    `json:"version"`
		Operations []op   `json:"operations"`
	}{Format: "apollo-persisted-query-manifest", Version: 1}
	for _, d := range docs {
		file.Operations = append(file.Operations, op{ID: sha256Hex(d), Name: strings.Fields(d)[1], Type: strings.Fields(d)[0], Body: d})
	}
	b, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "persisted-query-manifest.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	m, err := graph.ReadManifest(r)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTrustedDocuments serves with a manifest: its documents run, by hash
// over POST and GET or sent whole; anything else is refused with
// PERSISTED_QUERY_ONLY, and no client can add documents by the automatic
// protocol.
func TestTrustedDocuments(t *testing.T) {
	const (
		totals = `query Totals { speakers { totalCount } }`
		create = `mutation NewTopic($name: String!) { createTopic(input: {name: $name}) { id } }`
		topics = `query Topics { topics { nodes { name } } }`
		other  = `query Other { topics { totalCount } }`
	)
	f := newServerWith(t, func(c *server.Config) { c.PersistedOnly = manifest(t, totals, create, topics) })
	editor := f.token("trusted-editor", store.Editor)
	tests := []struct {
		name   string
		p      persisted
		status int
		code   string
	}{
		{"a listed document by hash over POST", persisted{method: http.MethodPost, hash: sha256Hex(totals), accept: gqlResponse}, 200, ""},
		{"a listed document by hash over GET", persisted{method: http.MethodGet, hash: sha256Hex(totals), accept: gqlResponse}, 200, ""},
		{"a listed mutation by hash with variables", persisted{method: http.MethodPost, hash: sha256Hex(create), accept: gqlResponse, vars: map[string]any{"name": "Trusted"}, token: editor}, 200, ""},
		{"a listed mutation by hash over GET is still 405", persisted{method: http.MethodGet, hash: sha256Hex(create), accept: gqlResponse, vars: map[string]any{"name": "By GET"}, token: editor}, 405, "BAD_USER_INPUT"},
		{"a listed document sent whole", persisted{method: http.MethodPost, query: totals, hash: sha256Hex(totals), accept: gqlResponse}, 200, ""},
		{"an unknown hash", persisted{method: http.MethodPost, hash: sha256Hex(other), accept: gqlResponse}, 404, "PERSISTED_QUERY_NOT_FOUND"},
		{"an unlisted document with its hash (no automatic persisting)", persisted{method: http.MethodPost, query: other, hash: sha256Hex(other), accept: gqlResponse}, 400, "PERSISTED_QUERY_ONLY"},
		{"the unlisted document was not kept", persisted{method: http.MethodGet, hash: sha256Hex(other), accept: gqlResponse}, 404, "PERSISTED_QUERY_NOT_FOUND"},
		{"an unlisted document, application/json", persisted{method: http.MethodPost, query: other, hash: sha256Hex(other), accept: appJSON}, 200, "PERSISTED_QUERY_ONLY"},
		{"a listed document under a wrong hash", persisted{method: http.MethodPost, hash: sha256Hex(totals + " "), accept: gqlResponse}, 404, "PERSISTED_QUERY_NOT_FOUND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expect(t, f.sendPersisted(t, tt.p), tt.status, tt.code)
		})
	}
	t.Run("a plain request with an unlisted document", func(t *testing.T) {
		a := f.send(t, exchange{method: http.MethodPost, contentType: appJSON, accept: gqlResponse, body: `{"query": "{ __typename }"}`})
		expect(t, a, http.StatusBadRequest, "PERSISTED_QUERY_ONLY")
		a = f.send(t, exchange{method: http.MethodGet, query: url.Values{"query": {"{ __typename }"}}.Encode(), accept: gqlResponse})
		expect(t, a, http.StatusBadRequest, "PERSISTED_QUERY_ONLY")
	})
	t.Run("a subscription with an unlisted document", func(t *testing.T) {
		s := f.c.SubscribeSSE(`subscription { reviewAdded { seq } }`, nil)
		defer s.Close()
		r, _ := s.Next(t)
		if len(r.Errors) != 1 || r.Errors[0].Code() != "PERSISTED_QUERY_ONLY" {
			t.Errorf("got %+v", r)
		}
	})
	t.Run("only the listed mutation ran", func(t *testing.T) {
		a := f.sendPersisted(t, persisted{method: http.MethodGet, hash: sha256Hex(topics), accept: gqlResponse})
		expect(t, a, http.StatusOK, "")
		if got := string(a.keys["data"]); got != `{"topics":{"nodes":[{"name":"Trusted"}]}}` {
			t.Errorf("data %s, want the one topic made by the listed mutation over POST", got)
		}
	})
}
