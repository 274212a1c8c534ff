package storetest

import (
	"slices"
	"testing"

	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Claim reviews, near-duplicate appearances and the exclusions of
// StatementFilter.

func (f fixture) review(st *store.Statement, by *store.Organisation, rating string, value float64) *store.ClaimReview {
	r := &store.ClaimReview{StatementID: st.ID, ReviewerID: by.ID, RatingText: rating, RatingValue: value, BestRating: 5, WorstRating: 1,
		URL: "https://factcheck.example.org/" + rating, Date: date("2022-03-14")}
	update(f.t, f.s, func(tx store.Tx) error { return tx.CreateClaimReview(r) })
	return r
}

func testClaimReviews(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp, checker := f.speaker("A"), f.org("Fact desk", "", store.Media)
	st := f.stmt("Peacekeepers are deployed in the region.", sp, "2022-03")
	other := f.stmt("Something else entirely was said here.", sp, "2022-03")
	r := f.review(st, checker, "True", 5)

	valid := func() *store.ClaimReview {
		return &store.ClaimReview{StatementID: st.ID, ReviewerID: checker.ID, RatingText: "False", RatingValue: 1, BestRating: 5, WorstRating: 1, URL: "https://example.org/r"}
	}
	bad := []struct {
		name string
		edit func(*store.ClaimReview)
		kind errs.Kind
	}{
		{"no statement", func(r *store.ClaimReview) { r.StatementID = "" }, errs.Invalid},
		{"no reviewer", func(r *store.ClaimReview) { r.ReviewerID = "" }, errs.Invalid},
		{"no rating text", func(r *store.ClaimReview) { r.RatingText = "  " }, errs.Invalid},
		{"value above best", func(r *store.ClaimReview) { r.RatingValue = 6 }, errs.Invalid},
		{"value below worst", func(r *store.ClaimReview) { r.RatingValue = 0 }, errs.Invalid},
		{"empty scale", func(r *store.ClaimReview) { r.BestRating, r.WorstRating, r.RatingValue = 3, 3, 3 }, errs.Invalid},
		{"relative url", func(r *store.ClaimReview) { r.URL = "/reviews/1" }, errs.Invalid},
		{"not http", func(r *store.ClaimReview) { r.URL = "ftp://example.org/r" }, errs.Invalid},
		{"no url", func(r *store.ClaimReview) { r.URL = "" }, errs.Invalid},
		{"bad date", func(r *store.ClaimReview) { r.Date.Month = 13; r.Date.Year = 2022 }, errs.Invalid},
		{"unknown statement", func(r *store.ClaimReview) { r.StatementID = "0190aaaa-0000-7000-8000-000000000000" }, errs.NotFound},
		{"reviewer not an organisation", func(r *store.ClaimReview) { r.ReviewerID = sp.ID }, errs.NotFound},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			r := valid()
			tc.edit(r)
			wantKind(t, try(s, func(tx store.Tx) error { return tx.CreateClaimReview(r) }), tc.kind)
		})
	}
	// A reversed scale, where 1 is best, is a scale too.
	reversed := valid()
	reversed.BestRating, reversed.WorstRating, reversed.RatingValue = 1, 5, 4
	update(t, s, func(tx store.Tx) error { return tx.CreateClaimReview(reversed) })

	r.RatingText, r.RatingValue = "Mostly true", 4
	update(t, s, func(tx store.Tx) error { return tx.UpdateClaimReview(r) })
	view(t, s, func(tx store.Tx) error {
		got, err := tx.ClaimReview(r.ID)
		if err != nil || got.RatingText != "Mostly true" || got.RatingValue != 4 || !got.CreatedAt.Equal(r.CreatedAt) {
			t.Errorf("ClaimReview = %+v, %v", got, err)
		}
		if typ, err := tx.TypeOf(r.ID); typ != store.ClaimReviewType || err != nil {
			t.Errorf("TypeOf = %v, %v", typ, err)
		}
		of, err := tx.ReviewsOf([]string{st.ID, other.ID})
		if err != nil || len(of) != 2 || len(of[0]) != 2 || len(of[1]) != 0 {
			t.Errorf("ReviewsOf = %v, %v; want two reviews of the first statement", of, err)
		}
		c, err := tx.ListClaimReviews(store.ClaimReviewFilter{ReviewerID: checker.ID}, store.Page{Count: true})
		if err != nil || c.Total != 2 {
			t.Errorf("ListClaimReviews by reviewer: %+v, %v", c, err)
		}
		c, err = tx.ListClaimReviews(store.ClaimReviewFilter{StatementID: other.ID}, store.Page{})
		if err != nil || len(c.Items) != 0 {
			t.Errorf("ListClaimReviews of an unreviewed statement: %+v, %v", c, err)
		}
		h, err := tx.History(r.ID)
		if err != nil || len(h) != 2 || h[0].Op != store.Created || h[1].Op != store.Updated || h[0].Type != store.ClaimReviewType {
			t.Errorf("History = %+v, %v", h, err)
		}
		return nil
	})

	// The reviewer cannot go while its reviews stand, unless they go too.
	wantKind(t, try(s, func(tx store.Tx) error { return tx.DeleteOrganisation(checker.ID, false) }), errs.Conflict)
	// Merging reviewers moves the reviews.
	merged := f.org("Fact desk (old name)", "", store.Media)
	update(t, s, func(tx store.Tx) error { return tx.MergeOrganisations(merged.ID, checker.ID) })
	view(t, s, func(tx store.Tx) error {
		got, err := tx.ClaimReview(r.ID)
		if err != nil || got.ReviewerID != merged.ID {
			t.Errorf("after merge: %+v, %v", got, err)
		}
		return nil
	})
	// Deleting the statement deletes its reviews, with log entries.
	update(t, s, func(tx store.Tx) error { return tx.DeleteStatement(st.ID) })
	view(t, s, func(tx store.Tx) error {
		gone(t, tx, r.ID)
		gone(t, tx, reversed.ID)
		h, err := tx.History(r.ID)
		if err != nil || len(h) == 0 || h[len(h)-1].Op != store.Deleted {
			t.Errorf("History after delete = %+v, %v", h, err)
		}
		return nil
	})
	// A cascade through the speaker does the same.
	r2 := f.review(other, merged, "False", 1)
	update(t, s, func(tx store.Tx) error { return tx.DeleteSpeaker(sp.ID, true) })
	view(t, s, func(tx store.Tx) error { gone(t, tx, r2.ID); return nil })
	// And a cascading delete of the reviewer deletes its reviews.
	st3 := f.stmt("Yet another statement to be reviewed here.", nil, "2022")
	r3 := f.review(st3, merged, "False", 1)
	update(t, s, func(tx store.Tx) error { return tx.DeleteOrganisation(merged.ID, true) })
	view(t, s, func(tx store.Tx) error { gone(t, tx, r3.ID); return nil })
	// Put keeps a review as given.
	r3.ReviewerID = f.org("Another desk", "", store.Media).ID
	update(t, s, func(tx store.Tx) error {
		changed, err := tx.Put(store.Record{Type: store.ClaimReviewType, ClaimReview: r3})
		if err == nil && !changed {
			t.Error("Put of a deleted review changed nothing")
		}
		return err
	})
}

func testAppearances(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b := f.speaker("A"), f.speaker("B")
	const words = "Azerbaijan cannot stay silent while Ukrainian cities are being shelled, we know what occupation means."
	late := f.source("Weekly digest", "x", nil, "2022-03-11")
	early := f.source("Evening news", "y", nil, "2022-03-09")
	undated := f.source("Undated blog", "z", nil, "")
	in := func(src *store.Source) func(*store.Statement) {
		return func(st *store.Statement) { st.SourceID = src.ID }
	}
	// Created in this order; they appeared in another.
	inDigest := f.stmt(words, a, "2022-03-08", in(late))
	onBlog := f.stmt("“Azerbaijan cannot stay silent while Ukrainian cities are being shelled — we know what occupation means”", a, "", in(undated))
	onRadio := f.stmt("Azerbaijan cannot stay silent while Ukrainian cities are being shelled - we know what occupation meant.", a, "2022-03-08", in(early))
	noSource := f.stmt(words, b, "2022-03-10") // attributed to another speaker: still the same words
	f.stmt("Azerbaijan will stay neutral while the war goes on, and we know what that means.", a, "2022-03-08", in(early))
	short := f.stmt("No comment.", a, "2022-03-08")
	f.stmt("No comment.", b, "2022-03-08")

	check := func(id string, want ...*store.Statement) {
		t.Helper()
		view(t, s, func(tx store.Tx) error {
			got, err := tx.Appearances(id)
			if err != nil {
				t.Fatalf("Appearances: %v", err)
			}
			var ids []string
			for _, g := range got {
				ids = append(ids, g.Statement.ID)
				if g.Similarity < dedup.Threshold || g.Similarity > 1 || g.Statement.ID == id && g.Similarity != 1 {
					t.Errorf("similarity of %q = %v", g.Statement.Text, g.Similarity)
				}
			}
			var wantIDs []string
			for _, w := range want {
				wantIDs = append(wantIDs, w.ID)
			}
			if !slices.Equal(ids, wantIDs) {
				var texts []string
				for _, g := range got {
					texts = append(texts, g.Date.String()+" "+g.Statement.Text)
				}
				t.Errorf("Appearances(%s) = %q, want %d in order", id, texts, len(want))
			}
			return nil
		})
	}
	// Earliest source first; a statement without a source by its date said;
	// unknown dates last.
	cluster := []*store.Statement{onRadio, noSource, inDigest, onBlog}
	for _, st := range cluster {
		check(st.ID, cluster...)
	}
	check(short.ID, short)

	// Editing a statement's text moves it out of its cluster, in the same
	// transaction.
	onRadio.Text = "Something else altogether was said on the radio that evening."
	update(t, s, func(tx store.Tx) error { return tx.UpdateStatement(onRadio) })
	check(inDigest.ID, noSource, inDigest, onBlog)
	update(t, s, func(tx store.Tx) error { return tx.DeleteStatement(noSource.ID) })
	check(inDigest.ID, inDigest, onBlog)
	view(t, s, func(tx store.Tx) error {
		_, err := tx.Appearances("not-a-uuid")
		wantKind(t, err, errs.Invalid)
		_, err = tx.Appearances(noSource.ID)
		wantKind(t, err, errs.NotFound)
		return nil
	})
}

func testStatementExclusions(t *testing.T, s store.Store) {
	f := fixture{t, s}
	a, b := f.speaker("A"), f.speaker("B")
	tp := f.topic("War", nil)
	on := func(st *store.Statement) { st.TopicIDs = []string{tp.ID} }
	a1 := f.stmt("a one", a, "2022-03-01", on)
	a2 := f.stmt("a two", a, "2022-03-02", on)
	b1 := f.stmt("b one", b, "2022-03-03", on)
	anon := f.stmt("anonymous", nil, "2022-03-04", on)
	tests := []struct {
		name string
		f    store.StatementFilter
		want []*store.Statement
	}{
		{"speaker", store.StatementFilter{TopicIDs: []string{tp.ID}, ExcludeSpeakerIDs: []string{a.ID}}, []*store.Statement{b1, anon}},
		{"ids", store.StatementFilter{ExcludeIDs: []string{a1.ID, anon.ID}}, []*store.Statement{a2, b1}},
		{"both", store.StatementFilter{ExcludeIDs: []string{b1.ID}, ExcludeSpeakerIDs: []string{a.ID}}, []*store.Statement{anon}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			view(t, s, func(tx store.Tx) error {
				c, err := tx.ListStatements(tc.f, store.Page{Count: true})
				if err != nil {
					return err
				}
				if len(c.Items) != len(tc.want) || c.Total != len(tc.want) {
					t.Fatalf("got %d (total %d), want %d", len(c.Items), c.Total, len(tc.want))
				}
				for i, w := range tc.want {
					if c.Items[i].ID != w.ID {
						t.Errorf("item %d = %q, want %q", i, c.Items[i].Text, w.Text)
					}
				}
				return nil
			})
		})
	}
	view(t, s, func(tx store.Tx) error {
		_, err := tx.ListStatements(store.StatementFilter{ExcludeSpeakerIDs: []string{"x"}}, store.Page{})
		wantKind(t, err, errs.Invalid)
		return nil
	})
}
