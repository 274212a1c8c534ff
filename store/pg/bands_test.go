package pg

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/quotedb/quotedb/dedup"
)

// Migration 4 turns the band keys a version 3 database holds (bytea) into
// the integers this version writes and looks up: each key becomes
// bandKeys' value of it, so near-duplicates stored before the migration
// are still found.
func TestBandKeysMigrate(t *testing.T) {
	conn, url := testConn(t)
	ctx := t.Context()
	schema := fmt.Sprintf("test_bands_%d", time.Now().UnixNano())
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, url)
		if err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE") //nolint:errcheck // a leftover schema only takes room
			c.Close(ctx)
		}
	})
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema+"; SET search_path = "+schema); err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:3] {
		if _, err := conn.Exec(ctx, m.sql); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
	}
	// version 3 held the keys themselves; the statements are not needed
	// (its band keys have no foreign key)
	keys := dedup.BandKeys("The committee will publish its findings on the harbour contract before the vote in spring.")
	keys = append(keys, []byte{0xff, 0xff, 0xff, 0xff}, []byte{0x80, 0, 0, 0}, []byte{0, 0, 0, 0})
	const id = "019b76dd-b826-710b-b5cc-90274ef25cf2"
	if _, err := conn.Exec(ctx, "INSERT INTO statement_bands (band, statement_id) SELECT k, $2 FROM unnest($1::bytea[]) k", keys, id); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, ms[3].sql); err != nil {
		t.Fatalf("migration %s: %v", ms[3].name, err)
	}
	rows, err := conn.Query(ctx, "SELECT band FROM statement_bands ORDER BY band")
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		t.Fatal(err)
	}
	want := bandKeys(keys)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("band keys after migration %v, want %v", got, want)
	}
}
