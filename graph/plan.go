package graph

import (
	"context"
	"io"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/store"
)

// docPlans are the planned Query.statements fields of one trusted document:
// by operation name ("" too for a document of one operation), then by the
// field's response key.
type docPlans map[string]map[string]*connPlan

// connPlan is the planned selection of a StatementConnection.
type connPlan struct {
	fields   []planField
	pageInfo *objPlan[*model.PageInfo]
	nodes    *stmtPlan // nil when nodes is not selected
}

// planField is one selected field: its key in the response and the field.
type planField struct {
	key  []byte // `"alias":`
	name string
	leaf func(context.Context, io.Writer, *store.Statement) // for a statement's own fields
}

// stmtPlan is the planned selection of a Statement: its own fields, and the
// plans of the related records selected, which batch names.
type stmtPlan struct {
	fields       []planField
	batched      []string
	speaker      *objPlan[*store.Speaker]
	organisation *objPlan[*store.Organisation]
	topic        *objPlan[*store.Topic]
	source       *objPlan[*store.Source]
}

// objPlan is the planned selection of an object with scalar fields only.
type objPlan[T any] struct {
	keys   [][]byte
	leaves []func(context.Context, io.Writer, T)
}

// leafFunc is how the fast path writes a scalar field of a T.
type leafFunc[T any] func(context.Context, io.Writer, T)

// The fields the fast path writes, with the generated marshaller of each
// field's type, called on the value gqlgen's generated code reads.
var (
	statementLeaves = map[string]leafFunc[*store.Statement]{
		"__typename": typename[*store.Statement]("Statement"),
		"id": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalNID2string(c, nil, v.ID).MarshalGQL(w)
		},
		"text": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalNString2string(c, nil, v.Text).MarshalGQL(w)
		},
		"kind": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalNStatementKind2githubᚗcomᚋquotedbᚋquotedbᚋstoreᚐStatementKind(c, nil, v.Kind).MarshalGQL(w)
		},
		"said": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalOPartialDate2githubᚗcomᚋquotedbᚋquotedbᚋpartialdateᚐDate(c, nil, v.Said).MarshalGQL(w)
		},
		"byOrganisation": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalNBoolean2bool(c, nil, v.ByOrganisation).MarshalGQL(w)
		},
		"heading": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalOString2string(c, nil, v.Heading).MarshalGQL(w)
		},
		"cue": func(c context.Context, w io.Writer, v *store.Statement) {
			leaf.marshalOString2string(c, nil, v.Cue).MarshalGQL(w)
		},
	}
	speakerLeaves = map[string]leafFunc[*store.Speaker]{
		"__typename": typename[*store.Speaker]("Speaker"),
		"id": func(c context.Context, w io.Writer, v *store.Speaker) {
			leaf.marshalNID2string(c, nil, v.ID).MarshalGQL(w)
		},
		"name": func(c context.Context, w io.Writer, v *store.Speaker) {
			leaf.marshalNString2string(c, nil, v.Name).MarshalGQL(w)
		},
		"description": func(c context.Context, w io.Writer, v *store.Speaker) {
			leaf.marshalOString2string(c, nil, v.Description).MarshalGQL(w)
		},
		"wikidataId": func(c context.Context, w io.Writer, v *store.Speaker) {
			leaf.marshalOString2ᚖstring(c, nil, v.WikidataID()).MarshalGQL(w)
		},
	}
	organisationLeaves = map[string]leafFunc[*store.Organisation]{
		"__typename": typename[*store.Organisation]("Organisation"),
		"id": func(c context.Context, w io.Writer, v *store.Organisation) {
			leaf.marshalNID2string(c, nil, v.ID).MarshalGQL(w)
		},
		"name": func(c context.Context, w io.Writer, v *store.Organisation) {
			leaf.marshalNString2string(c, nil, v.Name).MarshalGQL(w)
		},
		"shortName": func(c context.Context, w io.Writer, v *store.Organisation) {
			leaf.marshalOString2string(c, nil, v.ShortName).MarshalGQL(w)
		},
		"wikidataId": func(c context.Context, w io.Writer, v *store.Organisation) {
			leaf.marshalOString2ᚖstring(c, nil, v.WikidataID()).MarshalGQL(w)
		},
		"kind": func(c context.Context, w io.Writer, v *store.Organisation) {
			leaf.marshalNOrganisationKind2githubᚗcomᚋquotedbᚋquotedbᚋstoreᚐOrgKind(c, nil, v.Kind).MarshalGQL(w)
		},
	}
	topicLeaves = map[string]leafFunc[*store.Topic]{
		"__typename": typename[*store.Topic]("Topic"),
		"id": func(c context.Context, w io.Writer, v *store.Topic) {
			leaf.marshalNID2string(c, nil, v.ID).MarshalGQL(w)
		},
		"name": func(c context.Context, w io.Writer, v *store.Topic) {
			leaf.marshalNString2string(c, nil, v.Name).MarshalGQL(w)
		},
		"slug": func(c context.Context, w io.Writer, v *store.Topic) {
			leaf.marshalNString2string(c, nil, v.Slug).MarshalGQL(w)
		},
	}
	sourceLeaves = map[string]leafFunc[*store.Source]{
		"__typename": typename[*store.Source]("Source"),
		"id": func(c context.Context, w io.Writer, v *store.Source) {
			leaf.marshalNID2string(c, nil, v.ID).MarshalGQL(w)
		},
		"title": func(c context.Context, w io.Writer, v *store.Source) {
			leaf.marshalNString2string(c, nil, v.Title).MarshalGQL(w)
		},
		"url": func(c context.Context, w io.Writer, v *store.Source) {
			leaf.marshalOString2string(c, nil, v.URL).MarshalGQL(w)
		},
		"published": func(c context.Context, w io.Writer, v *store.Source) {
			leaf.marshalOPartialDate2githubᚗcomᚋquotedbᚋquotedbᚋpartialdateᚐDate(c, nil, v.Published).MarshalGQL(w)
		},
		"language": func(c context.Context, w io.Writer, v *store.Source) {
			leaf.marshalOString2string(c, nil, v.Language).MarshalGQL(w)
		},
	}
	pageInfoLeaves = map[string]leafFunc[*model.PageInfo]{
		"__typename": typename[*model.PageInfo]("PageInfo"),
		"hasNextPage": func(c context.Context, w io.Writer, v *model.PageInfo) {
			leaf.marshalNBoolean2bool(c, nil, v.HasNextPage).MarshalGQL(w)
		},
		"hasPreviousPage": func(c context.Context, w io.Writer, v *model.PageInfo) {
			leaf.marshalNBoolean2bool(c, nil, v.HasPreviousPage).MarshalGQL(w)
		},
		"startCursor": func(c context.Context, w io.Writer, v *model.PageInfo) {
			leaf.marshalOString2ᚖstring(c, nil, v.StartCursor).MarshalGQL(w)
		},
		"endCursor": func(c context.Context, w io.Writer, v *model.PageInfo) {
			leaf.marshalOString2ᚖstring(c, nil, v.EndCursor).MarshalGQL(w)
		},
	}
)

func typename[T any](name string) leafFunc[T] {
	return func(_ context.Context, w io.Writer, _ T) { graphql.MarshalString(name).MarshalGQL(w) }
}

// planDocument plans the Query.statements fields of a validated document
// that the fast path can answer.
func planDocument(doc *ast.QueryDocument) docPlans {
	plans := docPlans{}
	for _, op := range doc.Operations {
		if op.Operation != ast.Query || len(op.Directives) > 0 {
			continue
		}
		fields, ok := plainFields(op.SelectionSet)
		if !ok {
			continue
		}
		byKey := map[string]*connPlan{}
		for _, f := range fields {
			if f.Name != "statements" {
				continue
			}
			if p := planConnection(f.SelectionSet); p != nil {
				byKey[f.Alias] = p
			}
		}
		if len(byKey) == 0 {
			continue
		}
		plans[op.Name] = byKey
		if len(doc.Operations) == 1 {
			plans[""] = byKey
		}
	}
	return plans
}

// plainFields returns the fields of a selection set when it is fields
// alone: no fragments, no directives, no response key given twice (which
// gqlgen would merge).
func plainFields(sel ast.SelectionSet) ([]*ast.Field, bool) {
	fields := make([]*ast.Field, 0, len(sel))
	seen := map[string]bool{}
	for _, s := range sel {
		f, ok := s.(*ast.Field)
		if !ok || len(f.Directives) > 0 || seen[f.Alias] {
			return nil, false
		}
		seen[f.Alias] = true
		fields = append(fields, f)
	}
	return fields, true
}

func key(f *ast.Field) []byte { return []byte(`"` + f.Alias + `":`) }

func planConnection(sel ast.SelectionSet) *connPlan {
	fields, ok := plainFields(sel)
	if !ok {
		return nil
	}
	p := &connPlan{}
	for _, f := range fields {
		switch f.Name {
		case "__typename", "totalCount":
		case "pageInfo":
			if p.pageInfo = planObject(f.SelectionSet, pageInfoLeaves); p.pageInfo == nil {
				return nil
			}
		case "nodes":
			if p.nodes = planStatement(f.SelectionSet); p.nodes == nil {
				return nil
			}
		default:
			return nil
		}
		p.fields = append(p.fields, planField{key: key(f), name: f.Name})
	}
	return p
}

func planStatement(sel ast.SelectionSet) *stmtPlan {
	fields, ok := plainFields(sel)
	if !ok {
		return nil
	}
	p := &stmtPlan{}
	for _, f := range fields {
		pf := planField{key: key(f), name: f.Name}
		switch f.Name {
		case "speaker":
			p.speaker = planObject(f.SelectionSet, speakerLeaves)
			ok = p.speaker != nil
		case "organisation":
			p.organisation = planObject(f.SelectionSet, organisationLeaves)
			ok = p.organisation != nil
		case "topics":
			p.topic = planObject(f.SelectionSet, topicLeaves)
			ok = p.topic != nil
		case "source":
			p.source = planObject(f.SelectionSet, sourceLeaves)
			ok = p.source != nil
		case "role":
		default:
			pf.leaf, ok = statementLeaves[f.Name]
			pf.name = ""
		}
		if !ok {
			return nil
		}
		if pf.name != "" {
			p.batched = append(p.batched, pf.name)
		}
		p.fields = append(p.fields, pf)
	}
	return p
}

// planObject plans a selection of scalar fields among leaves.
func planObject[T any](sel ast.SelectionSet, leaves map[string]leafFunc[T]) *objPlan[T] {
	fields, ok := plainFields(sel)
	if !ok {
		return nil
	}
	p := &objPlan[T]{}
	for _, f := range fields {
		write, ok := leaves[f.Name]
		if !ok || len(f.SelectionSet) > 0 {
			return nil
		}
		p.keys = append(p.keys, key(f))
		p.leaves = append(p.leaves, write)
	}
	return p
}
