package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/service"
	"github.com/quotedb/quotedb/store"
)

// page turns connection arguments into a store page. The total is counted
// only when the query selects totalCount, since counting visits every match.
func page(ctx context.Context, first *int, after *string, last *int, before *string) store.Page {
	p := store.Page{Count: slices.Contains(graphql.CollectAllFields(ctx), "totalCount")}
	if first != nil {
		p.First = *first
	}
	if last != nil {
		p.Last = *last
	}
	if after != nil {
		p.After = *after
	}
	if before != nil {
		p.Before = *before
	}
	return p
}

// ordered returns p in the order a list's orderBy asks for: by name, or
// else the list's own order, in the direction dir.
func ordered(p store.Page, byName bool, dir model.OrderDirection) store.Page {
	if byName {
		p.Order = store.OrderName
	}
	p.Desc = dir == model.OrderDirectionDesc
	return p
}

// connection splits a store page into the parts of a GraphQL connection.
func connection[T, E any](c *store.Conn[T], edge func(cursor string, node T) E) (edges []E, pageInfo *model.PageInfo) {
	edges = make([]E, len(c.Items))
	for i, n := range c.Items {
		edges[i] = edge(c.Cursors[i], n)
	}
	pageInfo = &model.PageInfo{HasNextPage: c.HasNext, HasPreviousPage: c.HasPrevious}
	if len(c.Cursors) > 0 {
		pageInfo.StartCursor = &c.Cursors[0]
		pageInfo.EndCursor = &c.Cursors[len(c.Cursors)-1]
	}
	return edges, pageInfo
}

func speakerConnection(c *store.Conn[*store.Speaker]) *model.SpeakerConnection {
	edges, pi := connection(c, func(cur string, n *store.Speaker) *model.SpeakerEdge { return &model.SpeakerEdge{Cursor: cur, Node: n} })
	return &model.SpeakerConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

func organisationConnection(c *store.Conn[*store.Organisation]) *model.OrganisationConnection {
	edges, pi := connection(c, func(cur string, n *store.Organisation) *model.OrganisationEdge {
		return &model.OrganisationEdge{Cursor: cur, Node: n}
	})
	return &model.OrganisationConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

func affiliationConnection(c *store.Conn[*store.Affiliation]) *model.AffiliationConnection {
	edges, pi := connection(c, func(cur string, n *store.Affiliation) *model.AffiliationEdge {
		return &model.AffiliationEdge{Cursor: cur, Node: n}
	})
	return &model.AffiliationConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

func topicConnection(c *store.Conn[*store.Topic]) *model.TopicConnection {
	edges, pi := connection(c, func(cur string, n *store.Topic) *model.TopicEdge { return &model.TopicEdge{Cursor: cur, Node: n} })
	return &model.TopicConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

func sourceConnection(c *store.Conn[*store.Source]) *model.SourceConnection {
	edges, pi := connection(c, func(cur string, n *store.Source) *model.SourceEdge { return &model.SourceEdge{Cursor: cur, Node: n} })
	return &model.SourceConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

func statementConnection(c *store.Conn[*store.Statement]) *model.StatementConnection {
	edges, pi := connection(c, func(cur string, n *store.Statement) *model.StatementEdge {
		return &model.StatementEdge{Cursor: cur, Node: n}
	})
	return &model.StatementConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

func claimReviewConnection(c *store.Conn[*store.ClaimReview]) *model.ClaimReviewConnection {
	edges, pi := connection(c, func(cur string, n *store.ClaimReview) *model.ClaimReviewEdge {
		return &model.ClaimReviewEdge{Cursor: cur, Node: n}
	})
	return &model.ClaimReviewConnection{Edges: edges, Nodes: c.Items, PageInfo: pi, TotalCount: c.Total}
}

// list runs one List call of the store in a read transaction.
func list[F, T any](ctx context.Context, s store.Store, fn func(store.Tx, F, store.Page) (*store.Conn[T], error), f F, p store.Page) (*store.Conn[T], error) {
	var c *store.Conn[T]
	err := s.View(ctx, func(tx store.Tx) error {
		var err error
		c, err = fn(tx, f, p)
		return err
	})
	return c, err
}

// get runs one by-id read of the store in a read transaction.
func get[T any](ctx context.Context, s store.Store, fn func(store.Tx, string) (T, error), id string) (T, error) {
	var v T
	err := s.View(ctx, func(tx store.Tx) error {
		var err error
		v, err = fn(tx, id)
		return err
	})
	return v, err
}

// statementFilter translates a GraphQL statement filter, resolving the
// names it gives to ids.
func (r *Resolver) statementFilter(ctx context.Context, in *model.StatementFilter) (store.StatementFilter, error) {
	var f store.StatementFilter
	if in == nil {
		return f, nil
	}
	f = store.StatementFilter{
		SpeakerIDs:      in.Speakers.Value(),
		OrganisationIDs: in.Organisations.Value(),
		TopicIDs:        in.Topics.Value(),
		SourceIDs:       in.Sources.Value(),
		Kinds:           in.Kinds.Value(),
		Statuses:        in.Statuses.Value(),
		Said:            dateRange(in.Said.Value()),
		Covers:          dateRange(in.Covers.Value()),
		TextContains:    deref(in.TextContains.Value()),
	}
	err := r.service().ResolveNames(ctx, &f, service.Names{
		Speakers:      in.SpeakerNames.Value(),
		Organisations: in.OrganisationNames.Value(),
		Topics:        in.TopicNames.Value(),
	})
	return f, err
}

func dateRange(in *model.DateRangeInput) partialdate.Range {
	if in == nil {
		return partialdate.Range{}
	}
	return partialdate.Range{From: deref(in.From.Value()), To: deref(in.To.Value())}
}

func coverages(in []*model.DateCoverageInput) []store.Coverage {
	var out []store.Coverage
	for _, c := range in {
		out = append(out, store.Coverage{
			Range: partialdate.Range{From: deref(c.From.Value()), To: deref(c.To.Value())},
			Label: deref(c.Label.Value()),
		})
	}
	return out
}

func span(in *model.SpanInput) *store.Span {
	if in == nil {
		return nil
	}
	return &store.Span{Start: in.Start, End: in.End}
}

// deref returns *p, or the zero value for nil (an explicit GraphQL null).
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// set assigns an input field to dst when the request gave it, null meaning
// the zero value; a field left out leaves dst as it is.
func set[T any](dst *T, o graphql.Omittable[*T]) {
	if v, ok := o.ValueOK(); ok {
		*dst = deref(v)
	}
}

// setSlice is set for list fields.
func setSlice[T any](dst *[]T, o graphql.Omittable[[]T]) {
	if v, ok := o.ValueOK(); ok {
		*dst = v
	}
}
