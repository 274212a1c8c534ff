package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// trustedDocs are the documents of the manifest of TestFastPathMatchesGeneralPath:
// those the fast path plans, and some it does not plan in whole or in part.
var trustedDocs = []struct {
	name, body string
	planned    bool // the fast path answers its statements fields
}{
	{"who said what", `query($topic: ID!, $from: PartialDate!, $to: PartialDate!) {
  statements(filter: {topics: [$topic], said: {from: $from, to: $to}}, first: 20) {
    nodes {
      id text said kind
      speaker { id name }
      organisation { id shortName name } role
      topics { id name }
      source { id title url published }
    }
    pageInfo { hasNextPage endCursor }
  }
}`, true},
	{"every planned field, aliased", `query Everything($after: String, $first: Int) {
  __typename
  total: speakers { totalCount }
  a: statements(first: 7) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    nodes {
      __typename key: id text kind said byOrganisation heading cue role
      who: speaker { __typename id name description wikidataId }
      organisation { __typename id name shortName wikidataId kind }
      topics { __typename id name slug }
      source { __typename id title url published language }
    }
  }
  b: statements(first: $first, after: $after, orderBy: {direction: DESC}) {
    nodes { id speaker { name } }
    pageInfo { endCursor hasNextPage }
  }
}`, true},
	{"two operations", `query One { statements(first: 2) { nodes { id } } }
query Two { statements(first: 3) { totalCount nodes { text topics { name } } } }`, true},
	{"edges are not planned", `query Edges { statements(first: 4) { edges { cursor node { id } } totalCount } }`, false},
	{"a fragment is not planned", `query Frag { statements(first: 4) { nodes { ...F } } } fragment F on Statement { id text }`, false},
	{"a directive is not planned", `query Dir($yes: Boolean!) { statements(first: 4) { nodes { id text @include(if: $yes) } } }`, false},
	{"a field outside the plan", `query Related { statements(first: 3) { nodes { id saidPrecision } } }`, false},
}

// TestFastPathMatchesGeneralPath sends each document of a manifest, with
// several sets of variables (some in error), over HTTP both to a server
// without a manifest, which resolves every field through gqlgen, and to one
// that runs only the manifest's documents, named by id, and so answers the
// planned ones by the fast path: the two responses must be byte-identical,
// on generated data, and the fast path must have answered the planned ones.
func TestFastPathMatchesGeneralPath(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "test.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var topics []string
	err = gen.Load(t.Context(), gen.Config{Statements: 1500, Seed: 3}, db, func(r store.Record) error {
		if r.Type == store.TopicType && r.Topic.ParentID == "" {
			topics = append(topics, r.Topic.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, d := range trustedDocs {
		ops = append(ops, fmt.Sprintf(`{"id": %q, "name": %q, "type": "query", "body": %q}`, sha256Hex(d.body), d.name, d.body))
	}
	m, err := ReadManifest(strings.NewReader(`{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [` + strings.Join(ops, ",") + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	general := httptest.NewServer(NewHandler(HandlerConfig{Store: db}))
	defer general.Close()
	trusted := httptest.NewServer(NewHandler(HandlerConfig{Store: db, Trusted: m}))
	defer trusted.Close()

	var cursor string
	fast := int64(0)
	for _, d := range trustedDocs {
		for _, v := range variableSets(d.name, topics, cursor) {
			want := postJSON(t, general.URL, map[string]any{"query": d.body, "operationName": v.op, "variables": v.vars})
			before := m.fastPages.Load()
			got := postJSON(t, trusted.URL, map[string]any{"operationName": v.op, "variables": v.vars,
				"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha256Hex(d.body)}}})
			if !bytes.Equal(got, want) {
				t.Errorf("%s %v:\nfast path:    %s\ngeneral path: %s", d.name, v.vars, got, want)
			}
			served := m.fastPages.Load() - before
			switch {
			case !d.planned && served > 0:
				t.Errorf("%s: the fast path answered a document it should not plan", d.name)
			case d.planned && served == 0 && !bytes.Contains(want, []byte(`"errors"`)):
				t.Errorf("%s %v: the general path answered a planned document", d.name, v.vars)
			}
			fast += served
			if c := endCursor(want); c != "" {
				cursor = c
			}
		}
	}
	if fast < 10 {
		t.Errorf("the fast path answered %d pages; want at least 10", fast)
	}
}

type variableSet struct {
	op   string
	vars map[string]any
}

// variableSets gives the variables to send a document with: several pages,
// and some variables that make the request fail.
func variableSets(doc string, topics []string, cursor string) []variableSet {
	switch doc {
	case "who said what":
		var out []variableSet
		for i, month := range []string{"2015-03", "2019-11", "2021-06", "2024-01", "2012", "2020-02-29"} {
			out = append(out, variableSet{vars: map[string]any{"topic": topics[i%len(topics)], "from": month, "to": month}})
		}
		return append(out,
			variableSet{vars: map[string]any{"topic": topics[0], "from": "2010", "to": "2025"}},
			variableSet{vars: map[string]any{"topic": "no-such-topic", "from": "2015", "to": "2015"}},
			variableSet{vars: map[string]any{"topic": topics[1], "from": "not a date", "to": "2015"}})
	case "every planned field, aliased":
		return []variableSet{
			{op: "Everything", vars: map[string]any{"first": 5}},
			{op: "Everything", vars: map[string]any{"first": 9, "after": cursor}},
			{op: "Everything", vars: map[string]any{"first": 0}},
			{op: "Everything", vars: map[string]any{"first": 5, "after": "not a cursor"}},
			{op: "Everything", vars: map[string]any{"first": 100000}},
		}
	case "two operations":
		return []variableSet{{op: "One"}, {op: "Two"}, {op: "Three"}}
	case "a directive is not planned":
		return []variableSet{{vars: map[string]any{"yes": true}}, {vars: map[string]any{"yes": false}}}
	}
	return []variableSet{{}}
}

func postJSON(t *testing.T, url string, body map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte(resp.Status+" "), out...)
}

// endCursor finds the first endCursor in a response, for a later page.
func endCursor(resp []byte) string {
	_, after, ok := bytes.Cut(resp, []byte(`"endCursor":"`))
	if !ok {
		return ""
	}
	c, _, _ := bytes.Cut(after, []byte(`"`))
	return string(c)
}
