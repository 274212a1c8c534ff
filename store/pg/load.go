package pg

import (
	"context"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Load implements store.Loader: fn's records are put as Tx.Put puts them,
// with the same checks, errors and change-log entries, in one transaction,
// but new records are gathered and written by COPY (see bulk.go) rather
// than a few statements each. The checks a Put makes with queries are
// made in memory instead: Load reads every record's id and every unique
// value once at its start and keeps those of the records it puts. A
// record already stored (or put before in the same load) is put as
// Tx.Put does, after what was gathered is written.
func (s *Store) Load(ctx context.Context, fn func(store.Putter) error) error {
	return s.update(ctx, func(t *tx) error {
		l, err := newLoader(t)
		if err != nil {
			return err
		}
		err = fn(l)
		if err == nil {
			err = l.write()
		}
		// The connection must be idle before the transaction ends, also
		// when fn failed while a write was under way.
		if werr := l.wait(); err == nil {
			err = werr
		}
		if err != nil {
			return err
		}
		return l.build()
	})
}

var _ store.Loader = (*Store)(nil)

// loader is the store.Putter of Load.
type loader struct {
	t *tx
	// known holds the type of every record stored or put, as its place in
	// store.RecordTypes plus one (0: none): a map without pointers, which
	// the garbage collector need not scan, at millions of records.
	known map[uuid.UUID]uint8
	// unique maps the values that must be unique (uniqueKey) to their
	// record, and uniqueOf a record to its values.
	unique   map[string]uuid.UUID
	uniqueOf map[uuid.UUID][]string
	bulk     *bulkRecords
	changes  *bulkTable
	// sources are the sources gathered and not yet written, and last the
	// source a statement's span was last checked against.
	sources map[string]*store.Source
	last    *store.Source
	// writing, while a write of what was gathered runs on the
	// transaction's connection and Put gathers more, gets its result;
	// writingSources are the sources it writes.
	writing        chan error
	writingSources map[string]*store.Source
	// rebuild, in an initial load, makes the indexes and constraints
	// dropped at its start again (see deferred.go).
	rebuild []string
	// ready is what PrepareRecord did for the record PutPrepared puts.
	ready *prepared
}

func newLoader(t *tx) (*loader, error) {
	l := &loader{t: t, known: map[uuid.UUID]uint8{}, unique: map[string]uuid.UUID{},
		uniqueOf: map[uuid.UUID][]string{}, bulk: newBulkRecords(), changes: newChangeBulk(), sources: map[string]*store.Source{}}
	var last int64
	if err := t.q.QueryRow(t.ctx, "SELECT coalesce(max(seq), 0) FROM change_log").Scan(&last); err != nil {
		return nil, t.err(err)
	}
	t.seq = uint64(last)
	if err := l.readKnown(); err != nil {
		return nil, err
	}
	if len(l.known) == 0 {
		var err error
		if l.rebuild, err = deferIndexes(t); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// build makes the indexes and constraints deferred again.
func (l *loader) build() error {
	err := build(l.t, l.rebuild)
	l.rebuild = nil
	return err
}

// readKnown reads the ids of all records and the values that must be
// unique.
func (l *loader) readKnown() error {
	t := l.t
	rows, err := t.q.Query(t.ctx, `SELECT 'speaker', id FROM speakers UNION ALL SELECT 'organisation', id FROM organisations
		UNION ALL SELECT 'affiliation', id FROM affiliations UNION ALL SELECT 'topic', id FROM topics
		UNION ALL SELECT 'source', id FROM sources UNION ALL SELECT 'statement', id FROM statements
		UNION ALL SELECT 'claimReview', id FROM claim_reviews`)
	if err != nil {
		return t.err(err)
	}
	var typ string
	var id pgtype.UUID
	for rows.Next() {
		if err := rows.Scan(&typ, &id); err != nil {
			return t.err(err)
		}
		l.known[id.Bytes] = typeCode(store.RecordType(typ))
	}
	if err := rows.Err(); err != nil {
		return t.err(err)
	}
	rows, err = t.q.Query(t.ctx, `SELECT 'speakers', 'name_key', name_key, id FROM speakers
		UNION ALL SELECT 'organisations', 'name_key', name_key, id FROM organisations
		UNION ALL SELECT 'organisations', 'short_key', short_key, id FROM organisations WHERE short_key IS NOT NULL
		UNION ALL SELECT 'topics', 'slug', slug, id FROM topics
		UNION ALL SELECT 'sources', 'content_hash', content_hash, id FROM sources WHERE content_hash IS NOT NULL`)
	if err != nil {
		return t.err(err)
	}
	var table, col, val string
	for rows.Next() {
		if err := rows.Scan(&table, &col, &val, &id); err != nil {
			return t.err(err)
		}
		l.addUnique(id.Bytes, table+"."+col+"\x00"+val)
	}
	return t.err(rows.Err())
}

// typeCode is a record type's code in loader.known.
func typeCode(typ store.RecordType) uint8 {
	return uint8(slices.Index(store.RecordTypes, typ) + 1)
}

func (l *loader) addUnique(id uuid.UUID, key string) {
	l.unique[key] = id
	l.uniqueOf[id] = append(l.uniqueOf[id], key)
}

func uniqueKey(typ store.RecordType, u uniqueCol) string {
	s, _ := u.val.(string) // unique columns are text
	return tables[typ] + "." + u.col + "\x00" + s
}

// Put puts a record as Tx.Put does.
func (l *loader) Put(rec store.Record) (bool, error) {
	_, changed, err := l.PutRecord(rec)
	return changed, err
}

// TypeOf returns the type of a stored or put record, as Tx.TypeOf does.
func (l *loader) TypeOf(id string) (store.RecordType, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return "", errs.E(errs.Invalid, "record id %q is not a UUID", id)
	}
	if c := l.known[u]; c != 0 {
		return store.RecordTypes[c-1], nil
	}
	return "", errs.E(errs.NotFound, "record %q not found", id)
}

// PutRecord puts a record as Tx.Put does and also reports whether it is
// new.
func (l *loader) PutRecord(rec store.Record) (created, changed bool, err error) {
	switch rec.Type {
	case store.SpeakerType:
		return loadOne(l, rec, rec.Speaker, store.NormalizeSpeaker, noRefs)
	case store.OrganisationType:
		return loadOne(l, rec, rec.Organisation, store.NormalizeOrganisation, noRefs)
	case store.AffiliationType:
		return loadOne(l, rec, rec.Affiliation, store.NormalizeAffiliation, func(a *store.Affiliation) error {
			return store.CheckRefs(l.mustExist, a.Refs()...)
		})
	case store.TopicType:
		return loadOne(l, rec, rec.Topic, store.NormalizeTopic, func(tp *store.Topic) error {
			return store.CheckTopicParent(tp, l.topicParent)
		})
	case store.SourceType:
		return loadOne(l, rec, rec.Source, store.NormalizeSource, func(s *store.Source) error {
			return store.CheckRefs(l.mustExist, s.Refs()...)
		})
	case store.StatementType:
		return loadOne(l, rec, rec.Statement, store.NormalizeStatement, func(s *store.Statement) error {
			return store.CheckStatementRefs(s, l.t.maxStatement, l.mustExist, l.spanSource)
		})
	case store.ClaimReviewType:
		return loadOne(l, rec, rec.ClaimReview, store.NormalizeClaimReview, func(r *store.ClaimReview) error {
			return store.CheckRefs(l.mustExist, r.Refs()...)
		})
	}
	return false, false, errs.E(errs.Invalid, "record type %q is not one of %v", rec.Type, store.RecordTypes)
}

// loadOne puts one record: a new one is checked and gathered, as put would
// check and write it; one already known is put by Tx.Put.
func loadOne[T any](l *loader, rec store.Record, v *T, norm, refs func(*T) error) (created, changed bool, err error) {
	if v == nil {
		return false, false, errs.E(errs.Invalid, "record of type %s is missing", rec.Type)
	}
	ready := l.readyFor(v)
	if ready != nil && ready.err != nil {
		return false, false, ready.err
	}
	if ready == nil {
		if err := norm(v); err != nil {
			return false, false, err
		}
	}
	m := store.MetaOf(v)
	if *m.ID == "" {
		return false, false, errs.E(errs.Invalid, "%s id is required", rec.Type)
	}
	key := uuid.MustParse(*m.ID) // canonical after norm
	if l.known[key] != 0 {
		changed, err := l.putKnown(rec, key)
		return false, changed, err
	}
	if err := refs(v); err != nil {
		return false, false, err
	}
	r, doc, err := formOf(ready, v)
	if err != nil {
		return false, false, err
	}
	for _, u := range r.unique {
		if owner, ok := l.unique[uniqueKey(rec.Type, u)]; ok && owner != key {
			return false, false, errs.E(errs.Conflict, "%s already exists (%s)", u.conflict, owner)
		}
	}
	if ready != nil && ready.enc != nil {
		l.bulk.addEncoded(rec.Type, ready.enc)
	} else if err := l.bulk.add(rec.Type, *m.ID, doc, r); err != nil {
		return false, false, err
	}
	l.t.seq++
	l.t.changes++
	// The entry's after is the record's row (see afterCol), not a second
	// copy of its doc: a load writes each doc once.
	err = addChange(l.changes, store.Change{Seq: l.t.seq, Time: now(), Actor: l.t.actor, Op: store.Created,
		Type: rec.Type, ID: *m.ID})
	if err != nil {
		return false, false, err
	}
	l.known[key] = typeCode(rec.Type)
	for _, u := range r.unique {
		l.addUnique(key, uniqueKey(rec.Type, u))
	}
	if src, ok := any(v).(*store.Source); ok {
		l.sources[src.ID] = src
	}
	if l.bulk.full() {
		return true, true, l.flush()
	}
	return true, true, nil
}

// formOf returns the columns, side rows and stored form of a new,
// normalized record: those PrepareRecord made, when it did.
func formOf[T any](ready *prepared, v *T) (row, []byte, error) {
	if ready != nil && ready.doc != nil {
		return ready.row, ready.doc, nil
	}
	m := store.MetaOf(v)
	*m.Created, *m.Updated = m.Created.UTC(), m.Updated.UTC()
	doc, err := encode(v)
	if err != nil {
		return row{}, nil, err
	}
	return rowOf(v), doc, nil
}

// putKnown puts a record already stored or put: by Tx.Put, once what was
// gathered is written, keeping the unique values up to date.
func (l *loader) putKnown(rec store.Record, key uuid.UUID) (bool, error) {
	// Tx.Put reads and writes by the indexes, which must be there.
	if err := l.write(); err != nil {
		return false, err
	}
	if err := l.build(); err != nil {
		return false, err
	}
	changed, err := l.t.Put(rec)
	if err != nil || !changed {
		return changed, err
	}
	l.last = nil
	for _, k := range l.uniqueOf[key] {
		delete(l.unique, k)
	}
	delete(l.uniqueOf, key)
	_, v := payloadOf(rec)
	for _, u := range rowOf(v).unique {
		l.addUnique(key, uniqueKey(rec.Type, u))
	}
	return true, nil
}

// payloadOf returns the record a Record holds.
func payloadOf(rec store.Record) (store.RecordType, any) {
	switch rec.Type {
	case store.SpeakerType:
		return rec.Type, rec.Speaker
	case store.OrganisationType:
		return rec.Type, rec.Organisation
	case store.AffiliationType:
		return rec.Type, rec.Affiliation
	case store.TopicType:
		return rec.Type, rec.Topic
	case store.SourceType:
		return rec.Type, rec.Source
	case store.StatementType:
		return rec.Type, rec.Statement
	}
	return rec.Type, rec.ClaimReview
}

// mustExist checks a reference as tx.mustExist does.
func (l *loader) mustExist(typ store.RecordType, id string) error {
	if id == "" {
		return nil
	}
	if u, err := uuid.Parse(id); err == nil && typeCode(typ) != 0 && l.known[u] == typeCode(typ) {
		return nil
	}
	return errs.E(errs.NotFound, "%s %q not found", typ, id)
}

// topicParent is parentOf for store.CheckTopicParent of a new topic. It
// reports every known topic as a root: a topic not yet stored can be the
// ancestor of none, so only its parent's existence and its being its own
// parent are to be checked.
func (l *loader) topicParent(id string) (string, bool, error) {
	u, err := uuid.Parse(id)
	return "", err == nil && l.known[u] == typeCode(store.TopicType), nil
}

// spanSource returns the source to check a statement's span against:
// gathered, or read once for the statements that follow it.
func (l *loader) spanSource(id string) (*store.Source, error) {
	if src, ok := l.sources[id]; ok {
		return src, nil
	}
	if src, ok := l.writingSources[id]; ok {
		return src, nil
	}
	if l.last != nil && l.last.ID == id {
		return l.last, nil
	}
	if err := l.wait(); err != nil {
		return nil, err
	}
	src, err := l.t.Source(id)
	if err != nil {
		return nil, err
	}
	l.last = src
	return src, nil
}

// flush starts writing what was gathered, once the write before is done,
// and gathers anew meanwhile: Go's work on the next records and the
// database's on these overlap.
func (l *loader) flush() error {
	if err := l.wait(); err != nil {
		return err
	}
	bulk, changes := l.bulk, l.changes
	l.bulk, l.changes = newBulkRecords(), newChangeBulk()
	l.writingSources, l.sources = l.sources, map[string]*store.Source{}
	done := make(chan error, 1)
	go func() {
		err := bulk.flush(l.t)
		if err == nil {
			err = changes.flush(l.t)
		}
		done <- err
	}()
	l.writing = done
	return nil
}

// wait waits for the write under way, if any, and returns its error.
func (l *loader) wait() error {
	if l.writing == nil {
		return nil
	}
	err := <-l.writing
	l.writing, l.writingSources = nil, nil
	return err
}

// write writes what was gathered and waits until it is written.
func (l *loader) write() error {
	if err := l.flush(); err != nil {
		return err
	}
	return l.wait()
}
