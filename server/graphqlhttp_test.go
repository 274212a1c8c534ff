package server_test

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// exchange is one raw HTTP request to /graphql and what came back.
type exchange struct {
	method, query, contentType, accept string
	body                               string
	token                              string // sent as a bearer token when set
}

type answer struct {
	status  int
	header  http.Header
	media   string
	charset string
	// keys of the top-level JSON object; nil when the body is not one.
	keys   map[string]json.RawMessage
	errors []struct {
		Message    string
		Extensions map[string]any
	}
}

func (f *fixture) send(t *testing.T, x exchange) answer {
	t.Helper()
	u := f.srv.URL + "/graphql"
	if x.query != "" {
		u += "?" + x.query
	}
	req, err := http.NewRequest(x.method, u, strings.NewReader(x.body))
	if err != nil {
		t.Fatal(err)
	}
	if x.contentType != "" {
		req.Header.Set("Content-Type", x.contentType)
	}
	if x.accept != "" {
		req.Header.Set("Accept", x.accept)
	}
	if x.token != "" {
		req.Header.Set("Authorization", "Bearer "+x.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{status: res.StatusCode, header: res.Header}
	if ct := res.Header.Get("Content-Type"); ct != "" {
		var params map[string]string
		a.media, params, _ = mime.ParseMediaType(ct)
		a.charset = params["charset"]
	}
	if json.Unmarshal(raw, &a.keys) == nil {
		if e, ok := a.keys["errors"]; ok {
			json.Unmarshal(e, &a.errors)
		}
	}
	return a
}

const (
	gqlResponse = "application/graphql-response+json"
	appJSON     = "application/json"
)

// TestGraphQLOverHTTP walks the MUST and SHOULD clauses of the
// GraphQL-over-HTTP specification, for both response media types. Each case
// is named by its section and clause.
func TestGraphQLOverHTTP(t *testing.T) {
	f := newServer(t)
	seed(t, f.c)
	post := func(body, accept string) exchange {
		return exchange{method: "POST", contentType: appJSON, accept: accept, body: body}
	}
	get := func(params url.Values, accept string) exchange {
		return exchange{method: "GET", query: params.Encode(), accept: accept}
	}
	q := func(query string) url.Values { return url.Values{"query": {query}} }
	const ok = `{"query": "{ statements { totalCount } }"}`
	const mutation = `mutation { createTopic(input: {name: "Via GET"}) { id } }`
	tests := []struct {
		name string
		x    exchange
		// want: status, media type, and whether data must be present (1),
		// absent (-1) or either (0).
		status int
		media  string
		data   int
		code   string // an error's extensions.code, when one is wanted
		allow  string // the Allow header, when one is wanted
	}{
		{"Request/POST: MUST accept application/json bodies", post(ok, gqlResponse), 200, gqlResponse, 1, "", ""},
		{"Request/POST: MUST assume utf-8 without charset, accept it with one", exchange{method: "POST", contentType: "application/json; charset=utf-8", accept: gqlResponse, body: ok}, 200, gqlResponse, 1, "", ""},
		{"Request/POST: SHOULD reject a missing Content-Type with 4xx", exchange{method: "POST", accept: gqlResponse, body: ok}, 415, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request/POST: unsupported media type is 415", exchange{method: "POST", contentType: "text/plain", accept: gqlResponse, body: ok}, 415, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request/POST: form bodies are refused (no simple CORS requests)", exchange{method: "POST", contentType: "application/x-www-form-urlencoded", accept: gqlResponse, body: "query=%7B__typename%7D"}, 415, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request/POST: a charset other than utf-8 is 415", exchange{method: "POST", contentType: "application/json; charset=latin1", accept: gqlResponse, body: ok}, 415, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request/Parameters: null optional parameters equal absent ones", post(`{"query": "{ statements { totalCount } }", "operationName": null, "variables": null, "extensions": null}`, gqlResponse), 200, gqlResponse, 1, "", ""},
		{"Request/GET: parameters in the query string", get(url.Values{"query": {"query($f: StatementFilter) { statements(filter: $f) { totalCount } }"}, "variables": {`{"f": {"kinds": ["DIRECT"]}}`}}, gqlResponse), 200, gqlResponse, 1, "", ""},
		{"Request/GET: empty operationName equals none", get(url.Values{"query": {"{ __typename }"}, "operationName": {""}}, gqlResponse), 200, gqlResponse, 1, "", ""},
		{"Request/GET: MUST answer a mutation with 405 and not execute it", get(q(mutation), gqlResponse), 405, gqlResponse, -1, "BAD_USER_INPUT", "POST"},
		{"Request/GET: 405 for a mutation also with application/json", get(q(mutation), appJSON), 405, appJSON, -1, "BAD_USER_INPUT", "POST"},
		{"Request/GET: operationName selects the mutation of a document", get(url.Values{"query": {"query A { __typename } " + mutation[:8] + " B " + mutation[9:]}, "operationName": {"B"}}, gqlResponse), 405, gqlResponse, -1, "BAD_USER_INPUT", "POST"},
		{"Request/GET: variables that are not a JSON object are 400", get(url.Values{"query": {"{ __typename }"}, "variables": {"[7]"}}, gqlResponse), 400, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request: a subscription as a plain POST is refused, not left waiting", post(`{"query": "subscription { reviewAdded { seq } }"}`, gqlResponse), 400, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request/GET: a subscription by GET is refused", get(q("subscription { reviewAdded { seq } }"), gqlResponse), 400, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"Request: other methods are 405 with Allow", exchange{method: "PUT", contentType: appJSON, accept: gqlResponse, body: ok}, 405, gqlResponse, -1, "BAD_USER_INPUT", "GET, POST, OPTIONS"},
		{"Body: MUST support Accept application/json", post(ok, appJSON), 200, appJSON, 1, "", ""},
		{"Body: SHOULD support Accept application/graphql-response+json", post(ok, gqlResponse), 200, gqlResponse, 1, "", ""},
		{"Body: MUST encode in the highest priority type listed (order)", post(ok, appJSON+", "+gqlResponse), 200, appJSON, 1, "", ""},
		{"Body: MUST encode in the highest priority type listed (q)", post(ok, appJSON+";q=0.5, "+gqlResponse), 200, gqlResponse, 1, "", ""},
		{"Body: the recommended client Accept header", post(ok, gqlResponse+"; charset=utf-8, "+appJSON+"; charset=utf-8"), 200, gqlResponse, 1, "", ""},
		{"Body: wildcards are served", post(ok, "*/*"), 200, gqlResponse, 1, "", ""},
		{"Body: RECOMMENDED 406 when no listed type is served", post(ok, "text/html"), 406, appJSON, -1, "BAD_USER_INPUT", ""},
		{"Body: 406 for a charset other than utf-8", post(ok, gqlResponse+"; charset=latin1"), 406, appJSON, -1, "BAD_USER_INPUT", ""},
		{"Legacy watershed: no Accept means application/graphql-response+json", post(`{"query": "{"}`, ""), 400, gqlResponse, -1, "GRAPHQL_PARSE_FAILED", ""},

		// application/json status codes
		{"application/json: JSON parsing failure SHOULD be 400", post(`{"query":`, appJSON), 400, appJSON, -1, "BAD_USER_INPUT", ""},
		{"application/json: NONSENSE is 400", post(`NONSENSE`, appJSON), 400, appJSON, -1, "BAD_USER_INPUT", ""},
		{"application/json: invalid parameters (typo) SHOULD be 400", post(`{"qeury": "{__typename}"}`, appJSON), 400, appJSON, -1, "BAD_USER_INPUT", ""},
		{"application/json: invalid parameters (variables shape) SHOULD be 400", post(`{"query": "{ __typename }", "variables": [7]}`, appJSON), 400, appJSON, -1, "BAD_USER_INPUT", ""},
		{"application/json: query of the wrong type is 400", post(`{"query": 7}`, appJSON), 400, appJSON, -1, "BAD_USER_INPUT", ""},
		{"application/json: document parsing failure SHOULD be 200", post(`{"query": "{"}`, appJSON), 200, appJSON, -1, "GRAPHQL_PARSE_FAILED", ""},
		{"application/json: document validation failure SHOULD be 200", post(`{"query": "{ nope }"}`, appJSON), 200, appJSON, -1, "GRAPHQL_VALIDATION_FAILED", ""},
		{"application/json: operation cannot be determined SHOULD be 200", post(`{"query": "query A { __typename } query B { __typename }"}`, appJSON), 200, appJSON, -1, "GRAPHQL_VALIDATION_FAILED", ""},
		{"application/json: variable coercion failure SHOULD be 200", post(`{"query": "query($n: Int!) { statements(first: $n) { totalCount } }", "variables": {"n": "x"}}`, appJSON), 200, appJSON, -1, "GRAPHQL_VALIDATION_FAILED", ""},
		{"application/json: field errors SHOULD be 200 with data", post(`{"query": "{ speaker(id: \"01890a5d-ac96-774b-bcce-b302099a8057\") { id } }"}`, appJSON), 200, appJSON, 1, "NOT_FOUND", ""},

		// application/graphql-response+json status codes
		{"graphql-response+json: JSON parsing failure is 400", post(`{"query":`, gqlResponse), 400, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"graphql-response+json: invalid parameters SHOULD be 400", post(`{"qeury": "{__typename}"}`, gqlResponse), 400, gqlResponse, -1, "BAD_USER_INPUT", ""},
		{"graphql-response+json: document parsing failure is 400", post(`{"query": "{"}`, gqlResponse), 400, gqlResponse, -1, "GRAPHQL_PARSE_FAILED", ""},
		{"graphql-response+json: validation failure SHOULD be 400", post(`{"query": "{ nope }"}`, gqlResponse), 400, gqlResponse, -1, "GRAPHQL_VALIDATION_FAILED", ""},
		{"graphql-response+json: operation cannot be determined SHOULD be 400", post(`{"query": "query A { __typename }", "operationName": "B"}`, gqlResponse), 400, gqlResponse, -1, "GRAPHQL_VALIDATION_FAILED", ""},
		{"graphql-response+json: variable coercion failure SHOULD be 400", post(`{"query": "query($n: Int!) { statements(first: $n) { totalCount } }"}`, gqlResponse), 400, gqlResponse, -1, "GRAPHQL_VALIDATION_FAILED", ""},
		{"graphql-response+json: data null (no request error) SHOULD be 200", post(`{"query": "{ speaker(id: \"01890a5d-ac96-774b-bcce-b302099a8057\") { id } }"}`, gqlResponse), 200, gqlResponse, 1, "NOT_FOUND", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := f.send(t, tt.x)
			if a.status != tt.status {
				t.Errorf("status %d, want %d", a.status, tt.status)
			}
			if a.media != tt.media {
				t.Errorf("Content-Type %q, want %q", a.header.Get("Content-Type"), tt.media)
			}
			if a.charset != "utf-8" {
				t.Errorf("Content-Type %q: SHOULD indicate the encoding", a.header.Get("Content-Type"))
			}
			if a.keys == nil {
				t.Fatalf("body is not a JSON object")
			}
			_, hasData := a.keys["data"]
			switch {
			case tt.data > 0 && !hasData:
				t.Errorf("no data entry")
			case tt.data < 0 && hasData:
				t.Errorf("data entry %s on a request error", a.keys["data"])
			}
			if tt.code != "" {
				found := false
				for _, e := range a.errors {
					found = found || e.Extensions["code"] == tt.code
					if e.Message == "" {
						t.Errorf("error without a message")
					}
				}
				if !found {
					t.Errorf("errors %+v, want one with code %s", a.errors, tt.code)
				}
			} else if len(a.errors) > 0 {
				t.Errorf("unexpected errors %+v", a.errors)
			}
			if tt.allow != "" && a.header.Get("Allow") != tt.allow {
				t.Errorf("Allow %q, want %q", a.header.Get("Allow"), tt.allow)
			}
		})
	}

	t.Run("Request/GET: the refused mutation was not executed", func(t *testing.T) {
		var d struct{ Topics struct{ TotalCount int } }
		f.c.Query(&d, `{ topics(filter: {name: "Via GET"}) { totalCount } }`, nil)
		if d.Topics.TotalCount != 0 {
			t.Errorf("a mutation sent by GET was executed")
		}
	})
	t.Run("Response: errors never echo the request body", func(t *testing.T) {
		a := f.send(t, post(`{"query": "{ __typename }", "secret": "hunter2"`, gqlResponse))
		for _, e := range a.errors {
			if strings.Contains(e.Message, "hunter2") {
				t.Errorf("error message echoes the body: %q", e.Message)
			}
		}
	})
	t.Run("Request: OPTIONS lists the methods", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodOptions, f.srv.URL+"/graphql", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNoContent || !strings.Contains(res.Header.Get("Allow"), "POST") {
			t.Errorf("OPTIONS: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
		}
	})
}
