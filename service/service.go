// Package service holds the operations of quotedb that are more than one store
// call: edits that read a record, change it and write it back in one
// transaction, and the resolution of names in filters to record ids.
//
// The GraphQL resolvers translate requests into these calls; the rules
// themselves live in the store (validation, integrity) and here (composition).
package service

import (
	"context"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// Service performs quotedb's operations on a store.
type Service struct {
	Store store.Store
}

// Edit is a change to a record of type T made in place; it returns an error to
// abandon the change.
type Edit[T any] func(T) error

// edit reads the record id with get, applies change and writes it back with
// put, all in one transaction, and returns the record as stored.
func edit[T any](ctx context.Context, s store.Store, id string, get func(store.Tx, string) (T, error), put func(store.Tx, T) error, change Edit[T]) (T, error) {
	var rec T
	err := s.Update(ctx, func(tx store.Tx) error {
		var err error
		if rec, err = get(tx, id); err != nil {
			return err
		}
		if err := change(rec); err != nil {
			return err
		}
		return put(tx, rec)
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return rec, nil
}

// EditSpeaker changes the speaker id in one transaction and returns it as
// stored.
func (s *Service) EditSpeaker(ctx context.Context, id string, change Edit[*store.Speaker]) (*store.Speaker, error) {
	return edit(ctx, s.Store, id, store.Tx.Speaker, store.Tx.UpdateSpeaker, change)
}

// EditOrganisation changes the organisation id in one transaction.
func (s *Service) EditOrganisation(ctx context.Context, id string, change Edit[*store.Organisation]) (*store.Organisation, error) {
	return edit(ctx, s.Store, id, store.Tx.Organisation, store.Tx.UpdateOrganisation, change)
}

// EditAffiliation changes the affiliation id in one transaction.
func (s *Service) EditAffiliation(ctx context.Context, id string, change Edit[*store.Affiliation]) (*store.Affiliation, error) {
	return edit(ctx, s.Store, id, store.Tx.Affiliation, store.Tx.UpdateAffiliation, change)
}

// EditTopic changes the topic id in one transaction.
func (s *Service) EditTopic(ctx context.Context, id string, change Edit[*store.Topic]) (*store.Topic, error) {
	return edit(ctx, s.Store, id, store.Tx.Topic, store.Tx.UpdateTopic, change)
}

// EditSource changes the source id in one transaction.
func (s *Service) EditSource(ctx context.Context, id string, change Edit[*store.Source]) (*store.Source, error) {
	return edit(ctx, s.Store, id, store.Tx.Source, store.Tx.UpdateSource, change)
}

// EditStatement changes the statement id in one transaction.
func (s *Service) EditStatement(ctx context.Context, id string, change Edit[*store.Statement]) (*store.Statement, error) {
	return edit(ctx, s.Store, id, store.Tx.Statement, store.Tx.UpdateStatement, change)
}

// AddAlias adds alias to the names of the speaker, organisation or topic id
// and returns the record as stored. An alias equal to one the record already
// has (ignoring case and diacritics) is a CONFLICT.
func (s *Service) AddAlias(ctx context.Context, id, alias string) (any, error) {
	return s.editAliases(ctx, id, func(aliases []string) ([]string, error) {
		if indexFolded(aliases, alias) >= 0 {
			return nil, errs.E(errs.Conflict, "alias %q already present", alias)
		}
		return append(aliases, alias), nil
	})
}

// RemoveAlias removes alias (matched ignoring case and diacritics) from the
// names of the speaker, organisation or topic id. An alias the record does
// not have is NOT_FOUND.
func (s *Service) RemoveAlias(ctx context.Context, id, alias string) (any, error) {
	return s.editAliases(ctx, id, func(aliases []string) ([]string, error) {
		i := indexFolded(aliases, alias)
		if i < 0 {
			return nil, errs.E(errs.NotFound, "alias %q not present", alias)
		}
		return slices.Delete(aliases, i, i+1), nil
	})
}

func indexFolded(names []string, name string) int {
	f := textfold.Fold(name)
	return slices.IndexFunc(names, func(n string) bool { return textfold.Fold(n) == f })
}

func (s *Service) editAliases(ctx context.Context, id string, change func([]string) ([]string, error)) (any, error) {
	var rec any
	err := s.Store.Update(ctx, func(tx store.Tx) error {
		typ, err := tx.TypeOf(id)
		if err != nil {
			return err
		}
		switch typ {
		case store.SpeakerType:
			sp, err := tx.Speaker(id)
			if err != nil {
				return err
			}
			if sp.Aliases, err = change(sp.Aliases); err != nil {
				return err
			}
			rec = sp
			return tx.UpdateSpeaker(sp)
		case store.OrganisationType:
			o, err := tx.Organisation(id)
			if err != nil {
				return err
			}
			if o.Aliases, err = change(o.Aliases); err != nil {
				return err
			}
			rec = o
			return tx.UpdateOrganisation(o)
		case store.TopicType:
			t, err := tx.Topic(id)
			if err != nil {
				return err
			}
			if t.Aliases, err = change(t.Aliases); err != nil {
				return err
			}
			rec = t
			return tx.UpdateTopic(t)
		}
		return errs.E(errs.Invalid, "%s %s has no aliases", typ, id)
	})
	return rec, err
}

// AttachTopics adds topics to the statement id; topics it already has are
// left as they are.
func (s *Service) AttachTopics(ctx context.Context, id string, topics []string) (*store.Statement, error) {
	return s.EditStatement(ctx, id, func(st *store.Statement) error {
		for _, t := range topics {
			if !slices.Contains(st.TopicIDs, t) {
				st.TopicIDs = append(st.TopicIDs, t)
			}
		}
		return nil
	})
}

// DetachTopics removes topics from the statement id; topics it does not
// have are ignored.
func (s *Service) DetachTopics(ctx context.Context, id string, topics []string) (*store.Statement, error) {
	return s.EditStatement(ctx, id, func(st *store.Statement) error {
		st.TopicIDs = slices.DeleteFunc(st.TopicIDs, func(t string) bool { return slices.Contains(topics, t) })
		return nil
	})
}
