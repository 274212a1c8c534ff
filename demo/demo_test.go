package demo_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// names maps the names of organisations, speakers, topics and sources to
// their ids, and ids back to names.
type names map[string]string

func lookup(t *testing.T, s store.Store) names {
	t.Helper()
	n := names{}
	all := store.Page{First: store.MaxPageSize}
	err := s.View(context.Background(), func(tx store.Tx) error {
		orgs, err := tx.ListOrganisations(store.OrganisationFilter{}, all)
		if err != nil {
			return err
		}
		for _, o := range orgs.Items {
			n[o.Name], n[o.ID] = o.ID, o.Name
		}
		people, err := tx.ListSpeakers(store.SpeakerFilter{}, all)
		if err != nil {
			return err
		}
		for _, p := range people.Items {
			n[p.Name], n[p.ID] = p.ID, p.Name
		}
		topics, err := tx.ListTopics(store.TopicFilter{}, all)
		if err != nil {
			return err
		}
		for _, tp := range topics.Items {
			n[tp.Name], n[tp.ID] = tp.ID, tp.Name
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// statements returns the statements matching f, as "speaker: text".
func statements(t *testing.T, s store.Store, n names, f store.StatementFilter) []string {
	t.Helper()
	var out []string
	err := s.View(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListStatements(f, store.Page{First: store.MaxPageSize})
		if err != nil {
			return err
		}
		for _, st := range c.Items {
			out = append(out, n[st.SpeakerID]+": "+st.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	s := bolttest.Open(t)
	loaded, err := demo.Load(ctx, s)
	if err != nil || !loaded {
		t.Fatalf("Load = %v, %v; want true", loaded, err)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check after Load: %v", err)
	}
	changes, err := s.Changes(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) == 0 || changes[0].Actor != demo.Actor {
		t.Errorf("change log after Load: %d entries, first %+v; want entries by %q", len(changes), changes, demo.Actor)
	}

	loaded, err = demo.Load(ctx, s)
	if err != nil || loaded {
		t.Fatalf("second Load = %v, %v; want false", loaded, err)
	}
	again, err := s.Changes(ctx, 0, 1000)
	if err != nil || len(again) != len(changes) {
		t.Errorf("second Load wrote: %d changes, then %d (%v)", len(changes), len(again), err)
	}

	counts := map[string]int{}
	err = s.View(ctx, func(tx store.Tx) error {
		all := store.Page{First: store.MaxPageSize, Count: true}
		o, err := tx.ListOrganisations(store.OrganisationFilter{}, all)
		if err != nil {
			return err
		}
		p, err := tx.ListSpeakers(store.SpeakerFilter{}, all)
		if err != nil {
			return err
		}
		tp, err := tx.ListTopics(store.TopicFilter{}, all)
		if err != nil {
			return err
		}
		a, err := tx.ListAffiliations(store.AffiliationFilter{}, all)
		if err != nil {
			return err
		}
		src, err := tx.ListSources(store.SourceFilter{}, all)
		if err != nil {
			return err
		}
		st, err := tx.ListStatements(store.StatementFilter{}, all)
		if err != nil {
			return err
		}
		counts["organisations"], counts["speakers"], counts["topics"] = len(o.Items), len(p.Items), len(tp.Items)
		counts["affiliations"], counts["sources"], counts["statements"] = len(a.Items), len(src.Items), len(st.Items)
		// Every statement's span holds its text in its source.
		for _, stmt := range st.Items {
			source, err := tx.Source(stmt.SourceID)
			if err != nil {
				return err
			}
			if stmt.Span == nil || source.Text[stmt.Span.Start:stmt.Span.End] != stmt.Text {
				t.Errorf("statement %q: span %v does not hold it in %q", stmt.Text, stmt.Span, source.Title)
			}
			if stmt.Language != "en" || stmt.Said.IsZero() {
				t.Errorf("statement %q: language %q, said %v", stmt.Text, stmt.Language, stmt.Said)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"organisations": 6, "speakers": 7, "topics": 6, "affiliations": 8, "sources": 4, "statements": 15}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("%d %s, want %d", counts[k], k, v)
		}
	}
}

// TestOrganisationAtTheTime runs the questions the dataset is built for:
// membership is judged on the date said, so Tural Mammadli speaks for the
// APFP in 2021 and for the NCDF in 2022.
func TestOrganisationAtTheTime(t *testing.T) {
	s := bolttest.Open(t)
	if _, err := demo.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	n := lookup(t, s)
	march := partialdate.Of(partialdate.MustParse("2022-03"))

	tests := []struct {
		name        string
		filter      store.StatementFilter
		count       int
		speakers    []string // each must have at least one match
		notSpeakers []string // none may
	}{
		{
			name:        "APFP on the war in Ukraine in March 2022",
			filter:      store.StatementFilter{OrganisationIDs: []string{n[demo.APFP]}, TopicIDs: []string{n[demo.WarInUkraine]}, Said: march},
			count:       4, // Salimli's rally words twice: digest and roundup
			speakers:    []string{demo.OrkhanSalimli, demo.FaridGasimli},
			notSpeakers: []string{demo.TuralMammadli},
		},
		{
			name:        "APFP on foreign policy (with subtopics) in March 2022",
			filter:      store.StatementFilter{OrganisationIDs: []string{n[demo.APFP]}, TopicIDs: []string{n[demo.ForeignPolicy]}, Said: march},
			count:       4,
			speakers:    []string{demo.OrkhanSalimli, demo.FaridGasimli},
			notSpeakers: []string{demo.TuralMammadli, demo.NigarRzayeva},
		},
		{
			name:     "NCDF on the war in Ukraine in March 2022",
			filter:   store.StatementFilter{OrganisationIDs: []string{n[demo.NCDF]}, TopicIDs: []string{n[demo.WarInUkraine]}, Said: march},
			count:    1,
			speakers: []string{demo.TuralMammadli},
		},
		{
			name:     "APFP on Karabakh in 2021, when Mammadli was a member",
			filter:   store.StatementFilter{OrganisationIDs: []string{n[demo.APFP]}, TopicIDs: []string{n[demo.Karabakh]}, Said: partialdate.Of(partialdate.MustParse("2021"))},
			count:    2,
			speakers: []string{demo.OrkhanSalimli, demo.TuralMammadli},
		},
		{
			name:     "explicit organisation",
			filter:   store.StatementFilter{OrganisationIDs: []string{n[demo.ForeignMinistry]}, Said: march},
			count:    1,
			speakers: []string{demo.ElnurSafarov},
		},
		{
			name:   "covering the 44-day war",
			filter: store.StatementFilter{Covers: partialdate.Of(partialdate.MustParse("2020-10"))},
			count:  2,
		},
		{
			name:   "disputed",
			filter: store.StatementFilter{Statuses: []store.Status{store.Disputed}},
			count:  1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := statements(t, s, n, tt.filter)
			if len(got) != tt.count {
				t.Errorf("%d statements, want %d: %q", len(got), tt.count, got)
			}
			for _, sp := range tt.speakers {
				if !slices.ContainsFunc(got, func(g string) bool { return hasSpeaker(g, sp) }) {
					t.Errorf("no statement by %s in %q", sp, got)
				}
			}
			for _, sp := range tt.notSpeakers {
				if slices.ContainsFunc(got, func(g string) bool { return hasSpeaker(g, sp) }) {
					t.Errorf("statement by %s in %q", sp, got)
				}
			}
		})
	}
}

func hasSpeaker(line, speaker string) bool { return strings.HasPrefix(line, speaker+": ") }

// TestLoadNotEmpty checks that a database with any record is left alone.
func TestLoadNotEmpty(t *testing.T) {
	ctx := context.Background()
	s := bolttest.Open(t)
	err := s.Update(ctx, func(tx store.Tx) error {
		return tx.CreateTopic(&store.Topic{Name: "Elections"})
	})
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := demo.Load(ctx, s)
	if err != nil || loaded {
		t.Fatalf("Load = %v, %v; want false", loaded, err)
	}
	if n := lookup(t, s); len(n) != 2 {
		t.Errorf("after Load: %v, want only the one topic", n)
	}
}
