package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// loadSet is a dataset with one record of each type, made anew for each
// load (Put normalizes the records it is given). n numbers its ids.
func loadSet() []store.Record {
	ts := time.Date(2022, 3, 4, 5, 6, 7, 891, time.UTC)
	id := func(n int) string { return fmt.Sprintf("0190a1b2-c3d4-7e5f-8a9b-%012d", n) }
	text := "The mayor said: we will open the northern bridge in May."
	quote := "we will open the northern bridge in May"
	start := len("The mayor said: ")
	return []store.Record{
		{Type: store.SpeakerType, Speaker: &store.Speaker{ID: id(1), Name: "Tilde Marsh", Aliases: []string{"T. Marsh"}, CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.OrganisationType, Organisation: &store.Organisation{ID: id(2), Name: "Harbour Party", ShortName: "HP", Kind: store.Party, CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.AffiliationType, Affiliation: &store.Affiliation{ID: id(3), SpeakerID: id(1), OrganisationID: id(2), Role: "mayor", Start: date("2020"), CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.TopicType, Topic: &store.Topic{ID: id(4), Name: "Transport", CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.TopicType, Topic: &store.Topic{ID: id(5), Name: "Bridges", ParentID: id(4), CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.SourceType, Source: &store.Source{ID: id(6), Title: "Bridge news", Text: text, PublisherID: id(2), Published: date("2024-04-02"), CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.StatementType, Statement: &store.Statement{ID: id(7), Text: quote, Kind: store.Direct, SpeakerID: id(1), OrganisationID: id(2),
			Said: date("2024-04-01"), TopicIDs: []string{id(5)}, SourceID: id(6), Span: &store.Span{Start: start, End: start + len(quote)},
			Status: store.Unverified, CreatedAt: ts, UpdatedAt: ts}},
		{Type: store.ClaimReviewType, ClaimReview: &store.ClaimReview{ID: id(8), StatementID: id(7), ReviewerID: id(2), RatingText: "True",
			RatingValue: 5, BestRating: 5, WorstRating: 1, URL: "https://check.example/bridge", CreatedAt: ts, UpdatedAt: ts}},
	}
}

// load puts recs in one Load and returns how many Puts changed something.
func load(s store.Store, recs ...store.Record) (int, error) {
	n := 0
	err := s.(store.Loader).Load(ctx, func(p store.Putter) error {
		for _, rec := range recs {
			changed, err := p.Put(rec)
			if err != nil {
				return err
			}
			if changed {
				n++
			}
		}
		return nil
	})
	return n, err
}

// testLoad checks that a Load puts records as Tx.Put does: the records,
// what lists find of them and their change-log entries; updates and equal
// records; and that a bad record writes nothing.
func testLoad(t *testing.T, s store.Store) {
	if _, ok := s.(store.Loader); !ok {
		t.Skip("the store is not a store.Loader")
	}
	set := loadSet()
	if n, err := load(s, set...); err != nil || n != len(set) {
		t.Fatalf("load into an empty store: %d changed, %v", n, err)
	}
	chs, err := s.Changes(ctx, 0, 100)
	if err != nil || len(chs) != len(set) {
		t.Fatalf("changes %d, %v", len(chs), err)
	}
	for i, c := range chs {
		_, id := payloadOf(set[i])
		if c.Seq != uint64(i+1) || c.Op != store.Created || c.Type != set[i].Type || c.ID != id || c.Before != nil || c.After == nil {
			t.Errorf("change %d: %+v", i, c)
		}
	}
	st := set[6].Statement
	view(t, s, func(tx store.Tx) error {
		got, err := tx.Statement(st.ID)
		if err != nil || got.Text != st.Text || !got.CreatedAt.Equal(st.CreatedAt) {
			t.Errorf("statement %+v, %v", got, err)
		}
		conn, err := tx.ListStatements(store.StatementFilter{SpeakerIDs: []string{st.SpeakerID}, TopicIDs: []string{set[3].Topic.ID}}, store.Page{})
		if err != nil || !slices.Equal(idsOf(conn.Items), []string{st.ID}) {
			t.Errorf("statements by speaker and parent topic: %v, %v", conn, err)
		}
		sps, err := tx.ListSpeakers(store.SpeakerFilter{Name: "marsh"}, store.Page{})
		if err != nil || !slices.Equal(idsOf(sps.Items), []string{set[0].Speaker.ID}) {
			t.Errorf("speakers by name: %v, %v", sps, err)
		}
		return nil
	})

	again := loadSet()
	again[0].Speaker.Description = "Mayor since 2020"
	newer := *again[6].Statement
	newer.ID, newer.Span, newer.Text = "0190a1b2-c3d4-7e5f-8a9b-000000000009", nil, "Another statement"
	again = append(again, store.Record{Type: store.StatementType, Statement: &newer})
	if n, err := load(s, again...); err != nil || n != 2 {
		t.Fatalf("load of one changed, one new and equal records: %d changed, %v", n, err)
	}
	if seq := lastSeq(t, s); seq != uint64(len(set)+2) {
		t.Fatalf("after a load of one change and one record: last seq %d", seq)
	}
	testLoadTwice(t, s)
	testLoadErrors(t, s)
}

// testLoadTwice puts a new record twice in one load: the second Put updates
// the first.
func testLoadTwice(t *testing.T, s store.Store) {
	ts := time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)
	first := &store.Speaker{ID: "0190a1b2-c3d4-7e5f-8a9b-000000000010", Name: "Ola Strand", CreatedAt: ts, UpdatedAt: ts}
	second := *first
	second.Description = "Councillor"
	if n, err := load(s, store.Record{Type: store.SpeakerType, Speaker: first}, store.Record{Type: store.SpeakerType, Speaker: &second}); err != nil || n != 2 {
		t.Fatalf("a record put twice: %d changed, %v", n, err)
	}
	view(t, s, func(tx store.Tx) error {
		h, err := tx.History(first.ID)
		if err != nil || len(h) != 2 || h[0].Op != store.Created || h[1].Op != store.Updated {
			t.Errorf("history of a record put twice: %+v, %v", h, err)
		}
		return nil
	})
}

func testLoadErrors(t *testing.T, s store.Store) {
	set := loadSet()
	id := func(n int) string { return fmt.Sprintf("0190a1b2-c3d4-7e5f-8a9b-%012d", n) }
	ok := &store.Speaker{ID: id(20), Name: "Written Before The Error"}
	tests := []struct {
		name string
		rec  store.Record
		want errs.Kind
	}{
		{"a stored speaker's name", store.Record{Type: store.SpeakerType, Speaker: &store.Speaker{ID: id(21), Name: "Tilde Marsh"}}, errs.Conflict},
		{"a name put before in the load", store.Record{Type: store.SpeakerType, Speaker: &store.Speaker{ID: id(21), Name: ok.Name}}, errs.Conflict},
		{"an organisation's short name", store.Record{Type: store.OrganisationType, Organisation: &store.Organisation{ID: id(21), Name: "Hill Party", ShortName: "hp", Kind: store.Party}}, errs.Conflict},
		{"a topic's slug", store.Record{Type: store.TopicType, Topic: &store.Topic{ID: id(21), Name: "Bridges"}}, errs.Conflict},
		{"the id of another type", store.Record{Type: store.TopicType, Topic: &store.Topic{ID: set[0].Speaker.ID, Name: "Ferries"}}, errs.Conflict},
		{"a missing speaker", store.Record{Type: store.StatementType, Statement: &store.Statement{ID: id(21), Text: "x", Kind: store.Direct, SpeakerID: id(99)}}, errs.NotFound},
		{"a missing topic", store.Record{Type: store.StatementType, Statement: &store.Statement{ID: id(21), Text: "x", Kind: store.Direct, TopicIDs: []string{id(99)}}}, errs.NotFound},
		{"a missing parent", store.Record{Type: store.TopicType, Topic: &store.Topic{ID: id(21), Name: "Ferries", ParentID: id(99)}}, errs.NotFound},
		{"a span off the source", store.Record{Type: store.StatementType, Statement: &store.Statement{ID: id(21), Text: "we will close", Kind: store.Direct,
			SourceID: set[5].Source.ID, Span: &store.Span{Start: 0, End: 13}}}, errs.Invalid},
		{"no id", store.Record{Type: store.SpeakerType, Speaker: &store.Speaker{Name: "Nobody"}}, errs.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := lastSeq(t, s)
			okCopy := *ok
			_, err := load(s, store.Record{Type: store.SpeakerType, Speaker: &okCopy}, tt.rec)
			wantKind(t, err, tt.want)
			if seq := lastSeq(t, s); seq != before {
				t.Errorf("a failed load logged changes: last seq %d, was %d", seq, before)
			}
			view(t, s, func(tx store.Tx) error {
				if _, err := tx.Speaker(ok.ID); !errs.Is(err, errs.NotFound) {
					t.Errorf("a failed load wrote the record before the bad one: %v", err)
				}
				return nil
			})
		})
	}
}

// payloadOf returns the type and id of the record rec holds.
func payloadOf(rec store.Record) (store.RecordType, string) {
	switch rec.Type {
	case store.SpeakerType:
		return rec.Type, rec.Speaker.ID
	case store.OrganisationType:
		return rec.Type, rec.Organisation.ID
	case store.AffiliationType:
		return rec.Type, rec.Affiliation.ID
	case store.TopicType:
		return rec.Type, rec.Topic.ID
	case store.SourceType:
		return rec.Type, rec.Source.ID
	case store.StatementType:
		return rec.Type, rec.Statement.ID
	}
	return rec.Type, rec.ClaimReview.ID
}
