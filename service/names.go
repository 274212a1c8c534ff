package service

import (
	"context"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Names are the records a filter refers to by name rather than id.
type Names struct {
	Speakers      []string
	Organisations []string
	Topics        []string
}

// ResolveNames adds to f the ids of the records that Names name. A name
// matches a record whose name, short name, slug or alias equals it ignoring
// case and diacritics (ə read as e or a); every record that matches is
// added. A name that matches nothing is NOT_FOUND, so that a misspelt name
// never silently widens a filter to everything.
func (s *Service) ResolveNames(ctx context.Context, f *store.StatementFilter, n Names) error {
	if len(n.Speakers)+len(n.Organisations)+len(n.Topics) == 0 {
		return nil
	}
	return s.Store.View(ctx, func(tx store.Tx) error {
		var err error
		if f.SpeakerIDs, err = resolve(tx, n.Speakers, "speaker", store.SpeakersNamed, func(s *store.Speaker) string { return s.ID }, f.SpeakerIDs); err != nil {
			return err
		}
		if f.OrganisationIDs, err = resolve(tx, n.Organisations, "organisation", store.OrganisationsNamed, func(o *store.Organisation) string { return o.ID }, f.OrganisationIDs); err != nil {
			return err
		}
		f.TopicIDs, err = resolve(tx, n.Topics, "topic", store.TopicsNamed, func(t *store.Topic) string { return t.ID }, f.TopicIDs)
		return err
	})
}

// resolve appends to ids the ids of the records named by names.
func resolve[T any](tx store.Tx, names []string, what string, find func(store.Tx, string) ([]T, error), id func(T) string, ids []string) ([]string, error) {
	for _, name := range names {
		recs, err := find(tx, name)
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, errs.E(errs.NotFound, "no %s named %q", what, name)
		}
		for _, r := range recs {
			ids = append(ids, id(r))
		}
	}
	return ids, nil
}
