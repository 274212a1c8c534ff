package pg

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// tx implements store.Tx over one PostgreSQL transaction. It must not be
// used after the View or Update call that made it returns.
type tx struct {
	ctx      context.Context
	q        pgx.Tx
	actor    string
	writable bool
	// maxStatement bounds the text of a statement written.
	maxStatement int
	// seq is the last change-log seq assigned in this transaction (0:
	// none yet, read from the table at the first change).
	seq     uint64
	changes int
	// noLog, set by Restore, writes records without change-log entries.
	noLog bool
	// srcCache holds the source a statement's span was last checked
	// against, with the changes count when read.
	srcCache *cachedSource
	// truncated holds the tables this transaction truncated, which COPY
	// writes frozen (deferred.go).
	truncated map[string]bool
}

type cachedSource struct {
	src     *store.Source
	changes int
}

var _ store.Tx = (*tx)(nil)

func newTx(ctx context.Context, q pgx.Tx, actor string, writable bool, maxStatement int) *tx {
	return &tx{ctx: ctx, q: q, actor: actor, writable: writable, maxStatement: maxStatement}
}

// tables names the table of each record type.
var tables = map[store.RecordType]string{
	store.SpeakerType:      "speakers",
	store.OrganisationType: "organisations",
	store.AffiliationType:  "affiliations",
	store.TopicType:        "topics",
	store.SourceType:       "sources",
	store.StatementType:    "statements",
	store.ClaimReviewType:  "claim_reviews",
}

// canWrite guards write methods: in a View transaction they fail with an
// Internal error, a programming mistake rather than bad input.
func (t *tx) canWrite() error {
	if !t.writable {
		return errs.E(errs.Internal, "write in a read-only transaction")
	}
	return nil
}

// now is the time writes are stamped with: UTC, without the monotonic
// reading, so that a record equals itself after a round trip.
func now() time.Time { return time.Now().UTC() }

func (t *tx) err(err error) error { return (*Store)(nil).dbErr(err) }

// scanErr is err for a scan's query: when the transaction's context has
// ended, whatever pgx or PostgreSQL made of that (a cancelled query, a
// closed connection), the scan was stopped by it (store.Interrupted).
func (t *tx) scanErr(err error) error {
	if err == nil {
		return nil
	}
	if ierr := store.Interrupted(t.ctx); ierr != nil {
		return ierr
	}
	return t.err(err)
}

func (t *tx) exec(sql string, args ...any) error {
	_, err := t.q.Exec(t.ctx, sql, args...)
	return t.err(err)
}

// parseID checks a textual id, giving an errs.Invalid error naming what it
// is the id of, and returns its canonical form.
func parseID(what, id string) (string, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return "", errs.E(errs.Invalid, "%s id %q is not a UUID", what, id)
	}
	return u.String(), nil
}

// load reads the record of type typ with the canonical id into a new T;
// nil, nil when there is none.
func load[T any](t *tx, typ store.RecordType, id string) (*T, error) {
	var doc []byte
	err := t.q.QueryRow(t.ctx, "SELECT doc FROM "+tables[typ]+" WHERE id = $1", id).Scan(&doc)
	if err == pgx.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, t.err(err)
	}
	return decode[T](doc)
}

func decode[T any](doc []byte) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(doc, v); err != nil {
		return nil, errs.Wrap(errs.Internal, err, "decoding record")
	}
	return v, nil
}

// get is the lookup of one record by textual id: errs.Invalid for a bad
// id, errs.NotFound for a missing record.
func get[T any](t *tx, typ store.RecordType, id string) (*T, error) {
	key, err := parseID(string(typ), id)
	if err != nil {
		return nil, err
	}
	v, err := load[T](t, typ, key)
	if err == nil && v == nil {
		err = errs.E(errs.NotFound, "%s %q not found", typ, id)
	}
	return v, err
}

// byIDs is the batch lookup: records in the order of ids, nil for missing,
// in one query.
func byIDs[T any](t *tx, typ store.RecordType, ids []string) ([]*T, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		k, err := parseID(string(typ), id)
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	out := make([]*T, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := t.q.Query(t.ctx, "SELECT id::text, doc FROM "+tables[typ]+" WHERE id = ANY($1::uuid[])", keys)
	if err != nil {
		return nil, t.err(err)
	}
	found := map[string][]byte{}
	for rows.Next() {
		var id string
		var doc []byte
		if err := rows.Scan(&id, &doc); err != nil {
			return nil, t.err(err)
		}
		found[id] = doc
	}
	if err := rows.Err(); err != nil {
		return nil, t.err(err)
	}
	for i, k := range keys {
		if doc, ok := found[k]; ok {
			if out[i], err = decode[T](doc); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// queryDocs decodes the doc column of every row of a query.
func queryDocs[T any](t *tx, sql string, args ...any) ([]*T, error) {
	rows, err := t.q.Query(t.ctx, sql, args...)
	if err != nil {
		return nil, t.err(err)
	}
	var out []*T
	for rows.Next() {
		var doc []byte
		if err := rows.Scan(&doc); err != nil {
			return nil, t.err(err)
		}
		v, err := decode[T](doc)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, v)
	}
	return out, t.err(rows.Err())
}

// queryIDs returns the first column of every row, as canonical ids.
func (t *tx) queryIDs(sql string, args ...any) ([]string, error) {
	rows, err := t.q.Query(t.ctx, sql, args...)
	if err != nil {
		return nil, t.err(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return ids, t.err(err)
}

// exists reports whether a record of type typ has the canonical id.
func (t *tx) exists(typ store.RecordType, id string) (bool, error) {
	var ok bool
	err := t.q.QueryRow(t.ctx, "SELECT EXISTS (SELECT 1 FROM "+tables[typ]+" WHERE id = $1)", id).Scan(&ok)
	return ok, t.err(err)
}

// mustExist checks a reference: errs.NotFound when it names no record.
func (t *tx) mustExist(typ store.RecordType, id string) error {
	if id == "" {
		return nil
	}
	ok, err := t.exists(typ, id)
	if err == nil && !ok {
		err = errs.E(errs.NotFound, "%s %q not found", typ, id)
	}
	return err
}

const anyRecord = `SELECT 'speaker' FROM speakers WHERE id = $1
	UNION ALL SELECT 'organisation' FROM organisations WHERE id = $1
	UNION ALL SELECT 'affiliation' FROM affiliations WHERE id = $1
	UNION ALL SELECT 'topic' FROM topics WHERE id = $1
	UNION ALL SELECT 'source' FROM sources WHERE id = $1
	UNION ALL SELECT 'statement' FROM statements WHERE id = $1
	UNION ALL SELECT 'claimReview' FROM claim_reviews WHERE id = $1
	LIMIT 1`

// typeOf returns the type of the record with the canonical id, "" when
// there is none.
func (t *tx) typeOf(id string) (store.RecordType, error) {
	var typ string
	err := t.q.QueryRow(t.ctx, anyRecord, id).Scan(&typ)
	if err == pgx.ErrNoRows {
		return "", nil
	}
	return store.RecordType(typ), t.err(err)
}

func (t *tx) TypeOf(id string) (store.RecordType, error) {
	key, err := parseID("record", id)
	if err != nil {
		return "", err
	}
	typ, err := t.typeOf(key)
	if err == nil && typ == "" {
		err = errs.E(errs.NotFound, "record %q not found", id)
	}
	return typ, err
}

func (t *tx) Speaker(id string) (*store.Speaker, error) {
	return get[store.Speaker](t, store.SpeakerType, id)
}

func (t *tx) Organisation(id string) (*store.Organisation, error) {
	return get[store.Organisation](t, store.OrganisationType, id)
}

func (t *tx) Affiliation(id string) (*store.Affiliation, error) {
	return get[store.Affiliation](t, store.AffiliationType, id)
}

func (t *tx) Topic(id string) (*store.Topic, error) {
	return get[store.Topic](t, store.TopicType, id)
}

func (t *tx) Source(id string) (*store.Source, error) {
	return get[store.Source](t, store.SourceType, id)
}

func (t *tx) Statement(id string) (*store.Statement, error) {
	return get[store.Statement](t, store.StatementType, id)
}

func (t *tx) ClaimReview(id string) (*store.ClaimReview, error) {
	return get[store.ClaimReview](t, store.ClaimReviewType, id)
}

func (t *tx) SpeakersByID(ids []string) ([]*store.Speaker, error) {
	return byIDs[store.Speaker](t, store.SpeakerType, ids)
}

func (t *tx) OrganisationsByID(ids []string) ([]*store.Organisation, error) {
	return byIDs[store.Organisation](t, store.OrganisationType, ids)
}

func (t *tx) TopicsByID(ids []string) ([]*store.Topic, error) {
	return byIDs[store.Topic](t, store.TopicType, ids)
}

func (t *tx) SourcesByID(ids []string) ([]*store.Source, error) {
	return byIDs[store.Source](t, store.SourceType, ids)
}

func (t *tx) StatementsByID(ids []string) ([]*store.Statement, error) {
	return byIDs[store.Statement](t, store.StatementType, ids)
}

// AffiliationsOf reads the speakers' affiliations in one query, each
// speaker's ordered by start date and then id.
func (t *tx) AffiliationsOf(speakerIDs []string) ([][]*store.Affiliation, error) {
	byOwner, err := groupBy(t, "speaker", speakerIDs, "SELECT doc FROM affiliations WHERE speaker_id = ANY($1::uuid[]) ORDER BY id",
		func(a *store.Affiliation) string { return a.SpeakerID })
	if err != nil {
		return nil, err
	}
	for _, affs := range byOwner {
		slices.SortStableFunc(affs, func(a, b *store.Affiliation) int { return a.Start.Compare(b.Start) })
	}
	return byOwner, nil
}

// ReviewsOf reads the statements' claim reviews in one query, each
// statement's ordered by date and then id.
func (t *tx) ReviewsOf(statementIDs []string) ([][]*store.ClaimReview, error) {
	byOwner, err := groupBy(t, "statement", statementIDs, "SELECT doc FROM claim_reviews WHERE statement_id = ANY($1::uuid[]) ORDER BY id",
		func(r *store.ClaimReview) string { return r.StatementID })
	if err != nil {
		return nil, err
	}
	for _, rs := range byOwner {
		slices.SortStableFunc(rs, func(a, b *store.ClaimReview) int { return a.Date.Compare(b.Date) })
	}
	return byOwner, nil
}

// groupBy runs sql over the canonical forms of ids and returns, for each
// id, the records whose owner is that id, in the query's order.
func groupBy[T any](t *tx, what string, ids []string, sql string, owner func(*T) string) ([][]*T, error) {
	keys := make([]string, len(ids))
	for i, id := range ids {
		k, err := parseID(what, id)
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	out := make([][]*T, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := queryDocs[T](t, sql, keys)
	if err != nil {
		return nil, err
	}
	found := map[string][]*T{}
	for _, r := range recs {
		found[owner(r)] = append(found[owner(r)], r)
	}
	for i, k := range keys {
		// Each position gets its own records: a repeated id must not
		// share a slice another position's caller may change.
		for _, r := range found[k] {
			v := *r
			out[i] = append(out[i], &v)
		}
	}
	return out, nil
}

// SourceByHash looks the hash up in the unique content_hash column.
func (t *tx) SourceByHash(hash string) (*store.Source, error) {
	b, err := hex.DecodeString(hash)
	if err != nil || len(b) != 32 {
		return nil, errs.E(errs.Invalid, "content hash %q is not 64 hex digits", hash)
	}
	srcs, err := queryDocs[store.Source](t, "SELECT doc FROM sources WHERE content_hash = $1", hex.EncodeToString(b))
	if err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return nil, errs.E(errs.NotFound, "no source with content hash %s", hash)
	}
	return srcs[0], nil
}

var changeCols = `seq, time, time_nanos, actor, op, type, record_id::text, before::text, ` + afterCol

// afterCol is an entry's after: its own, or, for the creation of a record
// that has not changed since (see loader.PutRecord), the record's row.
var afterCol = func() string {
	var b strings.Builder
	b.WriteString("COALESCE(after, CASE WHEN op = 'CREATE' THEN CASE type")
	for _, typ := range store.RecordTypes {
		b.WriteString(" WHEN '" + string(typ) + "' THEN (SELECT r.doc FROM " + tables[typ] + " r WHERE r.id = record_id)")
	}
	b.WriteString(" END END)::text")
	return b.String()
}()

// scanChanges reads change-log rows selected with changeCols.
func scanChanges(rows pgx.Rows) ([]store.Change, error) {
	var out []store.Change
	for rows.Next() {
		var c store.Change
		var seq int64
		var op, typ string
		var nanos int16
		var before, after *string
		if err := rows.Scan(&seq, &c.Time, &nanos, &c.Actor, &op, &typ, &c.ID, &before, &after); err != nil {
			return nil, err
		}
		c.Seq, c.Op, c.Type = uint64(seq), store.Op(op), store.RecordType(typ)
		c.Time = c.Time.UTC().Add(time.Duration(nanos))
		if before != nil {
			c.Before = json.RawMessage(*before)
		}
		if after != nil {
			c.After = json.RawMessage(*after)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// History returns the change-log entries of the record with the id,
// oldest first; empty (no error) for an id never written.
func (t *tx) History(id string) ([]store.Change, error) {
	key, err := parseID("record", id)
	if err != nil {
		return nil, err
	}
	rows, err := t.q.Query(t.ctx, `SELECT `+changeCols+` FROM change_log WHERE record_id = $1 ORDER BY seq`, key)
	if err != nil {
		return nil, t.err(err)
	}
	out, err := scanChanges(rows)
	return out, t.err(err)
}
