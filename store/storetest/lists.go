package storetest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

func testNameLookup(t *testing.T, s store.Store) {
	f := fixture{t, s}
	ali := f.speaker("Əli Kərimli")
	ilham := f.speaker("İlham Əliyev")
	sabir := f.speaker("Sabır Rüstəmxanlı", "Sabir Rustamkhanli")
	org := f.org("Müsavat Partiyası", "MP", store.Party)
	tp := f.topic("Qarabağ", nil)
	cases := []struct {
		query string
		want  []string
	}{
		{"karimli", []string{ali.ID}},
		{"KƏRİMLİ", []string{ali.ID}},
		{"kerimli", []string{ali.ID}},
		{"Kərim", []string{ali.ID}},
		{"ali k", []string{ali.ID}},
		{"əli kərimli", []string{ali.ID}},
		{"ILHAM", []string{ilham.ID}},
		{"ilham aliyev", []string{ilham.ID}},
		{"İLHAM", []string{ilham.ID}},
		{"aliyev", []string{ilham.ID}},
		{"sabir", []string{sabir.ID}},
		{"SABIR", []string{sabir.ID}},
		{"rustamkh", []string{sabir.ID}},
		{"rüstəm", []string{sabir.ID}},
		{"al", []string{ali.ID, ilham.ID}},
		{"nobody", nil},
		{"karimli ali", nil},
	}
	view(t, s, func(tx store.Tx) error {
		for _, c := range cases {
			conn, err := tx.ListSpeakers(store.SpeakerFilter{Name: c.query}, store.Page{})
			if err != nil {
				return err
			}
			if got := idsOf(conn.Items); !slices.Equal(got, c.want) {
				t.Errorf("speakers named %q = %v, want %v", c.query, got, c.want)
			}
		}
		for _, q := range []string{"musavat", "mp", "partiyasi"} {
			conn, err := tx.ListOrganisations(store.OrganisationFilter{Name: q}, store.Page{})
			if err != nil {
				return err
			}
			if got := idsOf(conn.Items); !slices.Equal(got, []string{org.ID}) {
				t.Errorf("organisations named %q = %v", q, got)
			}
		}
		for _, q := range []string{"qarabag", "QARABAĞ", "Qarabağ"} {
			conn, err := tx.ListTopics(store.TopicFilter{Name: q}, store.Page{})
			if err != nil {
				return err
			}
			if got := idsOf(conn.Items); !slices.Equal(got, []string{tp.ID}) {
				t.Errorf("topics named %q = %v", q, got)
			}
		}
		return nil
	})
	// Aliases are found, and renaming drops the old name's keys.
	upd := *ali
	upd.Name = "Ali Kerimov"
	upd.Aliases = []string{"Əli Kərimli"}
	update(t, s, func(tx store.Tx) error { return tx.UpdateSpeaker(&upd) })
	upd.Aliases = nil
	update(t, s, func(tx store.Tx) error { return tx.UpdateSpeaker(&upd) })
	view(t, s, func(tx store.Tx) error {
		conn, err := tx.ListSpeakers(store.SpeakerFilter{Name: "karimli"}, store.Page{})
		if err != nil {
			return err
		}
		if len(conn.Items) != 0 {
			t.Errorf("old name still found: %v", idsOf(conn.Items))
		}
		return nil
	})
}

func testListOthers(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b, c := f.speaker("A"), f.speaker("B"), f.speaker("C")
	party, media := f.org("Party", "", store.Party), f.org("Media", "", store.Media)
	ngo := f.org("NGO", "", store.NGO)
	src := f.source("Src", "", nil, "")
	a1 := f.aff(a, party, "Chair", "2010", "2015")
	a2 := f.aff(a, party, "member", "2016", "")
	b1 := f.aff(b, media, "editor", "2020-01", "2020-06")
	cAff := &store.Affiliation{SpeakerID: c.ID, OrganisationID: party.ID, SourceID: src.ID}
	update(t, s, func(tx store.Tx) error { return tx.CreateAffiliation(cAff) })
	root := f.topic("Root", nil)
	r2 := f.topic("Root two", nil)
	ch := f.topic("Child", root)
	f.topic("Grandchild", ch)
	s1 := f.source("Budget speech", "", party, "2021-05")
	s2 := f.source("Interview", "", media, "2021")
	s3 := f.source("Budget law", "", party, "2022-01-10")
	s4 := f.source("Undated", "", party, "")
	view(t, s, func(tx store.Tx) error {
		check := func(name string, conn any, err error, want ...string) {
			t.Helper()
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			var got []string
			switch c := conn.(type) {
			case *store.Conn[*store.Speaker]:
				got = idsOf(c.Items)
			case *store.Conn[*store.Organisation]:
				got = idsOf(c.Items)
			case *store.Conn[*store.Affiliation]:
				got = idsOf(c.Items)
			case *store.Conn[*store.Topic]:
				got = idsOf(c.Items)
			case *store.Conn[*store.Source]:
				got = idsOf(c.Items)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s = %v, want %v", name, got, want)
			}
		}
		p := store.Page{}
		c0, err := tx.ListSpeakers(store.SpeakerFilter{}, p)
		check("all speakers", c0, err, a.ID, b.ID, c.ID)
		c0, err = tx.ListSpeakers(store.SpeakerFilter{OrganisationID: party.ID}, p)
		check("party speakers", c0, err, a.ID, c.ID)
		c0, err = tx.ListSpeakers(store.SpeakerFilter{OrganisationID: party.ID, Name: "c"}, p)
		check("party speakers named c", c0, err, c.ID)
		c1, err := tx.ListOrganisations(store.OrganisationFilter{Kinds: []store.OrgKind{store.NGO, store.Party}}, p)
		check("orgs by kind", c1, err, party.ID, ngo.ID)
		c1, err = tx.ListOrganisations(store.OrganisationFilter{Kinds: []store.OrgKind{store.Media}, Name: "med"}, p)
		check("orgs by kind and name", c1, err, media.ID)
		_, err = tx.ListOrganisations(store.OrganisationFilter{Kinds: []store.OrgKind{"CLUB"}}, p)
		wantKind(t, err, errs.Invalid)
		c2, err := tx.ListAffiliations(store.AffiliationFilter{SpeakerID: a.ID}, p)
		check("affs of a", c2, err, a1.ID, a2.ID)
		c2, err = tx.ListAffiliations(store.AffiliationFilter{OrganisationID: party.ID}, p)
		check("affs of party", c2, err, a1.ID, a2.ID, cAff.ID)
		c2, err = tx.ListAffiliations(store.AffiliationFilter{OrganisationID: party.ID, Role: "CHAIR"}, p)
		check("chairs of party", c2, err, a1.ID)
		c2, err = tx.ListAffiliations(store.AffiliationFilter{SpeakerID: a.ID, OrganisationID: media.ID}, p)
		check("a at media", c2, err)
		c2, err = tx.ListAffiliations(store.AffiliationFilter{At: date("2020-03")}, p)
		check("affs in March 2020", c2, err, a2.ID, b1.ID, cAff.ID)
		c3, err := tx.ListTopics(store.TopicFilter{RootsOnly: true}, p)
		check("root topics", c3, err, root.ID, r2.ID)
		c3, err = tx.ListTopics(store.TopicFilter{ParentID: root.ID}, p)
		check("children of root", c3, err, ch.ID)
		c3, err = tx.ListTopics(store.TopicFilter{Name: "root", RootsOnly: true}, p)
		check("roots named root", c3, err, root.ID, r2.ID)
		c4, err := tx.ListSources(store.SourceFilter{}, p)
		check("all sources", c4, err, src.ID, s4.ID, s2.ID, s1.ID, s3.ID)
		c4, err = tx.ListSources(store.SourceFilter{PublisherID: party.ID}, p)
		check("party sources", c4, err, s4.ID, s1.ID, s3.ID)
		c4, err = tx.ListSources(store.SourceFilter{Published: rng("2021-05-10", "2021-12")}, p)
		check("sources mid 2021", c4, err, s2.ID, s1.ID)
		c4, err = tx.ListSources(store.SourceFilter{Title: "BUDGET", PublisherID: party.ID, Published: rng("2022", "")}, p)
		check("budget sources from 2022", c4, err, s3.ID)
		return nil
	})
}

// dataset is a random world of statements for checking filters against a
// brute-force reference.
type dataset struct {
	speakers []*store.Speaker
	orgs     []*store.Organisation
	affs     []*store.Affiliation
	topics   []*store.Topic
	sources  []*store.Source
	stmts    []*store.Statement
}

var words = []string{"budget", "war", "peace", "Qarabağ", "oil", "election", "İnflyasiya", "reform", "freedom", "ƏDALƏT"}

func randDate(r *rand.Rand) partialdate.Date {
	switch r.IntN(8) {
	case 0:
		return partialdate.Date{}
	case 1:
		return partialdate.Date{Year: 2020 + r.IntN(4)}
	case 2, 3:
		return partialdate.Date{Year: 2020 + r.IntN(4), Month: 1 + r.IntN(12)}
	}
	return partialdate.Date{Year: 2020 + r.IntN(4), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
}

func randRange(r *rand.Rand) partialdate.Range {
	for {
		rg := partialdate.Range{From: randDate(r), To: randDate(r)}
		if r.IntN(4) == 0 {
			rg.To = rg.From
		}
		if rg.Validate() == nil && !rg.IsZero() {
			return rg
		}
	}
}

func buildDataset(t *testing.T, s store.Store, seed uint64, n int) *dataset {
	r := rand.New(rand.NewPCG(seed, 1))
	d := &dataset{}
	update(t, s, func(tx store.Tx) error {
		for i := range 6 {
			o := &store.Organisation{Name: fmt.Sprintf("Org %d", i), Kind: store.OrgKinds[i%len(store.OrgKinds)]}
			if err := tx.CreateOrganisation(o); err != nil {
				return err
			}
			d.orgs = append(d.orgs, o)
		}
		for i := range 10 {
			sp := &store.Speaker{Name: fmt.Sprintf("Speaker %d", i)}
			if err := tx.CreateSpeaker(sp); err != nil {
				return err
			}
			d.speakers = append(d.speakers, sp)
			for range r.IntN(3) {
				a := &store.Affiliation{SpeakerID: sp.ID, OrganisationID: d.orgs[r.IntN(len(d.orgs))].ID}
				if r.IntN(3) > 0 {
					rg := randRange(r)
					a.Start, a.End = rg.From, rg.To
				}
				if err := tx.CreateAffiliation(a); err != nil {
					return err
				}
				d.affs = append(d.affs, a)
			}
		}
		for i := range 8 {
			tp := &store.Topic{Name: fmt.Sprintf("Topic %d", i)}
			if i > 0 && r.IntN(3) > 0 {
				tp.ParentID = d.topics[r.IntN(i)].ID
			}
			if err := tx.CreateTopic(tp); err != nil {
				return err
			}
			d.topics = append(d.topics, tp)
		}
		for i := range 5 {
			src := &store.Source{Title: fmt.Sprintf("Source %d", i)}
			if err := tx.CreateSource(src); err != nil {
				return err
			}
			d.sources = append(d.sources, src)
		}
		for i := range n {
			st := &store.Statement{
				Text:   fmt.Sprintf("%s and %s, %d", words[r.IntN(len(words))], words[r.IntN(len(words))], i),
				Kind:   []store.StatementKind{store.Direct, store.Indirect}[r.IntN(2)],
				Status: store.Statuses[r.IntN(len(store.Statuses))],
				Said:   randDate(r),
			}
			if r.IntN(6) > 0 {
				st.SpeakerID = d.speakers[r.IntN(len(d.speakers))].ID
			}
			if r.IntN(4) == 0 {
				st.OrganisationID = d.orgs[r.IntN(len(d.orgs))].ID
			}
			for range r.IntN(3) {
				st.TopicIDs = append(st.TopicIDs, d.topics[r.IntN(len(d.topics))].ID)
			}
			if r.IntN(2) == 0 {
				st.SourceID = d.sources[r.IntN(len(d.sources))].ID
			}
			for range r.IntN(3) {
				rg := randRange(r)
				if r.IntN(5) == 0 && !rg.From.IsZero() {
					rg.To = partialdate.Date{}
				}
				st.Covers = append(st.Covers, store.Coverage{Range: rg})
			}
			if err := tx.CreateStatement(st); err != nil {
				return err
			}
			d.stmts = append(d.stmts, st)
		}
		return nil
	})
	slices.SortFunc(d.stmts, func(a, b *store.Statement) int {
		return cmp.Or(a.Said.Compare(b.Said), strings.Compare(a.ID, b.ID))
	})
	return d
}

// descendants returns ids and all their subtopics.
func (d *dataset) descendants(ids []string) map[string]bool {
	set := map[string]bool{}
	for _, id := range ids {
		set[id] = true
	}
	for changed := true; changed; {
		changed = false
		for _, tp := range d.topics {
			if tp.ParentID != "" && set[tp.ParentID] && !set[tp.ID] {
				set[tp.ID] = true
				changed = true
			}
		}
	}
	return set
}

// matches is the reference semantics of a StatementFilter.
func (d *dataset) matches(f store.StatementFilter, st *store.Statement) bool {
	in := func(ids []string, id string) bool { return len(ids) == 0 || slices.Contains(ids, id) }
	if !in(f.SpeakerIDs, st.SpeakerID) || !in(f.SourceIDs, st.SourceID) {
		return false
	}
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, st.Kind) || len(f.Statuses) > 0 && !slices.Contains(f.Statuses, st.Status) {
		return false
	}
	if len(f.TopicIDs) > 0 {
		set := d.descendants(f.TopicIDs)
		if !slices.ContainsFunc(st.TopicIDs, func(id string) bool { return set[id] }) {
			return false
		}
	}
	if len(f.OrganisationIDs) > 0 {
		member := slices.Contains(f.OrganisationIDs, st.OrganisationID)
		for _, a := range d.affs {
			member = member || a.SpeakerID == st.SpeakerID && slices.Contains(f.OrganisationIDs, a.OrganisationID) && a.ValidOn(st.Said)
		}
		if !member {
			return false
		}
	}
	if !f.Said.IsZero() && (st.Said.IsZero() || !partialdate.Of(st.Said).Overlaps(f.Said)) {
		return false
	}
	if !f.Covers.IsZero() && !slices.ContainsFunc(st.Covers, func(c store.Coverage) bool { return c.Range.Overlaps(f.Covers) }) {
		return false
	}
	if f.IDs != nil && !slices.Contains(f.IDs, st.ID) {
		return false
	}
	return f.TextContains == "" || strings.Contains(textfold.Fold(st.Text), textfold.Fold(f.TextContains))
}

// listAll pages through a statement list with pages of size n, forward
// and then backward, checking that both give want and that the page flags
// are right.
func listAll(t *testing.T, tx store.Tx, f store.StatementFilter, n int, want []string) {
	t.Helper()
	var got []string
	p := store.Page{First: n, Count: true}
	for i := 0; ; i++ {
		conn, err := tx.ListStatements(f, p)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if conn.Total != len(want) {
			t.Fatalf("%+v: total %d, want %d", f, conn.Total, len(want))
		}
		if conn.HasPrevious != (i > 0) {
			t.Fatalf("%+v: page %d HasPrevious %v", f, i, conn.HasPrevious)
		}
		got = append(got, idsOf(conn.Items)...)
		if conn.HasNext != (len(got) < len(want)) {
			t.Fatalf("%+v: page %d HasNext %v after %d of %d", f, i, conn.HasNext, len(got), len(want))
		}
		if !conn.HasNext {
			break
		}
		p.After = conn.Cursors[len(conn.Cursors)-1]
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%+v:\n got %v\nwant %v", f, got, want)
	}
	got = nil
	p = store.Page{Last: n}
	for {
		conn, err := tx.ListStatements(f, p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(idsOf(conn.Items), got...)
		if conn.HasPrevious != (len(got) < len(want)) {
			t.Fatalf("%+v: backward HasPrevious %v after %d of %d", f, conn.HasPrevious, len(got), len(want))
		}
		if !conn.HasPrevious {
			break
		}
		p.Before = conn.Cursors[0]
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%+v backward:\n got %v\nwant %v", f, got, want)
	}
	// Descending, the same list in reverse.
	list := func(p store.Page) (*store.Conn[*store.Statement], error) { return tx.ListStatements(f, p) }
	walkPages(t, fmt.Sprintf("%+v descending", f), list, store.Page{Desc: true}, n, reversed(want))
}

func testStatementFilters(t *testing.T, s store.Store) {
	d := buildDataset(t, s, 7, 400)
	r := rand.New(rand.NewPCG(42, 2))
	ids := func(n int, pick func() string) []string {
		var out []string
		for range 1 + r.IntN(n) {
			out = append(out, pick())
		}
		return out
	}
	fields := []func(*store.StatementFilter){
		func(f *store.StatementFilter) {
			f.SpeakerIDs = ids(3, func() string { return d.speakers[r.IntN(len(d.speakers))].ID })
		},
		func(f *store.StatementFilter) {
			f.OrganisationIDs = ids(2, func() string { return d.orgs[r.IntN(len(d.orgs))].ID })
		},
		func(f *store.StatementFilter) {
			f.TopicIDs = ids(2, func() string { return d.topics[r.IntN(len(d.topics))].ID })
		},
		func(f *store.StatementFilter) {
			f.SourceIDs = ids(2, func() string { return d.sources[r.IntN(len(d.sources))].ID })
		},
		func(f *store.StatementFilter) { f.Kinds = []store.StatementKind{store.Indirect} },
		func(f *store.StatementFilter) { f.Statuses = []store.Status{store.Verified, store.Disputed} },
		func(f *store.StatementFilter) { f.Said = randRange(r) },
		func(f *store.StatementFilter) { f.Covers = randRange(r) },
		func(f *store.StatementFilter) { f.TextContains = words[r.IntN(len(words))] },
	}
	check := func(t *testing.T, f store.StatementFilter) {
		var want []string
		for _, st := range d.stmts {
			if d.matches(f, st) {
				want = append(want, st.ID)
			}
		}
		view(t, s, func(tx store.Tx) error {
			listAll(t, tx, f, 1+r.IntN(40), want)
			return nil
		})
	}
	t.Run("none", func(t *testing.T) { check(t, store.StatementFilter{}) })
	for i, set := range fields {
		t.Run(fmt.Sprintf("field%d", i), func(t *testing.T) {
			for range 6 {
				var f store.StatementFilter
				set(&f)
				check(t, f)
			}
		})
	}
	t.Run("combined", func(t *testing.T) {
		for range 60 {
			var f store.StatementFilter
			for _, i := range r.Perm(len(fields))[:2+r.IntN(2)] {
				fields[i](&f)
			}
			check(t, f)
		}
	})
	// IDs keeps some statements, alone and with the fields that drive a
	// list by themselves (so that IDs is checked on their keys).
	t.Run("ids", func(t *testing.T) {
		check(t, store.StatementFilter{IDs: []string{}})
		for i := range 30 {
			var f store.StatementFilter
			f.IDs = ids(1+i*4, func() string { return d.stmts[r.IntN(len(d.stmts))].ID })
			if i%3 > 0 {
				fields[r.IntN(len(fields))](&f)
			}
			check(t, f)
		}
	})
	t.Run("bounded covers", func(t *testing.T) {
		check(t, store.StatementFilter{Covers: rng("2022-03", "2022-03")})
		check(t, store.StatementFilter{Covers: rng("2021-11-05", "2022-02")})
		check(t, store.StatementFilter{Covers: rng("2021", "2021")})
	})
	t.Run("invalid", func(t *testing.T) {
		view(t, s, func(tx store.Tx) error {
			for _, f := range []store.StatementFilter{
				{SpeakerIDs: []string{"x"}},
				{Kinds: []store.StatementKind{"SAID"}},
				{Statuses: []store.Status{"OK"}},
				{Said: partialdate.Range{From: date("2022"), To: date("2021")}},
			} {
				_, err := tx.ListStatements(f, store.Page{})
				wantKind(t, err, errs.Invalid)
			}
			return nil
		})
	})
}

// testMembersTopicMonth is the headline query: what members of an
// organisation said about a topic (or its subtopics) in March 2022.
func testMembersTopicMonth(t *testing.T, s store.Store) {
	f := fixture{t, s}
	party, other := f.org("Party", "", store.Party), f.org("Other", "", store.Party)
	a, b, c := f.speaker("A"), f.speaker("B"), f.speaker("C")
	f.aff(a, party, "member", "2020", "")
	f.aff(b, party, "member", "2021", "2022-03-10")
	f.aff(c, other, "", "", "")
	econ := f.topic("Economy", nil)
	tax := f.topic("Tax", econ)
	war := f.topic("War", nil)
	onTopic := func(tp *store.Topic) func(*store.Statement) {
		return func(st *store.Statement) { st.TopicIDs = []string{tp.ID} }
	}
	want := []*store.Statement{
		f.stmt("a on economy in March", a, "2022-03-02", onTopic(econ)),
		f.stmt("b on tax before leaving", b, "2022-03-09", onTopic(tax)),
		f.stmt("a on tax in 2022-03", a, "2022-03", onTopic(tax)),
		f.stmt("c for the party explicitly", c, "2022-03-20", onTopic(econ), func(st *store.Statement) { st.OrganisationID = party.ID }),
	}
	f.stmt("b on tax after leaving", b, "2022-03-15", onTopic(tax))
	f.stmt("a on war", a, "2022-03-03", onTopic(war))
	f.stmt("a on economy in April", a, "2022-04-01", onTopic(econ))
	f.stmt("c on economy, not a member", c, "2022-03-05", onTopic(econ))
	f.stmt("a on economy, date unknown", a, "", onTopic(econ))
	slices.SortFunc(want, func(x, y *store.Statement) int { return cmp.Or(x.Said.Compare(y.Said), strings.Compare(x.ID, y.ID)) })
	view(t, s, func(tx store.Tx) error {
		filter := store.StatementFilter{OrganisationIDs: []string{party.ID}, TopicIDs: []string{econ.ID}, Said: rng("2022-03", "2022-03")}
		listAll(t, tx, filter, 2, idsOf(want))
		listAll(t, tx, filter, 20, idsOf(want))
		return nil
	})
}

func testPagination(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("A")
	var all []*store.Statement
	for i := range 10 {
		all = append(all, f.stmt(fmt.Sprintf("s%d", i), sp, fmt.Sprintf("2022-01-%02d", 10-i)))
	}
	slices.Reverse(all) // said dates descend with i
	want := idsOf(all)
	view(t, s, func(tx store.Tx) error {
		empty, err := tx.ListStatements(store.StatementFilter{Kinds: []store.StatementKind{store.Indirect}}, store.Page{Count: true})
		if err != nil {
			return err
		}
		if len(empty.Items) != 0 || empty.HasNext || empty.HasPrevious || empty.Total != 0 {
			t.Errorf("empty list: %+v", empty)
		}
		list := func(p store.Page) *store.Conn[*store.Statement] {
			t.Helper()
			c, err := tx.ListStatements(store.StatementFilter{}, p)
			if err != nil {
				t.Fatal(err)
			}
			if c.Total != -1 && !p.Count {
				t.Errorf("Total %d without Count", c.Total)
			}
			return c
		}
		exact := list(store.Page{First: 10})
		if !slices.Equal(idsOf(exact.Items), want) || exact.HasNext || exact.HasPrevious {
			t.Errorf("exact page: %v next=%v prev=%v", idsOf(exact.Items), exact.HasNext, exact.HasPrevious)
		}
		first := list(store.Page{First: 4})
		last := list(store.Page{First: 4, After: first.Cursors[3]})
		last = list(store.Page{First: 4, After: last.Cursors[3]})
		if !slices.Equal(idsOf(last.Items), want[8:]) || last.HasNext || !last.HasPrevious {
			t.Errorf("last page: %v next=%v prev=%v", idsOf(last.Items), last.HasNext, last.HasPrevious)
		}
		back := list(store.Page{Last: 3, Before: last.Cursors[0]})
		if !slices.Equal(idsOf(back.Items), want[5:8]) || !back.HasNext || !back.HasPrevious {
			t.Errorf("backward: %v next=%v prev=%v", idsOf(back.Items), back.HasNext, back.HasPrevious)
		}
		tail := list(store.Page{Last: 3})
		if !slices.Equal(idsOf(tail.Items), want[7:]) || tail.HasNext || !tail.HasPrevious {
			t.Errorf("last 3: %v next=%v prev=%v", idsOf(tail.Items), tail.HasNext, tail.HasPrevious)
		}
		between := list(store.Page{First: 10, After: first.Cursors[0], Before: first.Cursors[3]})
		if !slices.Equal(idsOf(between.Items), want[1:3]) || !between.HasNext || !between.HasPrevious {
			t.Errorf("between: %v next=%v prev=%v", idsOf(between.Items), between.HasNext, between.HasPrevious)
		}
		def := list(store.Page{Count: true})
		if len(def.Items) != 10 || def.Total != 10 {
			t.Errorf("default page: %d items, total %d", len(def.Items), def.Total)
		}
		return nil
	})
	// A cursor stays valid when its record is deleted.
	var c string
	view(t, s, func(tx store.Tx) error {
		conn, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 5})
		c = conn.Cursors[4]
		return err
	})
	update(t, s, func(tx store.Tx) error { return tx.DeleteStatement(want[4]) })
	view(t, s, func(tx store.Tx) error {
		conn, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 5, After: c})
		if err != nil {
			return err
		}
		if !slices.Equal(idsOf(conn.Items), want[5:]) || !conn.HasPrevious {
			t.Errorf("after deleted cursor: %v prev=%v", idsOf(conn.Items), conn.HasPrevious)
		}
		return nil
	})
}

func testPageErrors(t *testing.T, s store.Store) {
	f := fixture{t, s}
	f.speaker("A")
	var spCursor string
	view(t, s, func(tx store.Tx) error {
		c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{})
		spCursor = c.Cursors[0]
		return err
	})
	cases := []struct {
		name string
		p    store.Page
		want errs.Kind
	}{
		{"negative first", store.Page{First: -1}, errs.Invalid},
		{"negative last", store.Page{Last: -1}, errs.Invalid},
		{"first too large", store.Page{First: store.MaxPageSize + 1}, errs.TooLarge},
		{"last too large", store.Page{Last: store.MaxPageSize + 1}, errs.TooLarge},
		{"garbage cursor", store.Page{After: "!!!"}, errs.Invalid},
		{"short cursor", store.Page{Before: "AAAA"}, errs.Invalid},
		{"cursor of another list", store.Page{After: spCursor}, errs.Invalid},
	}
	view(t, s, func(tx store.Tx) error {
		for _, c := range cases {
			_, err := tx.ListStatements(store.StatementFilter{}, c.p)
			t.Run(c.name, func(t *testing.T) { wantKind(t, err, c.want) })
		}
		_, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{After: "x"})
		wantKind(t, err, errs.Invalid)
		_, err = tx.ListSources(store.SourceFilter{}, store.Page{First: -5})
		wantKind(t, err, errs.Invalid)
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: store.MaxPageSize})
		if err != nil || len(c.Items) != 0 {
			t.Errorf("max page: %v", err)
		}
		return nil
	})
}

// testSourcesByURL lists sources by their exact URL, following URL changes.
func testSourcesByURL(t *testing.T, s store.Store) {
	party := &store.Organisation{Name: "Party", Kind: store.Party}
	const url = "https://news.example.org/a?id=1"
	u1 := &store.Source{Title: "U1", URL: url}
	u2 := &store.Source{Title: "U2", URL: url}
	u3 := &store.Source{Title: "U3", URL: url}
	other := &store.Source{Title: "Other", URL: "https://news.example.org/b"}
	update(t, s, func(tx store.Tx) error {
		if err := tx.CreateOrganisation(party); err != nil {
			return err
		}
		u2.PublisherID = party.ID
		for _, u := range []*store.Source{u1, u2, u3, other} {
			if err := tx.CreateSource(u); err != nil {
				return err
			}
		}
		u3.URL = url + "&x"
		return tx.UpdateSource(u3)
	})
	view(t, s, func(tx store.Tx) error {
		for _, tc := range []struct {
			name string
			f    store.SourceFilter
			want []string
		}{
			{"by url", store.SourceFilter{URL: url}, []string{u1.ID, u2.ID}},
			{"by url and publisher", store.SourceFilter{URL: url, PublisherID: party.ID}, []string{u2.ID}},
			{"by changed url", store.SourceFilter{URL: url + "&x"}, []string{u3.ID}},
			{"by a url prefix", store.SourceFilter{URL: "https://news.example.org/"}, nil},
			{"by url and title", store.SourceFilter{URL: url, Title: "u2"}, []string{u2.ID}},
		} {
			c, err := tx.ListSources(tc.f, store.Page{})
			if err != nil {
				return err
			}
			if got := idsOf(c.Items); !slices.Equal(got, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
		return nil
	})
}
