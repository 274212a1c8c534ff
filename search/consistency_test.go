package search_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// Most generated statements contain "the", so searching for it with a
// filter must find exactly those of the statements the store's own filter
// finds that contain the word: the index's organisations at the time,
// topic ancestors and date terms mean what store.StatementFilter means.

// dataset holds the ids of a generated database's records that the tests
// draw filters and writes from.
type dataset struct {
	Organisations, Speakers, Topics []string
}

// storeIDs returns the ids of the statements f selects, sorted.
func storeIDs(t *testing.T, st store.Store, f store.StatementFilter) []string {
	t.Helper()
	return storeIDsWith(t, st, f, func(*store.Statement) bool { return true })
}

// storeIDsWith returns the ids of the statements f selects for which keep
// is true, sorted.
func storeIDsWith(t *testing.T, st store.Store, f store.StatementFilter, keep func(*store.Statement) bool) []string {
	t.Helper()
	var ids []string
	err := st.View(context.Background(), func(tx store.Tx) error {
		p := store.Page{First: store.MaxPageSize}
		for {
			c, err := tx.ListStatements(f, p)
			if err != nil {
				return err
			}
			for _, s := range c.Items {
				if keep(s) {
					ids = append(ids, s.ID)
				}
			}
			if !c.HasNext {
				return nil
			}
			p.After = c.Cursors[len(c.Cursors)-1]
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

// missing returns the ids of have that are not in want, both sorted.
func missing(want, have []string) []string {
	var out []string
	for _, id := range have {
		if _, found := slices.BinarySearch(want, id); !found {
			out = append(out, id)
		}
	}
	return out
}

// searchIDs returns the ids of the statements a search finds, sorted.
func searchIDs(t *testing.T, ix *search.Index, q string, f store.StatementFilter) []string {
	t.Helper()
	var ids []string
	after := ""
	for {
		res, err := ix.SearchStatements(context.Background(), search.StatementQuery{Query: q, Filter: f, First: store.MaxPageSize, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if res.Fallback {
			t.Fatal("search fell back to the store")
		}
		for _, h := range res.Hits {
			ids = append(ids, h.Statement.ID)
		}
		if !res.HasNext {
			break
		}
		after = res.Hits[len(res.Hits)-1].Cursor
	}
	slices.Sort(ids)
	return ids
}

// randomFilters returns filters over the generated records: each field
// alone and in combinations, with dates of every precision.
func randomFilters(r *rand.Rand, ids *dataset, n int) []store.StatementFilter {
	// The generated statements are said from 2000 to 2025.
	date := func() partialdate.Date {
		d := partialdate.Date{Year: 1999 + r.IntN(28)}
		if r.IntN(3) > 0 {
			d.Month = 1 + r.IntN(12)
			if r.IntN(2) == 0 {
				d.Day = 1 + r.IntN(28)
			}
		}
		return d
	}
	var out []store.StatementFilter
	for range n {
		var f store.StatementFilter
		switch r.IntN(4) {
		case 0:
			f.OrganisationIDs = []string{ids.Organisations[r.IntN(len(ids.Organisations))]}
		case 1:
			f.TopicIDs = []string{ids.Topics[r.IntN(len(ids.Topics))]}
		case 2:
			f.SpeakerIDs = []string{ids.Speakers[r.IntN(len(ids.Speakers))], ids.Speakers[r.IntN(len(ids.Speakers))]}
		}
		if r.IntN(2) == 0 {
			a, b := date(), date()
			if a.First().Key() > b.Last().Key() {
				a, b = b, a
			}
			switch r.IntN(4) {
			case 0:
				f.Said = partialdate.Range{From: a}
			case 1:
				f.Said = partialdate.Range{To: b}
			default:
				f.Said = partialdate.Range{From: a, To: b}
			}
		}
		if r.IntN(4) == 0 {
			f.Kinds = []store.StatementKind{store.Indirect}
		}
		if r.IntN(4) == 0 {
			f.Statuses = []store.Status{store.Disputed, store.Verified}
		}
		out = append(out, f)
	}
	return out
}

// hasWord reports whether text holds the word, as the index splits and
// folds it.
func hasWord(text, word string) bool {
	for _, w := range search.Words(text) {
		if slices.Contains(w.Forms, word) {
			return true
		}
	}
	return false
}

func checkConsistent(t *testing.T, st store.Store, ix *search.Index, filters []store.StatementFilter) {
	t.Helper()
	selected := 0
	for _, f := range filters {
		want := storeIDsWith(t, st, f, func(s *store.Statement) bool { return hasWord(s.Text, "the") })
		got := searchIDs(t, ix, "the", f)
		if !slices.Equal(got, want) {
			t.Errorf("filter %+v: search finds %d statements, the store %d; only found by search: %v; only in the store: %v",
				f, len(got), len(want), missing(want, got), missing(got, want))
		}
		if len(want) > 0 {
			selected++
		}
	}
	// Filters that select nothing would agree with any index.
	if selected < len(filters)/2 {
		t.Errorf("only %d of %d filters select a statement", selected, len(filters))
	}
}

// generate writes gen's dataset of n statements into st and returns the
// ids of its organisations, speakers and topics (roots before their
// subtopics, the last one a subtopic).
func generate(t *testing.T, st store.Store, n int) *dataset {
	t.Helper()
	ids := &dataset{}
	err := gen.Load(context.Background(), gen.Config{Statements: n, Seed: 9}, st, func(r store.Record) error {
		switch r.Type {
		case store.OrganisationType:
			ids.Organisations = append(ids.Organisations, r.Organisation.ID)
		case store.SpeakerType:
			ids.Speakers = append(ids.Speakers, r.Speaker.ID)
		case store.TopicType:
			ids.Topics = append(ids.Topics, r.Topic.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// churn makes the writes that change other statements' facts: affiliations
// ended and begun, topics moved, statements edited and deleted.
func churn(t *testing.T, st store.Store, r *rand.Rand, ids *dataset) {
	t.Helper()
	err := st.Update(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListAffiliations(store.AffiliationFilter{}, store.Page{First: 40})
		if err != nil {
			return err
		}
		for _, a := range c.Items {
			if r.IntN(2) == 0 {
				a.End = partialdate.Date{Year: 2017 + r.IntN(6), Month: 1 + r.IntN(12)}
				if !a.Start.IsZero() && a.End.Compare(a.Start) < 0 {
					a.End = partialdate.Date{}
				}
				if err := tx.UpdateAffiliation(a); err != nil {
					return err
				}
			} else if err := tx.DeleteAffiliation(a.ID); err != nil {
				return err
			}
		}
		for range 10 {
			a := &store.Affiliation{SpeakerID: ids.Speakers[r.IntN(len(ids.Speakers))], OrganisationID: ids.Organisations[r.IntN(len(ids.Organisations))], Start: partialdate.Date{Year: 2016 + r.IntN(8)}}
			if err := tx.CreateAffiliation(a); err != nil {
				return err
			}
		}
		// Move a leaf topic under another root.
		tp, err := tx.Topic(ids.Topics[len(ids.Topics)-1])
		if err != nil {
			return err
		}
		tp.ParentID = ids.Topics[0]
		if err := tx.UpdateTopic(tp); err != nil {
			return err
		}
		sts, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 60})
		if err != nil {
			return err
		}
		for i, s := range sts.Items {
			switch i % 3 {
			case 0:
				if err := tx.DeleteStatement(s.ID); err != nil {
					return err
				}
			case 1:
				s.Status = store.Disputed
				s.Said = partialdate.Date{Year: 2020, Month: 2}
				if err := tx.UpdateStatement(s); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// shardCounts are the index sizes the consistency tests run with: one
// index, and several searched together.
var shardCounts = []int{1, 3}

func TestFiltersMatchTheStore(t *testing.T) {
	for _, shards := range shardCounts {
		t.Run(fmt.Sprintf("shards=%d", shards), func(t *testing.T) {
			e := openSharded(t, shards)
			ids := generate(t, e.st, 3000)
			e.wait(t)
			r := rand.New(rand.NewPCG(5, 6))
			filters := randomFilters(r, ids, 60)
			checkConsistent(t, e.st, e.ix, filters)
			churn(t, e.st, r, ids)
			e.wait(t)
			checkConsistent(t, e.st, e.ix, filters)
		})
	}
}

// sameAsRebuild checks that the index in dir finds, for a set of queries,
// what an index rebuilt from the store finds.
func sameAsRebuild(t *testing.T, st store.Store, ix *search.Index, filters []store.StatementFilter) {
	t.Helper()
	fresh := search.Open(st, filepath.Join(t.TempDir(), "fresh"), search.Options{})
	defer fresh.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := fresh.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	queries, names := queriesFrom(t, st)
	for _, q := range queries {
		for _, f := range filters {
			if got, want := searchIDs(t, ix, q, f), searchIDs(t, fresh, q, f); !slices.Equal(got, want) {
				t.Errorf("%q %+v: index finds %d, a rebuilt index %d", q, f, len(got), len(want))
			}
		}
	}
	for _, name := range names {
		a, err := ix.SearchNames(context.Background(), store.SpeakerType, name, 100)
		if err != nil {
			t.Fatal(err)
		}
		b, err := fresh.SearchNames(context.Background(), store.SpeakerType, name, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != len(b) {
			t.Errorf("names %q: %d hits, rebuilt %d", name, len(a), len(b))
		}
	}
}

// queriesFrom returns statement searches of every kind (word, phrase,
// prefix, misspelt word) and name searches (whole and prefix) made from
// the records in st, so that each finds something.
func queriesFrom(t *testing.T, st store.Store) (statements, names []string) {
	t.Helper()
	statements = []string{"the", "inflation"}
	err := st.View(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 50})
		if err != nil {
			return err
		}
		for _, s := range c.Items {
			ws := search.Words(s.Text)
			if len(ws) < 4 {
				continue
			}
			statements = append(statements, `"`+s.Text[ws[1].Start:ws[2].End]+`"`)
			for _, w := range ws {
				if word := []rune(s.Text[w.Start:w.End]); len(word) >= 6 {
					statements = append(statements, string(word[:4])+"*")
					word[2], word[3] = word[3], word[2]
					statements = append(statements, string(word)+"~")
					break
				}
			}
			break
		}
		sc, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{First: 3})
		if err != nil {
			return err
		}
		for i, sp := range sc.Items {
			last := []rune(sp.Name[strings.LastIndexByte(sp.Name, ' ')+1:])
			if i == 2 {
				last = append(last[:min(len(last), 5)], '*')
			}
			names = append(names, string(last))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(statements) < 5 || len(names) < 3 {
		t.Fatalf("too few queries made from the data: %q, %q", statements, names)
	}
	return statements, names
}

// Writes made while the index is closed (its follower stopped between the
// store's commit and its own update) are indexed on the next open.
func TestCatchesUpAfterClose(t *testing.T) {
	for _, shards := range shardCounts {
		t.Run(fmt.Sprintf("shards=%d", shards), func(t *testing.T) {
			e := openSharded(t, shards)
			ids := generate(t, e.st, 1000)
			e.wait(t)
			if err := e.ix.Close(); err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(7, 8))
			churn(t, e.st, r, ids)
			e.ix = search.Open(e.st, e.dir, search.Options{})
			st, err := e.ix.Status(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if st.Lag == 0 {
				t.Errorf("reopened index reports no lag: %+v", st)
			}
			e.wait(t)
			filters := randomFilters(r, ids, 20)
			checkConsistent(t, e.st, e.ix, filters)
			sameAsRebuild(t, e.st, e.ix, filters[:5])
		})
	}
}

// A database restored from a backup is behind the index: the index is
// rebuilt, and finds neither the statements written after the backup nor
// misses those the backup has. A log that reached the same seq again after
// the restore, with other changes, is recognised too.
func TestRebuildsAfterRestore(t *testing.T) {
	for _, rewrite := range []bool{false, true} {
		t.Run(fmt.Sprintf("rewrite=%v", rewrite), func(t *testing.T) {
			e := openEmpty(t)
			ids := generate(t, e.st, 300)
			e.wait(t)
			var backup bytes.Buffer
			if _, err := e.st.Backup(&backup); err != nil {
				t.Fatal(err)
			}
			add := func(text string) {
				err := e.st.Update(context.Background(), func(tx store.Tx) error {
					for i := range 5 {
						s := &store.Statement{Text: fmt.Sprintf("%s number %d", text, i), Kind: store.Direct, SpeakerID: ids.Speakers[0], Status: store.Unverified}
						if err := tx.CreateStatement(s); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			add("Zanzibar after the backup")
			e.wait(t)
			e.ix.Close()
			e.ix = nil
			e.st.Close()
			if err := os.WriteFile(e.db, backup.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := bolt.Open(e.db, &bolt.Options{NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			e.st = st
			if rewrite {
				add("Timbuktu after the restore")
			}
			e.ix = search.Open(e.st, e.dir, search.Options{})
			e.wait(t)
			if got := searchIDs(t, e.ix, "zanzibar", store.StatementFilter{}); len(got) != 0 {
				t.Errorf("statements not in the restored database found: %d", len(got))
			}
			want := 0
			if rewrite {
				want = 5
			}
			if got := searchIDs(t, e.ix, "timbuktu", store.StatementFilter{}); len(got) != want {
				t.Errorf("found %d statements written after the restore, want %d", len(got), want)
			}
			checkConsistent(t, e.st, e.ix, randomFilters(rand.New(rand.NewPCG(1, 1)), ids, 5))
		})
	}
}

// The child of TestCrashMidWrite: writes statements one transaction at a
// time with the index following, printing each commit, until killed.
func TestCrashChild(t *testing.T) {
	db := os.Getenv("QUOTEDB_SEARCH_CRASH_DB")
	if db == "" {
		t.Skip("run by TestCrashMidWrite")
	}
	st, err := bolt.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Left open: the process is killed, never closed.
	search.Open(st, search.DirFor(db), search.Options{})
	var ids dataset
	if err := st.View(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{First: 100})
		for _, s := range c.Items {
			ids.Speakers = append(ids.Speakers, s.ID)
		}
		tc, _ := tx.ListTopics(store.TopicFilter{}, store.Page{First: 100})
		for _, tp := range tc.Items {
			ids.Topics = append(ids.Topics, tp.ID)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(11, 12))
	for i := 0; ; i++ {
		err := st.Update(context.Background(), func(tx store.Tx) error {
			for range 20 {
				if err := tx.CreateStatement(gen.Statement(r, ids.Speakers, ids.Topics)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("committed", i)
	}
}

// A process killed while writing, with its index following, leaves an
// index that catches up on the next open and equals a rebuilt one.
func TestCrashMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	st, err := bolt.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := generate(t, st, 500)
	// Three shards, so that kills land between the commits of one
	// change batch to different shards too.
	if _, err := search.Rebuild(context.Background(), st, search.DirFor(db), search.Options{Shards: 3}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
		cmd.Env = append(os.Environ(), "QUOTEDB_SEARCH_CRASH_DB="+db)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it after a number of commits that differs by round, so
		// that the kill lands at different points of the follower's work.
		sc := bufio.NewScanner(out)
		commits := 0
		for sc.Scan() && commits < 15+10*round {
			if bytes.HasPrefix(sc.Bytes(), []byte("committed ")) {
				commits++
			}
		}
		cmd.Process.Kill()
		cmd.Wait()
		if commits == 0 {
			t.Fatalf("the child committed nothing: %s", stderr.String())
		}
		t.Logf("round %d: killed after %d commits", round, commits)
	}
	st, err = bolt.Open(db, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(st, search.DirFor(db), search.Options{Log: slog.New(slog.NewTextHandler(t.Output(), nil))})
	defer ix.Close()
	if s, err := ix.Status(context.Background()); err == nil {
		t.Logf("reopened: %+v", s)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	filters := randomFilters(rand.New(rand.NewPCG(2, 3)), ids, 10)
	checkConsistent(t, st, ix, filters)
	sameAsRebuild(t, st, ix, filters[:4])
	if n := len(storeIDs(t, st, store.StatementFilter{})); n <= 500 {
		t.Errorf("%d statements: the child's writes are missing", n)
	}
}

// A rebuild that is stopped leaves nothing behind, and the next one works.
func TestRebuildStopped(t *testing.T) {
	e := openEmpty(t)
	generate(t, e.st, 500)
	e.wait(t)
	dir := filepath.Join(t.TempDir(), "idx")
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	time.Sleep(2 * time.Millisecond)
	if _, err := search.Rebuild(ctx, e.st, dir, search.Options{}); err == nil {
		t.Fatal("a stopped rebuild reported success")
	}
	for _, d := range []string{dir, dir + ".rebuild"} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s left behind: %v", d, err)
		}
	}
	n, err := search.Rebuild(context.Background(), e.st, dir, search.Options{})
	if err != nil || n < 500 {
		t.Fatalf("rebuild: %d documents, %v", n, err)
	}
}

// A word in more than half of the statements ("the", in generated text) is
// still required when the query has rarer words, but does not change their
// ranking.
func TestCommonWordsRequiredNotScored(t *testing.T) {
	e := openEmpty(t)
	generate(t, e.st, 2000)
	e.wait(t)
	all := storeIDs(t, e.st, store.StatementFilter{})
	withThe := storeIDsWith(t, e.st, store.StatementFilter{}, func(s *store.Statement) bool { return hasWord(s.Text, "the") })
	if len(withThe)*2 <= len(all) {
		t.Fatalf("%d of %d statements have the word the: not common enough for this test", len(withThe), len(all))
	}
	want := storeIDsWith(t, e.st, store.StatementFilter{}, func(s *store.Statement) bool {
		return hasWord(s.Text, "the") && hasWord(s.Text, "inflation")
	})
	if got := searchIDs(t, e.ix, "the inflation", store.StatementFilter{}); !slices.Equal(got, want) {
		t.Errorf("the inflation: %d statements, want the %d with both words", len(got), len(want))
	}
	ranked := func(q string) []string {
		res, err := e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: q, First: store.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			if q == "inflation" && !hasWord(h.Statement.Text, "the") {
				continue
			}
			ids = append(ids, h.Statement.ID)
		}
		return ids
	}
	if a, b := ranked("the inflation"), ranked("inflation"); !slices.Equal(a, b) {
		t.Errorf("the inflation ranks its %d statements otherwise than inflation does", len(a))
	}
	// Alone, the common word is scored: its ranking is not the order of
	// the index.
	res, err := e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: "the", First: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Score <= res.Hits[len(res.Hits)-1].Score {
		t.Errorf("the, alone, is not ranked: scores %v … %v", res.Hits[0].Score, res.Hits[len(res.Hits)-1].Score)
	}
}
