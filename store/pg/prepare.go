package pg

import (
	"github.com/quotedb/quotedb/store"
)

// Preparing records. Most of what a load does with a new record depends
// on the record alone: normalizing it, its columns and side rows (folded
// text, near-duplicate bands, sort keys) and its stored form. A bulk load
// (dump's import) does that part on all cores while the records before
// are put in order, leaving to PutRecord what needs the load's state
// (references, uniqueness, the change log).

// prepared is a record with the work loadOne would do on it alone done.
type prepared struct {
	payload any   // the record's payload, normalized
	err     error // of normalizing; PutRecord returns it
	row     row
	doc     []byte
}

// PrepareRecord does, on any goroutine, the part of PutRecord that needs
// rec alone, and returns it for PutPrepared. rec must not change between
// the two calls.
func (l *loader) PrepareRecord(rec store.Record) any {
	switch rec.Type {
	case store.SpeakerType:
		return prepare(rec.Speaker, store.NormalizeSpeaker)
	case store.OrganisationType:
		return prepare(rec.Organisation, store.NormalizeOrganisation)
	case store.AffiliationType:
		return prepare(rec.Affiliation, store.NormalizeAffiliation)
	case store.TopicType:
		return prepare(rec.Topic, store.NormalizeTopic)
	case store.SourceType:
		return prepare(rec.Source, store.NormalizeSource)
	case store.StatementType:
		return prepare(rec.Statement, store.NormalizeStatement)
	case store.ClaimReviewType:
		return prepare(rec.ClaimReview, store.NormalizeClaimReview)
	}
	return nil
}

func prepare[T any](v *T, norm func(*T) error) *prepared {
	if v == nil {
		return nil
	}
	p := &prepared{payload: v}
	if p.err = norm(v); p.err != nil {
		return p
	}
	m := store.MetaOf(v)
	if *m.ID == "" {
		return p // PutRecord reports it
	}
	*m.Created, *m.Updated = m.Created.UTC(), m.Updated.UTC()
	doc, err := encode(v)
	if err != nil {
		return p // PutRecord meets the error again
	}
	p.row, p.doc = rowOf(v), doc
	return p
}

// PutPrepared is PutRecord of a record PrepareRecord prepared as p.
func (l *loader) PutPrepared(rec store.Record, p any) (created, changed bool, err error) {
	l.ready, _ = p.(*prepared)
	defer func() { l.ready = nil }()
	return l.PutRecord(rec)
}

// readyFor returns what PrepareRecord did for v, if it did.
func (l *loader) readyFor(v any) *prepared {
	if l.ready == nil || l.ready.payload != v {
		return nil
	}
	return l.ready
}
