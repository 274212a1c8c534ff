package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// maxCacheMB bounds --cache-mb: 64 GiB, far above any working set on one
// machine, and far below an int's range.
const maxCacheMB = 64 << 10

// cacheBytes turns --cache-mb into bolt.Options.CacheBytes, where 0 means
// the default and a negative value none.
func cacheBytes(mb int) int {
	if mb == 0 {
		return -1
	}
	return mb << 20
}

// shutdownGrace is how long in-flight requests may run after a stop signal.
const shutdownGrace = 10 * time.Second

// serve runs the server until ctx is done, then shuts it down gracefully:
// the HTTP server first, then the search index, then the store, each in
// turn once what depends on it has stopped.
func serve(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	o, err := parseServeFlags(args, stderr)
	if err != nil {
		return err
	}
	log, err := newLogger(*o.logFormat, stderr)
	if err != nil {
		return err
	}
	trusted, err := readManifest(*o.persistedOnly)
	if err != nil {
		return err
	}
	if trusted != nil {
		log.Info("running only the documents of the persisted query manifest", "file", *o.persistedOnly, "documents", trusted.Len())
	}
	tuneGC()
	if err := checkStoreURL(*o.storeURL); err != nil {
		return err
	}
	s, err := openServed(ctx, *o.storeURL, *o.db, *o.maxStatement, cacheBytes(*o.cacheMB))
	if err != nil {
		return err
	}
	defer s.Close()
	if *o.loadDemo {
		loaded, err := demo.Load(ctx, s)
		if err != nil {
			return fmt.Errorf("loading demo data: %w", err)
		}
		if loaded {
			log.Info("loaded demo dataset", "db", s.name)
		}
	}

	ix := search.Open(s, searchIndexDir(*o.searchDir, s.searchDir), search.Options{Log: log})
	defer ix.Close()

	ln, err := net.Listen("tcp", *o.addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(o, s, ix, log, trusted)
	fmt.Fprintf(stdout, "quotedb serving %s on http://%s/ (GraphQL at /graphql)\n", s.name, ln.Addr())
	fmt.Fprintf(stdout, "search page: http://%s/  ·  who said what: http://%s/who  ·  GraphiQL: http://%s/graphiql\n", ln.Addr(), ln.Addr(), ln.Addr())
	return serveUntilDone(ctx, srv, ln, log)
}

// serveOptions are serve's flags, as parsed.
type serveOptions struct {
	db, storeURL, addr, searchDir, logFormat, cors, persistedOnly *string
	loadDemo, authReads                                           *bool
	maxBody, maxAnonymousBody                                     *int64
	limits                                                        graph.Limits
	maxInflight, cacheMB, maxStatement                            *int
}

// parseServeFlags defines serve's flags, takes their defaults from the
// environment, parses args and checks the values, so that a bad value is
// a usage error before anything is opened.
func parseServeFlags(args []string, stderr io.Writer) (*serveOptions, error) {
	fs := newFlagSet("serve", "Runs the server: the search page and the other web pages at /, GraphQL at /graphql,\nGraphiQL at /graphiql, health at /healthz and /readyz, Prometheus metrics at /metrics,\nsnapshots for admin tokens at /admin/backup.\nLogs a line per request to stderr. Mutations need an API token (see quotedb token -h),\nsent as Authorization: Bearer TOKEN.", stderr)
	o := &serveOptions{}
	o.db = dbFlag(fs)
	o.storeURL = storeFlag(fs)
	o.addr = fs.String("addr", envOr("QUOTEDB_ADDR", "127.0.0.1:8080"), "listen address (env QUOTEDB_ADDR)")
	o.loadDemo = fs.Bool("demo", envBool("QUOTEDB_DEMO"), "load the demo dataset when the database is empty (env QUOTEDB_DEMO)")
	o.searchDir = searchIndexFlag(fs)
	o.authReads = fs.Bool("auth-reads", envBool("QUOTEDB_AUTH_READS"), "require an API token for reads too, not only for mutations (env QUOTEDB_AUTH_READS)")
	o.logFormat = fs.String("log-format", envOr("QUOTEDB_LOG_FORMAT", "text"), "log format: text or json (env QUOTEDB_LOG_FORMAT)")
	o.cors = fs.String("cors-origins", envOr("QUOTEDB_CORS_ORIGINS", ""), "comma-separated origins browsers may call the API from, or * for any (env QUOTEDB_CORS_ORIGINS)")
	o.maxBody = fs.Int64("max-body-bytes", server.DefaultMaxBodyBytes, "largest request body, in bytes (env QUOTEDB_MAX_BODY_BYTES)")
	o.maxAnonymousBody = fs.Int64("max-anonymous-body-bytes", server.DefaultMaxAnonymousBodyBytes, "largest body of a GraphQL request without an API token, in bytes; larger ones need a token (env QUOTEDB_MAX_ANONYMOUS_BODY_BYTES)")
	o.persistedOnly = fs.String("persisted-only", envOr("QUOTEDB_PERSISTED_ONLY", ""), "run only the GraphQL documents of this persisted query manifest (Apollo's format), refusing any other (env QUOTEDB_PERSISTED_ONLY)")
	limits := &o.limits
	fs.IntVar(&limits.MaxDepth, "max-depth", graph.DefaultMaxDepth, "deepest nesting of fields in a query (env QUOTEDB_MAX_DEPTH)")
	fs.IntVar(&limits.MaxComplexity, "max-complexity", graph.DefaultMaxComplexity, "highest query cost: 1 per field, times the page size inside lists (env QUOTEDB_MAX_COMPLEXITY)")
	fs.IntVar(&limits.MaxTokens, "max-tokens", graph.DefaultMaxTokens, "longest query document, in tokens (env QUOTEDB_MAX_TOKENS)")
	fs.IntVar(&limits.MaxPageSize, "max-page-size", graph.DefaultMaxPageSize, fmt.Sprintf("largest first or last, at most %d (env QUOTEDB_MAX_PAGE_SIZE)", store.MaxPageSize))
	fs.DurationVar(&limits.Timeout, "request-timeout", graph.DefaultTimeout, "longest time a GraphQL request may run (env QUOTEDB_REQUEST_TIMEOUT)")
	fs.IntVar(&limits.MaxDocumentBytes, "max-document-bytes", graph.DefaultMaxDocumentBytes, "largest document text to ingest or preview, in bytes (env QUOTEDB_MAX_DOCUMENT_BYTES)")
	fs.IntVar(&limits.MaxSubscriberLag, "max-subscriber-lag", graph.DefaultMaxSubscriberLag, "changes a subscription may fall behind the change log before it is ended (env QUOTEDB_MAX_SUBSCRIBER_LAG)")
	o.maxInflight = fs.Int("max-inflight", 0, "GraphQL requests run at once, the others waiting their turn in arrival order; 0 runs every request at once (env QUOTEDB_MAX_INFLIGHT)")
	o.cacheMB = fs.Int("cache-mb", bolt.DefaultCacheBytes>>20, "memory for decoded speakers, organisations, topics, sources and affiliations kept between requests, in MiB; 0 keeps none; a bbolt file only (env QUOTEDB_CACHE_MB)")
	var err error
	if o.maxStatement, err = maxStatementFlag(fs); err != nil {
		return nil, err
	}
	if err := setFromEnv(fs, map[string]string{
		"cache-mb":       "QUOTEDB_CACHE_MB",
		"max-inflight":   "QUOTEDB_MAX_INFLIGHT",
		"max-body-bytes": "QUOTEDB_MAX_BODY_BYTES", "max-anonymous-body-bytes": "QUOTEDB_MAX_ANONYMOUS_BODY_BYTES", "max-depth": "QUOTEDB_MAX_DEPTH", "max-complexity": "QUOTEDB_MAX_COMPLEXITY",
		"max-tokens": "QUOTEDB_MAX_TOKENS", "max-page-size": "QUOTEDB_MAX_PAGE_SIZE", "request-timeout": "QUOTEDB_REQUEST_TIMEOUT",
		"max-document-bytes": "QUOTEDB_MAX_DOCUMENT_BYTES", "max-subscriber-lag": "QUOTEDB_MAX_SUBSCRIBER_LAG",
	}); err != nil {
		return nil, err
	}
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usageError("serve takes no arguments, only flags")
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	return o, nil
}

// check reports a flag value out of its range as a usage error.
func (o *serveOptions) check() error {
	limits := o.limits
	for name, v := range map[string]int64{"max-body-bytes": *o.maxBody, "max-anonymous-body-bytes": *o.maxAnonymousBody, "max-depth": int64(limits.MaxDepth), "max-complexity": int64(limits.MaxComplexity),
		"max-tokens": int64(limits.MaxTokens), "max-page-size": int64(limits.MaxPageSize), "request-timeout": int64(limits.Timeout), "max-document-bytes": int64(limits.MaxDocumentBytes),
		"max-subscriber-lag": int64(limits.MaxSubscriberLag)} {
		if v <= 0 {
			return usageError("--%s must be positive", name)
		}
	}
	if *o.maxInflight < 0 {
		return usageError("--max-inflight must be 0 or more")
	}
	if *o.cacheMB < 0 || *o.cacheMB > maxCacheMB {
		return usageError("--cache-mb must be between 0 and %d", maxCacheMB)
	}
	if limits.MaxPageSize > store.MaxPageSize {
		return usageError("--max-page-size must be at most %d", store.MaxPageSize)
	}
	return nil
}

// newHTTPServer returns the HTTP server of the handlers over s and ix,
// configured by o, with timeouts that bound how long a slow client can
// hold a connection.
func newHTTPServer(o *serveOptions, s *served, ix *search.Index, log *slog.Logger, trusted *graph.Manifest) *http.Server {
	cfg := server.Config{Store: s, Search: ix, Log: log, MaxBodyBytes: *o.maxBody, MaxAnonymousBodyBytes: *o.maxAnonymousBody, Limits: o.limits, MaxInflight: *o.maxInflight,
		CORSOrigins: splitList(*o.cors), Stats: s.stats, Followers: []server.Follower{ix}, AuthReads: *o.authReads, PersistedOnly: trusted}
	if s.bolt != nil {
		// PostgreSQL has its own backups (pg_dump); /admin/backup copies
		// the bbolt file.
		cfg.Backup = s.bolt
	}
	return &http.Server{
		Handler:           server.New(cfg),
		ReadHeaderTimeout: 10 * time.Second,
		// A request has its timeout to arrive and as long again to be
		// answered; the GraphQL handler stops work at the timeout itself.
		ReadTimeout:  o.limits.Timeout,
		WriteTimeout: 2 * o.limits.Timeout,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// serveUntilDone serves srv on ln until ctx is done, then shuts it down,
// giving in-flight requests shutdownGrace to finish, and returns once it
// has stopped. A server that stops by itself returns its error at once.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger) error {
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// readManifest reads the persisted query manifest at path; none when path
// is empty.
func readManifest(path string) (*graph.Manifest, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--persisted-only: %w", err)
	}
	defer f.Close()
	m, err := graph.ReadManifest(f)
	if err != nil {
		return nil, fmt.Errorf("--persisted-only %s: %w", path, err)
	}
	return m, nil
}

func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, usageError("--log-format must be text or json, not %q", format)
}
