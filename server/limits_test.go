package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/server"
)

// nested returns a query whose fields nest depth levels deep, alternating
// statements and their speakers.
func nested(depth int) string {
	var open, close strings.Builder
	level := 0
	for level < depth-1 {
		if level%3 == 0 {
			open.WriteString("statements(first: 1) { ")
		} else if level%3 == 1 {
			open.WriteString("nodes { ")
		} else {
			open.WriteString("speaker { ")
		}
		close.WriteString(" }")
		level++
	}
	field := "id"
	if (level-1)%3 == 0 {
		field = "totalCount"
	}
	return "{ " + open.String() + field + close.String() + " }"
}

// aliased returns a query asking for field under n aliases.
func aliased(n int, field string) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, field)
	}
	b.WriteString("}")
	return b.String()
}

// introspection is the schema query GraphiQL and code generators send.
const introspection = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
}`

func TestLimits(t *testing.T) {
	f := newServerWith(t, func(c *server.Config) {
		c.Limits = graph.Limits{MaxDepth: 6, MaxComplexity: 2000, MaxPageSize: 50, MaxDocumentBytes: 300}
	})
	seed(t, f.c)

	tests := []struct {
		name, query string
		vars        map[string]any
		// fails is the start of the expected LIMIT_EXCEEDED message; empty
		// for a query that must succeed.
		fails string
	}{
		{"depth at the limit", nested(6), nil, ""},
		{"depth past the limit", nested(7), nil, "query is nested more than 6 levels deep"},
		{"depth through fragments", `{ ...A } fragment A on Query { statements { nodes { speaker { statements { nodes { speaker { id } } } } } } }`, nil, "query is nested more than 6"},
		{"page size at the limit", `{ statements(first: 50) { totalCount } }`, nil, ""},
		{"page size past the limit", `{ statements(first: 51) { totalCount } }`, nil, "page size 51 exceeds the limit of 50"},
		{"page size in a variable", `query($n: Int) { speakers { nodes { statements(last: $n) { totalCount } } } }`, map[string]any{"n": 51}, "page size 51 exceeds"},
		{"complexity within the limit", `{ statements(first: 50) { nodes { text speaker { name } } } }`, nil, ""},
		{"nested pages multiply", `{ speakers(first: 50) { nodes { statements(first: 50) { nodes { text } } } } }`, nil, "query complexity"},
		{"aliases add up", aliased(30, "statements(first: 50) { nodes { text } }"), nil, "query complexity"},
		{"aliases of nodes(ids) add up", "query($ids: [ID!]!) " + aliased(60, "nodes(ids: $ids) { id }"), map[string]any{"ids": make([]string, 40)}, "query complexity"},
		{"default page size counts", aliased(100, "statements { nodes { text } }"), nil, "query complexity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.fails == "" {
				f.c.Query(nil, tt.query, tt.vars)
				return
			}
			msg := f.c.Fails("LIMIT_EXCEEDED", tt.query, tt.vars)
			if !strings.HasPrefix(msg, tt.fails) {
				t.Errorf("message %q, want it to start %q", msg, tt.fails)
			}
		})
	}

	t.Run("document size", func(t *testing.T) {
		text := strings.Repeat(`The minister said: "We will rebuild the bridge." `, 10)
		for _, op := range []string{
			`mutation($t: String!) { ingestDocument(input: {text: $t}) { created } }`,
			`query($t: String!) { previewDocument(input: {text: $t}) { title } }`,
		} {
			msg := f.c.Fails("LIMIT_EXCEEDED", op, map[string]any{"t": text})
			if !strings.Contains(msg, "exceeds the limit of 300 bytes") {
				t.Errorf("message %q", msg)
			}
		}
		var d struct{ Sources struct{ TotalCount int } }
		f.c.Query(&d, `{ sources { totalCount } }`, nil)
		if d.Sources.TotalCount != 1 {
			t.Errorf("%d sources after refused ingests, want the 1 seeded", d.Sources.TotalCount)
		}
	})
}

func TestDefaultLimitsAdmitIntrospection(t *testing.T) {
	f := newServer(t)
	var d struct {
		Schema struct{ Types []struct{ Name string } } `json:"__schema"`
	}
	f.c.Query(&d, introspection, nil)
	if len(d.Schema.Types) < 50 {
		t.Errorf("introspection found %d types", len(d.Schema.Types))
	}
	// GraphiQL's own query follows ofType two levels further, which costs
	// more; the schema's size decides by how much.
	graphiql := strings.Replace(introspection, "ofType { kind name } } } } } } }", "ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }", 1)
	if graphiql == introspection {
		t.Fatal("the introspection query changed; update GraphiQL's")
	}
	f.c.Query(nil, graphiql, nil)
	// Introspection counts like any other query: aliases of the whole
	// schema add up.
	bomb := `{ __schema ` + aliased(40, "types { fields { args { type { name } } } }") + ` }`
	if msg := f.c.Fails("LIMIT_EXCEEDED", bomb, nil); !strings.HasPrefix(msg, "query complexity") {
		t.Errorf("message %q", msg)
	}
}

func TestRequestTimeLimit(t *testing.T) {
	f := newServerWith(t, func(c *server.Config) { c.Limits.Timeout = time.Nanosecond })
	msg := f.c.Fails("LIMIT_EXCEEDED", `{ statements { totalCount } }`, nil)
	if msg != "request exceeded the time limit of 1ns" {
		t.Errorf("message %q", msg)
	}
}

func TestQueryTokenLimit(t *testing.T) {
	f := newServerWith(t, func(c *server.Config) { c.Limits.MaxTokens = 100 })
	f.c.Query(nil, `{ statements { totalCount } }`, nil)
	r := f.c.Do(aliased(50, "statements { totalCount }"), nil)
	if len(r.Errors) != 1 || r.Errors[0].Code() != "LIMIT_EXCEEDED" || r.HasData {
		t.Errorf("got %+v, want one LIMIT_EXCEEDED error and no data", r.Errors)
	}
}

// TestHostileRequests sends what an attacker would, and expects each to be
// answered with errors, in bounded memory.
func TestHostileRequests(t *testing.T) {
	const maxBody = 1 << 20
	f := newServerWith(t, func(c *server.Config) { c.MaxBodyBytes = maxBody })
	seed(t, f.c)
	deep := strings.Repeat("{ statements { nodes ", 40_000)
	tests := []struct {
		name        string
		contentType string
		body        []byte
		status      int
		code        string
	}{
		{"deep nesting", "application/json", gqlBody(deep + strings.Repeat("}", 80_000)), 200, "LIMIT_EXCEEDED"},
		{"alias bomb", "application/json", gqlBody(aliased(20_000, "statements(first: 1000) { nodes { text } }")), 200, "LIMIT_EXCEEDED"},
		{"fragment fan-out", "application/json", gqlBody(`{ ...A ...A } fragment A on Query { ` + aliased(200, "statements(first: 1000) { nodes { text speaker { name } } }")[1:]), 200, "LIMIT_EXCEEDED"},
		{"huge list argument", "application/json", []byte(`{"query": "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", "variables": {"ids": [` + strings.Repeat(`"01890a5d-ac96-774b-bcce-b302099a8057",`, 20_000) + `"x"]}}`), 200, "LIMIT_EXCEEDED"},
		{"deeply nested variables", "application/json", []byte(`{"query": "{ __typename }", "variables": {"v": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `}}`), 400, "BAD_USER_INPUT"},
		{"invalid UTF-8 in the query", "application/json", []byte("{\"query\": \"{ statements(filter: {textContains: \\\"\xff\xfe\\\"}) { totalCount } }\"}"), 400, "BAD_USER_INPUT"},
		{"invalid UTF-8 in a variable", "application/json", []byte("{\"query\": \"{ __typename }\", \"variables\": {\"x\": \"\xc3\x28\"}}"), 400, "BAD_USER_INPUT"},
		{"wrong content type", "text/plain", gqlBody("{ __typename }"), 415, "BAD_USER_INPUT"},
		{"multipart form", "multipart/form-data; boundary=x", []byte("--x\r\n\r\n{}\r\n--x--"), 415, "BAD_USER_INPUT"},
		{"batch", "application/json", []byte(`[{"query": "{ __typename }"}, {"query": "{ __typename }"}]`), 400, "BAD_USER_INPUT"},
		{"oversized body", "application/json", gqlBody("{ __typename }" + strings.Repeat(" ", maxBody)), 413, "LIMIT_EXCEEDED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r := f.c.Post(tt.contentType, tt.body)
			runtime.ReadMemStats(&after)
			if r.Status != tt.status || len(r.Errors) == 0 || r.Errors[0].Code() != tt.code || r.HasData {
				t.Errorf("got %d %+v (data %v), want %d %s without data", r.Status, r.Errors, r.HasData, tt.status, tt.code)
			}
			// Client and server share the process: the bound covers both
			// and the request's own bytes many times over.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("request allocated %d MiB", alloc>>20)
			}
		})
	}

	t.Run("oversized chunked body", func(t *testing.T) {
		// Without a Content-Length the limit is found while reading.
		body := io.MultiReader(strings.NewReader(`{"query": "{ __typename }", "x": "`), strings.NewReader(strings.Repeat("x", 2*maxBody)), strings.NewReader(`"}`))
		req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/graphql", body)
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		r := f.c.Send(req)
		if r.Status != http.StatusRequestEntityTooLarge || len(r.Errors) != 1 || r.Errors[0].Code() != "LIMIT_EXCEEDED" {
			t.Errorf("got %d %+v", r.Status, r.Errors)
		}
	})
}

func gqlBody(query string) []byte {
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(map[string]string{"query": query})
	return b.Bytes()
}

// TestAnonymousBodyLimit: a request without an API token may send a body
// up to MaxAnonymousBodyBytes; past it the server refuses with 401 and
// UNAUTHENTICATED before parsing any of it, whether the length is declared
// or found while reading. The same body with a token runs.
func TestAnonymousBodyLimit(t *testing.T) {
	const maxAnonymous = 1 << 16
	f := newServerWith(t, func(c *server.Config) { c.MaxBodyBytes, c.MaxAnonymousBodyBytes = 1<<20, maxAnonymous })
	anonymous := f.client("")
	padded := func(n int) []byte { return gqlBody("{ __typename }" + strings.Repeat(" ", n)) }
	tests := []struct {
		name    string
		client  *gqltest.Client
		body    []byte
		chunked bool
		status  int
		code    string
	}{
		{"anonymous, under the limit", anonymous, padded(maxAnonymous - 100), false, 200, ""},
		{"anonymous, over the limit", anonymous, padded(maxAnonymous), false, 401, "UNAUTHENTICATED"},
		{"anonymous, chunked, under the limit", anonymous, padded(maxAnonymous - 100), true, 200, ""},
		{"anonymous, chunked, over the limit", anonymous, padded(maxAnonymous), true, 401, "UNAUTHENTICATED"},
		{"with a token, over the anonymous limit", f.c, padded(maxAnonymous), false, 200, ""},
		{"with a token, chunked, over the anonymous limit", f.c, padded(maxAnonymous), true, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, f.srv.URL+"/graphql", bytes.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.chunked {
				req.Body = io.NopCloser(bytes.NewReader(tt.body))
				req.ContentLength = -1
			}
			req.Header.Set("Content-Type", "application/json")
			tt.client.T = t
			r := tt.client.Send(req)
			code := ""
			if len(r.Errors) > 0 {
				code = r.Errors[0].Code()
			}
			if r.Status != tt.status || code != tt.code || r.HasData != (tt.code == "") {
				t.Errorf("got %d %+v (data %v), want %d %q", r.Status, r.Errors, r.HasData, tt.status, tt.code)
			}
		})
	}
	t.Run("challenge", func(t *testing.T) {
		res, err := http.Post(f.srv.URL+"/graphql", "application/json", bytes.NewReader(padded(maxAnonymous)))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
			t.Errorf("WWW-Authenticate = %q, want a Bearer challenge", got)
		}
	})
}
