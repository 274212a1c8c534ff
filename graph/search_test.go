package graph

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/internal/backendtest"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/search"
)

// TestHighlightsOnlyWhenSelected runs statement searches through gqlgen and
// notes, as the resolver is called, whether it would ask the index for
// highlights: only when the edges' highlight or matches are selected,
// however the selection is written.
func TestHighlightsOnlyWhenSelected(t *testing.T) {
	db := backendtest.Open(t)
	if _, err := demo.Load(t.Context(), db); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(db, filepath.Join(t.TempDir(), "search"), search.Options{})
	defer ix.Close()
	if err := ix.WaitCurrent(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{Store: db, Search: ix}, Directives: DirectiveRoot{HasRole: hasRole}}))
	srv.AddTransport(transport.POST{})
	var mu sync.Mutex
	var asked []bool
	srv.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
		if graphql.GetFieldContext(ctx).Field.Name == "searchStatements" {
			mu.Lock()
			asked = append(asked, wantsHighlights(ctx))
			mu.Unlock()
		}
		return next(ctx)
	})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	c := &gqltest.Client{T: t, URL: hs.URL}

	tests := []struct {
		name, query string
		want        bool
	}{
		{"nodes only", `{ searchStatements(query: "ceasefire") { edges { node { text } } } }`, false},
		{"count only", `{ searchStatements(query: "ceasefire") { totalCount fallback } }`, false},
		{"highlight", `{ searchStatements(query: "ceasefire") { edges { highlight } } }`, true},
		{"matches under aliases", `{ s: searchStatements(query: "ceasefire") { e: edges { m: matches { start } } } }`, true},
		{"in a fragment", `{ searchStatements(query: "ceasefire") { ...F } } fragment F on StatementSearchConnection { edges { ... on StatementSearchEdge { highlight } } }`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			asked = nil
			mu.Unlock()
			res := c.Do(tt.query, nil)
			if len(res.Errors) > 0 {
				t.Fatalf("errors %+v", res.Errors)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(asked) != 1 || asked[0] != tt.want {
				t.Errorf("highlights asked %v, want [%v]", asked, tt.want)
			}
		})
	}
}
