package service

import (
	"context"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

const (
	// DefaultRelatedDays is the window of Related when none is given: a
	// month either side of the statement.
	DefaultRelatedDays = 30
	// MaxRelatedDays bounds the window of Related (ten years either side).
	MaxRelatedDays = 3660
)

// RelatedFilter returns the filter of the statements related to st: those
// on any of its topics or their subtopics (a statement on a broader topic
// is not related by that alone), by other speakers, said within days of
// when st was said (or of its source's publication, when the date said is
// unknown). A day is counted from the edges of a partial date: within 30
// days of "2022-03" is 30 January to 30 April. ok is false when st has no
// topic or no known date, so nothing is related to it.
func RelatedFilter(tx store.Tx, st *store.Statement, days int) (f store.StatementFilter, ok bool, err error) {
	if days < 0 || days > MaxRelatedDays {
		return f, false, errs.E(errs.Invalid, "related window of %d days is not between 0 and %d", days, MaxRelatedDays)
	}
	when := st.Said
	if when.IsZero() && st.SourceID != "" {
		src, err := tx.Source(st.SourceID)
		if err != nil {
			return f, false, err
		}
		when = src.Published
	}
	if when.IsZero() || len(st.TopicIDs) == 0 {
		return f, false, nil
	}
	f = store.StatementFilter{
		TopicIDs:   st.TopicIDs,
		Said:       partialdate.Range{From: addDays(when.First(), -days), To: addDays(when.Last(), days)},
		ExcludeIDs: []string{st.ID},
	}
	if st.SpeakerID != "" {
		f.ExcludeSpeakerIDs = []string{st.SpeakerID}
	}
	return f, true, nil
}

// addDays moves a day-precision date by n days.
func addDays(d partialdate.Date, n int) partialdate.Date {
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return partialdate.FromTime(t)
}

// Related lists the statements related to the statement id (see
// RelatedFilter), in the order of ListStatements, from one snapshot.
func (s *Service) Related(ctx context.Context, id string, days int, p store.Page) (*store.Conn[*store.Statement], error) {
	var c *store.Conn[*store.Statement]
	err := s.Store.View(ctx, func(tx store.Tx) error {
		st, err := tx.Statement(id)
		if err != nil {
			return err
		}
		f, ok, err := RelatedFilter(tx, st, days)
		if err != nil {
			return err
		}
		if !ok {
			c = &store.Conn[*store.Statement]{Total: -1}
			if p.Count {
				c.Total = 0
			}
			return nil
		}
		c, err = tx.ListStatements(f, p)
		return err
	})
	return c, err
}

// EditClaimReview changes the claim review id in one transaction.
func (s *Service) EditClaimReview(ctx context.Context, id string, change Edit[*store.ClaimReview]) (*store.ClaimReview, error) {
	return edit(ctx, s.Store, id, store.Tx.ClaimReview, store.Tx.UpdateClaimReview, change)
}
