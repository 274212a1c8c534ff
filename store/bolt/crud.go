package bolt

import (
	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// idFree checks that no record of a type other than typ has the id (of
// type typ, it is an update), giving errs.Conflict otherwise. Ids are
// unique across types so that TypeOf and History are unambiguous.
func (t *tx) idFree(typ store.RecordType, id []byte) error {
	for _, other := range store.RecordTypes {
		if other != typ && t.exists(other, id) {
			return errs.E(errs.Conflict, "id %s is taken by a %s", idString(id), other)
		}
	}
	return nil
}

// create is the common path of the Create methods: normalize, take the
// given id or assign a UUIDv7, check references, stamp and write. The
// record passed gets its id and timestamps.
func create[T any](t *tx, typ store.RecordType, rec *T, norm, refs func(*T) error) error {
	if err := t.writable(); err != nil {
		return err
	}
	if err := norm(rec); err != nil {
		return err
	}
	m := store.MetaOf(rec)
	if *m.ID == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return errs.Wrap(errs.Internal, err, "generating id")
		}
		*m.ID = u.String()
	} else {
		id := mustID(*m.ID)
		if t.exists(typ, id) {
			return errs.E(errs.Conflict, "%s %s already exists", typ, *m.ID)
		}
		if err := t.idFree(typ, id); err != nil {
			return err
		}
	}
	if err := refs(rec); err != nil {
		return err
	}
	ts := now()
	*m.Created, *m.Updated = ts, ts
	_, err := write(t, typ, mustID(*m.ID), nil, rec)
	return err
}

// update is the common path of the Update methods: the stored record must
// exist; its CreatedAt is kept and UpdatedAt set, in the record passed too.
func update[T any](t *tx, typ store.RecordType, rec *T, norm, refs func(*T) error) error {
	if err := t.writable(); err != nil {
		return err
	}
	if err := norm(rec); err != nil {
		return err
	}
	m := store.MetaOf(rec)
	if *m.ID == "" {
		return errs.E(errs.Invalid, "%s id is required", typ)
	}
	old, err := get[T](t, typ, *m.ID)
	if err != nil {
		return err
	}
	if err := refs(rec); err != nil {
		return err
	}
	*m.Created, *m.Updated = *store.MetaOf(old).Created, now()
	_, err = write(t, typ, mustID(*m.ID), old, rec)
	return err
}

// save rewrites a stored record changed by a cascade or merge, stamping
// UpdatedAt.
func save[T any](t *tx, typ store.RecordType, old, rec *T) error {
	*store.MetaOf(rec).Updated = now()
	_, err := write(t, typ, mustID(*store.MetaOf(rec).ID), old, rec)
	return err
}

// remove deletes a record after cascade (when set) has dealt with the
// records that refer to it.
func remove[T any](t *tx, typ store.RecordType, id string, cascade func(*T) error) error {
	if err := t.writable(); err != nil {
		return err
	}
	old, err := get[T](t, typ, id)
	if err != nil {
		return err
	}
	if cascade != nil {
		if err := cascade(old); err != nil {
			return err
		}
	}
	_, err = write[T](t, typ, mustID(*store.MetaOf(old).ID), old, nil)
	return err
}

// put is Tx.Put for one type: the record is stored as given, timestamps
// included (in UTC), after the same checks as create. It reports whether
// the record is new and whether anything changed.
func put[T any](t *tx, typ store.RecordType, rec *T, norm, refs func(*T) error) (created, changed bool, err error) {
	if rec == nil {
		return false, false, errs.E(errs.Invalid, "record of type %s is missing", typ)
	}
	if err := t.writable(); err != nil {
		return false, false, err
	}
	if done, err := t.normalized(rec); err != nil {
		return false, false, err
	} else if !done {
		if err := norm(rec); err != nil {
			return false, false, err
		}
	}
	m := store.MetaOf(rec)
	if *m.ID == "" {
		return false, false, errs.E(errs.Invalid, "%s id is required", typ)
	}
	id := mustID(*m.ID)
	if err := t.idFree(typ, id); err != nil {
		return false, false, err
	}
	if err := refs(rec); err != nil {
		return false, false, err
	}
	*m.Created, *m.Updated = m.Created.UTC(), m.Updated.UTC()
	old, err := load[T](t, typ, id)
	if err != nil {
		return false, false, err
	}
	changed, err = write(t, typ, id, old, rec)
	return old == nil && changed, changed, err
}

// Put stores a record as given; see store.Tx.
func (t *tx) Put(rec store.Record) (bool, error) {
	_, changed, err := t.PutRecord(rec)
	return changed, err
}

// PutRecord is Put that also reports whether the record is new, which
// imports count, sparing them a TypeOf.
func (t *tx) PutRecord(rec store.Record) (created, changed bool, err error) {
	switch rec.Type {
	case store.SpeakerType:
		return put(t, rec.Type, rec.Speaker, store.NormalizeSpeaker, noRefs)
	case store.OrganisationType:
		return put(t, rec.Type, rec.Organisation, store.NormalizeOrganisation, noRefs)
	case store.AffiliationType:
		return put(t, rec.Type, rec.Affiliation, store.NormalizeAffiliation, t.checkAffiliationRefs)
	case store.TopicType:
		return put(t, rec.Type, rec.Topic, store.NormalizeTopic, t.checkTopicRefs)
	case store.SourceType:
		return put(t, rec.Type, rec.Source, store.NormalizeSource, t.checkSourceRefs)
	case store.StatementType:
		return put(t, rec.Type, rec.Statement, store.NormalizeStatement, t.checkStatementRefs)
	case store.ClaimReviewType:
		return put(t, rec.Type, rec.ClaimReview, store.NormalizeClaimReview, t.checkReviewRefs)
	}
	return false, false, errs.E(errs.Invalid, "record type %q is not one of %v", rec.Type, store.RecordTypes)
}

func noRefs[T any](*T) error { return nil }
