package pg

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// encode is the stored form of a record: its JSON, as the change log and
// exports have it.
func encode(v any) ([]byte, error) {
	if s, ok := v.(*store.Statement); ok && s != nil {
		if b, ok := statementJSON(make([]byte, 0, len(s.Text)+statementJSONSize), s); ok {
			return b, nil
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, "encoding record")
	}
	return b, nil
}

// appendEncoded appends encode(v) to b, in place where it can.
func appendEncoded(b []byte, v any) ([]byte, error) {
	if s, ok := v.(*store.Statement); ok && s != nil {
		if out, ok := statementJSON(b, s); ok {
			return out, nil
		}
	}
	doc, err := encode(v)
	if err != nil {
		return b, err
	}
	return append(b, doc...), nil
}

// write is the one way records change: it replaces the record with the
// canonical id (old being its stored value, nil when new) by new (nil to
// delete), with its side rows, and appends the change-log entry. When new
// encodes to what old does it does nothing and returns false.
func write[T any](t *tx, typ store.RecordType, id string, old, new *T) (bool, error) {
	var before, after []byte
	var err error
	if old != nil {
		if before, err = encode(old); err != nil {
			return false, err
		}
	}
	if new != nil {
		if after, err = encode(new); err != nil {
			return false, err
		}
	}
	if string(before) == string(after) {
		return false, nil
	}
	op := store.Updated
	switch {
	case old == nil:
		op = store.Created
		err = t.insert(typ, id, rowOf(new), after)
	case new == nil:
		op = store.Deleted
		err = t.ownCopy(typ, id)
		if err == nil && typ == store.StatementType {
			err = t.deleteBands(id, rowOf(old).bands)
		}
		if err == nil {
			err = t.exec("DELETE FROM "+tables[typ]+" WHERE id = $1", id)
		}
	default:
		if err = t.ownCopy(typ, id); err == nil {
			err = t.replace(typ, id, rowOf(old), rowOf(new), after)
		}
	}
	if err != nil {
		return false, err
	}
	return true, t.logChange(op, typ, id, before, after)
}

// ownCopy gives the change-log entry that refers to the record's row for
// its after (see afterCol) a copy of the row's doc, before the row changes.
func (t *tx) ownCopy(typ store.RecordType, id string) error {
	return t.exec("UPDATE change_log c SET after = r.doc FROM "+tables[typ]+" r "+
		"WHERE c.record_id = $1 AND c.after IS NULL AND c.op = 'CREATE' AND r.id = $1", id)
}

// checkUnique gives errs.Conflict when another record has a value that
// must be unique.
func (t *tx) checkUnique(typ store.RecordType, id string, r row) error {
	for _, u := range r.unique {
		var owner string
		err := t.q.QueryRow(t.ctx, "SELECT id::text FROM "+tables[typ]+" WHERE "+u.col+" = $1 AND id <> $2 LIMIT 1", u.val, id).Scan(&owner)
		if err == nil {
			return errs.E(errs.Conflict, "%s already exists (%s)", u.conflict, owner)
		}
		if !isNoRows(err) {
			return t.err(err)
		}
	}
	return nil
}

// param returns the placeholder of the next argument, cast where its
// column's type is not what pgx infers from the Go value.
func param(args *[]any, col string, v any) string {
	*args = append(*args, v)
	p := "$" + strconv.Itoa(len(*args))
	if typ, ok := colTypes[col]; ok {
		p += "::" + typ
	}
	return p
}

func (t *tx) insert(typ store.RecordType, id string, r row, doc []byte) error {
	if err := t.checkUnique(typ, id, r); err != nil {
		return err
	}
	args := []any{id, string(doc)}
	ps := []string{"$1", "$2::json"}
	for i, c := range r.cols {
		ps = append(ps, param(&args, c, r.vals[i]))
	}
	sql := "INSERT INTO " + tables[typ] + " (id, doc, " + strings.Join(r.cols, ", ") + ") VALUES (" + strings.Join(ps, ", ") + ")"
	if err := t.exec(sql, args...); err != nil {
		return err
	}
	return t.insertSides(typ, id, r)
}

func (t *tx) replace(typ store.RecordType, id string, old, r row, doc []byte) error {
	if err := t.checkUnique(typ, id, r); err != nil {
		return err
	}
	args := []any{id, string(doc)}
	sets := []string{"doc = $2::json"}
	for i, c := range r.cols {
		sets = append(sets, c+" = "+param(&args, c, r.vals[i]))
	}
	if err := t.exec("UPDATE "+tables[typ]+" SET "+strings.Join(sets, ", ")+" WHERE id = $1", args...); err != nil {
		return err
	}
	// Side rows are replaced only when they differ: rewriting a
	// statement's topics or bands at every status change would cost more
	// than comparing.
	if !slicesEqual(old.names, r.names) {
		if err := t.exec("DELETE FROM "+namesTables[typ]+" WHERE id = $1", id); err != nil {
			return err
		}
		if err := t.insertNames(typ, id, r.names); err != nil {
			return err
		}
	}
	if typ != store.StatementType {
		return nil
	}
	if !slicesEqual(old.topics, r.topics) {
		if err := t.exec("DELETE FROM statement_topics WHERE statement_id = $1", id); err != nil {
			return err
		}
		if err := t.insertTopics(id, r.topics); err != nil {
			return err
		}
	}
	if !slices.Equal(old.bands, r.bands) {
		if err := t.deleteBands(id, old.bands); err != nil {
			return err
		}
		return t.insertBands(id, r.bands)
	}
	return nil
}

func slicesEqual(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

func (t *tx) insertSides(typ store.RecordType, id string, r row) error {
	if err := t.insertNames(typ, id, r.names); err != nil {
		return err
	}
	if err := t.insertTopics(id, r.topics); err != nil {
		return err
	}
	return t.insertBands(id, r.bands)
}

func (t *tx) insertNames(typ store.RecordType, id string, names []string) error {
	if len(names) == 0 {
		return nil
	}
	return t.exec("INSERT INTO "+namesTables[typ]+" (key, id) SELECT k, $1 FROM unnest($2::text[]) AS k", id, names)
}

func (t *tx) insertTopics(id string, topics []string) error {
	if len(topics) == 0 {
		return nil
	}
	return t.exec("INSERT INTO statement_topics (statement_id, topic_id) SELECT $1, tp FROM unnest($2::uuid[]) AS tp", id, topics)
}

// deleteBands deletes a statement's band keys, found by the keys (the
// table's primary key): it has no index by statement, which only deletes
// would use and every load would build.
func (t *tx) deleteBands(id string, bands []int32) error {
	if len(bands) == 0 {
		return nil
	}
	return t.exec("DELETE FROM statement_bands WHERE band = ANY($1::int4[]) AND statement_id = $2", bands, id)
}

func (t *tx) insertBands(id string, bands []int32) error {
	if len(bands) == 0 {
		return nil
	}
	return t.exec("INSERT INTO statement_bands (band, statement_id) SELECT DISTINCT b, $1::uuid FROM unnest($2::int4[]) AS b", id, bands)
}

// logChange appends one change-log entry. Seqs continue from the table's
// last: writers hold the write lock, so no other can take the same.
func (t *tx) logChange(op store.Op, typ store.RecordType, id string, before, after []byte) error {
	if t.noLog {
		return nil
	}
	t.seq++
	if t.seq == 1 {
		var last int64
		if err := t.q.QueryRow(t.ctx, "SELECT coalesce(max(seq), 0) FROM change_log").Scan(&last); err != nil {
			return t.err(err)
		}
		t.seq = uint64(last) + 1
	}
	return t.insertChange(store.Change{Seq: t.seq, Time: now(), Actor: t.actor, Op: op, Type: typ, ID: id, Before: before, After: after})
}

// insertChange writes one change-log row as given.
func (t *tx) insertChange(c store.Change) error {
	err := t.exec(`INSERT INTO change_log (seq, time, time_nanos, actor, op, type, record_id, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8::json, $9::json)`,
		int64(c.Seq), c.Time.Truncate(time.Microsecond), int16(c.Time.Nanosecond()%1000), c.Actor, string(c.Op), string(c.Type), c.ID,
		optJSON(c.Before), optJSON(c.After))
	if err != nil {
		return err
	}
	t.changes++
	return nil
}

func optJSON(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

// idFree checks that no record of a type other than typ has the id (of
// type typ, it is an update), giving errs.Conflict otherwise. Ids are
// unique across types so that TypeOf and History are unambiguous.
func (t *tx) idFree(typ store.RecordType, id string) error {
	other, err := t.typeOf(id)
	if err != nil {
		return err
	}
	if other != "" && other != typ {
		return errs.E(errs.Conflict, "id %s is taken by a %s", id, other)
	}
	return nil
}

// create is the common path of the Create methods: normalize, take the
// given id or assign a UUIDv7, check references, stamp and write. The
// record passed gets its id and timestamps.
func create[T any](t *tx, typ store.RecordType, rec *T, norm, refs func(*T) error) error {
	if err := t.canWrite(); err != nil {
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
		other, err := t.typeOf(*m.ID)
		if err != nil {
			return err
		}
		if other == typ {
			return errs.E(errs.Conflict, "%s %s already exists", typ, *m.ID)
		}
		if other != "" {
			return errs.E(errs.Conflict, "id %s is taken by a %s", *m.ID, other)
		}
	}
	if err := refs(rec); err != nil {
		return err
	}
	ts := now()
	*m.Created, *m.Updated = ts, ts
	_, err := write(t, typ, *m.ID, nil, rec)
	return err
}

// update is the common path of the Update methods: the stored record must
// exist; its CreatedAt is kept and UpdatedAt set, in the record passed too.
func update[T any](t *tx, typ store.RecordType, rec *T, norm, refs func(*T) error) error {
	if err := t.canWrite(); err != nil {
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
	_, err = write(t, typ, *m.ID, old, rec)
	return err
}

// save rewrites a stored record changed by a cascade or merge, stamping
// UpdatedAt.
func save[T any](t *tx, typ store.RecordType, old, rec *T) error {
	*store.MetaOf(rec).Updated = now()
	_, err := write(t, typ, *store.MetaOf(rec).ID, old, rec)
	return err
}

// remove deletes a record after cascade (when set) has dealt with the
// records that refer to it.
func remove[T any](t *tx, typ store.RecordType, id string, cascade func(*T) error) error {
	if err := t.canWrite(); err != nil {
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
	_, err = write[T](t, typ, *store.MetaOf(old).ID, old, nil)
	return err
}

// put is Tx.Put for one type: the record is stored as given, timestamps
// included (in UTC), after the same checks as create.
func put[T any](t *tx, typ store.RecordType, rec *T, norm, refs func(*T) error) (changed bool, err error) {
	if rec == nil {
		return false, errs.E(errs.Invalid, "record of type %s is missing", typ)
	}
	if err := t.canWrite(); err != nil {
		return false, err
	}
	if err := norm(rec); err != nil {
		return false, err
	}
	m := store.MetaOf(rec)
	if *m.ID == "" {
		return false, errs.E(errs.Invalid, "%s id is required", typ)
	}
	if err := t.idFree(typ, *m.ID); err != nil {
		return false, err
	}
	if err := refs(rec); err != nil {
		return false, err
	}
	*m.Created, *m.Updated = m.Created.UTC(), m.Updated.UTC()
	old, err := load[T](t, typ, *m.ID)
	if err != nil {
		return false, err
	}
	return write(t, typ, *m.ID, old, rec)
}

// Put stores a record as given; see store.Tx.
func (t *tx) Put(rec store.Record) (bool, error) {
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
	return false, errs.E(errs.Invalid, "record type %q is not one of %v", rec.Type, store.RecordTypes)
}

func noRefs[T any](*T) error { return nil }
