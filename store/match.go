package store

import (
	"context"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/textfold"
)

// StatementMatcher tells whether single statements are selected by a
// StatementFilter, with the meaning the filter's fields document: for
// followers of the change log (subscriptions) that see statements one at a
// time rather than listing them.
type StatementMatcher struct {
	f        StatementFilter
	text     string          // f.TextContains, folded
	topics   map[string]bool // f.TopicIDs and all their subtopics
	orgs     map[string]bool
	memberOf map[string][]*Affiliation // by speaker: affiliations to f's organisations
}

// NewStatementMatcher checks f and reads in tx what matching needs: the
// subtopics of its topics and the members of its organisations. The matcher
// answers for the state tx sees.
func NewStatementMatcher(tx Tx, f StatementFilter) (*StatementMatcher, error) {
	if err := validateStatementFilter(&f); err != nil {
		return nil, err
	}
	m := &StatementMatcher{f: f, text: textfold.Fold(f.TextContains), topics: map[string]bool{}, orgs: map[string]bool{}, memberOf: map[string][]*Affiliation{}}
	queue := slices.Clone(f.TopicIDs)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if m.topics[id] {
			continue
		}
		m.topics[id] = true
		err := eachPage(func(p Page) (*Conn[*Topic], error) { return tx.ListTopics(TopicFilter{ParentID: id}, p) }, func(t *Topic) {
			queue = append(queue, t.ID)
		})
		if err != nil {
			return nil, err
		}
	}
	for _, org := range f.OrganisationIDs {
		m.orgs[org] = true
		err := eachPage(func(p Page) (*Conn[*Affiliation], error) {
			return tx.ListAffiliations(AffiliationFilter{OrganisationID: org}, p)
		}, func(a *Affiliation) { m.memberOf[a.SpeakerID] = append(m.memberOf[a.SpeakerID], a) })
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// validateStatementFilter puts f's ids in canonical form and checks its
// enumerations and ranges.
func validateStatementFilter(f *StatementFilter) error {
	for _, ids := range []struct {
		what string
		ids  []string
	}{{"speaker", f.SpeakerIDs}, {"organisation", f.OrganisationIDs}, {"topic", f.TopicIDs}, {"source", f.SourceIDs},
		{"statement", f.ExcludeIDs}, {"speaker", f.ExcludeSpeakerIDs}} {
		for i, id := range ids.ids {
			c, err := CanonicalID(ids.what, id)
			if err != nil {
				return err
			}
			ids.ids[i] = c
		}
	}
	for _, k := range f.Kinds {
		if k != Direct && k != Indirect {
			return errs.E(errs.Invalid, "statement kind %q is not DIRECT or INDIRECT", k)
		}
	}
	for _, s := range f.Statuses {
		if !slices.Contains(Statuses, s) {
			return errs.E(errs.Invalid, "statement status %q is not one of %v", s, Statuses)
		}
	}
	if err := f.Said.Validate(); err != nil {
		return errs.Wrap(errs.Invalid, err, "said range is not valid")
	}
	if err := f.Covers.Validate(); err != nil {
		return errs.Wrap(errs.Invalid, err, "covers range is not valid")
	}
	return nil
}

// Match reports whether the filter selects s.
func (m *StatementMatcher) Match(s *Statement) bool {
	f := &m.f
	switch {
	case len(f.SpeakerIDs) > 0 && !slices.Contains(f.SpeakerIDs, s.SpeakerID),
		len(f.SourceIDs) > 0 && !slices.Contains(f.SourceIDs, s.SourceID),
		len(f.Kinds) > 0 && !slices.Contains(f.Kinds, s.Kind),
		len(f.Statuses) > 0 && !slices.Contains(f.Statuses, s.Status),
		f.IDs != nil && !slices.Contains(f.IDs, s.ID),
		slices.Contains(f.ExcludeIDs, s.ID),
		s.SpeakerID != "" && slices.Contains(f.ExcludeSpeakerIDs, s.SpeakerID),
		len(m.topics) > 0 && !slices.ContainsFunc(s.TopicIDs, func(id string) bool { return m.topics[id] }),
		!f.Said.IsZero() && (s.Said.IsZero() || !f.Said.Overlaps(partialdate.Of(s.Said))),
		!f.Covers.IsZero() && !s.CoversOverlapping(f.Covers),
		m.text != "" && !s.TextContainsFolded(m.text):
		return false
	}
	if len(m.orgs) > 0 && !m.orgs[s.OrganisationID] &&
		!slices.ContainsFunc(m.memberOf[s.SpeakerID], func(a *Affiliation) bool { return a.ValidOn(s.Said) }) {
		return false
	}
	return true
}

// eachPage calls fn on every record list returns. The lists read tx,
// whose own context stops their scans; there is no other to check.
func eachPage[T any](list func(Page) (*Conn[T], error), fn func(T)) error {
	return Each(context.Background(), list, func(r T) error { fn(r); return nil })
}

// Validate checks f's enumerations and ranges and puts its ids in canonical
// form (in place: the id slices are f's own), giving errs.Invalid errors.
// Every backend calls it before listing.
func (f *StatementFilter) Validate() error { return validateStatementFilter(f) }
