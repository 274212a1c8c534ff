package pg_test

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/pg"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// catalog describes the schema's indexes and constraints, which an
// initial load drops and makes again.
func catalog(t *testing.T, s *pg.Store) string {
	t.Helper()
	var out string
	err := s.Pool().QueryRow(t.Context(), `SELECT
		(SELECT string_agg(indexdef, E'\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = current_schema()) || E'\n' ||
		(SELECT string_agg(conname || ' ' || pg_get_constraintdef(c.oid) || ' ' || convalidated, E'\n' ORDER BY conname)
		   FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema())`).Scan(&out)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func generated(t *testing.T, statements int) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := gen.WriteJSONL(t.Context(), gen.Config{Statements: statements, Seed: 3}, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// An import into an empty database, written in several COPYs, keeps every
// index and constraint, and exports what the same import into a database
// file exports. A record put twice (which ends the deferral of indexes
// half-way) is updated.
func TestInitialLoadMatchesBolt(t *testing.T) {
	defer pg.SetBulkRecordsMax(7)()
	s := pgtest.Open(t)
	before := catalog(t, s)
	data := generated(t, 40)
	lines := bytes.SplitAfter(data, []byte("\n"))
	// the fifth line again, as the last: a record put twice
	data = append(data, lines[4]...)

	ctx := store.WithActor(t.Context(), "import")
	if _, err := dump.Import(ctx, s, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if after := catalog(t, s); after != before {
		t.Errorf("indexes and constraints after an initial load:\n%s\nwant\n%s", after, before)
	}
	b, err := bolt.Open(filepath.Join(t.TempDir(), "q.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := dump.Import(ctx, b, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	var fromPG, fromBolt bytes.Buffer
	if _, err := dump.Export(ctx, s, &fromPG); err != nil {
		t.Fatal(err)
	}
	if _, err := dump.Export(ctx, b, &fromBolt); err != nil {
		t.Fatal(err)
	}
	if fromPG.String() != fromBolt.String() {
		t.Errorf("the export after an import into PostgreSQL differs from the one into a database file")
	}
	pgChanges, err := s.Changes(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	boltChanges, err := b.Changes(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(pgChanges) != len(boltChanges) || len(pgChanges) != len(lines)-1 {
		t.Fatalf("%d changes on PostgreSQL, %d in the file, %d lines", len(pgChanges), len(boltChanges), len(lines)-1)
	}
	for i, c := range pgChanges {
		w := boltChanges[i]
		if c.Seq != w.Seq || c.Op != w.Op || c.Type != w.Type || c.ID != w.ID || c.Actor != w.Actor || string(c.After) != string(w.After) {
			t.Errorf("change %d: %+v, in the file %+v", i, c, w)
		}
	}
}

// A bad line after several COPYs of an initial load writes nothing, names
// its line, and leaves the indexes and constraints as they were.
func TestInitialLoadBadLineWritesNothing(t *testing.T) {
	defer pg.SetBulkRecordsMax(5)()
	s := pgtest.Open(t)
	before := catalog(t, s)
	data := generated(t, 30)
	lines := bytes.SplitAfter(data, []byte("\n"))
	n := len(lines) - 3
	lines[n-1] = []byte(strings.Replace(string(lines[n-1]), `"text":"`, `"text":"`+strings.Repeat("x", 70000), 1))
	_, err := dump.Import(store.WithActor(t.Context(), "import"), s, bytes.NewReader(bytes.Join(lines, nil)))
	if errs.KindOf(err) != errs.TooLarge && errs.KindOf(err) != errs.Invalid || !strings.Contains(err.Error(), "line "+strconv.Itoa(n)) {
		t.Fatalf("import with a too long statement on line %d: %v", n, err)
	}
	if after := catalog(t, s); after != before {
		t.Errorf("indexes and constraints after a failed initial load:\n%s\nwant\n%s", after, before)
	}
	if head, err := s.Head(context.Background()); err != nil || head != 0 {
		t.Errorf("a failed load logged changes: head %d, %v", head, err)
	}
	err = s.View(t.Context(), func(tx store.Tx) error {
		counts, err := dump.Count(tx)
		for typ, c := range counts {
			if c != 0 {
				t.Errorf("a failed load wrote %d %s records", c, typ)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A restore, which builds indexes and foreign keys at its end too, leaves
// them as they were, and what it copied can be read by them.
func TestRestoreKeepsIndexes(t *testing.T) {
	defer pg.SetBulkRecordsMax(6)()
	s := pgtest.Open(t)
	before := catalog(t, s)
	var recs []store.Record
	if err := gen.Generate(t.Context(), gen.Config{Statements: 20, Seed: 5}, func(r store.Record) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2025, 6, 7, 8, 9, 10, 11, time.UTC)
	err := s.Restore(t.Context(), func(emit func(store.Record) error) error {
		for _, r := range recs {
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	}, func(emit func(store.Change) error) error {
		for i, r := range recs {
			c := store.Change{Seq: uint64(i + 1), Time: ts, Actor: "restore", Op: store.Created, Type: r.Type, ID: recordID(r), After: []byte(`{}`)}
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if after := catalog(t, s); after != before {
		t.Errorf("indexes and constraints after a restore:\n%s\nwant\n%s", after, before)
	}
	st := recs[len(recs)-1].Statement
	err = s.View(t.Context(), func(tx store.Tx) error {
		conn, err := tx.ListStatements(store.StatementFilter{SpeakerIDs: []string{st.SpeakerID}}, store.Page{})
		if err == nil && !slices.ContainsFunc(conn.Items, func(x *store.Statement) bool { return x.ID == st.ID }) {
			t.Errorf("the speaker's statements after a restore lack %s", st.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func recordID(r store.Record) string {
	switch r.Type {
	case store.SpeakerType:
		return r.Speaker.ID
	case store.OrganisationType:
		return r.Organisation.ID
	case store.AffiliationType:
		return r.Affiliation.ID
	case store.TopicType:
		return r.Topic.ID
	case store.SourceType:
		return r.Source.ID
	case store.StatementType:
		return r.Statement.ID
	}
	return r.ClaimReview.ID
}

// An initial load leaves the tables analyzed: the planner knows their
// sizes at once, not only when autovacuum comes round.
func TestInitialLoadAnalyzes(t *testing.T) {
	s := pgtest.Open(t)
	if _, err := dump.Import(store.WithActor(t.Context(), "import"), s, bytes.NewReader(generated(t, 30))); err != nil {
		t.Fatal(err)
	}
	var unanalyzed []string
	err := s.Pool().QueryRow(t.Context(), `SELECT coalesce(array_agg(relname ORDER BY relname), '{}') FROM pg_stat_user_tables
		WHERE schemaname = current_schema() AND relname IN ('statements', 'statement_bands', 'speakers', 'change_log')
		AND last_analyze IS NULL`).Scan(&unanalyzed)
	if err != nil {
		t.Fatal(err)
	}
	if len(unanalyzed) > 0 {
		t.Errorf("not analyzed after an initial load: %v", unanalyzed)
	}
}

// A record created by a load, whose change-log entry refers to its row
// for its after, keeps that after once the record is changed or deleted,
// and a deleted statement leaves none of its near-duplicate keys: the
// history and the keys are as on a database file that saw the same writes.
func TestLoadedRecordsKeepTheirHistory(t *testing.T) {
	defer pg.SetBulkRecordsMax(9)()
	s := pgtest.Open(t)
	b, err := bolt.Open(filepath.Join(t.TempDir(), "q.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	data := generated(t, 30)
	ctx := store.WithActor(t.Context(), "import")
	var speaker, statement string
	for _, st := range []store.Store{s, b} {
		if _, err := dump.Import(ctx, st, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		err := st.Update(ctx, func(tx store.Tx) error {
			c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 2})
			if err != nil || len(c.Items) < 2 {
				return cmp.Or(err, errors.New("fewer than two statements"))
			}
			statement, speaker = c.Items[0].ID, c.Items[1].SpeakerID
			changed := *c.Items[0]
			changed.Status = store.Disputed
			if _, err := tx.Put(store.Record{Type: store.StatementType, Statement: &changed}); err != nil {
				return err
			}
			return tx.DeleteSpeaker(speaker, true)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{statement, speaker} {
		var hist [2][]store.Change
		for i, st := range []store.Store{s, b} {
			err := st.View(ctx, func(tx store.Tx) (err error) {
				hist[i], err = tx.History(id)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(hist[0]) < 2 || len(hist[0]) != len(hist[1]) {
			t.Fatalf("history of %s: %d entries on PostgreSQL, %d in the file, want 2 or more", id, len(hist[0]), len(hist[1]))
		}
		for i, c := range hist[0] {
			w := hist[1][i]
			if c.Op != w.Op || string(c.Before) != string(w.Before) || string(c.After) != string(w.After) {
				t.Errorf("change %d of %s: %s before %s after %s; in the file %s before %s after %s",
					i, id, c.Op, c.Before, c.After, w.Op, w.Before, w.After)
			}
		}
	}
	var orphans int
	err = s.Pool().QueryRow(ctx, `SELECT count(*) FROM statement_bands b
		WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = b.statement_id)`).Scan(&orphans)
	if err != nil || orphans != 0 {
		t.Errorf("%d near-duplicate keys of deleted statements (%v)", orphans, err)
	}
}

// An initial load writes each table it began with empty into a new file
// (which PostgreSQL need not log when wal_level is minimal) and its rows
// frozen, so that no vacuum rewrites them later to freeze them.
func TestInitialLoadWritesFreshFrozenTables(t *testing.T) {
	s := pgtest.Open(t)
	node := func() (n int64) {
		if err := s.Pool().QueryRow(t.Context(), "SELECT pg_relation_filenode('statements')::bigint").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := node()
	if _, err := dump.Import(store.WithActor(t.Context(), "import"), s, bytes.NewReader(generated(t, 30))); err != nil {
		t.Fatal(err)
	}
	if node() == before {
		t.Error("the statements table was written in the file it had before the load")
	}
	if _, err := s.Pool().Exec(t.Context(), "CREATE EXTENSION IF NOT EXISTS pg_visibility SCHEMA public"); err != nil {
		t.Skipf("cannot read the visibility map without the pg_visibility extension: %v", err)
	}
	var pages, frozen int64
	err := s.Pool().QueryRow(t.Context(), `SELECT count(*), count(*) FILTER (WHERE all_frozen)
		FROM public.pg_visibility_map('statements')`).Scan(&pages, &frozen)
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 || frozen != pages {
		t.Errorf("%d of the statements table's %d pages are frozen after an initial load, want all", frozen, pages)
	}
}
