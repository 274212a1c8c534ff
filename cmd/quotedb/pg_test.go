package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// quotedb migrate readies an empty PostgreSQL database, which serve refuses
// before; serve --store then answers the README's demo query over HTTP.
func TestServePostgres(t *testing.T) {
	url, schema := pgtest.EmptySchema(t)
	storeURL := pgtest.WithSchema(url, schema)
	var out, errOut bytes.Buffer
	err := run(t.Context(), []string{"serve", "--store", storeURL, "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errOut)
	if errs.KindOf(err) != errs.Unavailable || !strings.Contains(errs.Message(err), "quotedb migrate") {
		t.Fatalf("serve on an empty database: %v", err)
	}
	out.Reset()
	if err := run(t.Context(), []string{"migrate", "--store", storeURL}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("migrate: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "migrated from version 0") {
		t.Errorf("migrate said %q", out.String())
	}

	t.Setenv("QUOTEDB_STORE", storeURL)
	base, stop := startServe(t, "--demo", "--search-index", t.TempDir()+"/search")
	c := &gqltest.Client{T: t, URL: base + "/graphql"}
	var d struct {
		Statements struct {
			TotalCount int
			Nodes      []struct {
				Text    string
				Speaker struct{ Name string }
			}
		}
	}
	c.Query(&d, `{ statements(filter: {organisationNames: ["APFP"], topicNames: ["War in Ukraine"], said: {from: "2022-03", to: "2022-03"}}) {
		totalCount nodes { text speaker { name } } } }`, nil)
	if len(d.Statements.Nodes) == 0 || d.Statements.TotalCount != len(d.Statements.Nodes) {
		t.Fatalf("the README's demo query on PostgreSQL: %+v", d)
	}
	if err := stop(); err != nil {
		t.Fatalf("graceful shutdown: %v", err)
	}
}

func TestStoreFlagRefusesAFile(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"migrate", "--store", "quotedb.db"}, strings.NewReader(""), &out, &errOut)
	if errs.KindOf(err) != errs.Invalid || !strings.Contains(errs.Message(err), "PostgreSQL URL") {
		t.Fatalf("migrate --store FILE: %v", err)
	}
}

// The first admin token of a PostgreSQL database is made with --store, as
// servers never hold it exclusively; the server then takes it.
func TestTokenOnPostgres(t *testing.T) {
	url, schema := pgtest.Schema(t)
	storeURL := pgtest.WithSchema(url, schema)
	secret, err := quotedb(t, "", "token", "create", "--store", storeURL, "--role", "admin", "--name", "ops")
	if err != nil || !strings.HasPrefix(secret, "qdb_") {
		t.Fatalf("token create --store: %q %v", secret, err)
	}
	list, err := quotedb(t, "", "token", "list", "--store", storeURL)
	if err != nil || !strings.Contains(list, "ops") {
		t.Fatalf("token list --store: %q %v", list, err)
	}
	base, stop := startServe(t, "--store", storeURL, "--search-index", t.TempDir()+"/search")
	defer stop()
	c := &gqltest.Client{T: t, URL: base + "/graphql", Header: http.Header{"Authorization": {"Bearer " + strings.TrimSpace(secret)}}}
	var d struct{ CreateSpeaker struct{ Name string } }
	c.Query(&d, `mutation { createSpeaker(input: {name: "Token Holder"}) { name } }`, nil)
	if d.CreateSpeaker.Name != "Token Holder" {
		t.Fatalf("mutation with the token: %+v", d)
	}
}
