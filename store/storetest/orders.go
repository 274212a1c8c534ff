package storetest

import (
	"cmp"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// walkPages lists everything list gives under base (its order and
// direction), n at a time, forward with First and After and backward with
// Last and Before, and checks both against want and the page flags.
func walkPages[T any](t *testing.T, what string, list func(store.Page) (*store.Conn[*T], error), base store.Page, n int, want []string) {
	t.Helper()
	var got []string
	p := base
	p.First = n
	for i := 0; ; i++ {
		conn, err := list(p)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if conn.HasPrevious != (i > 0) {
			t.Fatalf("%s: page %d HasPrevious %v", what, i, conn.HasPrevious)
		}
		got = append(got, idsOf(conn.Items)...)
		if conn.HasNext != (len(got) < len(want)) {
			t.Fatalf("%s: page %d HasNext %v after %d of %d", what, i, conn.HasNext, len(got), len(want))
		}
		if !conn.HasNext {
			break
		}
		p.After = conn.Cursors[len(conn.Cursors)-1]
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s:\n got %v\nwant %v", what, got, want)
	}
	got = nil
	p = base
	p.Last = n
	for {
		conn, err := list(p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(idsOf(conn.Items), got...)
		if conn.HasPrevious != (len(got) < len(want)) {
			t.Fatalf("%s backward: HasPrevious %v after %d of %d", what, conn.HasPrevious, len(got), len(want))
		}
		if !conn.HasPrevious {
			break
		}
		p.Before = conn.Cursors[0]
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s backward:\n got %v\nwant %v", what, got, want)
	}
}

// byNameOrder sorts records as store.OrderName does.
func byNameOrder[T any](recs []*T, name func(*T) string, id func(*T) string) []string {
	key := func(r *T) string {
		k := []byte(textfold.Fold(name(r)))
		k = k[:min(len(k), store.NameOrderBytes)]
		return string(k)
	}
	recs = slices.Clone(recs)
	slices.SortStableFunc(recs, func(a, b *T) int { return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(id(a), id(b))) })
	var ids []string
	for _, r := range recs {
		ids = append(ids, id(r))
	}
	return ids
}

func reversed(ids []string) []string {
	ids = slices.Clone(ids)
	slices.Reverse(ids)
	return ids
}

// testOrders lists speakers and organisations by name, and every list
// descending, with and without filters, page by page both ways; a cursor
// stays valid and keeps its place when records are added before and after
// it, and is refused in another order.
func testOrders(t *testing.T, s store.Store) {
	f := fixture{t, s}
	names := []string{"Zoë Brandt", "ábel Nagy", "Abel Moor", "Émile Roux", "emil Kask", "Bo Li", "Ola Berg", "Yusuf Demir", "Mara Öst", "Carla Pinto"}
	var speakers []*store.Speaker
	for _, n := range names {
		speakers = append(speakers, f.speaker(n))
	}
	party := f.org("Zeta Union", "ZU", store.Party)
	ngo := f.org("Alpha Watch", "", store.NGO)
	media := f.org("Échos du Nord", "", store.Media)
	orgs := []*store.Organisation{party, ngo, media}
	for i, sp := range speakers {
		if i%2 == 0 {
			f.aff(sp, party, "member", "2000", "")
		}
	}
	spName := func(s *store.Speaker) string { return s.Name }
	spID := func(s *store.Speaker) string { return s.ID }
	orgName := func(o *store.Organisation) string { return o.Name }
	orgID := func(o *store.Organisation) string { return o.ID }
	inParty := func() []*store.Speaker {
		var out []*store.Speaker
		for i, sp := range speakers {
			if i%2 == 0 {
				out = append(out, sp)
			}
		}
		return out
	}()
	byID := func(recs []*store.Speaker) []string {
		ids := idsOf(recs)
		slices.Sort(ids)
		return ids
	}
	view(t, s, func(tx store.Tx) error {
		speakersBy := func(f store.SpeakerFilter) func(store.Page) (*store.Conn[*store.Speaker], error) {
			return func(p store.Page) (*store.Conn[*store.Speaker], error) { return tx.ListSpeakers(f, p) }
		}
		orgsBy := func(f store.OrganisationFilter) func(store.Page) (*store.Conn[*store.Organisation], error) {
			return func(p store.Page) (*store.Conn[*store.Organisation], error) { return tx.ListOrganisations(f, p) }
		}
		name := store.Page{Order: store.OrderName}
		nameDesc := store.Page{Order: store.OrderName, Desc: true}
		all := byNameOrder(speakers, spName, spID)
		for _, n := range []int{1, 3, 10} {
			walkPages(t, "speakers by name", speakersBy(store.SpeakerFilter{}), name, n, all)
			walkPages(t, "speakers by name, descending", speakersBy(store.SpeakerFilter{}), nameDesc, n, reversed(all))
			walkPages(t, "speakers descending", speakersBy(store.SpeakerFilter{}), store.Page{Desc: true}, n, reversed(byID(speakers)))
			walkPages(t, "party members by name", speakersBy(store.SpeakerFilter{OrganisationID: party.ID}), name, n, byNameOrder(inParty, spName, spID))
			walkPages(t, "party members descending", speakersBy(store.SpeakerFilter{OrganisationID: party.ID}), store.Page{Desc: true}, n, reversed(byID(inParty)))
		}
		abel := byNameOrder([]*store.Speaker{speakers[1], speakers[2]}, spName, spID)
		walkPages(t, "speakers named abel by name", speakersBy(store.SpeakerFilter{Name: "abel"}), name, 1, abel)
		walkPages(t, "speakers named abel in the party by name", speakersBy(store.SpeakerFilter{Name: "abel", OrganisationID: party.ID}), name, 1, []string{speakers[2].ID})
		walkPages(t, "organisations by name", orgsBy(store.OrganisationFilter{}), name, 2, byNameOrder(orgs, orgName, orgID))
		walkPages(t, "organisations by name, descending", orgsBy(store.OrganisationFilter{}), nameDesc, 2, reversed(byNameOrder(orgs, orgName, orgID)))
		kinds := store.OrganisationFilter{Kinds: []store.OrgKind{store.Party, store.Media}}
		walkPages(t, "parties and media by name", orgsBy(kinds), name, 1, byNameOrder([]*store.Organisation{party, media}, orgName, orgID))
		walkPages(t, "organisations named alpha by name", orgsBy(store.OrganisationFilter{Name: "alpha"}), nameDesc, 1, []string{ngo.ID})
		return nil
	})

	// A cursor keeps its place as speakers are added on both sides of it.
	var cursor string
	var seen []string
	view(t, s, func(tx store.Tx) error {
		c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{Order: store.OrderName, First: 4})
		if err != nil {
			return err
		}
		cursor, seen = c.Cursors[3], idsOf(c.Items)
		return nil
	})
	early, late := f.speaker("Aaron Early"), f.speaker("Zyta Late")
	speakers = append(speakers, early, late)
	all := byNameOrder(speakers, spName, spID)
	view(t, s, func(tx store.Tx) error {
		c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{Order: store.OrderName, First: 100, After: cursor})
		if err != nil {
			return err
		}
		at := slices.Index(all, seen[3])
		if got := idsOf(c.Items); !slices.Equal(got, all[at+1:]) || !c.HasPrevious {
			t.Errorf("after the cursor, with speakers added: %v prev=%v, want %v", got, c.HasPrevious, all[at+1:])
		}
		// The cursor of one order is no cursor in another.
		_, err = tx.ListSpeakers(store.SpeakerFilter{}, store.Page{After: cursor})
		wantKind(t, err, errs.Invalid)
		_, err = tx.ListStatements(store.StatementFilter{}, store.Page{Order: store.OrderName})
		wantKind(t, err, errs.Invalid)
		_, err = tx.ListSources(store.SourceFilter{}, store.Page{Order: store.OrderName})
		wantKind(t, err, errs.Invalid)
		return nil
	})

	// Renaming moves a speaker in name order.
	upd := *early
	upd.Name = "Zzz Renamed"
	update(t, s, func(tx store.Tx) error { return tx.UpdateSpeaker(&upd) })
	view(t, s, func(tx store.Tx) error {
		c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{Order: store.OrderName, Last: 1})
		if err != nil {
			return err
		}
		if got := idsOf(c.Items); !slices.Equal(got, []string{early.ID}) {
			t.Errorf("last by name after renaming: %v, want %s", got, early.ID)
		}
		return nil
	})
}

// testQIDs lists speakers and organisations by Wikidata id, alone and with
// the other filters, in both orders; a changed QID is found by its new value
// only, and a malformed one is refused.
func testQIDs(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b, c := f.speaker("Ada Vale"), f.speaker("Ben Vale"), f.speaker("Cy Moor")
	party := f.org("Vale Party", "", store.Party)
	ngo := f.org("Moor Trust", "", store.NGO)
	f.aff(a, party, "member", "2001", "")
	setQID := func(sp *store.Speaker, qid string) {
		u := *sp
		u.QID = qid
		update(t, s, func(tx store.Tx) error { return tx.UpdateSpeaker(&u) })
	}
	setQID(a, "Q12")
	setQID(b, "Q1")
	setQID(c, "Q120")
	for _, o := range []struct {
		org *store.Organisation
		qid string
	}{{party, "Q7"}, {ngo, "Q70"}} {
		u := *o.org
		u.QID = o.qid
		update(t, s, func(tx store.Tx) error { return tx.UpdateOrganisation(&u) })
	}
	sorted := func(ids ...string) []string { slices.Sort(ids); return ids }
	cases := []struct {
		name string
		f    store.SpeakerFilter
		want []string // in id order
	}{
		{"one", store.SpeakerFilter{QIDs: []string{"Q12"}}, []string{a.ID}},
		{"not its prefix", store.SpeakerFilter{QIDs: []string{"Q1"}}, []string{b.ID}},
		{"any of several", store.SpeakerFilter{QIDs: []string{"Q120", " Q1 ", "Q999"}}, sorted(b.ID, c.ID)},
		{"and a name", store.SpeakerFilter{QIDs: []string{"Q1", "Q12", "Q120"}, Name: "vale"}, sorted(a.ID, b.ID)},
		{"and an organisation", store.SpeakerFilter{QIDs: []string{"Q1", "Q12"}, OrganisationID: party.ID}, []string{a.ID}},
		{"unknown", store.SpeakerFilter{QIDs: []string{"Q5"}}, nil},
	}
	view(t, s, func(tx store.Tx) error {
		for _, tc := range cases {
			list := func(p store.Page) (*store.Conn[*store.Speaker], error) { return tx.ListSpeakers(tc.f, p) }
			walkPages(t, "speakers by QID, "+tc.name, list, store.Page{}, 1, tc.want)
			walkPages(t, "speakers by QID by name descending, "+tc.name, list, store.Page{Order: store.OrderName, Desc: true}, 1, reversed(byNameOrder(pick(tc.want, a, b, c), func(s *store.Speaker) string { return s.Name }, func(s *store.Speaker) string { return s.ID })))
		}
		orgs := func(p store.Page) (*store.Conn[*store.Organisation], error) {
			return tx.ListOrganisations(store.OrganisationFilter{QIDs: []string{"Q7", "Q70"}, Kinds: []store.OrgKind{store.NGO}}, p)
		}
		walkPages(t, "organisations by QID and kind", orgs, store.Page{}, 1, []string{ngo.ID})
		walkPages(t, "organisations by QID and kind, by name", orgs, store.Page{Order: store.OrderName}, 1, []string{ngo.ID})
		for _, bad := range []string{"42", "q42", "Q4x", ""} {
			_, err := tx.ListSpeakers(store.SpeakerFilter{QIDs: []string{bad}}, store.Page{})
			wantKind(t, err, errs.Invalid)
			_, err = tx.ListOrganisations(store.OrganisationFilter{QIDs: []string{bad}}, store.Page{})
			wantKind(t, err, errs.Invalid)
		}
		return nil
	})
	setQID(a, "Q13")
	view(t, s, func(tx store.Tx) error {
		for qid, want := range map[string][]string{"Q12": nil, "Q13": {a.ID}} {
			c, err := tx.ListSpeakers(store.SpeakerFilter{QIDs: []string{qid}}, store.Page{})
			if err != nil {
				return err
			}
			if got := idsOf(c.Items); !slices.Equal(got, want) {
				t.Errorf("after the QID changed, %s finds %v, want %v", qid, got, want)
			}
		}
		return nil
	})
}

// pick returns the speakers whose ids are in ids.
func pick(ids []string, all ...*store.Speaker) []*store.Speaker {
	var out []*store.Speaker
	for _, s := range all {
		if slices.Contains(ids, s.ID) {
			out = append(out, s)
		}
	}
	return out
}
