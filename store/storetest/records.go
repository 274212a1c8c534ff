package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

func testSpeakers(t *testing.T, s store.Store) {
	sp := &store.Speaker{Name: "  Əli Kərimli ", Aliases: []string{" Ali Karimli", "ali karimli", "ƏLİ KƏRİMLİ", ""}, QID: "Q4725566"}
	update(t, s, func(tx store.Tx) error { return tx.CreateSpeaker(sp) })
	if u, err := uuid.Parse(sp.ID); err != nil || u.Version() != 7 {
		t.Fatalf("id %q is not a UUIDv7", sp.ID)
	}
	if sp.Name != "Əli Kərimli" || !slices.Equal(sp.Aliases, []string{"Ali Karimli"}) {
		t.Fatalf("not normalized: %q %q", sp.Name, sp.Aliases)
	}
	if sp.CreatedAt.IsZero() || !sp.CreatedAt.Equal(sp.UpdatedAt) {
		t.Fatalf("timestamps %v %v", sp.CreatedAt, sp.UpdatedAt)
	}
	view(t, s, func(tx store.Tx) error {
		got, err := tx.Speaker(sp.ID)
		if err != nil {
			return err
		}
		if got.Name != sp.Name || !got.CreatedAt.Equal(sp.CreatedAt) || got.QID != sp.QID {
			t.Errorf("got %+v, want %+v", got, sp)
		}
		if typ, err := tx.TypeOf(sp.ID); err != nil || typ != store.SpeakerType {
			t.Errorf("TypeOf = %v, %v", typ, err)
		}
		return nil
	})

	upd := *sp
	upd.Description = "leader"
	update(t, s, func(tx store.Tx) error { return tx.UpdateSpeaker(&upd) })
	if !upd.CreatedAt.Equal(sp.CreatedAt) || upd.UpdatedAt.Before(sp.UpdatedAt) {
		t.Fatalf("update timestamps: %v %v", upd.CreatedAt, upd.UpdatedAt)
	}

	missing := uuid.Must(uuid.NewV7()).String()
	cases := []struct {
		name string
		fn   func(tx store.Tx) error
		want errs.Kind
	}{
		{"empty name", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "  "}) }, errs.Invalid},
		{"punctuation name", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "--"}) }, errs.Invalid},
		{"bad QID", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "X", QID: "42"}) }, errs.Invalid},
		{"bad id", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{ID: "nope", Name: "X"}) }, errs.Invalid},
		{"duplicate folded name", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: "ƏLİ KƏRİMLİ"}) }, errs.Conflict},
		{"duplicate id", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{ID: sp.ID, Name: "Other"}) }, errs.Conflict},
		{"update missing", func(tx store.Tx) error { return tx.UpdateSpeaker(&store.Speaker{ID: missing, Name: "X"}) }, errs.NotFound},
		{"update without id", func(tx store.Tx) error { return tx.UpdateSpeaker(&store.Speaker{Name: "X"}) }, errs.Invalid},
		{"get missing", func(tx store.Tx) error { _, err := tx.Speaker(missing); return err }, errs.NotFound},
		{"get bad id", func(tx store.Tx) error { _, err := tx.Speaker("x"); return err }, errs.Invalid},
		{"type of missing", func(tx store.Tx) error { _, err := tx.TypeOf(missing); return err }, errs.NotFound},
		{"delete missing", func(tx store.Tx) error { return tx.DeleteSpeaker(missing, false) }, errs.NotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantKind(t, try(s, c.fn), c.want) })
	}
}

func testOrganisations(t *testing.T, s store.Store) {
	f := fixture{t, s}
	o := f.org("Azərbaycan Xalq Cəbhəsi Partiyası", "AXCP", "")
	if o.Kind != store.OtherOrg {
		t.Fatalf("kind %q, want OTHER", o.Kind)
	}
	cases := []struct {
		name string
		org  store.Organisation
		want errs.Kind
	}{
		{"no name", store.Organisation{Kind: store.Party}, errs.Invalid},
		{"bad kind", store.Organisation{Name: "X", Kind: "CLUB"}, errs.Invalid},
		{"bad QID", store.Organisation{Name: "X", QID: "Qx"}, errs.Invalid},
		{"same name", store.Organisation{Name: "azerbaycan xalq cebhesi partiyasi"}, errs.Conflict},
		{"same short name", store.Organisation{Name: "Other", ShortName: "axcp"}, errs.Conflict},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantKind(t, try(s, func(tx store.Tx) error { return tx.CreateOrganisation(&c.org) }), c.want)
		})
	}
}

func testAffiliations(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp, o := f.speaker("A"), f.org("Org", "", store.Party)
	late := f.aff(sp, o, "member", "2020", "")
	early := f.aff(sp, o, "chair", "2010-05", "2019")
	unknown := f.aff(sp, o, "", "", "")
	view(t, s, func(tx store.Tx) error {
		got, err := tx.AffiliationsOf([]string{sp.ID})
		if err != nil {
			return err
		}
		if ids := idsOf(got[0]); !slices.Equal(ids, []string{unknown.ID, early.ID, late.ID}) {
			t.Errorf("AffiliationsOf order %v", ids)
		}
		return nil
	})
	missing := uuid.Must(uuid.NewV7()).String()
	cases := []struct {
		name string
		aff  store.Affiliation
		want errs.Kind
	}{
		{"no speaker", store.Affiliation{OrganisationID: o.ID}, errs.Invalid},
		{"no org", store.Affiliation{SpeakerID: sp.ID}, errs.Invalid},
		{"unknown speaker", store.Affiliation{SpeakerID: missing, OrganisationID: o.ID}, errs.NotFound},
		{"unknown org", store.Affiliation{SpeakerID: sp.ID, OrganisationID: missing}, errs.NotFound},
		{"unknown source", store.Affiliation{SpeakerID: sp.ID, OrganisationID: o.ID, SourceID: missing}, errs.NotFound},
		{"end before start", store.Affiliation{SpeakerID: sp.ID, OrganisationID: o.ID, Start: date("2020-03"), End: date("2020-02-28")}, errs.Invalid},
		{"bad date", store.Affiliation{SpeakerID: sp.ID, OrganisationID: o.ID, Start: partialdate.Date{Year: 2020, Month: 13}}, errs.Invalid},
		{"bad id", store.Affiliation{SpeakerID: "x", OrganisationID: o.ID}, errs.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantKind(t, try(s, func(tx store.Tx) error { return tx.CreateAffiliation(&c.aff) }), c.want)
		})
	}
	// Same-year start and end is fine: the year overlaps itself.
	f.aff(sp, o, "", "2020-05", "2020")
}

func testTopics(t *testing.T, s store.Store) {
	f := fixture{t, s}
	root := f.topic("Foreign Policy", nil)
	if root.Slug != "foreign-policy" {
		t.Fatalf("slug %q", root.Slug)
	}
	child := f.topic("Qarabağ Münaqişəsi", root)
	if child.Slug != "qarabag-munaqisesi" {
		t.Fatalf("slug %q", child.Slug)
	}
	grandchild := f.topic("Ceasefire", child)
	missing := uuid.Must(uuid.NewV7()).String()
	cases := []struct {
		name string
		fn   func(tx store.Tx) error
		want errs.Kind
	}{
		{"no name", func(tx store.Tx) error { return tx.CreateTopic(&store.Topic{}) }, errs.Invalid},
		{"same slug", func(tx store.Tx) error { return tx.CreateTopic(&store.Topic{Name: "Foreign  policy!"}) }, errs.Conflict},
		{"bad slug", func(tx store.Tx) error { return tx.CreateTopic(&store.Topic{Name: "X", Slug: "Not A Slug"}) }, errs.Invalid},
		{"no ascii for slug", func(tx store.Tx) error { return tx.CreateTopic(&store.Topic{Name: "Мир"}) }, errs.Invalid},
		{"unknown parent", func(tx store.Tx) error { return tx.CreateTopic(&store.Topic{Name: "X", ParentID: missing}) }, errs.NotFound},
		{"cycle", func(tx store.Tx) error {
			r := *root
			r.ParentID = grandchild.ID
			return tx.UpdateTopic(&r)
		}, errs.Invalid},
		{"own parent", func(tx store.Tx) error {
			r := *root
			r.ParentID = root.ID
			return tx.UpdateTopic(&r)
		}, errs.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantKind(t, try(s, c.fn), c.want) })
	}
}

func testSources(t *testing.T, s store.Store) {
	f := fixture{t, s}
	pub := f.org("Turan", "", store.Media)
	src := f.source("Interview", "He said: we will win.", pub, "2022-03-08")
	if src.ContentHash != store.ContentHash(src.Text) || len(src.ContentHash) != 64 {
		t.Fatalf("hash %q", src.ContentHash)
	}
	noText := f.source("No text", "", nil, "")
	if noText.ContentHash != "" {
		t.Fatalf("hash of no text %q", noText.ContentHash)
	}
	f.source("Also no text", "", nil, "")
	view(t, s, func(tx store.Tx) error {
		got, err := tx.SourceByHash(src.ContentHash)
		if err != nil || got.ID != src.ID {
			t.Errorf("SourceByHash = %v, %v", got, err)
		}
		_, err = tx.SourceByHash(strings.Repeat("0", 64))
		wantKind(t, err, errs.NotFound)
		_, err = tx.SourceByHash("zz")
		wantKind(t, err, errs.Invalid)
		return nil
	})
	wantKind(t, try(s, func(tx store.Tx) error {
		return tx.CreateSource(&store.Source{Title: "Copy", Text: src.Text})
	}), errs.Conflict)
	wantKind(t, try(s, func(tx store.Tx) error { return tx.CreateSource(&store.Source{Text: "x"}) }), errs.Invalid)
	wantKind(t, try(s, func(tx store.Tx) error {
		return tx.CreateSource(&store.Source{Title: "X", PublisherID: uuid.Must(uuid.NewV7()).String()})
	}), errs.NotFound)
	// Changing the text changes the hash and frees the old one.
	upd := *src
	upd.Text = "Another text."
	update(t, s, func(tx store.Tx) error { return tx.UpdateSource(&upd) })
	f.source("Reuse", "He said: we will win.", nil, "")
}

func testStatements(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("Speaker")
	text := "  «We will not give up»  \n"
	st := f.stmt(text, sp, "2022-03", func(st *store.Statement) { st.Status = "" })
	if st.Text != text || st.Status != store.Unverified {
		t.Fatalf("text %q status %q", st.Text, st.Status)
	}
	view(t, s, func(tx store.Tx) error {
		got, err := tx.Statement(st.ID)
		if err != nil {
			return err
		}
		if got.Text != text || got.Said != st.Said {
			t.Errorf("got %+v", got)
		}
		return nil
	})
	src := f.source("Src", "Intro. "+text+"Outro.", nil, "")
	f.stmt(text, sp, "", func(st *store.Statement) {
		st.SourceID = src.ID
		st.Span = &store.Span{Start: 7, End: 7 + len(text)}
	})
}

func testStatementValidation(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("Speaker")
	src := f.source("Src", "Hello world.", nil, "")
	missing := uuid.Must(uuid.NewV7()).String()
	ok := func(mod func(*store.Statement)) *store.Statement {
		st := &store.Statement{Text: "Hello", Kind: store.Direct, SpeakerID: sp.ID}
		mod(st)
		return st
	}
	cases := []struct {
		name string
		st   *store.Statement
		want errs.Kind
	}{
		{"no text", ok(func(st *store.Statement) { st.Text = " \n" }), errs.Invalid},
		{"no kind", ok(func(st *store.Statement) { st.Kind = "" }), errs.Invalid},
		{"bad status", ok(func(st *store.Statement) { st.Status = "TRUE" }), errs.Invalid},
		{"bad said", ok(func(st *store.Statement) { st.Said = partialdate.Date{Year: 2022, Month: 2, Day: 30} }), errs.Invalid},
		{"bad coverage", ok(func(st *store.Statement) {
			st.Covers = []store.Coverage{{Range: partialdate.Range{From: date("2022-03"), To: date("2022-01")}}}
		}), errs.Invalid},
		{"bad confidence", ok(func(st *store.Statement) { st.Confidence = 1.5 }), errs.Invalid},
		{"bad speaker id", ok(func(st *store.Statement) { st.SpeakerID = "1" }), errs.Invalid},
		{"unknown speaker", ok(func(st *store.Statement) { st.SpeakerID = missing }), errs.NotFound},
		{"unknown org", ok(func(st *store.Statement) { st.OrganisationID = missing }), errs.NotFound},
		{"unknown topic", ok(func(st *store.Statement) { st.TopicIDs = []string{missing} }), errs.NotFound},
		{"unknown source", ok(func(st *store.Statement) { st.SourceID = missing }), errs.NotFound},
		{"span without source", ok(func(st *store.Statement) { st.Span = &store.Span{Start: 0, End: 5} }), errs.Invalid},
		{"span past text", ok(func(st *store.Statement) { st.SourceID = src.ID; st.Span = &store.Span{Start: 10, End: 15} }), errs.Invalid},
		{"span not text", ok(func(st *store.Statement) { st.SourceID = src.ID; st.Span = &store.Span{Start: 6, End: 11} }), errs.Invalid},
		{"reversed span", ok(func(st *store.Statement) { st.SourceID = src.ID; st.Span = &store.Span{Start: 5, End: 0} }), errs.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantKind(t, try(s, func(tx store.Tx) error { return tx.CreateStatement(c.st) }), c.want)
		})
	}
	good := ok(func(st *store.Statement) { st.SourceID = src.ID; st.Span = &store.Span{Start: 0, End: 5} })
	update(t, s, func(tx store.Tx) error { return tx.CreateStatement(good) })
}

func testByID(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b := f.speaker("A"), f.speaker("B")
	o := f.org("O", "", "")
	tp := f.topic("T", nil)
	src := f.source("S", "", nil, "")
	st := f.stmt("x", a, "")
	missing := uuid.Must(uuid.NewV7()).String()
	view(t, s, func(tx store.Tx) error {
		sps, err := tx.SpeakersByID([]string{b.ID, missing, a.ID})
		if err != nil {
			return err
		}
		if sps[0].ID != b.ID || sps[1] != nil || sps[2].ID != a.ID {
			t.Errorf("SpeakersByID = %v", sps)
		}
		if os, err := tx.OrganisationsByID([]string{o.ID}); err != nil || os[0].ID != o.ID {
			t.Errorf("OrganisationsByID = %v, %v", os, err)
		}
		if ts, err := tx.TopicsByID([]string{tp.ID, missing}); err != nil || ts[0].ID != tp.ID || ts[1] != nil {
			t.Errorf("TopicsByID = %v, %v", ts, err)
		}
		if ss, err := tx.SourcesByID([]string{src.ID}); err != nil || ss[0].ID != src.ID {
			t.Errorf("SourcesByID = %v, %v", ss, err)
		}
		if ss, err := tx.StatementsByID([]string{st.ID}); err != nil || ss[0].ID != st.ID {
			t.Errorf("StatementsByID = %v, %v", ss, err)
		}
		_, err = tx.StatementsByID([]string{"bad"})
		wantKind(t, err, errs.Invalid)
		for id, want := range map[string]store.RecordType{o.ID: store.OrganisationType, tp.ID: store.TopicType, src.ID: store.SourceType, st.ID: store.StatementType} {
			if typ, err := tx.TypeOf(id); err != nil || typ != want {
				t.Errorf("TypeOf(%s) = %v, %v; want %v", id, typ, err, want)
			}
		}
		return nil
	})
}

// idsOf returns the ids of records.
func idsOf[T any](recs []*T) []string {
	ids := make([]string, len(recs))
	for i, r := range recs {
		switch r := any(r).(type) {
		case *store.Speaker:
			ids[i] = r.ID
		case *store.Organisation:
			ids[i] = r.ID
		case *store.Affiliation:
			ids[i] = r.ID
		case *store.Topic:
			ids[i] = r.ID
		case *store.Source:
			ids[i] = r.ID
		case *store.Statement:
			ids[i] = r.ID
		}
	}
	return ids
}
