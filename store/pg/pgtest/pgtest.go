// Package pgtest opens throwaway PostgreSQL databases for tests: each in
// its own schema of the server QUOTEDB_TEST_POSTGRES names, dropped when
// the test ends.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/quotedb/quotedb/store/pg"
)

// EnvURL is the variable that gives the test server's connection URL.
const EnvURL = "QUOTEDB_TEST_POSTGRES"

// URL returns the test server's URL. Without one the test is skipped, or,
// under CI=true, fails: CI must run the PostgreSQL tests.
func URL(t testing.TB) string {
	t.Helper()
	url := os.Getenv(EnvURL)
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI runs the PostgreSQL tests (.ci/run starts a server)", EnvURL)
		}
		t.Skipf("no PostgreSQL server: set %s to a connection URL (postgres://user@host:port/db) to run this test", EnvURL)
	}
	return url
}

// Schema creates a new, empty schema on the test server, brought to the
// current version by pg.Migrate, and returns its name; it is dropped when
// the test ends.
func Schema(t testing.TB) (url, schema string) {
	t.Helper()
	url, schema = EmptySchema(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, _, err := pg.Migrate(ctx, url, &pg.Options{Schema: schema}); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return url, schema
}

// WithSchema returns url with the schema as its search_path, a URL that
// quotedb's commands take.
func WithSchema(url, schema string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "search_path=" + schema
}

// EmptySchema creates a new schema without tables on the test server and
// returns its name; it is dropped when the test ends.
func EmptySchema(t testing.TB) (url, schema string) {
	t.Helper()
	url = URL(t)
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema = "test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connecting to %s: %v", EnvURL, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	return url, schema
}

// Open opens a store in a new schema (see Schema), closed when the test
// ends.
func Open(t testing.TB) *pg.Store {
	t.Helper()
	url, schema := Schema(t)
	s, err := pg.Open(context.Background(), url, &pg.Options{Schema: schema, MaxConns: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}
