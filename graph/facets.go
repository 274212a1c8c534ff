package graph

import (
	"context"
	"strconv"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// defaultFacetSize is the values of each facet returned when size is not given.
const defaultFacetSize = 10

// statementFacets counts the facets of the statements of scope and loads
// the speakers, organisations and topics counted; records deleted since
// they were indexed are left out.
func (r *Resolver) statementFacets(ctx context.Context, scope *model.FacetScope, size *int) (*model.StatementFacets, error) {
	if scope == nil {
		return nil, errs.E(errs.Invalid, "facets are counted for statements and searchStatements only")
	}
	switch {
	case !scope.Filter.Covers.IsZero():
		return nil, errs.E(errs.Invalid, "facets cannot be counted with filter.covers, which the search index does not hold")
	case scope.Filter.TextContains != "":
		return nil, errs.E(errs.Invalid, "facets cannot be counted with filter.textContains; use searchStatements with the words instead")
	}
	ix, err := r.searchIndex()
	if err != nil {
		return nil, err
	}
	fr, err := ix.StatementFacets(ctx, scope.Query, scope.Filter, cmpOrDefault(size, defaultFacetSize))
	if err != nil {
		return nil, err
	}
	out := &model.StatementFacets{
		Total:         fr.Total,
		Speakers:      []*model.SpeakerCount{},
		Organisations: []*model.OrganisationCount{},
		Topics:        []*model.TopicCount{},
		Years:         []*model.YearCount{},
		Kinds:         []*model.KindCount{},
		Statuses:      []*model.StatusCount{},
	}
	for _, c := range fr.Counts[search.FacetYear] {
		y, err := strconv.Atoi(c.Value)
		if err != nil {
			return nil, errs.Wrap(errs.Internal, err, "reading the year of a facet")
		}
		out.Years = append(out.Years, &model.YearCount{Year: y, Count: c.Count})
	}
	for _, c := range fr.Counts[search.FacetKind] {
		out.Kinds = append(out.Kinds, &model.KindCount{Kind: store.StatementKind(c.Value), Count: c.Count})
	}
	for _, c := range fr.Counts[search.FacetStatus] {
		out.Statuses = append(out.Statuses, &model.StatusCount{Status: store.Status(c.Value), Count: c.Count})
	}
	err = r.Store.View(ctx, func(tx store.Tx) error {
		return loadFacetRecords(tx, fr, out)
	})
	return out, err
}

// loadFacetRecords fills in the speakers, organisations and topics of fr.
func loadFacetRecords(tx store.Tx, fr *search.FacetResult, out *model.StatementFacets) error {
	speakers, err := tx.SpeakersByID(facetValues(fr.Counts[search.FacetSpeaker]))
	if err != nil {
		return err
	}
	for i, s := range speakers {
		if s != nil {
			out.Speakers = append(out.Speakers, &model.SpeakerCount{Speaker: s, Count: fr.Counts[search.FacetSpeaker][i].Count})
		}
	}
	orgs, err := tx.OrganisationsByID(facetValues(fr.Counts[search.FacetOrganisation]))
	if err != nil {
		return err
	}
	for i, o := range orgs {
		if o != nil {
			out.Organisations = append(out.Organisations, &model.OrganisationCount{Organisation: o, Count: fr.Counts[search.FacetOrganisation][i].Count})
		}
	}
	topics, err := tx.TopicsByID(facetValues(fr.Counts[search.FacetTopic]))
	if err != nil {
		return err
	}
	for i, t := range topics {
		if t != nil {
			out.Topics = append(out.Topics, &model.TopicCount{Topic: t, Count: fr.Counts[search.FacetTopic][i].Count})
		}
	}
	return nil
}

func facetValues(cs []search.FacetCount) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}

func cmpOrDefault(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}
