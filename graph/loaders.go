package graph

import (
	"context"
	"sync"

	"github.com/vikstrous/dataloadgen"

	"github.com/quotedb/quotedb/store"
)

// loaders hold the records of one request read by id, so that resolving the
// speakers of 100 statements is one read transaction, not 100, and a record
// asked for twice (an organisation as a statement's and as a source's
// publisher) is read and decoded once.
type loaders struct {
	speakers      *loader[*store.Speaker]
	organisations *loader[*store.Organisation]
	topics        *loader[*store.Topic]
	sources       *loader[*store.Source]
	affiliations  *loader[[]*store.Affiliation] // by speaker id
	statements    *loader[*store.Statement]
	reviews       *loader[[]*store.ClaimReview] // by statement id
}

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

// A loader reads records by key through a batch read of the store, which
// returns one value per key in key order, and keeps what it read for the
// rest of the request. Every caller is a batch resolver that already holds
// all the keys of its list, so a loader reads at once: waiting for more keys
// to gather would only add latency and a timer per batch.
type loader[V any] struct {
	s    store.Store
	read func(store.Tx, []string) ([]V, error)

	mu    sync.Mutex
	cache map[string]V
}

func newLoader[V any](s store.Store, read func(store.Tx, []string) ([]V, error)) *loader[V] {
	return &loader[V]{s: s, read: read}
}

// LoadAll returns the value of each key, reading the keys it does not hold
// yet in one read transaction. When the read fails, the error is one
// dataloadgen.ErrorSlice with the error for each key, as before this loader
// replaced dataloadgen's, so that errors reach clients as they did.
func (l *loader[V]) LoadAll(ctx context.Context, keys []string) ([]V, error) {
	out := make([]V, len(keys))
	var missing []string
	l.mu.Lock()
	for i, k := range keys {
		if v, ok := l.cache[k]; ok {
			out[i] = v
		} else {
			missing = append(missing, k)
		}
	}
	l.mu.Unlock()
	missing = unique(missing)
	if len(missing) == 0 {
		return out, nil
	}
	var vals []V
	err := l.s.View(ctx, func(tx store.Tx) error {
		var err error
		vals, err = l.read(tx, missing)
		return err
	})
	if err != nil {
		errs := make(dataloadgen.ErrorSlice, len(keys))
		for i := range errs {
			errs[i] = err
		}
		return make([]V, len(keys)), errs
	}
	l.mu.Lock()
	if l.cache == nil {
		l.cache = make(map[string]V, len(missing))
	}
	for i, k := range missing {
		l.cache[k] = vals[i]
	}
	for i, k := range keys {
		out[i] = l.cache[k]
	}
	l.mu.Unlock()
	return out, nil
}

// unique returns keys without repeats, in the order of their first
// occurrence (reusing keys' array).
func unique(keys []string) []string {
	if len(keys) < 2 {
		return keys
	}
	seen := make(map[string]struct{}, len(keys))
	out := keys[:0]
	for _, k := range keys {
		if _, ok := seen[k]; !ok {
			seen[k] = struct{}{}
			out = append(out, k)
		}
	}
	return out
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
func loadEach[P, V any](ctx context.Context, l *loader[*V], parents []P, key func(P) string) ([]*V, error) {
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
