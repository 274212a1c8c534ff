package graph

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/quotedb/quotedb/store"
)

// loaders batch the by-id reads of one request, so that resolving the
// speakers of 100 statements is one read transaction, not 100.
type loaders struct {
	speakers      *dataloadgen.Loader[string, *store.Speaker]
	organisations *dataloadgen.Loader[string, *store.Organisation]
	topics        *dataloadgen.Loader[string, *store.Topic]
	sources       *dataloadgen.Loader[string, *store.Source]
	affiliations  *dataloadgen.Loader[string, []*store.Affiliation] // by speaker id
	statements    *dataloadgen.Loader[string, *store.Statement]
	reviews       *dataloadgen.Loader[string, []*store.ClaimReview] // by statement id
}

// batchWait is how long a loader waits for more keys before it reads. Field
// resolvers of one list run concurrently and ask within microseconds of each
// other, so a short wait gathers them without adding visible latency.
const batchWait = 200 * time.Microsecond

func newLoaders(s store.Store) *loaders {
	return &loaders{
		speakers:      newLoader(s, store.Tx.SpeakersByID),
		organisations: newLoader(s, store.Tx.OrganisationsByID),
		topics:        newLoader(s, store.Tx.TopicsByID),
		sources:       newLoader(s, store.Tx.SourcesByID),
		affiliations:  newLoader(s, store.Tx.AffiliationsOf),
		statements:    newLoader(s, store.Tx.StatementsByID),
		reviews:       newLoader(s, store.Tx.ReviewsOf),
	}
}

// newLoader makes a loader over a batch read of the store that returns one
// value per key, in key order.
func newLoader[V any](s store.Store, read func(store.Tx, []string) ([]V, error)) *dataloadgen.Loader[string, V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]V, []error) {
		var vals []V
		err := s.View(ctx, func(tx store.Tx) error {
			var err error
			vals, err = read(tx, keys)
			return err
		})
		if err != nil {
			errors := make([]error, len(keys))
			for i := range errors {
				errors[i] = err
			}
			return make([]V, len(keys)), errors
		}
		return vals, nil
	}, dataloadgen.WithWait(batchWait))
}

type loadersKey struct{}

// withLoaders returns ctx carrying fresh loaders for one request.
func withLoaders(ctx context.Context, s store.Store) context.Context {
	return context.WithValue(ctx, loadersKey{}, newLoaders(s))
}

func loadersFrom(ctx context.Context) *loaders {
	return ctx.Value(loadersKey{}).(*loaders)
}

// loadEach loads, for each parent, the record that key names, with nil
// where the key is empty or names no record.
func loadEach[P, V any](ctx context.Context, l *dataloadgen.Loader[string, *V], parents []P, key func(P) string) ([]*V, error) {
	ids := make([]string, 0, len(parents))
	for _, p := range parents {
		if k := key(p); k != "" {
			ids = append(ids, k)
		}
	}
	vals, err := l.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*V, len(parents))
	for i, p := range parents {
		if key(p) != "" {
			out[i], vals = vals[0], vals[1:]
		}
	}
	return out, nil
}
