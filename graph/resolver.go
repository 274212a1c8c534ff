package graph

//go:generate sh -c "cd .. && go run ./graph/gqlgen"

import (
	"context"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/service"
	"github.com/quotedb/quotedb/store"
)

// Resolver is the root resolver. It translates GraphQL to calls of the store
// and the service; decisions belong to them, not here.
type Resolver struct {
	Store store.Store
	// Search is the full-text index behind searchStatements, the name
	// searches and verifyQuote; nil when the server has none, and then
	// they fail with UNAVAILABLE.
	Search *search.Index
	// MaxDocumentBytes bounds the text of a document to ingest or preview;
	// 0 means ingest.DefaultMaxBytes.
	MaxDocumentBytes int
	// MaxSubscriberLag is how far a subscription may fall behind the
	// change log; 0 means DefaultMaxSubscriberLag.
	MaxSubscriberLag int
}

func (r *Resolver) service() *service.Service { return &service.Service{Store: r.Store} }

// statements lists statements matching a GraphQL filter. A nested list
// (a speaker's, an organisation's, a topic's or a source's statements) passes
// scope, which fixes one field of the filter to its record; a filter that
// also sets that field is refused rather than silently overridden.
func (r *Resolver) statements(ctx context.Context, in *model.StatementFilter, orderBy *model.StatementOrder, scope func(*store.StatementFilter) (field string, overridden bool), first *int, after *string, last *int, before *string) (*model.StatementConnection, error) {
	f, err := r.statementFilter(ctx, in)
	if err != nil {
		return nil, err
	}
	if scope != nil {
		if field, overridden := scope(&f); overridden {
			return nil, errs.E(errs.Invalid, "filter.%s cannot be used in a list already scoped to one of them", field)
		}
	}
	scoped := f
	if f, err = r.textCandidates(ctx, f); err != nil {
		return nil, err
	}
	p := page(ctx, first, after, last, before)
	if orderBy != nil {
		p = ordered(p, false, orderBy.Direction)
		if orderBy.Field == model.StatementOrderFieldPublished {
			p.Order = store.OrderPublished
		}
	}
	c, err := list(ctx, r.Store, store.Tx.ListStatements, f, p)
	if err != nil {
		return nil, err
	}
	conn := statementConnection(c)
	conn.Scope = &model.FacetScope{Filter: scoped}
	return conn, nil
}

// textCandidates narrows a filter on TextContains to the statements the
// search index finds may match (store.StatementFilter.IDs), so that the
// store reads those rather than every statement; f as it is when there is
// no index or it cannot say.
func (r *Resolver) textCandidates(ctx context.Context, f store.StatementFilter) (store.StatementFilter, error) {
	if f.TextContains == "" || r.Search == nil {
		return f, nil
	}
	ids, ok, err := r.Search.TextCandidates(ctx, f)
	if err != nil || !ok {
		return f, err
	}
	if ids == nil {
		ids = []string{}
	}
	f.IDs = ids
	return f, nil
}

// scopeTo returns a scope for Resolver.statements that sets one id field.
func scopeTo(field string, ids func(*store.StatementFilter) *[]string, id string) func(*store.StatementFilter) (string, bool) {
	return func(f *store.StatementFilter) (string, bool) {
		p := ids(f)
		overridden := len(*p) > 0
		*p = []string{id}
		return field, overridden
	}
}

// nodeByID loads any record by id, or nil when there is none.
func nodeByID(tx store.Tx, id string) (model.Node, error) {
	typ, err := tx.TypeOf(id)
	if errs.Is(err, errs.NotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	switch typ {
	case store.SpeakerType:
		return tx.Speaker(id)
	case store.OrganisationType:
		return tx.Organisation(id)
	case store.AffiliationType:
		return tx.Affiliation(id)
	case store.TopicType:
		return tx.Topic(id)
	case store.SourceType:
		return tx.Source(id)
	case store.StatementType:
		return tx.Statement(id)
	case store.ClaimReviewType:
		return tx.ClaimReview(id)
	}
	return nil, errs.E(errs.Internal, "unknown record type %q", typ)
}

// affiliationsAtTime returns, for each statement, the organisation and
// role its speaker had when speaking: the organisation given on the
// statement, or else the one of the speaker's affiliation that held on the
// date said, with the role given on the statement or else that
// affiliation's. Where nothing is known the entry is the zero Affiliation.
func affiliationsAtTime(ctx context.Context, sts []*store.Statement) ([]store.Affiliation, error) {
	inferable := func(st *store.Statement) bool {
		return st.OrganisationID == "" && st.SpeakerID != "" && !st.Said.IsZero()
	}
	var speakers []string
	for _, st := range sts {
		if inferable(st) {
			speakers = append(speakers, st.SpeakerID)
		}
	}
	affsOf, err := loadersFrom(ctx).affiliations.LoadAll(ctx, speakers)
	if err != nil {
		return nil, err
	}
	out := make([]store.Affiliation, len(sts))
	for i, st := range sts {
		out[i] = store.Affiliation{OrganisationID: st.OrganisationID, Role: st.Role}
		if !inferable(st) {
			continue
		}
		if a := store.AffiliationAt(affsOf[0], st.Said); a != nil {
			out[i].OrganisationID = a.OrganisationID
			if out[i].Role == "" {
				out[i].Role = a.Role
			}
		}
		affsOf = affsOf[1:]
	}
	return out, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
