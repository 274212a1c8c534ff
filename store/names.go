package store

import (
	"context"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/textfold"
)

// SpeakersNamed returns the speakers whose name or an alias equals name,
// ignoring case and diacritics (ə read as e or a), in id order.
func SpeakersNamed(tx Tx, name string) ([]*Speaker, error) {
	return named(name, func(p Page) (*Conn[*Speaker], error) {
		return tx.ListSpeakers(SpeakerFilter{Name: name}, p)
	}, func(s *Speaker) []string { return append([]string{s.Name}, s.Aliases...) })
}

// OrganisationsNamed returns the organisations whose name, short name or an
// alias equals name, as SpeakersNamed does. An organisation's name matches
// with or without a leading "The": texts write "the Daily Example reports"
// and "Daily Example reports" of the same paper.
func OrganisationsNamed(tx Tx, name string) ([]*Organisation, error) {
	var out []*Organisation
	for _, n := range withAndWithoutThe(name) {
		found, err := named(n, func(p Page) (*Conn[*Organisation], error) {
			return tx.ListOrganisations(OrganisationFilter{Name: n}, p)
		}, func(o *Organisation) []string { return append([]string{o.Name, o.ShortName}, o.Aliases...) })
		if err != nil {
			return nil, err
		}
		for _, o := range found {
			if !slices.ContainsFunc(out, func(x *Organisation) bool { return x.ID == o.ID }) {
				out = append(out, o)
			}
		}
	}
	return out, nil
}

// withAndWithoutThe returns name, then name with a leading "The" removed
// or added.
func withAndWithoutThe(name string) []string {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		return []string{name, strings.TrimSpace(name[4:])}
	}
	return []string{name, "The " + name}
}

// TopicsNamed returns the topics whose name, slug or an alias equals name,
// as SpeakersNamed does.
func TopicsNamed(tx Tx, name string) ([]*Topic, error) {
	return named(name, func(p Page) (*Conn[*Topic], error) {
		return tx.ListTopics(TopicFilter{Name: name}, p)
	}, func(t *Topic) []string { return append([]string{t.Name, t.Slug}, t.Aliases...) })
}

// named pages through the records whose names start with name (the name
// index's prefix match) and keeps those with a name equal to it.
func named[T any](name string, list func(Page) (*Conn[T], error), names func(T) []string) ([]T, error) {
	want := textfold.Keys(name)
	var out []T
	// The lists read a transaction, whose own context stops their scans.
	for rec, err := range All(context.Background(), list) {
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(names(rec), func(n string) bool { return n != "" && sharesKey(textfold.Keys(n), want) }) {
			out = append(out, rec)
		}
	}
	return out, nil
}

func sharesKey(a, b []string) bool {
	return slices.ContainsFunc(a, func(k string) bool { return slices.Contains(b, k) })
}
