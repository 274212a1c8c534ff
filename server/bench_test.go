package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// BenchmarkGraphQL measures requests through the whole handler (transport,
// limits, execution, metrics, request log) without the network, over the
// seeded records.
func BenchmarkGraphQL(b *testing.B) {
	db := bolttest.Open(b)
	h := server.New(server.Config{Store: db, Stats: db.Stats})
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	secret, _, err := auth.Create(context.Background(), db, "bench", store.Editor)
	if err != nil {
		b.Fatal(err)
	}
	c := &gqltest.Client{T: b, URL: srv.URL + "/graphql", Header: http.Header{"Authorization": {"Bearer " + secret}}}
	var sp struct{ CreateSpeaker struct{ ID string } }
	c.Query(&sp, `mutation { createSpeaker(input: {name: "Bench Speaker"}) { id } }`, nil)
	var tp struct{ CreateTopic struct{ ID string } }
	c.Query(&tp, `mutation { createTopic(input: {name: "Bench topic"}) { id } }`, nil)
	for i := range 100 {
		c.Query(nil, `mutation($in: CreateStatementInput!) { createStatement(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"text": fmt.Sprintf("Statement number %d.", i), "kind": "DIRECT", "speaker": sp.CreateSpeaker.ID, "said": "2024-05", "topics": []string{tp.CreateTopic.ID}}})
	}
	for _, bm := range []struct{ name, query string }{
		{"typename", `{ __typename }`},
		{"statements page", `{ statements(first: 100) { totalCount nodes { text said speaker { name } topics { name } } } }`},
		{"introspection", introspection},
	} {
		body := string(gqlBody(bm.query))
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}
