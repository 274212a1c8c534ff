package search

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

func openGenerated(t *testing.T, statements int) (store.Store, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "test.db")
	st, err := bolt.Open(db, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := gen.Load(context.Background(), gen.Config{Statements: statements, Seed: 4}, st, nil); err != nil {
		t.Fatal(err)
	}
	return st, db
}

// rebuilt builds an index of st in a temporary directory, in the given
// number of shards, and opens it.
func rebuilt(t *testing.T, st store.Store, shards int) *shards {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	if _, err := Rebuild(context.Background(), st, dir, Options{Shards: shards}); err != nil {
		t.Fatal(err)
	}
	sh, err := openShards(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sh.Close() })
	return sh
}

func shardDirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestRebuildShards(t *testing.T) {
	st, _ := openGenerated(t, 200)
	for _, tc := range []struct {
		shards int
		want   []string
	}{
		{0, []string{"0"}}, // a small store: one shard
		{1, []string{"0"}},
		{3, []string{"0", "1", "2"}},
	} {
		t.Run(fmt.Sprint(tc.shards), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "idx")
			n, err := Rebuild(context.Background(), st, dir, Options{Shards: tc.shards})
			if err != nil {
				t.Fatal(err)
			}
			if n < 200 {
				t.Errorf("%d documents indexed, want more than 200", n)
			}
			if got := shardDirs(t, dir); !slices.Equal(got, tc.want) {
				t.Errorf("shards %q, want %q", got, tc.want)
			}
		})
	}
}

// A crash between the commits of one batch of changes to different shards
// leaves the shards at different positions; the index resumes from the
// earliest, without a rebuild, and ends up holding every change.
func TestResumesFromTheEarliestShard(t *testing.T) {
	ctx := context.Background()
	st, db := openGenerated(t, 300)
	dir := DirFor(db)
	if _, err := Rebuild(ctx, st, dir, Options{Shards: 3}); err != nil {
		t.Fatal(err)
	}

	var rewritten, deleted []string
	err := st.Update(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 60})
		if err != nil {
			return err
		}
		for i, s := range c.Items {
			if i%2 == 0 {
				s.Text = "Zanzibar is mentioned in statement " + s.ID
				s.Span = nil // no longer the source's words
				if err := tx.UpdateStatement(s); err != nil {
					return err
				}
				rewritten = append(rewritten, s.ID)
			} else {
				if err := tx.DeleteStatement(s.ID); err != nil {
					return err
				}
				deleted = append(deleted, s.ID)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Apply the changes to shard 0 alone, as a process killed after its
	// commit would have.
	sh, err := openShards(dir)
	if err != nil {
		t.Fatal(err)
	}
	seq, _, _ := internalSeq(sh.parts[0])
	changes, err := st.Changes(ctx, seq, 10000)
	if err != nil || len(changes) == 0 {
		t.Fatalf("%d changes, %v", len(changes), err)
	}
	var ids []string
	var docs map[string]*document.Document
	if err := st.View(ctx, func(tx store.Tx) error {
		ids, docs, err = changedDocs(tx, changes)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	b := sh.parts[0].NewBatch()
	for _, id := range ids {
		if shardOf(id, 3) != 0 {
			continue
		}
		if d := docs[id]; d != nil {
			b.IndexAdvanced(d)
		} else {
			b.Delete(id)
		}
	}
	last := changes[len(changes)-1]
	setPosition(b, last)
	// The index does not wait for a batch to be on disk (see newIndex);
	// this one must be, as if its process had been killed after it.
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := sh.parts[0].Batch(b); err != nil {
		t.Fatal(err)
	}
	if err := <-persisted; err != nil {
		t.Fatal(err)
	}
	if err := sh.Close(); err != nil {
		t.Fatal(err)
	}

	var logs bytes.Buffer
	ix := Open(st, dir, Options{Log: slog.New(slog.NewTextHandler(&logs, nil))})
	defer ix.Close()
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(wctx); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), "rebuilding") {
		t.Errorf("the index was rebuilt rather than caught up:\n%s", logs.String())
	}
	if got := ix.LastSeq(); got != last.Seq {
		t.Errorf("index at change %d, want %d", got, last.Seq)
	}
	if got := len(ix.current().parts); got != 3 {
		t.Errorf("%d shards after catching up, want 3", got)
	}

	res, err := ix.SearchStatements(ctx, StatementQuery{Query: "zanzibar", First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, h := range res.Hits {
		found = append(found, h.Statement.ID)
	}
	slices.Sort(found)
	slices.Sort(rewritten)
	if !slices.Equal(found, rewritten) || res.Total != len(rewritten) {
		t.Errorf("found %d rewritten statements (total %d), want %d", len(found), res.Total, len(rewritten))
	}
	gone, err := ix.current().all.Search(bleve.NewSearchRequest(query.NewDocIDQuery(deleted)))
	if err != nil {
		t.Fatal(err)
	}
	if gone.Total != 0 {
		t.Errorf("%d of %d deleted statements still indexed", gone.Total, len(deleted))
	}
}

// An index keeps its shards when opened with more asked for, and says that
// a rebuild would split it.
func TestAdvisesMoreShards(t *testing.T) {
	ctx := context.Background()
	st, db := openGenerated(t, 100)
	dir := DirFor(db)
	if _, err := Rebuild(ctx, st, dir, Options{Shards: 1}); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	ix := Open(st, dir, Options{Shards: 3, Log: slog.New(slog.NewTextHandler(&logs, nil))})
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(wctx); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if got := shardDirs(t, dir); !slices.Equal(got, []string{"0"}) {
		t.Errorf("shards %q after opening, want the one it was built with", got)
	}
	if !strings.Contains(logs.String(), "quotedb reindex would split it") || !strings.Contains(logs.String(), "shards_after_reindex=3") {
		t.Errorf("no advice to rebuild in the log:\n%s", logs.String())
	}
}
