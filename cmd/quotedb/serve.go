package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
)

// shutdownGrace is how long in-flight requests may run after a stop signal.
const shutdownGrace = 10 * time.Second

func serve(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "Runs the GraphQL server: GraphQL at /graphql, GraphiQL at /.", stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", envOr("QUOTEDB_ADDR", "127.0.0.1:8080"), "listen address (env QUOTEDB_ADDR)")
	loadDemo := fs.Bool("demo", envBool("QUOTEDB_DEMO"), "load the demo dataset when the database is empty (env QUOTEDB_DEMO)")
	searchDir := searchIndexFlag(fs)
	logFormat := fs.String("log-format", envOr("QUOTEDB_LOG_FORMAT", "text"), "log format: text or json (env QUOTEDB_LOG_FORMAT)")
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := newLogger(*logFormat, stderr)
	if err != nil {
		return err
	}
	s, err := openStore(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *loadDemo {
		loaded, err := demo.Load(ctx, s)
		if err != nil {
			return fmt.Errorf("loading demo data: %w", err)
		}
		if loaded {
			log.Info("loaded demo dataset", "db", *db)
		}
	}

	ix := search.Open(s, searchIndexDir(*searchDir, *db), search.Options{Log: log})
	defer ix.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(server.Config{Store: s, Search: ix, Log: log}),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "quotedb serving %s on http://%s/ (GraphQL at /graphql)\n", *db, ln.Addr())
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

func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, usageError("--log-format must be text or json, not %q", format)
}
