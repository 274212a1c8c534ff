package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/store/pg"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// migrate-store copies a file into PostgreSQL losslessly: the exports are
// identical, and so are the change logs, times to the nanosecond.
func TestMigrateStore(t *testing.T) {
	url, schema := pgtest.Schema(t)
	to := pgtest.WithSchema(url, schema)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "q.db")
	src, err := bolt.Open(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, src); err != nil {
		t.Fatal(err)
	}
	// History beyond creation: an update and a delete.
	err = src.Update(store.WithActor(ctx, "editor"), func(tx store.Tx) error {
		c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{First: 2})
		if err != nil {
			return err
		}
		sp := c.Items[0]
		sp.Description = "Updated before the move"
		if err := tx.UpdateSpeaker(sp); err != nil {
			return err
		}
		extra := &store.Speaker{Name: "Short Lived"}
		if err := tx.CreateSpeaker(extra); err != nil {
			return err
		}
		return tx.DeleteSpeaker(extra.ID, false)
	})
	if err != nil {
		t.Fatal(err)
	}
	wantExport, wantLog := exportAndLog(t, src)
	src.Close()

	out, err := quotedb(t, "", "migrate-store", "--from", file, "--to", to)
	if err != nil || !strings.Contains(out, "copied") {
		t.Fatalf("migrate-store: %v\n%s", err, out)
	}
	dst, err := pg.Open(ctx, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	gotExport, gotLog := exportAndLog(t, dst)
	if !bytes.Equal(gotExport, wantExport) {
		t.Errorf("exports differ: %d bytes from the file, %d from PostgreSQL", len(wantExport), len(gotExport))
	}
	if !slices.EqualFunc(gotLog, wantLog, sameChange) {
		t.Errorf("change logs differ: %d entries from the file, %d from PostgreSQL", len(wantLog), len(gotLog))
	}
	// The log goes on from the copied one.
	if err := dst.Update(ctx, func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "After The Move"}) }); err != nil {
		t.Fatal(err)
	}
	if chs, err := dst.Changes(ctx, uint64(len(wantLog)), 10); err != nil || len(chs) != 1 || chs[0].Seq != uint64(len(wantLog))+1 {
		t.Fatalf("the change after the copy: %+v %v", chs, err)
	}
	// A second copy into the same database is refused.
	if _, err := quotedb(t, "", "migrate-store", "--from", file, "--to", to); errs.KindOf(err) != errs.Conflict {
		t.Fatalf("a copy into a database in use: %v", err)
	}
}

func exportAndLog(t *testing.T, s store.Store) ([]byte, []store.Change) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := dump.Export(context.Background(), s, &buf); err != nil {
		t.Fatal(err)
	}
	chs, err := s.Changes(context.Background(), 0, 100000)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), chs
}

func sameChange(a, b store.Change) bool {
	return a.Seq == b.Seq && a.Time.Equal(b.Time) && a.Actor == b.Actor && a.Op == b.Op && a.Type == b.Type && a.ID == b.ID &&
		bytes.Equal(a.Before, b.Before) && bytes.Equal(a.After, b.After)
}

// migrate-store copies PostgreSQL back into a new file losslessly: a file
// moved there and back exports the same, with the same change log, and
// passes check; the log goes on from the copied one. A failed copy leaves
// no file behind.
func TestMigrateStoreBack(t *testing.T) {
	url, schema := pgtest.Schema(t)
	mid := pgtest.WithSchema(url, schema)
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "q.db")
	src, err := bolt.Open(file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, src); err != nil {
		t.Fatal(err)
	}
	err = src.Update(store.WithActor(ctx, "editor"), func(tx store.Tx) error {
		c, err := tx.ListOrganisations(store.OrganisationFilter{}, store.Page{First: 1})
		if err != nil {
			return err
		}
		org := c.Items[0]
		org.Aliases = append(org.Aliases, "The Renamed")
		if err := tx.UpdateOrganisation(org); err != nil {
			return err
		}
		gone := &store.Speaker{Name: "Short Lived"}
		if err := tx.CreateSpeaker(gone); err != nil {
			return err
		}
		return tx.DeleteSpeaker(gone.ID, false)
	})
	if err != nil {
		t.Fatal(err)
	}
	wantExport, wantLog := exportAndLog(t, src)
	src.Close()

	mustRun(t, "", "migrate-store", "--from", file, "--to", mid)
	back := filepath.Join(dir, "back.db")
	if out := mustRun(t, "", "migrate-store", "--from", mid, "--to", back); !strings.Contains(out, "copied") {
		t.Errorf("migrate-store said %q", out)
	}
	dst, err := bolt.Open(back, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	gotExport, gotLog := exportAndLog(t, dst)
	if !bytes.Equal(gotExport, wantExport) {
		t.Errorf("exports differ: %d bytes from the first file, %d from the one copied back", len(wantExport), len(gotExport))
	}
	if !slices.EqualFunc(gotLog, wantLog, sameChange) {
		t.Errorf("change logs differ: %d entries from the first file, %d from the one copied back", len(wantLog), len(gotLog))
	}
	if err := dst.Check(); err != nil {
		t.Errorf("check of the file copied back: %v", err)
	}
	if err := dst.Update(ctx, func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "After The Move"}) }); err != nil {
		t.Fatal(err)
	}
	if chs, err := dst.Changes(ctx, uint64(len(wantLog)), 10); err != nil || len(chs) != 1 || chs[0].Seq != uint64(len(wantLog))+1 {
		t.Fatalf("the change after the copy: %+v %v", chs, err)
	}

	if _, err := quotedb(t, "", "migrate-store", "--from", mid, "--to", back); errs.KindOf(err) != errs.Conflict {
		t.Errorf("a copy onto an existing file: %v", err)
	}
	// A copy that fails (a database without the schema) leaves no file.
	url, empty := pgtest.EmptySchema(t)
	failed := filepath.Join(dir, "failed.db")
	if _, err := quotedb(t, "", "migrate-store", "--from", pgtest.WithSchema(url, empty), "--to", failed); err == nil {
		t.Errorf("a copy from a database without quotedb's schema succeeded")
	}
	if _, err := os.Stat(failed); err == nil {
		t.Errorf("a failed copy left %s behind", failed)
	}
}
