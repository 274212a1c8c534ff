package graph

import (
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"

	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/store"
)

// The fast path answers a list of statements asked for by a trusted
// document (one of the persisted query manifest) without gqlgen's
// resolution of each field of each statement: the selection is planned once,
// when the manifest is read (plan.go), and a page is then encoded straight
// from the records. gqlgen still does everything around it (the document,
// variables, arguments, limits, the resolver of the list itself, errors, the
// response), and the batch resolvers of the general path supply the related
// records, so the two read the same. Each value is encoded by gqlgen's
// generated marshaller for its type, as the general path encodes it.
//
// Any page where a resolver fails, or where a non-null field would lack its
// record, takes the general path, which answers with the error or the null
// as gqlgen does.

// pageData holds, for a page of statements, what the batch resolvers
// returned for its related records, one entry per statement.
type pageData struct {
	speakers      []*store.Speaker
	organisations []*store.Organisation
	roles         []*string
	topics        [][]*store.Topic
	sources       []*store.Source
}

// fastPath is the gqlgen extension that serves the planned fields of the
// trusted documents of m.
type fastPath struct {
	m *Manifest
	r *Resolver
}

var _ interface {
	graphql.HandlerExtension
	graphql.FieldInterceptor
} = fastPath{}

func (fastPath) ExtensionName() string                   { return "TrustedFastPath" }
func (fastPath) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptField runs the resolver of a planned Query.statements field and
// returns the marshaller of its page in place of the connection, which
// gqlgen then writes as the field's value.
func (f fastPath) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Object != "Query" || fc.Field.Name != "statements" {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	p := f.m.plan(oc.RawQuery, oc.OperationName, fc.Field.Alias)
	res, err := next(ctx)
	if p == nil || err != nil {
		return res, err
	}
	conn, ok := res.(*model.StatementConnection)
	if !ok || conn == nil || conn.PageInfo == nil {
		return res, err
	}
	var d pageData
	if p.nodes != nil {
		if d, ok = f.related(ctx, p.nodes, conn.Nodes); !ok {
			return res, nil
		}
	}
	f.m.fastPages.Add(1)
	return graphql.WriterFunc(func(w io.Writer) { writeConnection(ctx, w, p, conn, &d) }), nil
}

// related runs the batch resolvers the statements' selection needs, as the
// general path runs them: once for the page. It returns false when one
// fails or leaves a non-null field without a record.
func (f fastPath) related(ctx context.Context, p *stmtPlan, sts []*store.Statement) (pageData, bool) {
	var d pageData
	var err error
	sr := f.r.Statement()
	for _, name := range p.batched {
		switch name {
		case "speaker":
			d.speakers, err = sr.Speaker(ctx, sts)
		case "organisation":
			d.organisations, err = sr.Organisation(ctx, sts)
		case "role":
			d.roles, err = sr.Role(ctx, sts)
		case "topics":
			d.topics, err = sr.Topics(ctx, sts)
			for _, ts := range d.topics {
				for _, t := range ts {
					if t == nil {
						return d, false // [Topic!]! with a topic missing
					}
				}
			}
		case "source":
			d.sources, err = sr.Source(ctx, sts)
		}
		if err != nil {
			return d, false
		}
	}
	return d, true
}

var (
	openBrace  = []byte{'{'}
	closeBrace = []byte{'}'}
	openList   = []byte{'['}
	closeList  = []byte{']'}
	comma      = []byte{','}
	null       = []byte("null")
)

// leaf is the receiver of gqlgen's generated marshallers of scalars and
// enums, which use nothing of it.
var leaf executionContext

func writeConnection(ctx context.Context, w io.Writer, p *connPlan, conn *model.StatementConnection, d *pageData) {
	w.Write(openBrace)
	for i, pf := range p.fields {
		if i > 0 {
			w.Write(comma)
		}
		w.Write(pf.key)
		switch pf.name {
		case "__typename":
			graphql.MarshalString("StatementConnection").MarshalGQL(w)
		case "totalCount":
			leaf.marshalNInt2int(ctx, nil, conn.TotalCount).MarshalGQL(w)
		case "pageInfo":
			writeObject(ctx, w, p.pageInfo, conn.PageInfo)
		case "nodes":
			w.Write(openList)
			for i, st := range conn.Nodes {
				if i > 0 {
					w.Write(comma)
				}
				writeStatement(ctx, w, p.nodes, i, st, d)
			}
			w.Write(closeList)
		}
	}
	w.Write(closeBrace)
}

// writeStatement writes the selection p of st, the i-th statement of the
// page whose related records d holds.
func writeStatement(ctx context.Context, w io.Writer, p *stmtPlan, i int, st *store.Statement, d *pageData) {
	w.Write(openBrace)
	for j, pf := range p.fields {
		if j > 0 {
			w.Write(comma)
		}
		w.Write(pf.key)
		switch pf.name {
		case "speaker":
			writeNullable(ctx, w, p.speaker, d.speakers[i])
		case "organisation":
			writeNullable(ctx, w, p.organisation, d.organisations[i])
		case "role":
			leaf.marshalOString2ᚖstring(ctx, nil, d.roles[i]).MarshalGQL(w)
		case "source":
			writeNullable(ctx, w, p.source, d.sources[i])
		case "topics":
			w.Write(openList)
			for k, t := range d.topics[i] {
				if k > 0 {
					w.Write(comma)
				}
				writeObject(ctx, w, p.topic, t)
			}
			w.Write(closeList)
		default:
			pf.leaf(ctx, w, st)
		}
	}
	w.Write(closeBrace)
}

// writeObject writes the selection p of v.
func writeObject[T any](ctx context.Context, w io.Writer, p *objPlan[T], v T) {
	w.Write(openBrace)
	for i, write := range p.leaves {
		if i > 0 {
			w.Write(comma)
		}
		w.Write(p.keys[i])
		write(ctx, w, v)
	}
	w.Write(closeBrace)
}

// writeNullable writes the selection p of v, or null when v is nil.
func writeNullable[T any](ctx context.Context, w io.Writer, p *objPlan[*T], v *T) {
	if v == nil {
		w.Write(null)
		return
	}
	writeObject(ctx, w, p, v)
}
