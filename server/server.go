// Package server assembles quotedb's HTTP interface: the GraphQL endpoint,
// GraphiQL, and health checks.
package server

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// Config is what the server serves and how.
type Config struct {
	Store store.Store
	// Search is the full-text index; nil serves the searches and quote
	// verification as UNAVAILABLE.
	Search *search.Index
	// Log receives errors and panics; nil discards them.
	Log *slog.Logger
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
}

// DefaultMaxBodyBytes is the request body limit when Config gives none:
// large enough for a long document sent to be ingested.
const DefaultMaxBodyBytes = 8 << 20

// New returns the handler for all of quotedb's routes:
//
//	/graphql  GraphQL over HTTP (POST, and GET for queries)
//	/         GraphiQL, for exploring the API in a browser
//	/healthz  200 while the process serves requests
func New(cfg Config) http.Handler {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", limitBody(cfg.MaxBodyBytes, graph.NewHandler(cfg.Store, cfg.Log, graph.WithSearch(cfg.Search))))
	mux.Handle("GET /{$}", playground.Handler("quotedb", "/graphql"))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	return mux
}

// limitBody refuses bodies over max bytes with 413 and a GraphQL error whose
// code is LIMIT_EXCEEDED, before any of it is parsed.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			writeError(w, http.StatusRequestEntityTooLarge, errs.TooLarge, "request body of %d bytes exceeds the limit of %d bytes", r.ContentLength, max)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, max)
		next.ServeHTTP(w, r)
	})
}

// writeError answers a request refused before GraphQL execution with a
// GraphQL-shaped error body.
func writeError(w http.ResponseWriter, status int, kind errs.Kind, format string, args ...any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []any{map[string]any{
			"message":    errs.Message(errs.E(kind, format, args...)),
			"extensions": map[string]any{"code": kind.Code()},
		}},
	})
}
