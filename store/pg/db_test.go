package pg_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/pg"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// An empty database and one ahead of this build are both refused at Open,
// with what to do; Migrate brings the empty one up and is then a no-op.
func TestSchemaVersion(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	schema := "test_version_" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "")
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE") }) //nolint:errcheck // best effort
	opts := &pg.Options{Schema: schema}

	_, err = pg.Open(ctx, url, opts)
	if !errors.Is(err, pg.ErrSchemaVersion) || errs.KindOf(err) != errs.Unavailable ||
		!strings.Contains(errs.Message(err), "quotedb migrate") {
		t.Fatalf("open of an empty database: %v", err)
	}
	var reports [][2]int // what MigrationDone saw: done, pending
	opts.MigrationDone = func(done, pending int) { reports = append(reports, [2]int{done, pending}) }
	from, to, err := pg.Migrate(ctx, url, opts)
	if err != nil || from != 0 || to != pg.SchemaVersion() {
		t.Fatalf("migrate: %d -> %d, %v", from, to, err)
	}
	if len(reports) != to || reports[len(reports)-1] != [2]int{to, to} {
		t.Errorf("progress reports %v, want one per migration, the last %d of %d", reports, to, to)
	}
	reports = nil
	if from, to, err = pg.Migrate(ctx, url, opts); err != nil || from != to || len(reports) != 0 {
		t.Fatalf("second migrate: %d -> %d, %v, progress %v", from, to, err, reports)
	}
	opts.MigrationDone = nil
	s, err := pg.Open(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	newer := pg.SchemaVersion() + 1
	if _, err := conn.Exec(ctx, "INSERT INTO "+schema+".schema_migrations (version, name) VALUES ($1, 'future')", newer); err != nil {
		t.Fatal(err)
	}
	_, err = pg.Open(ctx, url, opts)
	if !errors.Is(err, pg.ErrSchemaVersion) || !strings.Contains(errs.Message(err), "newer") {
		t.Fatalf("open of a newer database: %v", err)
	}
	if _, _, err := pg.Migrate(ctx, url, opts); !errors.Is(err, pg.ErrSchemaVersion) {
		t.Fatalf("migrate of a newer database: %v", err)
	}
}

// A commit on one store wakes the followers of another over the same
// database (LISTEN/NOTIFY), as several servers share one.
func TestCommittedAcrossStores(t *testing.T) {
	url, schema := pgtest.Schema(t)
	open := func() *pg.Store {
		s, err := pg.Open(t.Context(), url, &pg.Options{Schema: schema, MaxConns: 2})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(), open()
	// The listener connects in the background; a commit before it listens
	// would go unseen, so write until b wakes.
	deadline := time.After(10 * time.Second)
	for i := 0; ; i++ {
		woke := b.Committed()
		err := a.Update(t.Context(), func(tx store.Tx) error {
			return tx.CreateSpeaker(&store.Speaker{Name: "Speaker " + string(rune('A'+i))})
		})
		if err != nil {
			t.Fatal(err)
		}
		select {
		case <-woke:
			chs, err := b.Changes(t.Context(), 0, 100)
			if err != nil || len(chs) != i+1 {
				t.Fatalf("b sees %d changes (%v), want %d", len(chs), err, i+1)
			}
			return
		case <-time.After(200 * time.Millisecond):
		case <-deadline:
			t.Fatal("a commit on one store never woke the other")
		}
	}
}

// Calls after Close fail with Unavailable.
func TestClosed(t *testing.T) {
	s := pgtest.Open(t)
	s.Close()
	err := s.View(t.Context(), func(store.Tx) error { return nil })
	if !errors.Is(err, pg.ErrClosed) || errs.KindOf(err) != errs.Unavailable {
		t.Fatalf("view after close: %v", err)
	}
}

// The schema holds what the store validates even against a write that
// bypasses the store.
func TestConstraints(t *testing.T) {
	s := pgtest.Open(t)
	ctx := t.Context()
	for _, sql := range []string{
		`INSERT INTO speakers (id, name_key, qid, name_sk, doc) VALUES (gen_random_uuid(), 'x', 'not a qid', '\x00'::bytea, '{}')`,
		`INSERT INTO statements (id, sk, kind, status, said_precision, covers, text_folded, doc) VALUES (gen_random_uuid(), '\x00'::bytea, 'SHOUTED', 'UNVERIFIED', 0, '{}', '', '{}')`,
		`INSERT INTO affiliations (id, speaker_id, organisation_id, role, period, start_precision, end_precision, doc) VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '', '[2020-01-01,2021-01-01)', 1, 1, '{}')`,
	} {
		if _, err := s.Pool().Exec(ctx, sql); err == nil {
			t.Errorf("the database took %s", sql)
		}
	}
}
