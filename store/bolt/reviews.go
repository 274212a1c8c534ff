package bolt

import (
	"encoding/binary"
	"slices"

	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Claim reviews: a bucket keyed by id, indexed by statement and by reviewer.
// A review goes with its statement: deleting the statement, directly or by
// cascade, deletes its reviews (see dropStatement).

func (t *tx) checkReviewRefs(r *store.ClaimReview) error {
	return store.CheckRefs(t.mustExist, r.Refs()...)
}

func (t *tx) CreateClaimReview(r *store.ClaimReview) error {
	return create(t, store.ClaimReviewType, r, store.NormalizeClaimReview, t.checkReviewRefs)
}

func (t *tx) UpdateClaimReview(r *store.ClaimReview) error {
	return update(t, store.ClaimReviewType, r, store.NormalizeClaimReview, t.checkReviewRefs)
}

func (t *tx) DeleteClaimReview(id string) error {
	return remove[store.ClaimReview](t, store.ClaimReviewType, id, nil)
}

// dropReviewsOf deletes the reviews of the statement with binary id.
func (t *tx) dropReviewsOf(statement []byte) error {
	for _, r := range t.owners(ixReviewStatement, statement) {
		if err := drop[store.ClaimReview](t, store.ClaimReviewType, r); err != nil {
			return err
		}
	}
	return nil
}

// ReviewsOf scans the statement index of reviews for each statement.
func (t *tx) ReviewsOf(statementIDs []string) ([][]*store.ClaimReview, error) {
	out := make([][]*store.ClaimReview, len(statementIDs))
	for i, id := range statementIDs {
		key, err := parseID("statement", id)
		if err != nil {
			return nil, err
		}
		for _, rid := range t.owners(ixReviewStatement, key) {
			r, err := load[store.ClaimReview](t, store.ClaimReviewType, rid)
			if err == nil && r == nil {
				err = errs.E(errs.Internal, "index %s names missing claim review %s", ixInfo[ixReviewStatement].name, idString(rid))
			}
			if err != nil {
				return nil, err
			}
			out[i] = append(out[i], r)
		}
		slices.SortStableFunc(out[i], func(a, b *store.ClaimReview) int { return a.Date.Compare(b.Date) })
	}
	return out, nil
}

func (t *tx) ListClaimReviews(f store.ClaimReviewFilter, p store.Page) (*store.Conn[*store.ClaimReview], error) {
	w, err := parsePage(p, idLen)
	if err != nil {
		return nil, err
	}
	var stmt, reviewer []byte
	if f.StatementID != "" {
		if stmt, err = parseID("statement", f.StatementID); err != nil {
			return nil, err
		}
	}
	if f.ReviewerID != "" {
		if reviewer, err = parseID("reviewer organisation", f.ReviewerID); err != nil {
			return nil, err
		}
	}
	var match func(*store.ClaimReview) bool
	r := t.all(store.ClaimReviewType)
	switch {
	case stmt != nil:
		r = newScan(t.ix(ixReviewStatement), stmt, idLen, nil, nil)
		if reviewer != nil {
			match = func(cr *store.ClaimReview) bool { return cr.ReviewerID == f.ReviewerID }
		}
	case reviewer != nil:
		r = newScan(t.ix(ixReviewReviewer), reviewer, idLen, nil, nil)
	}
	return page(t.ctx, idPlan(t, store.ClaimReviewType, r, match), w)
}

// Appearances looks the statement's band keys up in the near-duplicate
// index and keeps the candidates whose exact similarity reaches the
// threshold.
func (t *tx) Appearances(statementID string) ([]store.Appearance, error) {
	st, err := t.Statement(statementID)
	if err != nil {
		return nil, err
	}
	shingles := dedup.Shingles(st.Text)
	seen := map[string]bool{string(mustID(st.ID)): true}
	found := []store.Appearance{{Statement: st, Similarity: 1}}
	var other []uint32 // reused: candidates can number thousands
	for _, k := range dedup.BandKeysOf(shingles) {
		err := scanPrefix(t.ix(ixStmtNearDup), k, func(key []byte) error {
			id := key[len(key)-idLen:]
			if seen[string(id)] {
				return nil
			}
			seen[string(id)] = true
			packed := t.ix(ixStmtShingles).Get(id)
			if packed == nil {
				return errs.E(errs.Internal, "statement %s has band keys but no shingles", idString(id))
			}
			other = unpackShingles(other[:0], packed)
			sim := dedup.Jaccard(shingles, other)
			if sim < dedup.Threshold {
				return nil
			}
			st, err := load[store.Statement](t, store.StatementType, id)
			if err == nil && st == nil {
				err = errs.E(errs.Internal, "index %s names missing statement %s", ixInfo[ixStmtNearDup].name, idString(id))
			}
			if err != nil {
				return err
			}
			found = append(found, store.Appearance{Statement: st, Similarity: sim})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if err := store.DateAppearances(found, t.Source); err != nil {
		return nil, err
	}
	return found, nil
}

// packShingles encodes a shingle set as the value of its index entry, 4
// bytes a shingle.
func packShingles(sh []uint32) []byte {
	b := make([]byte, 0, 4*len(sh))
	for _, v := range sh {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

// unpackShingles appends to sh what packShingles encoded.
func unpackShingles(sh []uint32, b []byte) []uint32 {
	for i := 0; i+4 <= len(b); i += 4 {
		sh = append(sh, binary.BigEndian.Uint32(b[i:]))
	}
	return sh
}
