package service_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/corpustest"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/service"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

var ctx = context.Background()

func find(t *testing.T, sts []*store.Statement, words string) *store.Statement {
	t.Helper()
	for _, st := range sts {
		if strings.Contains(st.Text, words) {
			return st
		}
	}
	t.Fatalf("no statement with %q", words)
	return nil
}

// related lists every statement Related returns, through pages of two to
// exercise paging.
func related(t *testing.T, svc *service.Service, id string, days int) []*store.Statement {
	t.Helper()
	var out []*store.Statement
	p := store.Page{First: 2}
	for {
		c, err := svc.Related(ctx, id, days, p)
		if err != nil {
			t.Fatalf("Related: %v", err)
		}
		out = append(out, c.Items...)
		if !c.HasNext {
			return out
		}
		p.After = c.Cursors[len(c.Cursors)-1]
	}
}

func TestRelatedDemo(t *testing.T) {
	s := bolttest.Open(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	sts := corpustest.Statements(t, s)
	svc := &service.Service{Store: s}
	rally := find(t, sts, "Ukrainian cities are being shelled. We lived") // Salimli, 2022-03-08, War in Ukraine
	press := find(t, sts, "Two of our correspondents")                    // Huseynova, 2022-03, Freedom of the press
	tests := []struct {
		name string
		of   *store.Statement
		days int
		want []string // words of each related statement, in list order
	}{
		{"a month either side", rally, 30, []string{
			"an open debate in parliament",          // Gasimli, 2022-02: overlaps from 6 February
			"the war would put the ceasefire",       // Rzayeva, 2022-03 (a month sorts before its days), also on Karabakh
			"sovereignty and territorial integrity", // Safarov, 2022-03-02
			"neutrality towards an invasion",        // Gasimli, 2022-03-03
			"collect aid for Ukrainian refugees",    // Mammadli, 2022-03-09
		}},
		{"a day either side", rally, 1, []string{
			"the war would put the ceasefire", // "2022-03" has days within a day of the 8th
			"collect aid for Ukrainian refugees",
		}},
		{"the same day", rally, 0, []string{"the war would put the ceasefire"}},
		{"another topic", press, 30, []string{"Writing from abroad"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := related(t, svc, tc.of.ID, tc.days)
			var words []string
			for _, g := range got {
				if g.SpeakerID == tc.of.SpeakerID {
					t.Errorf("related statement by the same speaker: %q", g.Text)
				}
				words = append(words, g.Text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d related, want %d: %q", len(got), len(tc.want), words)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i].Text, w) {
					t.Errorf("related %d = %q, want one with %q", i, got[i].Text, w)
				}
			}
		})
	}
	if _, err := svc.Related(ctx, rally.ID, -1, store.Page{}); errs.KindOf(err) != errs.Invalid {
		t.Errorf("negative window: %v, want Invalid", err)
	}
	if _, err := svc.Related(ctx, "01956c3e-0000-7000-8000-000000000001", 30, store.Page{}); errs.KindOf(err) != errs.NotFound {
		t.Errorf("unknown statement: %v, want NotFound", err)
	}
}

// TestCorpusCrossReference ingests the shared corpus and checks the
// near-duplicate index and related statements against brute force over
// every statement.
func TestCorpusCrossReference(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the whole corpus")
	}
	s := bolttest.Open(t)
	sts := corpustest.Ingest(t, s)
	shingles := make([][]uint32, len(sts))
	for i, st := range sts {
		shingles[i] = dedup.Shingles(st.Text)
	}
	sources := map[string]*store.Source{}
	var pairs, clusters int
	err := s.View(ctx, func(tx store.Tx) error {
		for i, st := range sts {
			var want []string
			for j, other := range sts {
				if i == j || dedup.Jaccard(shingles[i], shingles[j]) >= dedup.Threshold {
					want = append(want, other.ID)
				}
			}
			apps, err := tx.Appearances(st.ID)
			if err != nil {
				return err
			}
			var got []string
			for k, a := range apps {
				got = append(got, a.Statement.ID)
				if a.First != (k == 0) {
					t.Errorf("appearance %d of %s: First = %v", k, st.ID, a.First)
				}
				if k > 0 && !a.Date.IsZero() && (apps[k-1].Date.IsZero() || apps[k-1].Date.Compare(a.Date) > 0) {
					t.Errorf("appearances of %s out of date order: %v before %v", st.ID, apps[k-1].Date, a.Date)
				}
				if a.Source != nil {
					sources[a.Source.ID] = a.Source
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("appearances of %q: %d, brute force finds %d", st.Text, len(got), len(want))
			}
			pairs += len(want) - 1
			if len(want) > 1 {
				clusters++
				t.Logf("near duplicates: %q", func() (texts []string) {
					for _, a := range apps {
						texts = append(texts, a.Date.String()+" "+a.Statement.Text)
					}
					return texts
				}())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d statements, %d with near duplicates, %d near-duplicate pairs (ordered)", len(sts), clusters, pairs)
	// The news set holds one article twice, once with typographic
	// apostrophes: its statements must be found as near duplicates.
	if clusters == 0 {
		t.Error("no near duplicates found in the corpus")
	}

	// Related, against a brute-force reading of its definition.
	svc := &service.Service{Store: s}
	topicsOf := map[string][]string{} // topic → itself and its subtopics
	err = s.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListTopics(store.TopicFilter{}, store.Page{First: store.MaxPageSize})
		if err != nil {
			return err
		}
		for _, tp := range c.Items {
			for id := tp.ID; id != ""; {
				topicsOf[id] = append(topicsOf[id], tp.ID)
				p, err := tx.Topic(id)
				if err != nil {
					return err
				}
				id = p.ParentID
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked, withRelated := 0, 0
	for _, st := range sts {
		if len(st.TopicIDs) == 0 || st.Said.IsZero() {
			continue
		}
		checked++
		window := partialdate.Range{From: addDays(st.Said.First(), -30), To: addDays(st.Said.Last(), 30)}
		var want []string
		for _, o := range sts {
			onTopic := slices.ContainsFunc(st.TopicIDs, func(tp string) bool {
				return slices.ContainsFunc(o.TopicIDs, func(ot string) bool { return slices.Contains(topicsOf[tp], ot) })
			})
			if o.ID != st.ID && (st.SpeakerID == "" || o.SpeakerID != st.SpeakerID) && onTopic && !o.Said.IsZero() && window.Overlaps(partialdate.Of(o.Said)) {
				want = append(want, o.ID)
			}
		}
		var got []string
		for _, g := range related(t, svc, st.ID, 30) {
			got = append(got, g.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("related of %q: %d, brute force finds %d", st.Text, len(got), len(want))
		}
		if len(want) > 0 {
			withRelated++
		}
	}
	t.Logf("%d statements with topic and date, %d of them with related statements", checked, withRelated)
	if checked == 0 || withRelated == 0 {
		t.Errorf("the corpus gave nothing to relate: %d checked, %d with related statements", checked, withRelated)
	}
}

func addDays(d partialdate.Date, n int) partialdate.Date {
	return partialdate.FromTime(timeOf(d).AddDate(0, 0, n))
}

func timeOf(d partialdate.Date) time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}
