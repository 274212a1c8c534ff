package dataio

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/verify"
)

// MaxClaimReviewBytes bounds a ClaimReview document or feed.
const MaxClaimReviewBytes = 64 << 20

// ReviewInput is one schema.org ClaimReview as read from a document.
type ReviewInput struct {
	At          string // where in the document: "review 3"
	URL         string
	Claim       string // claimReviewed, or the Claim's text
	Author      string // the Claim's author, by name
	AuthorQID   string // from the author's sameAs, when a Wikidata page
	ClaimDate   partialdate.Date
	FirstURL    string // the Claim's firstAppearance
	Reviewer    string // the ClaimReview's author, an organisation
	Date        partialdate.Date
	RatingText  string
	RatingValue float64
	BestRating  float64
	WorstRating float64
}

// Unmatched is a review whose claim matched no stored statement, or more
// than one, with why; it is reported, not written.
type Unmatched struct {
	Review ReviewInput
	Reason string
}

// ReviewReport says what ImportClaimReviews did.
type ReviewReport struct {
	Read      int
	Counts    Counts
	Unmatched []Unmatched
}

// ImportClaimReviews reads schema.org ClaimReview JSON-LD from r (one
// ClaimReview, a list of them, or a DataFeed of DataFeedItems or
// ClaimReviews, in compact form with schema.org terms) and stores each
// review whose claim matches one stored statement, in one transaction.
// Claims are matched as verifyQuote matches quotes (package verify): the
// claim's words must stand in a statement (EXACT or PARTIAL) of the
// claim's author, when one is named; near duplicates count as one
// statement, their first appearance, unless the claim's firstAppearance
// names the url of another. A review that matches none, or several, is
// reported in Unmatched and not written. The reviewer organisation is
// found by name, or created. A review of the same url on the statement is
// updated. A bad document or review fails the whole with errs.Invalid,
// naming the review.
func ImportClaimReviews(ctx context.Context, s store.Store, ix *search.Index, r io.Reader) (ReviewReport, error) {
	reviews, err := ReadClaimReviews(r)
	if err != nil {
		return ReviewReport{}, err
	}
	rep := ReviewReport{Read: len(reviews)}
	v := &verify.Verifier{Store: s, Index: ix}
	var byQID map[string]string
	err = s.View(ctx, func(tx store.Tx) error {
		r := newResolver(tx)
		byQID = r.byQID
		return r.indexQIDs(ctx)
	})
	if err != nil {
		return ReviewReport{}, err
	}
	type matched struct {
		in          ReviewInput
		statementID string
	}
	var ok []matched
	for _, in := range reviews {
		id, reason, err := matchClaim(ctx, s, v, in, byQID)
		if err != nil {
			return ReviewReport{}, errs.Wrap(errs.KindOf(err), err, in.At)
		}
		if reason != "" {
			rep.Unmatched = append(rep.Unmatched, Unmatched{in, reason})
			continue
		}
		ok = append(ok, matched{in, id})
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		res := newResolver(tx)
		res.byQID = byQID
		for _, m := range ok {
			if err := res.review(m.in, m.statementID); err != nil {
				return errs.Wrap(errs.KindOf(err), err, m.in.At)
			}
		}
		rep.Counts = res.counts
		return nil
	})
	if err != nil {
		return ReviewReport{}, err
	}
	return rep, nil
}

// matchClaim returns the id of the one statement in's claim matches, or
// why there is none.
func matchClaim(ctx context.Context, s store.Store, v *verify.Verifier, in ReviewInput, byQID map[string]string) (id, reason string, err error) {
	speaker := in.Author
	if sid, ok := byQID[in.AuthorQID]; ok && in.AuthorQID != "" {
		speaker = sid
	}
	ms, err := v.Verify(ctx, verify.Quote{Text: in.Claim, Speaker: speaker, Date: in.ClaimDate})
	if err != nil {
		return "", "", err
	}
	var words bool
	var candidates []string
	for _, m := range ms {
		switch m.Verdict {
		case verify.Exact, verify.Partial:
			candidates = append(candidates, m.Statement.ID)
		case verify.Misattributed:
			words = true
		}
	}
	if len(candidates) == 0 {
		if words {
			return "", fmt.Sprintf("the claim's words are stored, but not as said by %s", in.Author), nil
		}
		return "", "no stored statement has the claim's words", nil
	}
	var picks []string
	err = s.View(ctx, func(tx store.Tx) error {
		picks, err = firstAppearances(tx, candidates, in.FirstURL)
		return err
	})
	switch {
	case err != nil:
		return "", "", err
	case len(picks) == 1:
		return picks[0], "", nil
	case len(picks) == 0:
		return "", "no statement with the claim's words appeared first at " + in.FirstURL, nil
	}
	return "", fmt.Sprintf("%d stored statements have the claim's words; name its author or first appearance", len(picks)), nil
}

// firstAppearances returns, for the statements ids, the distinct
// statements a review should go to: the one at url among each one's
// appearances when url is given (none when it is not there), else the
// first appearance.
func firstAppearances(tx store.Tx, ids []string, url string) ([]string, error) {
	var out []string
	for _, id := range ids {
		apps, err := tx.Appearances(id)
		if err != nil {
			return nil, err
		}
		pick := ""
		if url == "" && len(apps) > 0 {
			pick = apps[0].Statement.ID
		}
		for _, a := range apps {
			if url != "" && a.Source != nil && (a.Source.URL == url || a.Source.ArchivedURL == url) {
				pick = a.Statement.ID
				break
			}
		}
		if pick != "" && !slices.Contains(out, pick) {
			out = append(out, pick)
		}
	}
	return out, nil
}

// review stores in on the statement, replacing a review of the same url.
func (r *resolver) review(in ReviewInput, statementID string) error {
	reviewer, err := r.organisation(in.Reviewer)
	if err != nil {
		return err
	}
	cr := &store.ClaimReview{StatementID: statementID, ReviewerID: reviewer, RatingText: in.RatingText,
		RatingValue: in.RatingValue, BestRating: in.BestRating, WorstRating: in.WorstRating, URL: in.URL, Date: in.Date}
	existing, err := r.tx.ReviewsOf([]string{statementID})
	if err != nil {
		return err
	}
	i := slices.IndexFunc(existing[0], func(x *store.ClaimReview) bool { return x.URL == in.URL })
	if err := r.linkAuthor(in, statementID); err != nil {
		return err
	}
	if i < 0 {
		r.counts.Created[store.ClaimReviewType]++
		return r.tx.CreateClaimReview(cr)
	}
	old := existing[0][i]
	cr.ID, cr.CreatedAt, cr.UpdatedAt = old.ID, old.CreatedAt, old.UpdatedAt
	return r.save(store.ClaimReviewType, false, *cr == *old, nil, func() error { return r.tx.UpdateClaimReview(cr) })
}

// linkAuthor gives the statement's speaker the Wikidata id the review's
// claim author carries, when the speaker has none and no other speaker
// has it (r.byQID holds the ids of the speakers).
func (r *resolver) linkAuthor(in ReviewInput, statementID string) error {
	if in.AuthorQID == "" {
		return nil
	}
	st, err := r.tx.Statement(statementID)
	if err != nil || st.SpeakerID == "" {
		return err
	}
	sp, err := r.tx.Speaker(st.SpeakerID)
	if err != nil || sp.QID != "" {
		return err
	}
	if _, taken := r.byQID[in.AuthorQID]; taken {
		return nil
	}
	sp.QID = in.AuthorQID
	r.byQID[sp.QID] = sp.ID
	r.counts.Updated[store.SpeakerType]++
	return r.tx.UpdateSpeaker(sp)
}

// ReadClaimReviews parses a ClaimReview document, a list, or a DataFeed.
func ReadClaimReviews(r io.Reader) ([]ReviewInput, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxClaimReviewBytes+1))
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "reading claim reviews")
	}
	if len(b) > MaxClaimReviewBytes {
		return nil, errs.E(errs.TooLarge, "claim reviews: more than %d bytes", MaxClaimReviewBytes)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + strings.Count(string(b[:min(int(se.Offset), len(b))]), "\n")
			return nil, errs.E(errs.Invalid, "line %d: not JSON: %v", line, err)
		}
		return nil, errs.E(errs.Invalid, "not JSON: %v", err)
	}
	var nodes []map[string]any
	collectReviews(doc, &nodes)
	if len(nodes) == 0 {
		return nil, errs.E(errs.Invalid, "no ClaimReview in the document")
	}
	out := make([]ReviewInput, len(nodes))
	for i, n := range nodes {
		if out[i], err = parseReview(n, i+1); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// collectReviews finds the ClaimReview nodes of a document: itself, the
// elements of a list or @graph, a DataFeed's dataFeedElement, a
// DataFeedItem's item.
func collectReviews(v any, out *[]map[string]any) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectReviews(e, out)
		}
	case map[string]any:
		switch {
		case isType(x, "ClaimReview"):
			*out = append(*out, x)
		case isType(x, "DataFeed"):
			collectReviews(x["dataFeedElement"], out)
		case isType(x, "DataFeedItem"):
			collectReviews(x["item"], out)
		case x["@graph"] != nil:
			collectReviews(x["@graph"], out)
		}
	}
}

// isType reports whether a node's @type is the schema.org type ty, by
// term or IRI.
func isType(n map[string]any, ty string) bool {
	var types []any
	switch t := n["@type"].(type) {
	case string:
		types = []any{t}
	case []any:
		types = t
	}
	for _, t := range types {
		s, _ := t.(string)
		for _, p := range []string{"", "schema:", "http://schema.org/", "https://schema.org/"} {
			if s == p+ty {
				return true
			}
		}
	}
	return false
}

func parseReview(n map[string]any, i int) (ReviewInput, error) {
	in := ReviewInput{At: "review " + strconv.Itoa(i), URL: str(n["url"]), Reviewer: name(n["author"])}
	if in.URL != "" {
		in.At += " (" + in.URL + ")"
	}
	claim := firstNode(n["itemReviewed"])
	in.Claim = cmp.Or(str(n["claimReviewed"]), str(claim["text"]), str(claim["name"]))
	in.Author = name(claim["author"])
	in.AuthorQID = wikidataID(firstNode(claim["author"])["sameAs"])
	in.FirstURL = urlOf(claim["firstAppearance"])
	rating := firstNode(n["reviewRating"])
	in.RatingText = str(rating["alternateName"])
	var err error
	for _, f := range []struct {
		v    any
		dst  *float64
		what string
	}{{rating["ratingValue"], &in.RatingValue, "ratingValue"}, {rating["bestRating"], &in.BestRating, "bestRating"}, {rating["worstRating"], &in.WorstRating, "worstRating"}} {
		if *f.dst, err = number(f.v); err != nil {
			return in, errs.E(errs.Invalid, "%s: %s %v", in.At, f.what, err)
		}
	}
	for _, d := range []struct {
		v   any
		dst *partialdate.Date
	}{{n["datePublished"], &in.Date}, {claim["datePublished"], &in.ClaimDate}} {
		if *d.dst, err = isoDate(str(d.v)); err != nil {
			return in, errs.Wrap(errs.Invalid, err, in.At)
		}
	}
	switch {
	case in.Claim == "":
		return in, errs.E(errs.Invalid, "%s: no claimReviewed", in.At)
	case in.Reviewer == "":
		return in, errs.E(errs.Invalid, "%s: no author (the fact-checker) with a name", in.At)
	case in.RatingText == "" && rating["ratingValue"] == nil:
		return in, errs.E(errs.Invalid, "%s: no reviewRating", in.At)
	}
	if err := store.CheckURL("the claim review's url", in.URL); err != nil {
		return in, errs.Wrap(errs.Invalid, err, in.At)
	}
	if in.BestRating == 0 && in.WorstRating == 0 && in.RatingValue == 0 {
		in.BestRating, in.WorstRating = 1, 1 // a textual rating alone
	}
	return in, nil
}
