package bolt

import (
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Writes, deletes and merges of speakers, organisations, affiliations,
// topics and sources. Every record a cascade or merge touches is rewritten
// through write, so it gets its index entries and change-log entry in the
// same transaction.

// owners returns copies of the owner ids (the last 16 bytes) of the keys of
// index i under prefix, collected before the caller changes the index.
func (t *tx) owners(i ix, prefix []byte) [][]byte {
	var ids [][]byte
	_ = scanPrefix(t.ix(i), prefix, func(k []byte) error {
		ids = append(ids, append([]byte(nil), k[len(k)-idLen:]...))
		return nil
	})
	return ids
}

// change rewrites the stored record with binary id after fn has changed a
// copy of it.
func change[T any](t *tx, typ store.RecordType, id []byte, fn func(*T)) error {
	old, err := load[T](t, typ, id)
	if err != nil {
		return err
	}
	rec, err := load[T](t, typ, id)
	if err != nil {
		return err
	}
	if old == nil {
		return errs.E(errs.Internal, "%s %s vanished", typ, idString(id))
	}
	fn(rec)
	return save(t, typ, old, rec)
}

// drop deletes the stored record with binary id.
func drop[T any](t *tx, typ store.RecordType, id []byte) error {
	old, err := load[T](t, typ, id)
	if err != nil {
		return err
	}
	_, err = write[T](t, typ, id, old, nil)
	return err
}

func (t *tx) CreateSpeaker(s *store.Speaker) error {
	return create(t, store.SpeakerType, s, store.NormalizeSpeaker, noRefs)
}

func (t *tx) UpdateSpeaker(s *store.Speaker) error {
	return update(t, store.SpeakerType, s, store.NormalizeSpeaker, noRefs)
}

func (t *tx) DeleteSpeaker(id string, cascade bool) error {
	return remove(t, store.SpeakerType, id, func(s *store.Speaker) error {
		key := mustID(s.ID)
		stmts := t.owners(ixStmtSpeaker, key)
		if len(stmts) > 0 && !cascade {
			return errs.E(errs.Conflict, "speaker %q has %d statements", s.Name, len(stmts))
		}
		for _, st := range stmts {
			if err := t.dropStatement(st); err != nil {
				return err
			}
		}
		for _, a := range t.owners(ixAffSpeaker, key) {
			if err := drop[store.Affiliation](t, store.AffiliationType, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// mergeStart loads the two records of a merge, which must differ.
func mergeStart[T any](t *tx, typ store.RecordType, keepID, dropID string) (keep, gone *T, err error) {
	if err := t.writable(); err != nil {
		return nil, nil, err
	}
	if keep, err = get[T](t, typ, keepID); err != nil {
		return nil, nil, err
	}
	if gone, err = get[T](t, typ, dropID); err != nil {
		return nil, nil, err
	}
	if *store.MetaOf(keep).ID == *store.MetaOf(gone).ID {
		return nil, nil, errs.E(errs.Invalid, "cannot merge a %s into itself", typ)
	}
	return keep, gone, nil
}

func (t *tx) MergeSpeakers(keepID, dropID string) error {
	keep, gone, err := mergeStart[store.Speaker](t, store.SpeakerType, keepID, dropID)
	if err != nil {
		return err
	}
	goneKey := mustID(gone.ID)
	for _, st := range t.owners(ixStmtSpeaker, goneKey) {
		if err := change(t, store.StatementType, st, func(s *store.Statement) { s.SpeakerID = keep.ID }); err != nil {
			return err
		}
	}
	for _, a := range t.owners(ixAffSpeaker, goneKey) {
		if err := change(t, store.AffiliationType, a, func(a *store.Affiliation) { a.SpeakerID = keep.ID }); err != nil {
			return err
		}
	}
	// Drop goes first so that its name is free to become keep's alias.
	if _, err := write[store.Speaker](t, store.SpeakerType, goneKey, gone, nil); err != nil {
		return err
	}
	return change(t, store.SpeakerType, mustID(keep.ID), func(s *store.Speaker) { store.MergeSpeakerFields(s, gone) })
}

func (t *tx) CreateOrganisation(o *store.Organisation) error {
	return create(t, store.OrganisationType, o, store.NormalizeOrganisation, noRefs)
}

func (t *tx) UpdateOrganisation(o *store.Organisation) error {
	return update(t, store.OrganisationType, o, store.NormalizeOrganisation, noRefs)
}

func (t *tx) DeleteOrganisation(id string, cascade bool) error {
	return remove(t, store.OrganisationType, id, func(o *store.Organisation) error {
		key := mustID(o.ID)
		stmts, srcs := t.owners(ixStmtOrg, key), t.owners(ixSourcePublisher, key)
		reviews := t.owners(ixReviewReviewer, key)
		if len(stmts)+len(srcs)+len(reviews) > 0 && !cascade {
			return errs.E(errs.Conflict, "organisation %q is named by %d statements, publishes %d sources and wrote %d claim reviews", o.Name, len(stmts), len(srcs), len(reviews))
		}
		for _, r := range reviews {
			if err := drop[store.ClaimReview](t, store.ClaimReviewType, r); err != nil {
				return err
			}
		}
		for _, st := range stmts {
			if err := change(t, store.StatementType, st, func(s *store.Statement) { s.OrganisationID = "" }); err != nil {
				return err
			}
		}
		for _, src := range srcs {
			if err := change(t, store.SourceType, src, func(s *store.Source) { s.PublisherID = "" }); err != nil {
				return err
			}
		}
		for _, a := range t.owners(ixAffOrg, key) {
			if err := drop[store.Affiliation](t, store.AffiliationType, a); err != nil {
				return err
			}
		}
		return nil
	})
}

func (t *tx) MergeOrganisations(keepID, dropID string) error {
	keep, gone, err := mergeStart[store.Organisation](t, store.OrganisationType, keepID, dropID)
	if err != nil {
		return err
	}
	goneKey := mustID(gone.ID)
	for _, st := range t.owners(ixStmtOrg, goneKey) {
		if err := change(t, store.StatementType, st, func(s *store.Statement) { s.OrganisationID = keep.ID }); err != nil {
			return err
		}
	}
	for _, a := range t.owners(ixAffOrg, goneKey) {
		if err := change(t, store.AffiliationType, a, func(a *store.Affiliation) { a.OrganisationID = keep.ID }); err != nil {
			return err
		}
	}
	for _, src := range t.owners(ixSourcePublisher, goneKey) {
		if err := change(t, store.SourceType, src, func(s *store.Source) { s.PublisherID = keep.ID }); err != nil {
			return err
		}
	}
	for _, r := range t.owners(ixReviewReviewer, goneKey) {
		if err := change(t, store.ClaimReviewType, r, func(r *store.ClaimReview) { r.ReviewerID = keep.ID }); err != nil {
			return err
		}
	}
	if _, err := write[store.Organisation](t, store.OrganisationType, goneKey, gone, nil); err != nil {
		return err
	}
	return change(t, store.OrganisationType, mustID(keep.ID), func(o *store.Organisation) { store.MergeOrganisationFields(o, gone) })
}

func (t *tx) checkAffiliationRefs(a *store.Affiliation) error {
	return store.CheckRefs(t.mustExist, a.Refs()...)
}

func (t *tx) CreateAffiliation(a *store.Affiliation) error {
	return create(t, store.AffiliationType, a, store.NormalizeAffiliation, t.checkAffiliationRefs)
}

func (t *tx) UpdateAffiliation(a *store.Affiliation) error {
	return update(t, store.AffiliationType, a, store.NormalizeAffiliation, t.checkAffiliationRefs)
}

func (t *tx) DeleteAffiliation(id string) error {
	return remove[store.Affiliation](t, store.AffiliationType, id, nil)
}

// checkTopicRefs checks that the parent exists and that the topic is not
// among the parent's ancestors.
func (t *tx) checkTopicRefs(tp *store.Topic) error {
	return store.CheckTopicParent(tp, t.topicParent)
}

// topicParent gives a stored topic's parent, for store.CheckTopicParent.
func (t *tx) topicParent(id string) (string, bool, error) {
	p, err := load[store.Topic](t, store.TopicType, mustID(id))
	if err != nil || p == nil {
		return "", false, err
	}
	return p.ParentID, true, nil
}

func (t *tx) CreateTopic(tp *store.Topic) error {
	return create(t, store.TopicType, tp, store.NormalizeTopic, t.checkTopicRefs)
}

func (t *tx) UpdateTopic(tp *store.Topic) error {
	return update(t, store.TopicType, tp, store.NormalizeTopic, t.checkTopicRefs)
}

func (t *tx) DeleteTopic(id string, cascade bool) error {
	return remove(t, store.TopicType, id, func(tp *store.Topic) error {
		key := mustID(tp.ID)
		stmts, subs := t.owners(ixStmtTopic, key), t.owners(ixTopicParent, key)
		if len(stmts)+len(subs) > 0 && !cascade {
			return errs.E(errs.Conflict, "topic %q has %d statements and %d subtopics", tp.Name, len(stmts), len(subs))
		}
		for _, st := range stmts {
			err := change(t, store.StatementType, st, func(s *store.Statement) {
				for i, tid := range s.TopicIDs {
					if tid == tp.ID {
						s.TopicIDs = append(s.TopicIDs[:i:i], s.TopicIDs[i+1:]...)
						break
					}
				}
			})
			if err != nil {
				return err
			}
		}
		for _, sub := range subs {
			if err := change(t, store.TopicType, sub, func(s *store.Topic) { s.ParentID = tp.ParentID }); err != nil {
				return err
			}
		}
		return nil
	})
}

func (t *tx) checkSourceRefs(s *store.Source) error {
	return store.CheckRefs(t.mustExist, s.Refs()...)
}

func (t *tx) CreateSource(s *store.Source) error {
	return create(t, store.SourceType, s, store.NormalizeSource, t.checkSourceRefs)
}

func (t *tx) UpdateSource(s *store.Source) error {
	return update(t, store.SourceType, s, store.NormalizeSource, t.checkSourceRefs)
}

func (t *tx) DeleteSource(id string, cascade bool) error {
	return remove(t, store.SourceType, id, func(src *store.Source) error {
		key := mustID(src.ID)
		stmts := t.owners(ixStmtSource, key)
		if len(stmts) > 0 && !cascade {
			return errs.E(errs.Conflict, "source %q has %d statements", src.Title, len(stmts))
		}
		for _, st := range stmts {
			if err := t.dropStatement(st); err != nil {
				return err
			}
		}
		for _, a := range t.owners(ixAffSource, key) {
			if err := change(t, store.AffiliationType, a, func(a *store.Affiliation) { a.SourceID = "" }); err != nil {
				return err
			}
		}
		return nil
	})
}
