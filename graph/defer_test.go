package graph

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/store/bolt"
)

// TestDeferBelowRootIsInline sends a @defer fragment with a resolver field
// below the root with POST: it is answered in the one response. (When
// nested resolvers ran in goroutines of their own, gqlgen left it null and
// said hasNext, and POST never sent the rest.)
func TestDeferBelowRootIsInline(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "test.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := demo.Load(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewHandler(HandlerConfig{Store: db}))
	defer srv.Close()
	body := postJSON(t, srv.URL, map[string]any{"query": `{ statements(first: 10) { nodes { id ... @defer { speaker { name } } } } }`})
	body = body[bytes.IndexByte(body, '{'):] // after the status
	var resp struct {
		Data struct {
			Statements struct {
				Nodes []struct{ Speaker *struct{ Name string } }
			}
		}
		HasNext *bool
		Errors  []json.RawMessage
	}
	if err := json.Unmarshal(body, &resp); err != nil || len(resp.Errors) > 0 {
		t.Fatalf("%v %s", err, body)
	}
	if len(resp.Data.Statements.Nodes) == 0 || resp.HasNext != nil {
		t.Fatalf("want statements and no hasNext: %s", body)
	}
	speakers := 0
	for _, n := range resp.Data.Statements.Nodes {
		if n.Speaker != nil && n.Speaker.Name != "" {
			speakers++
		}
	}
	if speakers == 0 {
		t.Errorf("no deferred speaker in the response: %s", body)
	}
}
