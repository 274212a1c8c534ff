package graph

import (
	"testing"

	"github.com/quotedb/quotedb/internal/backendtest"
)

// onPostgres are the tests that run on PostgreSQL as well, under
// TestPostgres: every test here that opens a store.
var onPostgres = []func(*testing.T){
	TestHighlightsOnlyWhenSelected,
}

// TestPostgres runs the tests in onPostgres on PostgreSQL, each in a schema
// of its own on the server QUOTEDB_TEST_POSTGRES names.
func TestPostgres(t *testing.T) {
	backendtest.Run(t, onPostgres...)
}

// TestPostgresListIsComplete: a new test that opens a store is either run
// on PostgreSQL or says why not.
func TestPostgresListIsComplete(t *testing.T) {
	backendtest.Listed(t, onPostgres, nil)
}
