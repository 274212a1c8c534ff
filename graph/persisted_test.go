package graph

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestReadManifest(t *testing.T) {
	const totals = `query Totals { speakers { totalCount } }`
	op := func(id, body string) string {
		return fmt.Sprintf(`{"id": %q, "name": "Op", "type": "query", "body": %q}`, id, body)
	}
	file := func(ops ...string) string {
		return `{"format": "apollo-persisted-query-manifest", "version": 1, "operations": [` + strings.Join(ops, ",") + `]}`
	}
	tests := []struct {
		name, manifest string
		err            string // a part of the error; "" for none
	}{
		{"one document", file(op(sha256Hex(totals), totals)), ""},
		{"an id that is no hash of the body", file(op("totals-v1", totals)), ""},
		{"the same document twice", file(op("a", totals), op("a", totals)), ""},
		{"not JSON", `{"format":`, "reading the persisted query manifest"},
		{"a plain map of hash to document", `{"` + sha256Hex(totals) + `": "` + totals + `"}`, "unknown field"},
		{"another format", `{"format": "relay", "version": 1, "operations": []}`, `want "apollo-persisted-query-manifest" version 1`},
		{"another version", `{"format": "apollo-persisted-query-manifest", "version": 2, "operations": []}`, "version 2"},
		{"no operations", file(), "lists no operations"},
		{"an operation without a body", file(op("a", "")), "no id or no body"},
		{"an operation without an id", file(op("", totals)), "no id or no body"},
		{"one id for two documents", file(op("a", totals), op("a", `query B { __typename }`)), "two different documents"},
		{"a document the schema does not have", file(op("a", `query A { noSuchField }`)), `not valid against the schema: Cannot query field "noSuchField"`},
		{"a document that does not parse", file(op("a", `query A {`)), "not valid against the schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadManifest(strings.NewReader(tt.manifest))
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.err == "" && m.Len() != 1:
				t.Errorf("%d documents, want 1", m.Len())
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want one saying %q", err, tt.err)
			}
		})
	}
}

// TestAPQCacheIsBounded fills the cache of automatic persisted queries
// past its size: the least recently used documents go, and documents over
// the size bound are never kept.
func TestAPQCacheIsBounded(t *testing.T) {
	ctx := t.Context()
	c := newAPQCache()
	for i := range apqEntries + 10 {
		c.Add(ctx, strconv.Itoa(i), "{ __typename }")
		if i == 0 {
			continue
		}
		// The first document stays in use, so others are dropped instead.
		if _, ok := c.Get(ctx, "0"); !ok {
			t.Fatalf("document 0 dropped after %d additions", i)
		}
	}
	for i := 1; i <= 10; i++ {
		if _, ok := c.Get(ctx, strconv.Itoa(i)); ok {
			t.Errorf("document %d kept past the bound of %d", i, apqEntries)
		}
	}
	if _, ok := c.Get(ctx, strconv.Itoa(apqEntries+9)); !ok {
		t.Errorf("the last document was not kept")
	}
	c.Add(ctx, "long", "{ __typename }"+strings.Repeat(" ", apqMaxBytes))
	if _, ok := c.Get(ctx, "long"); ok {
		t.Errorf("a document over %d bytes was kept", apqMaxBytes)
	}
}
