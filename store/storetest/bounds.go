package storetest

import (
	"strings"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// testFieldBounds writes each string field one byte past its bound: the
// write is refused as bad input naming the field, and nothing is stored.
// At the bound it is stored.
func testFieldBounds(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("Ann Roe")
	org := f.org("Harbour Union", "HU", store.NGO)
	src := f.source("Harbour report", "", nil, "2024-03-01")
	st := f.stmt("The harbour will reopen in spring.", sp, "2024-03-01")
	over := func(n int) string { return strings.Repeat("a", n+1) }
	url := func(n int) string {
		return "https://example.org/" + strings.Repeat("p", n+1-len("https://example.org/"))
	}
	name, text := store.MaxNameBytes, store.MaxTextBytes
	tests := []struct {
		field string
		write func(tx store.Tx) error
	}{
		{"speaker name", func(tx store.Tx) error { return tx.CreateSpeaker(&store.Speaker{Name: over(name)}) }},
		{"speaker alias", func(tx store.Tx) error {
			return tx.CreateSpeaker(&store.Speaker{Name: "Bo Lin", Aliases: []string{over(name)}})
		}},
		{"speaker description", func(tx store.Tx) error {
			return tx.CreateSpeaker(&store.Speaker{Name: "Bo Lin", Description: over(text)})
		}},
		{"QID", func(tx store.Tx) error {
			return tx.CreateSpeaker(&store.Speaker{Name: "Bo Lin", QID: "Q" + strings.Repeat("1", name)})
		}},
		{"organisation short name", func(tx store.Tx) error {
			return tx.CreateOrganisation(&store.Organisation{Name: "Dock Union", ShortName: over(name)})
		}},
		{"affiliation role", func(tx store.Tx) error {
			return tx.CreateAffiliation(&store.Affiliation{SpeakerID: sp.ID, OrganisationID: org.ID, Role: over(name)})
		}},
		{"topic slug", func(tx store.Tx) error { return tx.CreateTopic(&store.Topic{Name: "Ports", Slug: over(name)}) }},
		{"source title", func(tx store.Tx) error { return tx.CreateSource(&store.Source{Title: over(name)}) }},
		{"source url", func(tx store.Tx) error {
			return tx.CreateSource(&store.Source{Title: "Ports", URL: url(store.MaxURLBytes)})
		}},
		{"source archived url", func(tx store.Tx) error {
			return tx.CreateSource(&store.Source{Title: "Ports", ArchivedURL: url(store.MaxURLBytes)})
		}},
		{"source language", func(tx store.Tx) error { return tx.CreateSource(&store.Source{Title: "Ports", Language: over(name)}) }},
		{"statement heading", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Heading = over(name) }))
		}},
		{"statement role", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Role = over(name) }))
		}},
		{"statement cue", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Cue = over(name) }))
		}},
		{"statement language", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Language = over(name) }))
		}},
		{"statement origin", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Origin = over(store.MaxOriginBytes) }))
		}},
		{"statement origin", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Origin = "quotebank:\nD" }))
		}},
		{"statement coverage label", func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) {
				s.Covers = []store.Coverage{{Range: rng("2024", "2024"), Label: over(name)}}
			}))
		}},
		{"claim review rating text", func(tx store.Tx) error {
			return tx.CreateClaimReview(&store.ClaimReview{StatementID: st.ID, ReviewerID: org.ID, RatingText: over(name), BestRating: 1, URL: "https://example.org/r"})
		}},
		{"claim review url", func(tx store.Tx) error {
			return tx.CreateClaimReview(&store.ClaimReview{StatementID: st.ID, ReviewerID: org.ID, RatingText: "False", BestRating: 1, URL: url(store.MaxURLBytes)})
		}},
	}
	before := lastSeq(t, s)
	for _, tt := range tests {
		err := try(s, tt.write)
		if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.Message(err), tt.field) {
			t.Errorf("%s past its bound: %v; want BAD_USER_INPUT naming the field", tt.field, err)
		}
	}
	if after := lastSeq(t, s); after != before {
		t.Errorf("refused writes changed the log: seq %d -> %d", before, after)
	}
	// At the bounds, records are stored.
	at := &store.Speaker{Name: strings.Repeat("b", name), Description: strings.Repeat("d", text)}
	update(t, s, func(tx store.Tx) error { return tx.CreateSpeaker(at) })
	src.URL = "https://example.org/" + strings.Repeat("p", store.MaxURLBytes-len("https://example.org/"))
	update(t, s, func(tx store.Tx) error { return tx.UpdateSource(src) })
	origin := with(st, func(s *store.Statement) { s.Origin = strings.Repeat("o", store.MaxOriginBytes) })
	update(t, s, func(tx store.Tx) error { return tx.UpdateStatement(origin) })
	view(t, s, func(tx store.Tx) error {
		got, err := tx.Statement(st.ID)
		if err == nil && got.Origin != origin.Origin {
			t.Errorf("origin at its bound: stored %q", got.Origin)
		}
		return err
	})
}

// testStatementTextBound writes statements past the store's bound on their
// text (store.DefaultMaxStatementBytes, the stores under test being opened
// with their defaults): refused as too large, however written.
func testStatementTextBound(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("Ann Roe")
	long := strings.Repeat("We will rebuild the harbour. ", store.DefaultMaxStatementBytes/29+1)
	st := f.stmt("The harbour will reopen in spring.", sp, "2024-03-01")
	writes := map[string]func(tx store.Tx) error{
		"create": func(tx store.Tx) error { return tx.CreateStatement(&store.Statement{Text: long, Kind: store.Direct}) },
		"update": func(tx store.Tx) error {
			return tx.UpdateStatement(with(st, func(s *store.Statement) { s.Text = long }))
		},
		"put": func(tx store.Tx) error {
			_, err := tx.Put(store.Record{Type: store.StatementType, Statement: with(st, func(s *store.Statement) { s.Text = long })})
			return err
		},
	}
	for name, write := range writes {
		if err := try(s, write); !errs.Is(err, errs.TooLarge) || !strings.Contains(errs.Message(err), "statement text") {
			t.Errorf("%s of a statement of %d bytes: %v; want LIMIT_EXCEEDED", name, len(long), err)
		}
	}
	f.stmt(long[:store.DefaultMaxStatementBytes], sp, "2024-03-01")
}

// testSpanAfterSourceChange checks spans against the source as it stands
// at each write, also when the source changes in the same transaction.
func testSpanAfterSourceChange(t *testing.T, s store.Store) {
	f := fixture{t, s}
	src := f.source("Harbour report", "The mayor said the harbour will reopen.", nil, "2024-03-01")
	stmt := func(text string) *store.Statement {
		return &store.Statement{Text: text, Kind: store.Indirect, SourceID: src.ID, Span: &store.Span{Start: 15, End: 15 + len(text)}}
	}
	err := try(s, func(tx store.Tx) error {
		if err := tx.CreateStatement(stmt("the harbour will reopen")); err != nil {
			t.Errorf("a span holding the statement: %v", err)
		}
		changed := *src
		changed.Text = "The mayor said the airport will close."
		if err := tx.UpdateSource(&changed); err != nil {
			return err
		}
		return tx.CreateStatement(stmt("the harbour will reopen"))
	})
	if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.Message(err), "does not hold the statement text") {
		t.Errorf("a span checked against the source before it changed: %v", err)
	}
}

// with returns a copy of st changed by change.
func with(st *store.Statement, change func(*store.Statement)) *store.Statement {
	c := *st
	change(&c)
	return &c
}
