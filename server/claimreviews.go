package server

import (
	"bufio"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/jsonld"
	"github.com/quotedb/quotedb/store"
)

// claimReviewJSONLD serves GET /claimreviews/{id}.jsonld: one claim review
// as schema.org JSON-LD, a ClaimReview whose itemReviewed is the Claim
// with its author and appearances. Errors are as statementJSONLD's.
func claimReviewJSONLD(s store.Store, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, ok := strings.CutSuffix(r.PathValue("file"), ".jsonld")
		if !ok {
			writeError(w, http.StatusNotFound, errs.NotFound, "no such resource; claim reviews are served at /claimreviews/{id}.jsonld")
			return
		}
		var doc map[string]any
		err := s.View(r.Context(), func(tx store.Tx) error {
			cr, err := tx.ClaimReview(id)
			if err != nil {
				return err
			}
			in, err := jsonld.Gather(tx, cr.StatementID)
			if err != nil {
				return err
			}
			doc, err = jsonld.ClaimReview(in, cr.ID, true)
			return err
		})
		if err != nil {
			kind := errs.KindOf(err)
			if kind == errs.Internal {
				log.Error("serving claim review JSON-LD", "id", id, "err", err)
			}
			writeError(w, kind.HTTPStatus(), kind, "%s", errs.Message(err))
			return
		}
		w.Header().Set("Content-Type", "application/ld+json")
		jsonld.Encode(w, doc) // a failed write means the client went away
	})
}

// claimReviewFeed serves GET /claimreviews.jsonld: every claim review as a
// schema.org DataFeed, as fact-check search engines read them, one
// DataFeedItem a review, read in one transaction and streamed.
func claimReviewFeed(s store.Store, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A large feed takes longer than a GraphQL answer may.
		if err := http.NewResponseController(w).SetWriteDeadline(time.Time{}); err != nil {
			log.WarnContext(r.Context(), "claim review feed: cannot lift the write deadline", "err", err)
		}
		w.Header().Set("Content-Type", "application/ld+json")
		bw := bufio.NewWriter(w)
		err := s.View(r.Context(), func(tx store.Tx) error {
			_, err := jsonld.WriteFeed(r.Context(), tx, bw)
			return err
		})
		if err != nil {
			// The head is sent; an unterminated feed tells the client.
			log.ErrorContext(r.Context(), "claim review feed failed", "err", err)
		}
		bw.Flush()
	})
}
