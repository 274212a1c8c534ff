package pg

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// testConn connects to the test server for the tests inside this package,
// which cannot use pgtest (it imports this package); it skips the test
// without a server, as pgtest.URL does, and fails under CI=true. The
// connection is closed when the test ends.
func testConn(t *testing.T) (*pgx.Conn, string) {
	t.Helper()
	url := os.Getenv("QUOTEDB_TEST_POSTGRES")
	if url == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("QUOTEDB_TEST_POSTGRES is not set: CI runs the PostgreSQL tests")
		}
		t.Skip("no PostgreSQL server: set QUOTEDB_TEST_POSTGRES to run this test")
	}
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	// (the test's context has ended when cleanups run)
	t.Cleanup(func() { conn.Close(context.WithoutCancel(t.Context())) })
	return conn, url
}
