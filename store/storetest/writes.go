package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// gone fails unless the record with id no longer exists.
func gone(t *testing.T, tx store.Tx, id string) {
	t.Helper()
	_, err := tx.TypeOf(id)
	wantKind(t, err, errs.NotFound)
}

func testDeleteSpeaker(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp, keep := f.speaker("A"), f.speaker("B")
	o := f.org("O", "", "")
	a := f.aff(sp, o, "", "", "")
	st := f.stmt("x", sp, "2022")
	other := f.stmt("y", keep, "2022")
	wantKind(t, try(s, func(tx store.Tx) error { return tx.DeleteSpeaker(sp.ID, false) }), errs.Conflict)
	update(t, s, func(tx store.Tx) error { return tx.DeleteSpeaker(sp.ID, true) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, sp.ID)
		gone(t, tx, a.ID)
		gone(t, tx, st.ID)
		_, err := tx.Statement(other.ID)
		return err
	})
	// Without statements no cascade is needed.
	lone := f.speaker("C")
	f.aff(lone, o, "", "", "")
	update(t, s, func(tx store.Tx) error { return tx.DeleteSpeaker(lone.ID, false) })
}

func testDeleteOrganisation(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("A")
	o := f.org("O", "", "")
	a := f.aff(sp, o, "", "", "")
	src := f.source("S", "", o, "")
	st := f.stmt("x", sp, "2022", func(st *store.Statement) { st.OrganisationID = o.ID })
	wantKind(t, try(s, func(tx store.Tx) error { return tx.DeleteOrganisation(o.ID, false) }), errs.Conflict)
	update(t, s, func(tx store.Tx) error { return tx.DeleteOrganisation(o.ID, true) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, o.ID)
		gone(t, tx, a.ID)
		got, err := tx.Statement(st.ID)
		if err != nil || got.OrganisationID != "" {
			t.Errorf("statement after delete: %+v, %v", got, err)
		}
		gotSrc, err := tx.Source(src.ID)
		if err != nil || gotSrc.PublisherID != "" {
			t.Errorf("source after delete: %+v, %v", gotSrc, err)
		}
		conn, err := tx.ListStatements(store.StatementFilter{OrganisationIDs: []string{o.ID}}, store.Page{})
		if err != nil || len(conn.Items) != 0 {
			t.Errorf("statements of deleted org: %v, %v", conn, err)
		}
		return nil
	})
	plain := f.org("P", "", "")
	f.aff(sp, plain, "", "", "")
	update(t, s, func(tx store.Tx) error { return tx.DeleteOrganisation(plain.ID, false) })
}

func testDeleteTopic(t *testing.T, s store.Store) {
	f := fixture{t, s}
	root := f.topic("Root", nil)
	mid := f.topic("Mid", root)
	leaf := f.topic("Leaf", mid)
	other := f.topic("Other", nil)
	st := f.stmt("x", nil, "", func(st *store.Statement) { st.TopicIDs = []string{other.ID, mid.ID} })
	wantKind(t, try(s, func(tx store.Tx) error { return tx.DeleteTopic(mid.ID, false) }), errs.Conflict)
	update(t, s, func(tx store.Tx) error { return tx.DeleteTopic(mid.ID, true) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, mid.ID)
		got, err := tx.Statement(st.ID)
		if err != nil || !slices.Equal(got.TopicIDs, []string{other.ID}) {
			t.Errorf("statement topics %v, %v", got, err)
		}
		l, err := tx.Topic(leaf.ID)
		if err != nil || l.ParentID != root.ID {
			t.Errorf("leaf parent %v, %v", l, err)
		}
		conn, err := tx.ListStatements(store.StatementFilter{TopicIDs: []string{root.ID}}, store.Page{})
		if err != nil || len(conn.Items) != 0 {
			t.Errorf("root statements %v, %v", conn, err)
		}
		return nil
	})
	update(t, s, func(tx store.Tx) error { return tx.DeleteTopic(leaf.ID, false) })
}

func testDeleteSource(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp, o := f.speaker("A"), f.org("O", "", "")
	src := f.source("S", "text", nil, "")
	a := &store.Affiliation{SpeakerID: sp.ID, OrganisationID: o.ID, SourceID: src.ID}
	update(t, s, func(tx store.Tx) error { return tx.CreateAffiliation(a) })
	st := f.stmt("text", sp, "", func(st *store.Statement) { st.SourceID = src.ID; st.Span = &store.Span{Start: 0, End: 4} })
	wantKind(t, try(s, func(tx store.Tx) error { return tx.DeleteSource(src.ID, false) }), errs.Conflict)
	update(t, s, func(tx store.Tx) error { return tx.DeleteSource(src.ID, true) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, src.ID)
		gone(t, tx, st.ID)
		got, err := tx.Affiliation(a.ID)
		if err != nil || got.SourceID != "" {
			t.Errorf("affiliation %+v, %v", got, err)
		}
		_, err = tx.SourceByHash(src.ContentHash)
		wantKind(t, err, errs.NotFound)
		return nil
	})
}

func testMergeSpeakers(t *testing.T, s store.Store) {
	f := fixture{t, s}
	keep := f.speaker("Əli Kərimli")
	drop := &store.Speaker{Name: "Ali Karimli", Aliases: []string{"A. Kərimli", "Əli Kərimli"}, Description: "politician", QID: "Q1"}
	update(t, s, func(tx store.Tx) error { return tx.CreateSpeaker(drop) })
	o := f.org("O", "", "")
	a := f.aff(drop, o, "", "2020", "")
	st := f.stmt("x", drop, "2022")
	before := lastSeq(t, s)
	wantKind(t, try(s, func(tx store.Tx) error { return tx.MergeSpeakers(keep.ID, keep.ID) }), errs.Invalid)
	update(t, s, func(tx store.Tx) error { return tx.MergeSpeakers(keep.ID, drop.ID) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, drop.ID)
		k, err := tx.Speaker(keep.ID)
		if err != nil {
			return err
		}
		if !slices.Equal(k.Aliases, []string{"Ali Karimli", "A. Kərimli"}) || k.Description != "politician" || k.QID != "Q1" {
			t.Errorf("kept speaker %+v", k)
		}
		if got, _ := tx.Statement(st.ID); got.SpeakerID != keep.ID {
			t.Errorf("statement speaker %s", got.SpeakerID)
		}
		if got, _ := tx.Affiliation(a.ID); got.SpeakerID != keep.ID {
			t.Errorf("affiliation speaker %s", got.SpeakerID)
		}
		conn, err := tx.ListStatements(store.StatementFilter{OrganisationIDs: []string{o.ID}}, store.Page{})
		if err != nil || !slices.Equal(idsOf(conn.Items), []string{st.ID}) {
			t.Errorf("members' statements after merge %v, %v", conn, err)
		}
		return nil
	})
	chs, err := s.Changes(ctx, before, 100)
	if err != nil {
		t.Fatal(err)
	}
	touched := map[string]store.Op{}
	for _, c := range chs {
		touched[c.ID] = c.Op
	}
	want := map[string]store.Op{st.ID: store.Updated, a.ID: store.Updated, drop.ID: store.Deleted, keep.ID: store.Updated}
	if len(touched) != len(want) {
		t.Errorf("merge logged %v, want %v", touched, want)
	}
	for id, op := range want {
		if touched[id] != op {
			t.Errorf("merge logged %s for %s, want %s", touched[id], id, op)
		}
	}
	// two Wikidata ids: the kept speaker's stays, the removed one's and its
	// candidates become candidates
	keep2 := &store.Speaker{Name: "Tom Berg", QID: "Q2"}
	drop2 := &store.Speaker{Name: "T. Berg", QID: "Q3", QIDCandidates: []string{"Q4"}}
	update(t, s, func(tx store.Tx) error {
		if err := tx.CreateSpeaker(keep2); err != nil {
			return err
		}
		return tx.CreateSpeaker(drop2)
	})
	update(t, s, func(tx store.Tx) error { return tx.MergeSpeakers(keep2.ID, drop2.ID) })
	view(t, s, func(tx store.Tx) error {
		k, err := tx.Speaker(keep2.ID)
		if err == nil && (k.QID != "Q2" || !slices.Equal(k.QIDCandidates, []string{"Q4", "Q3"})) {
			t.Errorf("kept speaker's Wikidata ids: %s, candidates %v; want Q2, [Q4 Q3]", k.QID, k.QIDCandidates)
		}
		return err
	})
}

func testMergeOrganisations(t *testing.T, s store.Store) {
	f := fixture{t, s}
	keep := f.org("Musavat", "", store.Party)
	drop := f.org("Müsavat Partiyası", "MP", store.Party)
	sp := f.speaker("A")
	a := f.aff(sp, drop, "", "", "")
	src := f.source("S", "", drop, "")
	st := f.stmt("x", sp, "", func(st *store.Statement) { st.OrganisationID = drop.ID })
	update(t, s, func(tx store.Tx) error { return tx.MergeOrganisations(keep.ID, drop.ID) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, drop.ID)
		k, err := tx.Organisation(keep.ID)
		if err != nil {
			return err
		}
		if !slices.Equal(k.Aliases, []string{"Müsavat Partiyası", "MP"}) {
			t.Errorf("aliases %q", k.Aliases)
		}
		if got, _ := tx.Statement(st.ID); got.OrganisationID != keep.ID {
			t.Errorf("statement org %s", got.OrganisationID)
		}
		if got, _ := tx.Affiliation(a.ID); got.OrganisationID != keep.ID {
			t.Errorf("affiliation org %s", got.OrganisationID)
		}
		if got, _ := tx.Source(src.ID); got.PublisherID != keep.ID {
			t.Errorf("source publisher %s", got.PublisherID)
		}
		conn, err := tx.ListOrganisations(store.OrganisationFilter{Name: "mp"}, store.Page{})
		if err != nil || !slices.Equal(idsOf(conn.Items), []string{keep.ID}) {
			t.Errorf("by alias %v, %v", conn, err)
		}
		return nil
	})
}

func testPut(t *testing.T, s store.Store) {
	ts := time.Date(2021, 5, 6, 7, 8, 9, 0, time.UTC)
	sp := &store.Speaker{ID: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", Name: "Imported", CreatedAt: ts, UpdatedAt: ts}
	var changed bool
	update(t, s, func(tx store.Tx) (err error) {
		changed, err = tx.Put(store.Record{Type: store.SpeakerType, Speaker: sp})
		return err
	})
	if !changed {
		t.Fatal("first put changed nothing")
	}
	seq := lastSeq(t, s)
	again := *sp
	update(t, s, func(tx store.Tx) (err error) {
		changed, err = tx.Put(store.Record{Type: store.SpeakerType, Speaker: &again})
		return err
	})
	if changed || lastSeq(t, s) != seq {
		t.Fatal("putting an equal record changed something")
	}
	view(t, s, func(tx store.Tx) error {
		got, err := tx.Speaker(sp.ID)
		if err != nil || !got.CreatedAt.Equal(ts) || !got.UpdatedAt.Equal(ts) {
			t.Errorf("put record %+v, %v", got, err)
		}
		return nil
	})
	again.Description = "changed"
	update(t, s, func(tx store.Tx) (err error) {
		changed, err = tx.Put(store.Record{Type: store.SpeakerType, Speaker: &again})
		return err
	})
	if !changed || lastSeq(t, s) != seq+1 {
		t.Fatal("putting a changed record did not log one change")
	}
	cases := []struct {
		name string
		rec  store.Record
		want errs.Kind
	}{
		{"no id", store.Record{Type: store.SpeakerType, Speaker: &store.Speaker{Name: "X"}}, errs.Invalid},
		{"no record", store.Record{Type: store.TopicType}, errs.Invalid},
		{"bad type", store.Record{Type: "quote"}, errs.Invalid},
		{"id of another type", store.Record{Type: store.TopicType, Topic: &store.Topic{ID: sp.ID, Name: "T"}}, errs.Conflict},
		{"unknown reference", store.Record{Type: store.StatementType, Statement: &store.Statement{
			ID: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", Text: "x", Kind: store.Direct, SpeakerID: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d"}}, errs.NotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantKind(t, try(s, func(tx store.Tx) error { _, err := tx.Put(c.rec); return err }), c.want)
		})
	}
}

func testChangeLog(t *testing.T, s store.Store) {
	committed := s.Committed()
	actx := store.WithActor(ctx, "alice")
	sp := &store.Speaker{Name: "A"}
	if err := s.Update(actx, func(tx store.Tx) error { return tx.CreateSpeaker(sp) }); err != nil {
		t.Fatal(err)
	}
	select {
	case <-committed:
	default:
		t.Fatal("Committed channel not closed by a commit")
	}
	upd := *sp
	upd.Name = "B"
	if err := s.Update(actx, func(tx store.Tx) error { return tx.UpdateSpeaker(&upd) }); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx store.Tx) error { return tx.DeleteSpeaker(sp.ID, false) })
	chs, err := s.Changes(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 3 {
		t.Fatalf("%d changes, want 3", len(chs))
	}
	for i, c := range chs {
		if c.Seq != uint64(i+1) || c.ID != sp.ID || c.Type != store.SpeakerType || c.Time.IsZero() {
			t.Errorf("change %d: %+v", i, c)
		}
	}
	name := func(raw json.RawMessage) string {
		var v store.Speaker
		if raw == nil || json.Unmarshal(raw, &v) != nil {
			return "<none>"
		}
		return v.Name
	}
	ops := []struct {
		op            store.Op
		actor         string
		before, after string
	}{
		{store.Created, "alice", "<none>", "A"},
		{store.Updated, "alice", "A", "B"},
		{store.Deleted, "", "B", "<none>"},
	}
	for i, w := range ops {
		c := chs[i]
		if c.Op != w.op || c.Actor != w.actor || name(c.Before) != w.before || name(c.After) != w.after {
			t.Errorf("change %d: op %s actor %q before %s after %s; want %+v", i, c.Op, c.Actor, name(c.Before), name(c.After), w)
		}
	}
	if tail, err := s.Changes(ctx, 2, 10); err != nil || len(tail) != 1 || tail[0].Seq != 3 {
		t.Errorf("Changes after 2: %v, %v", tail, err)
	}
	if none, err := s.Changes(ctx, 3, 10); err != nil || len(none) != 0 {
		t.Errorf("Changes after 3: %v, %v", none, err)
	}
	if two, err := s.Changes(ctx, 0, 2); err != nil || len(two) != 2 {
		t.Errorf("Changes limit 2: %v, %v", two, err)
	}
}

func testHistoryOfDeleted(t *testing.T, s store.Store) {
	f := fixture{t, s}
	o := f.org("O", "", "")
	other := f.org("Other", "", "")
	upd := *o
	upd.Kind = store.NGO
	update(t, s, func(tx store.Tx) error { return tx.UpdateOrganisation(&upd) })
	update(t, s, func(tx store.Tx) error { return tx.DeleteOrganisation(o.ID, false) })
	view(t, s, func(tx store.Tx) error {
		h, err := tx.History(o.ID)
		if err != nil {
			return err
		}
		var ops []store.Op
		for i, c := range h {
			ops = append(ops, c.Op)
			if c.ID != o.ID || i > 0 && c.Seq <= h[i-1].Seq {
				t.Errorf("history entry %+v", c)
			}
		}
		if !slices.Equal(ops, []store.Op{store.Created, store.Updated, store.Deleted}) {
			t.Errorf("history ops %v", ops)
		}
		if h, err := tx.History(other.ID); err != nil || len(h) != 1 {
			t.Errorf("history of other: %v, %v", h, err)
		}
		return nil
	})
}

func testAtomicity(t *testing.T, s store.Store) {
	f := fixture{t, s}
	keep := f.speaker("Keep")
	seq := lastSeq(t, s)
	boom := errors.New("boom")
	var ids []string
	err := s.Update(ctx, func(tx store.Tx) error {
		sp := &store.Speaker{Name: "Temp"}
		if err := tx.CreateSpeaker(sp); err != nil {
			return err
		}
		o := &store.Organisation{Name: "Temp org"}
		if err := tx.CreateOrganisation(o); err != nil {
			return err
		}
		st := &store.Statement{Text: "x", Kind: store.Direct, SpeakerID: sp.ID}
		if err := tx.CreateStatement(st); err != nil {
			return err
		}
		upd := *keep
		upd.Name = "Renamed"
		if err := tx.UpdateSpeaker(&upd); err != nil {
			return err
		}
		ids = []string{sp.ID, o.ID, st.ID}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v, want fn's error", err)
	}
	if lastSeq(t, s) != seq {
		t.Fatal("a failed update left change-log entries")
	}
	view(t, s, func(tx store.Tx) error {
		for _, id := range ids {
			gone(t, tx, id)
		}
		k, err := tx.Speaker(keep.ID)
		if err != nil || k.Name != "Keep" {
			t.Errorf("kept speaker %+v, %v", k, err)
		}
		conn, err := tx.ListSpeakers(store.SpeakerFilter{Name: "temp"}, store.Page{})
		if err != nil || len(conn.Items) != 0 {
			t.Errorf("index entries left: %v, %v", conn, err)
		}
		return nil
	})
	// The freed names can be taken again.
	f.speaker("Temp")
	f.speaker("Renamed")
}

func testReadOnlyTx(t *testing.T, s store.Store) {
	sp := fixture{t, s}.speaker("A")
	err := s.View(ctx, func(tx store.Tx) error {
		for _, err := range []error{
			tx.CreateSpeaker(&store.Speaker{Name: "B"}),
			tx.UpdateSpeaker(sp),
			tx.DeleteSpeaker(sp.ID, true),
			tx.MergeSpeakers(sp.ID, sp.ID),
			func() error { _, err := tx.Put(store.Record{Type: store.SpeakerType, Speaker: sp}); return err }(),
		} {
			wantKind(t, err, errs.Internal)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func testContext(t *testing.T, s store.Store) {
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	called := false
	if err := s.Update(cctx, func(store.Tx) error { called = true; return nil }); err == nil || called {
		t.Errorf("Update with a cancelled context: %v, called %v", err, called)
	}
	if err := s.View(cctx, func(store.Tx) error { called = true; return nil }); err == nil || called {
		t.Errorf("View with a cancelled context: %v, called %v", err, called)
	}
	if _, err := s.Changes(cctx, 0, 1); err == nil {
		t.Error("Changes with a cancelled context succeeded")
	}
}
