package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store/bolt"
)

// fuzzQueries take variables of every kind the schema has: ids, enums,
// partial dates, filters, pages, cursors, lists, documents and mutation
// inputs.
var fuzzQueries = []string{
	`query($f: StatementFilter, $n: Int, $a: String, $l: Int, $b: String) { statements(filter: $f, first: $n, after: $a, last: $l, before: $b) { totalCount nodes { id said } pageInfo { endCursor } } }`,
	`query($id: ID!) { node(id: $id) { id ... on Speaker { name } } }`,
	`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
	`query($f: SpeakerFilter, $n: Int) { speakers(filter: $f, first: $n) { nodes { name statements { totalCount } } } }`,
	`query($f: SourceFilter, $t: TopicFilter, $o: OrganisationFilter, $a: AffiliationFilter) { sources(filter: $f) { totalCount } topics(filter: $t) { totalCount } organisations(filter: $o) { totalCount } affiliations(filter: $a) { totalCount } }`,
	`query($in: DocumentInput!) { previewDocument(input: $in) { title statements { text span { start end } } } }`,
	`mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`,
	`mutation($in: CreateSpeakerInput!) { createSpeaker(input: $in) { id } }`,
	`mutation($id: ID!, $in: UpdateTopicInput!) { updateTopic(id: $id, input: $in) { id } }`,
}

// FuzzVariables sends any variables with each query through the real
// handler: the answer is always a GraphQL response (200 when executed, 400
// when refused), never a 500, a panic or an internal error. Seeds are in
// testdata/fuzz/FuzzVariables.
func FuzzVariables(f *testing.F) {
	db, err := bolt.Open(filepath.Join(f.TempDir(), "fuzz.db"), &bolt.Options{NoSync: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	h := server.New(server.Config{Store: db, MaxBodyBytes: 1 << 20})
	f.Add(uint8(0), `{"f": {"said": {"from": "2022-03", "to": "2021"}}, "n": 5}`)
	f.Add(uint8(0), `{"a": "AAAA", "l": -1}`)
	f.Add(uint8(1), `{"id": "01890a5d-ac96-774b-bcce-b302099a8057"}`)
	f.Add(uint8(2), `{"ids": ["x", null, 7]}`)
	f.Add(uint8(5), `{"in": {"text": "She said: \"No.\"", "format": "HTML", "date": "2024-02-30"}}`)
	f.Add(uint8(6), `{"in": {"text": "x", "kind": "DIRECT", "span": {"start": 9, "end": 2}, "confidence": 1e309}}`)
	f.Fuzz(func(t *testing.T, which uint8, vars string) {
		body, _ := json.Marshal(map[string]any{"query": fuzzQueries[int(which)%len(fuzzQueries)], "variables": json.RawMessage("null")})
		// Splice the variables in raw, so that malformed JSON gets through.
		body = []byte(strings.Replace(string(body), `"variables":null`, `"variables":`+vars, 1))
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/graphql-response+json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(rec.Body.Bytes(), &keys); err != nil {
			t.Fatalf("status %d, body is not a JSON object: %v\n%s", rec.Code, err, rec.Body)
		}
		_, hasData := keys["data"]
		var resp struct {
			Errors []struct {
				Message    string
				Extensions map[string]any
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, body is not JSON: %v\n%s", rec.Code, err, rec.Body)
		}
		switch rec.Code {
		case http.StatusOK:
			if !hasData {
				t.Fatalf("200 without data: %s", rec.Body)
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if len(resp.Errors) == 0 || hasData {
				t.Fatalf("%d without errors, or with data: %s", rec.Code, rec.Body)
			}
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		for _, e := range resp.Errors {
			if code := e.Extensions["code"]; code == nil || code == "INTERNAL" {
				t.Fatalf("error without a client code: %+v\nvariables: %s", e, vars)
			}
		}
	})
}
