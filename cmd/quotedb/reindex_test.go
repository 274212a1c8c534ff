package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/gqltest"
)

// serve keeps a search index beside the database; reindex rebuilds it.
func TestServeSearchAndReindex(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	base, stop := startServe(t, "--db", db, "--demo")
	c := &gqltest.Client{T: t, URL: base + "/graphql"}
	var out struct {
		SearchStatements struct {
			Edges    []struct{ Node struct{ Text string } }
			Fallback bool
		}
	}
	search := func() {
		t.Helper()
		// The index is built in the background at first start; until
		// then the store answers (fallback).
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			c.Query(&out, `{ searchStatements(query: "neutral*") { edges { node { text } } fallback } }`, nil)
			if !out.SearchStatements.Fallback || time.Now().After(deadline) {
				break
			}
		}
		if out.SearchStatements.Fallback || len(out.SearchStatements.Edges) != 1 || !strings.HasPrefix(out.SearchStatements.Edges[0].Node.Text, "neutrality towards") {
			t.Fatalf("search: %+v", out.SearchStatements)
		}
	}
	search()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(db + ".search"); err != nil || !st.IsDir() {
		t.Fatalf("no index beside the database: %v", err)
	}

	var stdout, stderr syncBuffer
	dir := filepath.Join(t.TempDir(), "elsewhere")
	if err := run(context.Background(), []string{"reindex", "--db", db, "--search-index", dir}, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatalf("reindex: %v\n%s", err, stderr.String())
	}
	if !regexp.MustCompile(`^indexed \d+ records in `).MatchString(stdout.String()) {
		t.Errorf("reindex printed %q", stdout.String())
	}
	base, stop = startServe(t, "--db", db, "--search-index", dir)
	c.URL = base + "/graphql"
	search()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}
