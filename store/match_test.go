package store_test

import (
	"slices"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// TestStatementMatcherAgreesWithLists checks, on the demo data, that the
// matcher selects exactly the statements the store lists for each filter.
func TestStatementMatcherAgreesWithLists(t *testing.T) {
	s := bolttest.Open(t)
	if _, err := demo.Load(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	err := s.View(t.Context(), func(tx store.Tx) error {
		id := func(typ string, name string) string {
			t.Helper()
			var ids []string
			var err error
			switch typ {
			case "org":
				var os []*store.Organisation
				os, err = store.OrganisationsNamed(tx, name)
				for _, o := range os {
					ids = append(ids, o.ID)
				}
			case "speaker":
				var ss []*store.Speaker
				ss, err = store.SpeakersNamed(tx, name)
				for _, x := range ss {
					ids = append(ids, x.ID)
				}
			case "topic":
				var ts []*store.Topic
				ts, err = store.TopicsNamed(tx, name)
				for _, x := range ts {
					ids = append(ids, x.ID)
				}
			}
			if err != nil || len(ids) != 1 {
				t.Fatalf("%s %q: %v %v", typ, name, ids, err)
			}
			return ids[0]
		}
		march := partialdate.Of(partialdate.MustParse("2022-03"))
		filters := map[string]store.StatementFilter{
			"all":                    {},
			"APFP war March 2022":    {OrganisationIDs: []string{id("org", demo.APFP)}, TopicIDs: []string{id("topic", demo.WarInUkraine)}, Said: march},
			"foreign policy subtree": {TopicIDs: []string{id("topic", demo.ForeignPolicy)}},
			"NCDF":                   {OrganisationIDs: []string{id("org", demo.NCDF)}},
			"speaker, direct":        {SpeakerIDs: []string{id("speaker", demo.OrkhanSalimli)}, Kinds: []store.StatementKind{store.Direct}},
			"text, folded":           {TextContains: "UKRAINE"},
			"covers 2020":            {Covers: partialdate.Of(partialdate.MustParse("2020"))},
			"said 2021, excluded":    {Said: partialdate.Of(partialdate.MustParse("2021")), ExcludeSpeakerIDs: []string{id("speaker", demo.TuralMammadli)}},
			"status":                 {Statuses: []store.Status{store.Verified, store.Disputed}},
		}
		all, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: store.MaxPageSize})
		if err != nil {
			return err
		}
		for name, f := range filters {
			listed, err := tx.ListStatements(f, store.Page{First: store.MaxPageSize})
			if err != nil {
				return err
			}
			m, err := store.NewStatementMatcher(tx, f)
			if err != nil {
				return err
			}
			var want, got []string
			for _, st := range listed.Items {
				want = append(want, st.ID)
			}
			for _, st := range all.Items {
				if m.Match(st) {
					got = append(got, st.ID)
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s: matcher selects %d statements, the store lists %d", name, len(got), len(want))
			}
			if name != "all" && (len(want) == len(all.Items) || len(want) == 0) {
				t.Errorf("%s: selects %d of %d statements, so it tests nothing", name, len(want), len(all.Items))
			}
		}
		if _, err := store.NewStatementMatcher(tx, store.StatementFilter{Kinds: []store.StatementKind{"SUNG"}}); err == nil {
			t.Error("a bad kind was accepted")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
