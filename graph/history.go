package graph

import (
	"context"
	"encoding/json"
	"strings"
	"unicode"

	"github.com/quotedb/quotedb/graph/model"

	"github.com/quotedb/quotedb/store"
)

// histories loads the change history of each record in one read
// transaction: a list of records asking for their history costs one read,
// not one per record.
func histories[T any](ctx context.Context, s store.Store, objs []T, id func(T) string) ([][]*store.Change, error) {
	out := make([][]*store.Change, len(objs))
	err := s.View(ctx, func(tx store.Tx) error {
		for i, o := range objs {
			h, err := tx.History(id(o))
			if err != nil {
				return err
			}
			out[i] = make([]*store.Change, len(h))
			for j := range h {
				out[i][j] = &h[j]
			}
		}
		return nil
	})
	return out, err
}

// jsonText is a stored JSON value as GraphQL text: null when absent.
func jsonText(raw json.RawMessage) *string {
	if len(raw) == 0 {
		return nil
	}
	s := string(raw)
	return &s
}

// recordType is the GraphQL name of a record type: claimReview is
// CLAIM_REVIEW.
func recordType(t store.RecordType) model.RecordType {
	var b strings.Builder
	for _, r := range string(t) {
		if unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return model.RecordType(b.String())
}
