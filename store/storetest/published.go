package storetest

import (
	"cmp"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// testPublishedOrder lists statements in order of date published
// (store.OrderPublished), with the filters each backend answers in its own
// way, page by page both ways and in both directions, against a sort of
// the records; a source's new date moves its statements, and a cursor of
// one order is refused in the other.
func testPublishedOrder(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b := f.speaker("Ines Varga"), f.speaker("Olek Brun")
	srcs := []*store.Source{
		f.source("Morning sheet", "", nil, "2021-05"),
		f.source("Evening sheet", "", nil, "2021-05"), // same date: the id decides
		f.source("Day sheet", "", nil, "2021-05-03"),
		f.source("Old pamphlet", "", nil, "2020"),
		f.source("Undated flyer", "", nil, ""),
	}
	saids := []string{"2021-05-02", "2021", "", "2021-05-02", "2019-11-30", "2021-05-02"}
	var stmts []*store.Statement
	for i := range 24 {
		sp, kind := a, store.Direct
		if i%3 == 0 {
			sp, kind = b, store.Indirect
		}
		stmts = append(stmts, f.stmt("Statement number "+string(rune('A'+i))+" on harbour fees.", sp, saids[i%len(saids)], func(st *store.Statement) {
			st.Kind = kind
			if i%6 != 5 { // every sixth has no source
				st.SourceID = srcs[i%len(srcs)].ID
			}
		}))
	}
	sources := map[string]*store.Source{}
	for _, src := range srcs {
		sources[src.ID] = src
	}
	// want sorts the statements keep accepts as OrderPublished orders them.
	want := func(keep func(*store.Statement) bool) []string {
		var sel []*store.Statement
		for _, st := range stmts {
			if keep(st) {
				sel = append(sel, st)
			}
		}
		var pubKey = func(st *store.Statement) uint32 {
			if src := sources[st.SourceID]; src != nil {
				return src.Published.Key()
			}
			return 0
		}
		slices.SortFunc(sel, func(x, y *store.Statement) int {
			return cmp.Or(cmp.Compare(pubKey(x), pubKey(y)), cmp.Compare(x.SourceID, y.SourceID),
				cmp.Compare(x.Said.Key(), y.Said.Key()), cmp.Compare(x.ID, y.ID))
		})
		return idsOf(sel)
	}
	saidIn := func(r partialdate.Range) func(*store.Statement) bool {
		return func(st *store.Statement) bool { return !st.Said.IsZero() && partialdate.Of(st.Said).Overlaps(r) }
	}
	ofSpeaker := func(sp *store.Speaker) func(*store.Statement) bool {
		return func(st *store.Statement) bool { return st.SpeakerID == sp.ID }
	}
	picked := []string{stmts[0].ID, stmts[5].ID, stmts[7].ID, stmts[16].ID}
	cases := []struct {
		name   string
		filter store.StatementFilter
		keep   func(*store.Statement) bool
	}{
		{"all", store.StatementFilter{}, func(*store.Statement) bool { return true }},
		{"a speaker", store.StatementFilter{SpeakerIDs: []string{b.ID}}, ofSpeaker(b)},
		{"two sources", store.StatementFilter{SourceIDs: []string{srcs[4].ID, srcs[1].ID}}, func(st *store.Statement) bool {
			return st.SourceID == srcs[4].ID || st.SourceID == srcs[1].ID
		}},
		{"said in 2021", store.StatementFilter{Said: rng("2021", "2021")}, saidIn(rng("2021", "2021"))},
		// "2021" may be May 2021: a date overlapping the range matches.
		{"a speaker, said in May 2021", store.StatementFilter{SpeakerIDs: []string{a.ID}, Said: rng("2021-05", "2021-05")}, func(st *store.Statement) bool {
			return st.SpeakerID == a.ID && saidIn(rng("2021-05", "2021-05"))(st)
		}},
		{"direct", store.StatementFilter{Kinds: []store.StatementKind{store.Direct}}, func(st *store.Statement) bool { return st.Kind == store.Direct }},
		{"text", store.StatementFilter{TextContains: "number c on"}, func(st *store.Statement) bool { return st.ID == stmts[2].ID }},
		{"ids", store.StatementFilter{IDs: picked}, func(st *store.Statement) bool { return slices.Contains(picked, st.ID) }},
		{"no ids", store.StatementFilter{IDs: []string{}}, func(*store.Statement) bool { return false }},
	}
	check := func() {
		view(t, s, func(tx store.Tx) error {
			for _, tc := range cases {
				list := func(p store.Page) (*store.Conn[*store.Statement], error) { return tx.ListStatements(tc.filter, p) }
				w := want(tc.keep)
				for _, n := range []int{1, 5} {
					walkPages(t, "by date published, "+tc.name, list, store.Page{Order: store.OrderPublished}, n, w)
					walkPages(t, "by date published descending, "+tc.name, list, store.Page{Order: store.OrderPublished, Desc: true}, n, reversed(w))
				}
			}
			return nil
		})
	}
	check()

	// The undated source gets a date: its statements move to the end.
	moved := *srcs[4]
	moved.Published = date("2024-01-09")
	update(t, s, func(tx store.Tx) error { return tx.UpdateSource(&moved) })
	sources[moved.ID] = &moved
	check()

	view(t, s, func(tx store.Tx) error {
		said, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 1})
		if err != nil {
			return err
		}
		pub, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 1, Order: store.OrderPublished})
		if err != nil {
			return err
		}
		_, err = tx.ListStatements(store.StatementFilter{}, store.Page{Order: store.OrderPublished, After: said.Cursors[0]})
		wantKind(t, err, errs.Invalid)
		_, err = tx.ListStatements(store.StatementFilter{}, store.Page{After: pub.Cursors[0]})
		wantKind(t, err, errs.Invalid)
		return nil
	})
}
