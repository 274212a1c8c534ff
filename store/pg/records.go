package pg

import (
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Writes, deletes and merges. Every record a cascade or merge touches is
// rewritten through write, so it gets its side rows and change-log entry in
// the same transaction; the foreign keys hold at every step.

func isNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

// owners returns the ids of the rows of a query, collected before the
// caller changes them.
func (t *tx) owners(sql string, id string) ([]string, error) {
	return t.queryIDs(sql, id)
}

// change rewrites the stored record with the id after fn has changed a
// copy of it.
func change[T any](t *tx, typ store.RecordType, id string, fn func(*T)) error {
	old, err := load[T](t, typ, id)
	if err != nil {
		return err
	}
	if old == nil {
		return errs.E(errs.Internal, "%s %s vanished", typ, id)
	}
	rec, err := load[T](t, typ, id)
	if err != nil {
		return err
	}
	fn(rec)
	return save(t, typ, old, rec)
}

// changeAll applies change to each id.
func changeAll[T any](t *tx, typ store.RecordType, ids []string, fn func(*T)) error {
	for _, id := range ids {
		if err := change(t, typ, id, fn); err != nil {
			return err
		}
	}
	return nil
}

// drop deletes the stored record with the id.
func drop[T any](t *tx, typ store.RecordType, id string) error {
	old, err := load[T](t, typ, id)
	if err != nil {
		return err
	}
	_, err = write[T](t, typ, id, old, nil)
	return err
}

func dropAll[T any](t *tx, typ store.RecordType, ids []string) error {
	for _, id := range ids {
		if err := drop[T](t, typ, id); err != nil {
			return err
		}
	}
	return nil
}

const (
	stmtsOfSpeaker   = "SELECT id::text FROM statements WHERE speaker_id = $1 ORDER BY sk"
	stmtsOfOrg       = "SELECT id::text FROM statements WHERE organisation_id = $1 ORDER BY sk"
	stmtsOfSource    = "SELECT id::text FROM statements WHERE source_id = $1 ORDER BY sk"
	stmtsOfTopic     = "SELECT s.id::text FROM statement_topics st JOIN statements s ON s.id = st.statement_id WHERE st.topic_id = $1 ORDER BY s.sk"
	affsOfSpeaker    = "SELECT id::text FROM affiliations WHERE speaker_id = $1 ORDER BY id"
	affsOfOrg        = "SELECT id::text FROM affiliations WHERE organisation_id = $1 ORDER BY id"
	affsOfSource     = "SELECT id::text FROM affiliations WHERE source_id = $1 ORDER BY id"
	srcsOfPublisher  = "SELECT id::text FROM sources WHERE publisher_id = $1 ORDER BY sk"
	reviewsOfOrg     = "SELECT id::text FROM claim_reviews WHERE reviewer_id = $1 ORDER BY id"
	reviewsOfStmt    = "SELECT id::text FROM claim_reviews WHERE statement_id = $1 ORDER BY id"
	subtopicsOfTopic = "SELECT id::text FROM topics WHERE parent_id = $1 ORDER BY id"
)

func (t *tx) CreateSpeaker(s *store.Speaker) error {
	return create(t, store.SpeakerType, s, store.NormalizeSpeaker, noRefs)
}

func (t *tx) UpdateSpeaker(s *store.Speaker) error {
	return update(t, store.SpeakerType, s, store.NormalizeSpeaker, noRefs)
}

func (t *tx) DeleteSpeaker(id string, cascade bool) error {
	return remove(t, store.SpeakerType, id, func(s *store.Speaker) error {
		stmts, err := t.owners(stmtsOfSpeaker, s.ID)
		if err != nil {
			return err
		}
		if len(stmts) > 0 && !cascade {
			return errs.E(errs.Conflict, "speaker %q has %d statements", s.Name, len(stmts))
		}
		for _, st := range stmts {
			if err := t.dropStatement(st); err != nil {
				return err
			}
		}
		affs, err := t.owners(affsOfSpeaker, s.ID)
		if err != nil {
			return err
		}
		return dropAll[store.Affiliation](t, store.AffiliationType, affs)
	})
}

// mergeStart loads the two records of a merge, which must differ.
func mergeStart[T any](t *tx, typ store.RecordType, keepID, dropID string) (keep, gone *T, err error) {
	if err := t.canWrite(); err != nil {
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
	stmts, err := t.owners(stmtsOfSpeaker, gone.ID)
	if err == nil {
		err = changeAll(t, store.StatementType, stmts, func(s *store.Statement) { s.SpeakerID = keep.ID })
	}
	if err != nil {
		return err
	}
	affs, err := t.owners(affsOfSpeaker, gone.ID)
	if err == nil {
		err = changeAll(t, store.AffiliationType, affs, func(a *store.Affiliation) { a.SpeakerID = keep.ID })
	}
	if err != nil {
		return err
	}
	// Drop goes first so that its name is free to become keep's alias.
	if _, err := write[store.Speaker](t, store.SpeakerType, gone.ID, gone, nil); err != nil {
		return err
	}
	return change(t, store.SpeakerType, keep.ID, func(s *store.Speaker) { store.MergeSpeakerFields(s, gone) })
}

func (t *tx) CreateOrganisation(o *store.Organisation) error {
	return create(t, store.OrganisationType, o, store.NormalizeOrganisation, noRefs)
}

func (t *tx) UpdateOrganisation(o *store.Organisation) error {
	return update(t, store.OrganisationType, o, store.NormalizeOrganisation, noRefs)
}

func (t *tx) DeleteOrganisation(id string, cascade bool) error {
	return remove(t, store.OrganisationType, id, func(o *store.Organisation) error {
		var lists [4][]string
		for i, q := range []string{stmtsOfOrg, srcsOfPublisher, reviewsOfOrg, affsOfOrg} {
			ids, err := t.owners(q, o.ID)
			if err != nil {
				return err
			}
			lists[i] = ids
		}
		stmts, srcs, reviews, affs := lists[0], lists[1], lists[2], lists[3]
		if len(stmts)+len(srcs)+len(reviews) > 0 && !cascade {
			return errs.E(errs.Conflict, "organisation %q is named by %d statements, publishes %d sources and wrote %d claim reviews", o.Name, len(stmts), len(srcs), len(reviews))
		}
		if err := dropAll[store.ClaimReview](t, store.ClaimReviewType, reviews); err != nil {
			return err
		}
		if err := changeAll(t, store.StatementType, stmts, func(s *store.Statement) { s.OrganisationID = "" }); err != nil {
			return err
		}
		if err := changeAll(t, store.SourceType, srcs, func(s *store.Source) { s.PublisherID = "" }); err != nil {
			return err
		}
		return dropAll[store.Affiliation](t, store.AffiliationType, affs)
	})
}

func (t *tx) MergeOrganisations(keepID, dropID string) error {
	keep, gone, err := mergeStart[store.Organisation](t, store.OrganisationType, keepID, dropID)
	if err != nil {
		return err
	}
	steps := []struct {
		q  string
		fn func(ids []string) error
	}{
		{stmtsOfOrg, func(ids []string) error {
			return changeAll(t, store.StatementType, ids, func(s *store.Statement) { s.OrganisationID = keep.ID })
		}},
		{affsOfOrg, func(ids []string) error {
			return changeAll(t, store.AffiliationType, ids, func(a *store.Affiliation) { a.OrganisationID = keep.ID })
		}},
		{srcsOfPublisher, func(ids []string) error {
			return changeAll(t, store.SourceType, ids, func(s *store.Source) { s.PublisherID = keep.ID })
		}},
		{reviewsOfOrg, func(ids []string) error {
			return changeAll(t, store.ClaimReviewType, ids, func(r *store.ClaimReview) { r.ReviewerID = keep.ID })
		}},
	}
	for _, s := range steps {
		ids, err := t.owners(s.q, gone.ID)
		if err != nil {
			return err
		}
		if err := s.fn(ids); err != nil {
			return err
		}
	}
	if _, err := write[store.Organisation](t, store.OrganisationType, gone.ID, gone, nil); err != nil {
		return err
	}
	return change(t, store.OrganisationType, keep.ID, func(o *store.Organisation) { store.MergeOrganisationFields(o, gone) })
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
	p, err := load[store.Topic](t, store.TopicType, id)
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
		stmts, err := t.owners(stmtsOfTopic, tp.ID)
		if err != nil {
			return err
		}
		subs, err := t.owners(subtopicsOfTopic, tp.ID)
		if err != nil {
			return err
		}
		if len(stmts)+len(subs) > 0 && !cascade {
			return errs.E(errs.Conflict, "topic %q has %d statements and %d subtopics", tp.Name, len(stmts), len(subs))
		}
		err = changeAll(t, store.StatementType, stmts, func(s *store.Statement) {
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
		return changeAll(t, store.TopicType, subs, func(s *store.Topic) { s.ParentID = tp.ParentID })
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
		stmts, err := t.owners(stmtsOfSource, src.ID)
		if err != nil {
			return err
		}
		if len(stmts) > 0 && !cascade {
			return errs.E(errs.Conflict, "source %q has %d statements", src.Title, len(stmts))
		}
		for _, st := range stmts {
			if err := t.dropStatement(st); err != nil {
				return err
			}
		}
		affs, err := t.owners(affsOfSource, src.ID)
		if err != nil {
			return err
		}
		return changeAll(t, store.AffiliationType, affs, func(a *store.Affiliation) { a.SourceID = "" })
	})
}

// checkStatementRefs checks that a normalized statement's references exist
// and that its span holds its text.
func (t *tx) checkStatementRefs(s *store.Statement) error {
	return store.CheckStatementRefs(s, t.maxStatement, t.mustExist, t.spanSource)
}

// spanSource returns the source to check a statement's span against. The
// statements of an ingested document all share its source, so it is read
// once per transaction, and again only after anything was written.
func (t *tx) spanSource(id string) (*store.Source, error) {
	if c := t.srcCache; c != nil && c.src.ID == id && c.changes == t.changes {
		return c.src, nil
	}
	src, err := t.Source(id)
	if err != nil {
		return nil, err
	}
	t.srcCache = &cachedSource{src: src, changes: t.changes}
	return src, nil
}

func (t *tx) CreateStatement(s *store.Statement) error {
	return create(t, store.StatementType, s, store.NormalizeStatement, t.checkStatementRefs)
}

func (t *tx) UpdateStatement(s *store.Statement) error {
	return update(t, store.StatementType, s, store.NormalizeStatement, t.checkStatementRefs)
}

func (t *tx) DeleteStatement(id string) error {
	return remove(t, store.StatementType, id, func(s *store.Statement) error {
		return t.dropReviewsOf(s.ID)
	})
}

// dropStatement deletes a statement and its claim reviews, for cascades.
func (t *tx) dropStatement(id string) error {
	if err := t.dropReviewsOf(id); err != nil {
		return err
	}
	return drop[store.Statement](t, store.StatementType, id)
}

func (t *tx) dropReviewsOf(statement string) error {
	ids, err := t.owners(reviewsOfStmt, statement)
	if err != nil {
		return err
	}
	return dropAll[store.ClaimReview](t, store.ClaimReviewType, ids)
}

func (t *tx) checkReviewRefs(r *store.ClaimReview) error {
	return store.CheckRefs(t.mustExist, r.Refs()...)
}

func (t *tx) CreateClaimReview(r *store.ClaimReview) error {
	return create(t, store.ClaimReviewType, r, store.NormalizeClaimReview, t.checkReviewRefs)
}

func (t *tx) UpdateClaimReview(r *store.ClaimReview) error {
	return update(t, store.ClaimReviewType, r, store.NormalizeClaimReview, t.checkReviewRefs)
}

func (t *tx) DeleteClaimReview(id string) error {
	return remove[store.ClaimReview](t, store.ClaimReviewType, id, nil)
}
