package service

import (
	"context"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
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
		for _, name := range n.Speakers {
			ids, err := matchNames(name, "speaker", func(p store.Page) (*store.Conn[*store.Speaker], error) {
				return tx.ListSpeakers(store.SpeakerFilter{Name: name}, p)
			}, func(sp *store.Speaker) (string, []string) { return sp.ID, append([]string{sp.Name}, sp.Aliases...) })
			if err != nil {
				return err
			}
			f.SpeakerIDs = append(f.SpeakerIDs, ids...)
		}
		for _, name := range n.Organisations {
			ids, err := matchNames(name, "organisation", func(p store.Page) (*store.Conn[*store.Organisation], error) {
				return tx.ListOrganisations(store.OrganisationFilter{Name: name}, p)
			}, func(o *store.Organisation) (string, []string) {
				return o.ID, append([]string{o.Name, o.ShortName}, o.Aliases...)
			})
			if err != nil {
				return err
			}
			f.OrganisationIDs = append(f.OrganisationIDs, ids...)
		}
		for _, name := range n.Topics {
			ids, err := matchNames(name, "topic", func(p store.Page) (*store.Conn[*store.Topic], error) {
				return tx.ListTopics(store.TopicFilter{Name: name}, p)
			}, func(t *store.Topic) (string, []string) { return t.ID, append([]string{t.Name, t.Slug}, t.Aliases...) })
			if err != nil {
				return err
			}
			f.TopicIDs = append(f.TopicIDs, ids...)
		}
		return nil
	})
}

// matchNames pages through the records whose names start with name and
// returns the ids of those with a name equal to it.
func matchNames[T any](name, what string, list func(store.Page) (*store.Conn[T], error), names func(T) (string, []string)) ([]string, error) {
	want := textfold.Keys(name)
	var ids []string
	p := store.Page{First: store.MaxPageSize}
	for {
		c, err := list(p)
		if err != nil {
			return nil, err
		}
		for _, rec := range c.Items {
			id, ns := names(rec)
			if slices.ContainsFunc(ns, func(n string) bool { return n != "" && sharesKey(textfold.Keys(n), want) }) {
				ids = append(ids, id)
			}
		}
		if !c.HasNext {
			break
		}
		p.After = c.Cursors[len(c.Cursors)-1]
	}
	if len(ids) == 0 {
		return nil, errs.E(errs.NotFound, "no %s named %q", what, name)
	}
	return ids, nil
}

func sharesKey(a, b []string) bool {
	return slices.ContainsFunc(a, func(k string) bool { return slices.Contains(b, k) })
}
