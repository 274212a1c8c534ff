package search_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want [][]string // forms of each word
	}{
		{"Kərimli", [][]string{{"kerimli", "karimli"}}},
		{"KƏRİMLİ said", [][]string{{"kerimli", "karimli"}, {"said"}}},
		{"İlham Qasımlı", [][]string{{"ilham"}, {"qasimli"}}},
		{"ISTANBUL Istanbul", [][]string{{"istanbul"}, {"istanbul"}}},
		{"don't  won’t", [][]string{{"dont"}, {"wont"}}},
		{"“Şahin Çələbi” — wrote", [][]string{{"sahin"}, {"celebi", "calabi"}, {"wrote"}}},
		{"44-day war", [][]string{{"44"}, {"day"}, {"war"}}},
		{"'quoted'", [][]string{{"quoted"}}},
	}
	for _, tt := range tests {
		var got [][]string
		for _, w := range search.Words(tt.in) {
			got = append(got, w.Forms)
			if w.Start < 0 || w.End > len(tt.in) || w.Start >= w.End {
				t.Errorf("Words(%q): bad offsets %d..%d", tt.in, w.Start, w.End)
			}
		}
		if !slices.EqualFunc(got, tt.want, slices.Equal) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Offsets point at the original spelling.
	text := "Fərid Qasımlı wrote"
	w := search.Words(text)[1]
	if got := text[w.Start:w.End]; got != "Qasımlı" {
		t.Errorf("offsets of the second word give %q", got)
	}
}

type env struct {
	st  *bolt.Store
	ix  *search.Index
	dir string
	db  string
}

// openDemo loads the demo dataset into a new database and opens its index,
// waiting until the index has caught up.
func openDemo(t *testing.T) *env {
	t.Helper()
	e := openEmpty(t)
	if _, err := demo.Load(context.Background(), e.st); err != nil {
		t.Fatal(err)
	}
	e.wait(t)
	return e
}

func openEmpty(t *testing.T) *env { return openSharded(t, 0) }

// openSharded opens an empty database with an index of the given number
// of shards (0: chosen by size, which is one for the sizes tests use).
func openSharded(t *testing.T, shards int) *env {
	t.Helper()
	dir := t.TempDir()
	e := &env{db: filepath.Join(dir, "test.db")}
	e.dir = search.DirFor(e.db)
	st, err := bolt.Open(e.db, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	e.st = st
	e.ix = search.Open(st, e.dir, search.Options{Log: slog.New(slog.NewTextHandler(t.Output(), nil)), Shards: shards})
	t.Cleanup(func() {
		if e.ix != nil {
			e.ix.Close()
		}
		if err := e.st.Check(); err != nil {
			t.Errorf("database inconsistent: %v", err)
		}
		e.st.Close()
	})
	return e
}

func (e *env) wait(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := e.ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
}

// id returns the id of the record of a type with the exact name.
func (e *env) id(t *testing.T, typ store.RecordType, name string) string {
	t.Helper()
	var id string
	err := e.st.View(context.Background(), func(tx store.Tx) error {
		p := store.Page{First: store.MaxPageSize}
		switch typ {
		case store.SpeakerType:
			c, err := tx.ListSpeakers(store.SpeakerFilter{}, p)
			for _, r := range c.Items {
				if r.Name == name {
					id = r.ID
				}
			}
			return err
		case store.OrganisationType:
			c, err := tx.ListOrganisations(store.OrganisationFilter{}, p)
			for _, r := range c.Items {
				if r.Name == name {
					id = r.ID
				}
			}
			return err
		case store.TopicType:
			c, err := tx.ListTopics(store.TopicFilter{}, p)
			for _, r := range c.Items {
				if r.Name == name {
					id = r.ID
				}
			}
			return err
		}
		return nil
	})
	if err != nil || id == "" {
		t.Fatalf("no %s named %q (%v)", typ, name, err)
	}
	return id
}

// texts returns the beginnings of the texts of the hits, in order: as
// long as the want strings of the tests.
func texts(res *search.StatementResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, prefix(h.Statement.Text))
	}
	return out
}

func prefix(s string) string {
	if len(s) > 29 {
		return s[:29]
	}
	return s
}

func TestSearchDemoRanking(t *testing.T) {
	e := openDemo(t)
	ctx := context.Background()
	ncdf := e.id(t, store.OrganisationType, demo.NCDF)
	apfp := e.id(t, store.OrganisationType, demo.APFP)
	foreign := e.id(t, store.TopicType, demo.ForeignPolicy)
	gasimli := e.id(t, store.SpeakerType, demo.FaridGasimli)
	tests := []struct {
		name     string
		q        search.StatementQuery
		want     []string // text beginnings, in rank order; all the hits
		anyOrder bool     // the hits are want in any order
	}{
		{name: "word", q: search.StatementQuery{Query: "ceasefire"}, want: []string{"the war would put the ceasefi"}},
		{name: "case and diacritics; the shorter statement first", q: search.StatementQuery{Query: "UKRAİNİAN"}, want: []string{
			"The National Council will col", "Azerbaijan cannot stay silent", "Azerbaijan cannot stay silent"}}, // repeated in two sources
		{name: "two words, the one with both first", q: search.StatementQuery{Query: "war Karabakh"}, want: []string{"the war would put the ceasefi"}},
		{name: "phrase", q: search.StatementQuery{Query: `"foreign policy"`}, want: []string{"neutrality towards an invasio"}},
		{name: "phrase with words apart does not match", q: search.StatementQuery{Query: `"policy foreign"`}, want: nil},
		{name: "negated phrase", q: search.StatementQuery{Query: `"is not a foreign policy"`}, want: []string{"neutrality towards an invasio"}},
		{name: "prefix", q: search.StatementQuery{Query: "rall*"}, want: []string{
			"the party would keep organisi", "Two of our correspondents wer"}},
		{name: "fuzzy", q: search.StatementQuery{Query: "neutrallity~"}, want: []string{"neutrality towards an invasio"}},
		{name: "exclusion", q: search.StatementQuery{Query: "war -ceasefire"}, want: []string{
			"an open debate in parliament ", "The soldiers who fell deserve"}, anyOrder: true},
		{name: "organisation at the time", q: search.StatementQuery{Query: "Ukrainian", Filter: store.StatementFilter{OrganisationIDs: []string{ncdf}}},
			want: []string{"The National Council will col"}},
		{name: "organisation at the time excludes former members", q: search.StatementQuery{Query: "villages", Filter: store.StatementFilter{OrganisationIDs: []string{ncdf}}},
			want: nil},
		{name: "organisation before the move", q: search.StatementQuery{Query: "villages", Filter: store.StatementFilter{OrganisationIDs: []string{apfp}}},
			want: []string{"displaced families should be "}},
		{name: "topic with subtopics", q: search.StatementQuery{Query: "war", Filter: store.StatementFilter{TopicIDs: []string{foreign}}},
			want: []string{"the war would put the ceasefi", "an open debate in parliament ", "The soldiers who fell deserve"}, anyOrder: true},
		{name: "speaker and kind", q: search.StatementQuery{Query: "party", Filter: store.StatementFilter{SpeakerIDs: []string{gasimli}, Kinds: []store.StatementKind{store.Indirect}}},
			want: []string{"the party would keep organisi"}},
		{name: "date range: a month said overlaps a day", q: search.StatementQuery{Query: "the", Filter: store.StatementFilter{Said: partialdate.Range{From: partialdate.MustParse("2022-03-15"), To: partialdate.MustParse("2022-03-20")}}},
			want: []string{"the war would put the ceasefi", "the party would keep organisi", "Two of our correspondents wer", "Writing from abroad is now th"}, anyOrder: true},
		{name: "status", q: search.StatementQuery{Query: "the", Filter: store.StatementFilter{Statuses: []store.Status{store.Disputed}}},
			want: []string{"Two of our correspondents wer"}},
		{name: "covers (checked on the statement)", q: search.StatementQuery{Query: "the", Filter: store.StatementFilter{Covers: partialdate.Of(partialdate.MustParse("2022-03-08"))}},
			want: []string{"the government should side wi", "Two of our correspondents wer"}, anyOrder: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.ix.SearchStatements(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := texts(res)
			if tt.anyOrder {
				if !setEqual(got, tt.want) {
					t.Errorf("got %q, want %q in any order", got, tt.want)
				}
				return
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if res.Fallback || res.Lag != 0 {
				t.Errorf("fallback %v, lag %d", res.Fallback, res.Lag)
			}
		})
	}
}

func setEqual(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestHighlights(t *testing.T) {
	e := openDemo(t)
	res, err := e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: `ceasefire "Russian peacekeepers"`, Highlights: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || len(res.Hits[0].Highlights) != 1 {
		t.Fatalf("hits %+v", res.Hits)
	}
	h := res.Hits[0].Highlights[0]
	text := res.Hits[0].Statement.Text
	var marked []string
	for _, m := range h.Matches {
		marked = append(marked, text[m.Start:m.End])
	}
	if want := []string{"ceasefire", "Russian", "peacekeepers"}; !slices.Equal(marked, want) {
		t.Errorf("marked %q, want %q", marked, want)
	}
	if want := "the war would put the <mark>ceasefire</mark> arrangements in Karabakh under strain, since <mark>Russian</mark> <mark>peacekeepers</mark> are deployed there"; h.HTML() != want {
		t.Errorf("HTML\n got %s\nwant %s", h.HTML(), want)
	}
	// Highlights cost a pass over each hit's text: none unless asked for.
	res, err = e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: `ceasefire "Russian peacekeepers"`})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].Highlights != nil {
		t.Errorf("without Highlights: %+v, %v; want one hit without highlights", res.Hits, err)
	}
}

func TestSearchNames(t *testing.T) {
	e := openDemo(t)
	tests := []struct {
		typ   store.RecordType
		query string
		want  string // the first hit's name
	}{
		{store.SpeakerType, "Qasımlı", demo.FaridGasimli},
		{store.SpeakerType, "Gasimli", demo.FaridGasimli},
		{store.SpeakerType, "Səlimli", demo.OrkhanSalimli},
		{store.SpeakerType, "Salimli", demo.OrkhanSalimli},
		{store.SpeakerType, "selimli", demo.OrkhanSalimli},
		{store.SpeakerType, "SƏLİMLİ", demo.OrkhanSalimli},
		{store.SpeakerType, "çələbi", demo.ShahinChalabi},
		{store.SpeakerType, "Chalabi", demo.ShahinChalabi},
		{store.SpeakerType, "Hüsey", demo.LeylaHuseynova},
		{store.SpeakerType, "Rzayev", demo.NigarRzayeva},
		{store.SpeakerType, "Mamadli", demo.TuralMammadli}, // misspelt
		{store.OrganisationType, "Xalq Cəbhəsi", demo.APFP},
		{store.OrganisationType, "azadlıq", demo.Azadliq},
		{store.OrganisationType, "MFA", demo.ForeignMinistry},
		{store.OrganisationType, "national council", demo.NCDF},
		{store.TopicType, "ukrain*", demo.WarInUkraine},
		{store.TopicType, "Qarabağ", demo.Karabakh},
		{store.TopicType, "press", demo.FreedomOfThePress},
	}
	for _, tt := range tests {
		hits, err := e.ix.SearchNames(context.Background(), tt.typ, tt.query, 5)
		if err != nil {
			t.Fatal(err)
		}
		want := e.id(t, tt.typ, tt.want)
		if len(hits) == 0 || hits[0].ID != want {
			t.Errorf("SearchNames(%s, %q) = %v, want %s first", tt.typ, tt.query, hits, tt.want)
		}
	}
}

func TestBadQueries(t *testing.T) {
	e := openDemo(t)
	for _, q := range []search.StatementQuery{
		{Query: ""},
		{Query: "  -war  "},
		{Query: "“ — ”"},
		{Query: "a*"},
		{Query: "war~3"},
		{Query: "war", First: -1},
		{Query: "war", After: "nonsense"},
		{Query: "war", Filter: store.StatementFilter{Kinds: []store.StatementKind{"SHOUTED"}}},
	} {
		_, err := e.ix.SearchStatements(context.Background(), q)
		if !errs.Is(err, errs.Invalid) {
			t.Errorf("SearchStatements(%+v): %v, want an Invalid error", q, err)
		}
	}
	_, err := e.ix.SearchStatements(context.Background(), search.StatementQuery{Query: "war", First: store.MaxPageSize + 1})
	if !errs.Is(err, errs.TooLarge) {
		t.Errorf("oversized page: %v", err)
	}
}

func TestPaging(t *testing.T) {
	e := openDemo(t)
	ctx := context.Background()
	all, err := e.ix.SearchStatements(ctx, search.StatementQuery{Query: "the", First: 100})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != len(all.Hits) || all.HasNext {
		t.Fatalf("total %d, hits %d, next %v", all.Total, len(all.Hits), all.HasNext)
	}
	var paged []string
	after := ""
	for {
		res, err := e.ix.SearchStatements(ctx, search.StatementQuery{Query: "the", First: 3, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			paged = append(paged, h.Statement.ID)
		}
		if !res.HasNext {
			break
		}
		after = res.Hits[len(res.Hits)-1].Cursor
	}
	var want []string
	for _, h := range all.Hits {
		want = append(want, h.Statement.ID)
	}
	if !slices.Equal(paged, want) {
		t.Errorf("pages give %d hits, one page %d", len(paged), len(want))
	}
}

// A statement written is found by the next search, and a statement
// deleted is not; an affiliation change moves statements between
// organisations at the time, and a topic moved under another moves its
// statements under that one too.
func TestFollowsWrites(t *testing.T) {
	e := openDemo(t)
	ctx := context.Background()
	mammadli := e.id(t, store.SpeakerType, demo.TuralMammadli)
	ncdf := e.id(t, store.OrganisationType, demo.NCDF)
	var st store.Statement
	err := e.st.Update(ctx, func(tx store.Tx) error {
		st = store.Statement{Text: "Hyperinflation is the tax nobody voted for.", Kind: store.Direct, SpeakerID: mammadli, Said: partialdate.MustParse("2021-06-01"), Status: store.Unverified}
		return tx.CreateStatement(&st)
	})
	if err != nil {
		t.Fatal(err)
	}
	find := func(q string, f store.StatementFilter) int {
		t.Helper()
		res, err := e.ix.SearchStatements(ctx, search.StatementQuery{Query: q, Filter: f})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Hits)
	}
	if n := find("hyperinflation", store.StatementFilter{}); n != 1 {
		t.Fatalf("new statement found %d times", n)
	}
	ncdfOnly := store.StatementFilter{OrganisationIDs: []string{ncdf}}
	if n := find("hyperinflation", ncdfOnly); n != 0 {
		t.Fatalf("said before joining the NCDF, found under it")
	}
	// Backdate his NCDF membership: the statement is now one by a member.
	err = e.st.Update(ctx, func(tx store.Tx) error {
		c, err := tx.ListAffiliations(store.AffiliationFilter{SpeakerID: mammadli, OrganisationID: ncdf}, store.Page{})
		if err != nil {
			return err
		}
		a := c.Items[0]
		a.Start = partialdate.MustParse("2021")
		return tx.UpdateAffiliation(a)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := find("hyperinflation", ncdfOnly); n != 1 {
		t.Errorf("after the affiliation change, found %d times under the NCDF", n)
	}
	// A new topic tree: the statement's topic moved under another.
	var parent, child store.Topic
	err = e.st.Update(ctx, func(tx store.Tx) error {
		parent = store.Topic{Name: "Economy"}
		child = store.Topic{Name: "Prices"}
		if err := tx.CreateTopic(&parent); err != nil {
			return err
		}
		if err := tx.CreateTopic(&child); err != nil {
			return err
		}
		st.TopicIDs = []string{child.ID}
		return tx.UpdateStatement(&st)
	})
	if err != nil {
		t.Fatal(err)
	}
	underParent := store.StatementFilter{TopicIDs: []string{parent.ID}}
	if n := find("hyperinflation", underParent); n != 0 {
		t.Fatalf("found under a topic it is not under")
	}
	err = e.st.Update(ctx, func(tx store.Tx) error {
		child.ParentID = parent.ID
		return tx.UpdateTopic(&child)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := find("hyperinflation", underParent); n != 1 {
		t.Errorf("after moving its topic, found %d times under the new parent", n)
	}
	err = e.st.Update(ctx, func(tx store.Tx) error { return tx.DeleteStatement(st.ID) })
	if err != nil {
		t.Fatal(err)
	}
	if n := find("hyperinflation", store.StatementFilter{}); n != 0 {
		t.Errorf("deleted statement found %d times", n)
	}
	// Names follow too.
	err = e.st.Update(ctx, func(tx store.Tx) error {
		sp, err := tx.Speaker(mammadli)
		if err != nil {
			return err
		}
		sp.Aliases = append(sp.Aliases, "Turalito")
		return tx.UpdateSpeaker(sp)
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := e.ix.SearchNames(ctx, store.SpeakerType, "turalito", 5)
	if err != nil || len(hits) != 1 || hits[0].ID != mammadli {
		t.Errorf("new alias: %v, %v", hits, err)
	}
}

// When the index cannot be opened or built, searches scan the store
// instead and say so.
func TestFallbackWithoutIndex(t *testing.T) {
	dir := t.TempDir()
	st, err := bolt.Open(filepath.Join(dir, "test.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	// A path under a file: the index can never be created there.
	blocker := filepath.Join(dir, "file")
	if err := writeFile(blocker); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(st, filepath.Join(blocker, "idx"), search.Options{})
	defer ix.Close()
	res, err := ix.SearchStatements(context.Background(), search.StatementQuery{Query: "Ukrainian refugees", Highlights: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Fallback || res.Lag == 0 || !slices.Equal(texts(res), []string{"The National Council will col"}) {
		t.Errorf("fallback %v, lag %d, hits %q", res.Fallback, res.Lag, texts(res))
	}
	if got := res.Hits[0].Highlights; len(got) != 1 || len(got[0].Matches) != 2 {
		t.Errorf("fallback highlights %+v", got)
	}
	hits, err := ix.SearchNames(context.Background(), store.SpeakerType, "Qasımlı", 5)
	if err != nil || len(hits) != 1 {
		t.Errorf("fallback name search: %v, %v", hits, err)
	}
	if _, err := ix.Candidates(context.Background(), search.Words("war"), 5); !errs.Is(err, errs.Unavailable) {
		t.Errorf("candidates without an index: %v, want Unavailable", err)
	}
}

func TestStatusLagsWhileClosed(t *testing.T) {
	e := openDemo(t)
	s, err := e.ix.Status(context.Background())
	if err != nil || !s.Ready || s.Lag != 0 || s.Seq == 0 {
		t.Fatalf("status %+v, %v", s, err)
	}
	if !strings.HasSuffix(e.dir, ".search") {
		t.Errorf("default dir %s", e.dir)
	}
}

func writeFile(path string) error { return os.WriteFile(path, []byte("not a directory"), 0o644) }

// A search without an index scans the store within bounds, and says when
// it stopped at them before the end.
func TestFallbackIsBounded(t *testing.T) {
	dir := t.TempDir()
	st, err := bolt.Open(filepath.Join(dir, "test.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(dir, "file")
	if err := writeFile(blocker); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		scan     int
		query    string
		first    int
		hits     int
		cutShort bool
	}{
		{"no match, the whole store read", 0, "zanzibar", 10, 0, false},
		{"no match, stopped after 3", 3, "zanzibar", 10, 0, true},
		{"a full page before the bound", 3, "the", 1, 1, false},
		{"matches found, stopped after 3", 3, "Ukrainian refugees", 10, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := search.Open(st, filepath.Join(blocker, "idx"), search.Options{FallbackScan: tt.scan})
			defer ix.Close()
			res, err := ix.SearchStatements(t.Context(), search.StatementQuery{Query: tt.query, First: tt.first})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Fallback || len(res.Hits) != tt.hits || res.CutShort != tt.cutShort {
				t.Errorf("fallback %v, %d hits, cut short %v; want %d hits, cut short %v", res.Fallback, len(res.Hits), res.CutShort, tt.hits, tt.cutShort)
			}
		})
	}
}
