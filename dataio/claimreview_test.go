package dataio_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/dataio"
	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/jsonld"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// demoWithIndex returns the demo database and its search index, current.
func demoWithIndex(t *testing.T) (store.Store, *search.Index) {
	t.Helper()
	s := bolttest.Open(t)
	if _, err := demo.Load(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(s, t.TempDir(), search.Options{})
	t.Cleanup(func() { ix.Close() })
	if err := ix.WaitCurrent(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s, ix
}

// feed returns every claim review of s as a DataFeed, as
// GET /claimreviews.jsonld serves it.
func feed(t *testing.T, s store.Store) (string, int) {
	t.Helper()
	var b bytes.Buffer
	var n int
	err := s.View(t.Context(), func(tx store.Tx) (err error) {
		n, err = jsonld.WriteFeed(t.Context(), tx, &b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), n
}

// TestClaimReviewRoundTrip imports the feed of the demo's claim reviews
// into the demo database: every review matches the statement it reviews,
// and nothing changes.
func TestClaimReviewRoundTrip(t *testing.T) {
	s, ix := demoWithIndex(t)
	text, n := feed(t, s)
	if n == 0 {
		t.Fatal("the demo has no claim reviews")
	}
	rep, err := dataio.ImportClaimReviews(t.Context(), s, ix, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Read != n || len(rep.Unmatched) != 0 || rep.Counts.Unchanged[store.ClaimReviewType] != n {
		t.Errorf("import of the feed of %d reviews: %+v", n, rep)
	}
}

// demoStatement returns a demo statement with a speaker and a source url.
func demoStatement(t *testing.T, s store.Store) (*store.Statement, *store.Speaker, *store.Source) {
	t.Helper()
	var st *store.Statement
	var sp *store.Speaker
	var src *store.Source
	err := s.View(t.Context(), func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 100})
		if err != nil {
			return err
		}
		for _, x := range c.Items {
			if x.SpeakerID == "" || x.SourceID == "" || len(strings.Fields(x.Text)) < 8 {
				continue
			}
			if src, err = tx.Source(x.SourceID); err != nil {
				return err
			}
			if src.URL == "" {
				continue
			}
			st = x
			sp, err = tx.Speaker(x.SpeakerID)
			return err
		}
		return nil
	})
	if err != nil || st == nil {
		t.Fatalf("no demo statement with a speaker and a source url: %v", err)
	}
	return st, sp, src
}

func reviewDoc(claim, author, qid, firstURL, url string) map[string]any {
	a := map[string]any{"@type": "Person", "name": author}
	if qid != "" {
		a["sameAs"] = "https://www.wikidata.org/wiki/" + qid
	}
	return map[string]any{
		"@type": "ClaimReview", "url": url, "claimReviewed": claim, "datePublished": "2024-05-02T09:00:00Z",
		"author":       map[string]any{"@type": "Organization", "name": "Example Fact Desk"},
		"reviewRating": map[string]any{"@type": "Rating", "ratingValue": "2", "bestRating": "5", "worstRating": "1", "alternateName": "Mostly false"},
		"itemReviewed": map[string]any{"@type": "Claim", "author": a, "firstAppearance": map[string]any{"@type": "CreativeWork", "url": firstURL}},
	}
}

// TestClaimReviewMatching imports a hand-written DataFeed: a review of a
// stored statement is written on it, and links its speaker's Wikidata id;
// claims in no statement's words, by another author or first seen
// elsewhere are reported, not guessed, and not written.
func TestClaimReviewMatching(t *testing.T) {
	s, ix := demoWithIndex(t)
	st, sp, src := demoStatement(t, s)
	words := strings.Join(strings.Fields(st.Text)[:6], " ")
	doc := map[string]any{
		"@context": "https://schema.org", "@type": "DataFeed",
		"dataFeedElement": []any{
			map[string]any{"@type": "DataFeedItem", "item": []any{reviewDoc(words, sp.Name, "Q4242424242", src.URL, "https://factdesk.example/r/1")}},
			reviewDoc("the moon is made of green cheese entirely", sp.Name, "", "", "https://factdesk.example/r/2"),
			reviewDoc(words, "Nobody Inparticular", "", "", "https://factdesk.example/r/3"),
			reviewDoc(words, sp.Name, "", "https://elsewhere.example/a", "https://factdesk.example/r/4"),
		},
	}
	b, _ := json.Marshal(doc)
	rep, err := dataio.ImportClaimReviews(t.Context(), s, ix, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Read != 4 || rep.Counts.Created[store.ClaimReviewType] != 1 || len(rep.Unmatched) != 3 {
		t.Fatalf("report %+v", rep)
	}
	for i, want := range []string{"no stored statement", "not as said by Nobody", "appeared first at https://elsewhere.example/a"} {
		if got := rep.Unmatched[i].Reason; !strings.Contains(got, want) {
			t.Errorf("unmatched %d: %q, want %q", i, got, want)
		}
	}
	err = s.View(context.Background(), func(tx store.Tx) error {
		reviews, err := tx.ReviewsOf([]string{st.ID})
		if err != nil {
			return err
		}
		found := false
		for _, r := range reviews[0] {
			if r.URL == "https://factdesk.example/r/1" {
				found = r.RatingText == "Mostly false" && r.RatingValue == 2 && r.Date.String() == "2024-05-02"
			}
		}
		if !found {
			t.Errorf("review not on statement %s: %+v", st.ID, reviews[0])
		}
		after, err := tx.Speaker(sp.ID)
		if sp.QID == "" && (err != nil || after.QID != "Q4242424242") {
			t.Errorf("speaker QID after import: %+v %v", after, err)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestClaimReviewBadInput(t *testing.T) {
	s, ix := demoWithIndex(t)
	good := reviewDoc("some words of a claim here", "A", "", "", "https://factdesk.example/r/1")
	noURL := reviewDoc("some words", "A", "", "", "")
	badDate := reviewDoc("some words", "A", "", "", "https://factdesk.example/r/2")
	badDate["datePublished"] = "2024-13-40"
	badRating := reviewDoc("some words", "A", "", "", "https://factdesk.example/r/3")
	badRating["reviewRating"] = map[string]any{"ratingValue": "two"}
	for name, tc := range map[string]struct {
		doc  any
		want string
	}{
		"not json":   {"{\n\"@type\": \"ClaimReview\",\n,", "line 3"},
		"no reviews": {map[string]any{"@type": "DataFeed", "dataFeedElement": []any{}}, "no ClaimReview"},
		"no url":     {[]any{good, noURL}, "review 2"},
		"bad date":   {[]any{good, badDate}, "review 2"},
		"bad rating": {[]any{good, good, badRating}, "review 3"},
	} {
		t.Run(name, func(t *testing.T) {
			text, ok := tc.doc.(string)
			if !ok {
				b, _ := json.Marshal(tc.doc)
				text = string(b)
			}
			before := total(t, s)
			_, err := dataio.ImportClaimReviews(t.Context(), s, ix, strings.NewReader(text))
			if !errs.Is(err, errs.Invalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want invalid input naming %q", err, tc.want)
			}
			if total(t, s) != before {
				t.Error("a failed import wrote records")
			}
		})
	}
}
