package store

import "github.com/quotedb/quotedb/errs"

// What must already be stored for a record to be written. Backends check
// these with their own lookups, through the functions below, so that the
// rule is written once.

// Ref names a record that another refers to; an empty ID refers to none.
type Ref struct {
	Type RecordType
	ID   string
}

// CheckRefs checks, with mustExist (NotFound when the record is missing),
// that every record refs names exists, in order.
func CheckRefs(mustExist func(RecordType, string) error, refs ...Ref) error {
	for _, r := range refs {
		if err := mustExist(r.Type, r.ID); err != nil {
			return err
		}
	}
	return nil
}

// Refs are the records an affiliation refers to.
func (a *Affiliation) Refs() []Ref {
	return []Ref{{SpeakerType, a.SpeakerID}, {OrganisationType, a.OrganisationID}, {SourceType, a.SourceID}}
}

// Refs are the records a source refers to.
func (s *Source) Refs() []Ref { return []Ref{{OrganisationType, s.PublisherID}} }

// Refs are the records a claim review refers to.
func (r *ClaimReview) Refs() []Ref {
	return []Ref{{StatementType, r.StatementID}, {OrganisationType, r.ReviewerID}}
}

// Refs are the records a statement refers to but its source, which a
// statement with a span needs whole to check the span against (CheckSpan).
func (s *Statement) Refs() []Ref {
	refs := []Ref{{SpeakerType, s.SpeakerID}, {OrganisationType, s.OrganisationID}}
	for _, id := range s.TopicIDs {
		refs = append(refs, Ref{TopicType, id})
	}
	return refs
}

// CheckTopicParent checks that tp's parent exists and is neither tp nor one
// of tp's descendants (no cycle), walking up the parents with parentOf,
// which gives a stored topic's parent id ("" for a root) and whether the
// topic is stored.
func CheckTopicParent(tp *Topic, parentOf func(id string) (parent string, ok bool, err error)) error {
	if tp.ParentID != "" {
		if _, ok, err := parentOf(tp.ParentID); err != nil || !ok {
			if err == nil {
				err = errs.E(errs.NotFound, "%s %q not found", TopicType, tp.ParentID)
			}
			return err
		}
	}
	for id := tp.ParentID; id != ""; {
		if id == tp.ID {
			return errs.E(errs.Invalid, "topic parent %s would make a cycle", tp.ParentID)
		}
		parent, ok, err := parentOf(id)
		if err != nil || !ok {
			return err
		}
		id = parent
	}
	return nil
}

// CheckStatementRefs checks what a statement needs stored besides itself:
// its text within maxBytes, the records it refers to (mustExist), and its
// source — whole, read with source, when it has a span to check against
// the source's text (CheckSpan).
func CheckStatementRefs(s *Statement, maxBytes int, mustExist func(RecordType, string) error, source func(id string) (*Source, error)) error {
	if err := CheckStatementText(s.Text, maxBytes); err != nil {
		return err
	}
	if err := CheckRefs(mustExist, s.Refs()...); err != nil {
		return err
	}
	if s.SourceID == "" {
		return nil
	}
	if s.Span == nil {
		return mustExist(SourceType, s.SourceID)
	}
	src, err := source(s.SourceID)
	if err != nil {
		return err
	}
	return CheckSpan(s, src)
}
