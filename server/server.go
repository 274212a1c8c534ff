// Package server assembles quotedb's HTTP interface: the GraphQL endpoint,
// the web pages and GraphiQL (package web), health and readiness checks,
// metrics, request logs, security headers and CORS.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/jsonld"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/web"
)

// Config is what the server serves and how.
type Config struct {
	Store store.Store
	// MaxInflight is how many GraphQL requests run at once, the others
	// waiting their turn in arrival order; 0 runs every request at once.
	// See limitInflight.
	MaxInflight int
	// Search is the full-text index; nil serves the searches and quote
	// verification as UNAVAILABLE. It is a change-log follower too: pass
	// it in Followers for /metrics to report its lag.
	Search *search.Index
	// Log receives a line per request, errors and panics; nil discards them.
	Log *slog.Logger
	// MaxBodyBytes bounds a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxAnonymousBodyBytes bounds the body of a GraphQL request sent
	// without an API token; 0 means DefaultMaxAnonymousBodyBytes. See
	// limitAnonymousBody.
	MaxAnonymousBodyBytes int64
	// AuthReads makes every read (GraphQL, JSON-LD), not only mutations,
	// need a valid API token. Mutations need a token of their role either
	// way.
	AuthReads bool
	// Backup serves GET /admin/backup when set.
	Backup Snapshotter
	// Limits bound each GraphQL request; zero fields take their defaults.
	Limits graph.Limits
	// CORSOrigins are the origins browsers may call the API from; "*"
	// allows any. None allows only same-origin pages (GraphiQL at /graphiql).
	CORSOrigins []string
	// Stats, when set, reports the database's size and change-log position
	// for /metrics.
	Stats func() (store.Stats, error)
	// Followers are consumers of the change log (a search index, say)
	// whose lag behind it /metrics reports.
	Followers []Follower
	// PersistedOnly, when set, lists the only GraphQL documents the server
	// runs (trusted documents); without it clients may persist any
	// document by its hash (automatic persisted queries).
	PersistedOnly *graph.Manifest
}

// A Follower consumes the change log in order.
type Follower interface {
	// Name labels the follower in metrics, e.g. "search".
	Name() string
	// LastSeq is the seq of the last change the follower has applied.
	LastSeq() uint64
}

// DefaultMaxBodyBytes is the request body limit when Config gives none:
// large enough for a long document sent to be ingested.
const DefaultMaxBodyBytes = 8 << 20

// DefaultMaxAnonymousBodyBytes is the body limit of a request without an
// API token when Config gives none. What such a request may run, reads,
// fits well within it: a query at the token limit, a quote to verify at
// its limit of 10,000 bytes, a page of ids for nodes.
const DefaultMaxAnonymousBodyBytes = 256 << 10

// readyTimeout bounds the store check of /readyz.
const readyTimeout = 2 * time.Second

// New returns the handler for all of quotedb's routes:
//
//	/graphql  GraphQL over HTTP (POST, and GET for queries)
//	/         the search page, and the other pages of package web
//	/graphiql GraphiQL, for exploring the API in a browser
//	/healthz  200 while the process serves requests
//	/readyz   200 while the database answers, 503 otherwise
//	/metrics  Prometheus metrics
//	/statements/{id}.jsonld  a statement as schema.org JSON-LD
//	/claimreviews/{id}.jsonld  a claim review as schema.org JSON-LD
//	/claimreviews.jsonld  every claim review, as a schema.org DataFeed
//	/admin/backup  a snapshot of the database file, for admin tokens
//	/admin/export  every record as JSON Lines, for admin tokens
//
// Every response carries web.SecurityHeaders (a Content-Security-Policy of
// the server's own origin, no framing, no referrer to other sites).
//
// Every request is logged to cfg.Log and counted in the metrics. Requests
// carry an API token as Authorization: Bearer TOKEN. Mutations need one of
// the role the schema gives them (@hasRole); reads need one when AuthReads
// is set.
func New(cfg Config) http.Handler {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.MaxAnonymousBodyBytes <= 0 {
		cfg.MaxAnonymousBodyBytes = DefaultMaxAnonymousBodyBytes
	}
	m := newMetrics(cfg.Stats, cfg.Followers)
	gql := graph.NewHandler(graph.HandlerConfig{Store: cfg.Store, Search: cfg.Search, Log: cfg.Log, Limits: cfg.Limits, Observe: m.observe, Trusted: cfg.PersistedOnly})
	mux := http.NewServeMux()
	mux.Handle("/graphql", limitInflight(cfg.MaxInflight, authenticate(cfg.Store, cfg.AuthReads, limitAnonymousBody(cfg.MaxAnonymousBodyBytes, limitBody(cfg.MaxBodyBytes, gql)))))
	if cfg.Backup != nil {
		mux.Handle("GET /admin/backup", authenticate(cfg.Store, false, backupHandler(cfg.Backup, cfg.Log)))
	}
	mux.Handle("GET /admin/export", authenticate(cfg.Store, false, exportHandler(cfg.Store, cfg.Log)))
	pages := web.New(web.Config{Store: cfg.Store, Search: cfg.Search, Log: cfg.Log, AuthReads: cfg.AuthReads, MaxDocumentBytes: cfg.Limits.MaxDocumentBytes})
	mux.Handle("/", pages)
	jsonLD := authenticate(cfg.Store, cfg.AuthReads, statementJSONLD(cfg.Store, cfg.Log))
	mux.Handle("GET /statements/{file}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The page of a statement is /statements/{id}; its JSON-LD, and
		// the errors of other suffixes, are the API's.
		if strings.Contains(r.PathValue("file"), ".") {
			jsonLD.ServeHTTP(w, r)
			return
		}
		pages.ServeHTTP(w, r)
	}))
	mux.Handle("GET /claimreviews/{file}", authenticate(cfg.Store, cfg.AuthReads, claimReviewJSONLD(cfg.Store, cfg.Log)))
	mux.Handle("GET /claimreviews.jsonld", authenticate(cfg.Store, cfg.AuthReads, claimReviewFeed(cfg.Store, cfg.Log)))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := cfg.Store.View(ctx, func(store.Tx) error { return nil }); err != nil {
			cfg.Log.WarnContext(ctx, "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %s\n", errs.Message(err))
			return
		}
		w.Write([]byte("ready\n"))
	})
	mux.Handle("GET /metrics", m.handler())
	return web.SecurityHeaders(cors(cfg.CORSOrigins, m.instrument(cfg.Log, mux)))
}

// cors lets browsers on the allowed origins call the API, and answers their
// preflight requests. Requests from other origins are served without CORS
// headers, so browsers keep their pages from reading the answers.
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	allowAny := slices.Contains(origins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		if origin == "" || !allowAny && !slices.Contains(origins, origin) {
			next.ServeHTTP(w, r)
			return
		}
		if allowAny {
			h.Set("Access-Control-Allow-Origin", "*")
		} else {
			h.Set("Access-Control-Allow-Origin", origin)
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitAnonymousBody refuses a request without an API token whose body is
// over max bytes with 401 and UNAUTHENTICATED, before any of it is parsed:
// only a token's holder may write, and writes are what need large bodies
// (a document to ingest), so a client without one cannot make the server
// read and decode megabytes that every field would then refuse. A body of
// unknown length is read up to the limit first.
func limitAnonymousBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth.TokenFrom(r.Context()) != nil || r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		tooLarge := r.ContentLength > max
		if !tooLarge && r.ContentLength < 0 {
			body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
			if err != nil {
				writeError(w, http.StatusBadRequest, errs.Invalid, "cannot read the request body")
				return
			}
			tooLarge = int64(len(body)) > max
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		}
		if tooLarge {
			refuse(w, errs.E(errs.Unauthenticated, "a request body over %d bytes needs an API token: send Authorization: Bearer TOKEN", max))
			return
		}
		next.ServeHTTP(w, r)
	})
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
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []any{map[string]any{
			"message":    errs.Message(errs.E(kind, format, args...)),
			"extensions": map[string]any{"code": kind.Code()},
		}},
	})
}

// statementJSONLD serves GET /statements/{id}.jsonld: the statement as a
// schema.org Claim (package jsonld), as application/ld+json. A path without
// the .jsonld suffix is 404, an id that is not a UUID 400, an unknown
// statement 404, each with a GraphQL-shaped JSON error body.
func statementJSONLD(s store.Store, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := strings.CutSuffix(r.PathValue("file"), ".jsonld")
		if !ok {
			writeError(w, http.StatusNotFound, errs.NotFound, "no such resource; statements are served at /statements/{id}.jsonld")
			return
		}
		var body []byte
		err := s.View(r.Context(), func(tx store.Tx) error {
			in, err := jsonld.Gather(tx, id)
			if err != nil {
				return err
			}
			body, err = jsonld.Marshal(in)
			return err
		})
		if err != nil {
			kind := errs.KindOf(err)
			if kind == errs.Internal {
				log.Error("serving JSON-LD", "id", id, "err", err)
			}
			writeError(w, kind.HTTPStatus(), kind, "%s", errs.Message(err))
			return
		}
		w.Header().Set("Content-Type", "application/ld+json")
		w.Write(body)
	})
}
