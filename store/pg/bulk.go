package pg

import (
	"encoding/binary"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Bulk writes: rows of one table gathered and written by one COPY (binary
// format), rather than a statement per row. Restore and Load write
// through them; the database's constraints (foreign keys, uniqueness,
// checks) check every row as an INSERT of one would.

// uuidCols are the columns of type uuid. Their values are sent as the 16
// bytes, which COPY's binary format needs; other text values are sent as
// text and pgx converts the few that are not (date ranges).
var uuidCols = map[string]bool{
	"id": true, "speaker_id": true, "organisation_id": true, "source_id": true, "publisher_id": true,
	"parent_id": true, "statement_id": true, "reviewer_id": true, "topic_id": true, "record_id": true,
}

// bulkTable gathers rows for one table, encoded for COPY (copybin.go).
type bulkTable struct {
	table string
	names []string
	uuids []bool // uuids[i]: column i is a uuid
	buf   []byte
	n     int // rows in buf
}

func newBulk(table string, names ...string) *bulkTable {
	b := &bulkTable{table: table, names: names}
	for _, n := range names {
		b.uuids = append(b.uuids, uuidCols[n])
	}
	return b
}

// add gathers one row: nil for NULL, strings, int16, int32, int64,
// time.Time, []byte (for bytea and json: JSON text, nil for NULL) and the
// pgtype values copyValue encodes. A row with a bad value is not added.
func (b *bulkTable) add(vals ...any) error {
	if len(vals) != len(b.names) {
		return errs.E(errs.Internal, "pg: %d values for the %d columns of %s", len(vals), len(b.names), b.table)
	}
	at := len(b.buf)
	b.buf = binary.BigEndian.AppendUint16(b.buf, uint16(len(vals)))
	for i, v := range vals {
		var err error
		if b.buf, err = copyValue(b.buf, v, b.uuids[i], b.names[i]); err != nil {
			b.buf = b.buf[:at]
			return err
		}
	}
	b.n++
	return nil
}

// uuidValue is the value COPY sends for a uuid column: its 16 bytes.
func uuidValue(col, s string) (any, error) {
	u, err := uuid.Parse(s)
	if err != nil {
		return nil, errs.E(errs.Invalid, "%s %q is not a UUID", col, s)
	}
	return pgtype.UUID{Bytes: u, Valid: true}, nil
}

func (b *bulkTable) len() int { return b.n }

// flush writes the rows gathered and starts again.
func (b *bulkTable) flush(t *tx) error {
	if b.n == 0 {
		return nil
	}
	err := copyIn(t, b.table, b.names, b.buf)
	b.buf, b.n = b.buf[:0], 0
	return err
}

// bulkRecords gathers records of every type, with their side rows.
type bulkRecords struct {
	tables map[store.RecordType]*bulkTable
	names  map[store.RecordType]*bulkTable
	topics *bulkTable
	bands  *bulkTable
	// order is the order to flush in: records before the rows that refer
	// to them.
	order []*bulkTable
	n     int // records gathered
}

// flushOrder is the order record tables are written in: every table after
// those its rows refer to.
var flushOrder = []store.RecordType{store.OrganisationType, store.SpeakerType, store.TopicType, store.SourceType,
	store.AffiliationType, store.StatementType, store.ClaimReviewType}

func newBulkRecords() *bulkRecords {
	br := &bulkRecords{tables: map[store.RecordType]*bulkTable{}, names: map[store.RecordType]*bulkTable{}}
	for _, typ := range flushOrder {
		r := rowOf(sample(typ))
		br.tables[typ] = newBulk(tables[typ], append([]string{"id", "doc"}, r.cols...)...)
		br.order = append(br.order, br.tables[typ])
		if nt, ok := namesTables[typ]; ok {
			br.names[typ] = newBulk(nt, "key", "id")
			br.order = append(br.order, br.names[typ])
		}
		if typ == store.StatementType {
			br.topics = newBulk("statement_topics", "statement_id", "topic_id")
			br.bands = newBulk("statement_bands", "band", "statement_id")
			br.order = append(br.order, br.topics, br.bands)
		}
	}
	return br
}

// sample is an empty record of a type, with the id rowOf needs for sort
// keys.
func sample(typ store.RecordType) any {
	var v any
	switch typ {
	case store.SpeakerType:
		v = &store.Speaker{}
	case store.OrganisationType:
		v = &store.Organisation{}
	case store.AffiliationType:
		v = &store.Affiliation{}
	case store.TopicType:
		v = &store.Topic{}
	case store.SourceType:
		v = &store.Source{}
	case store.StatementType:
		v = &store.Statement{}
	case store.ClaimReviewType:
		v = &store.ClaimReview{}
	}
	*store.MetaOf(v).ID = "00000000-0000-0000-0000-000000000000"
	return v
}

// add gathers one normalized record, whose stored form is doc and whose
// columns and side rows are r.
func (br *bulkRecords) add(typ store.RecordType, id string, doc []byte, r row) error {
	// the id, converted once for the record's row and its side rows
	key, err := uuidValue("id", id)
	if err != nil {
		return err
	}
	if err := br.tables[typ].add(append([]any{key, doc}, r.vals...)...); err != nil {
		return err
	}
	br.n++
	for _, k := range r.names {
		if err := br.names[typ].add(k, key); err != nil {
			return err
		}
	}
	for _, tp := range r.topics {
		if err := br.topics.add(key, tp); err != nil {
			return err
		}
	}
	seen := make(map[string]bool, len(r.bands))
	for _, band := range r.bands {
		if seen[string(band)] {
			continue
		}
		seen[string(band)] = true
		if err := br.bands.add(band, key); err != nil {
			return err
		}
	}
	return nil
}

// full reports whether enough records are gathered to write. Side rows
// are not counted: a statement has a dozen band keys, and flushing at
// their count would write statements a few hundred at a time.
func (br *bulkRecords) full() bool { return br.n >= bulkRecordsMax }

// bulkRecordsMax is how many records are gathered before they are
// written: enough that a COPY's fixed cost is small, few enough that
// memory stays bounded.
var bulkRecordsMax = 10000

// flush writes everything gathered, records before side rows.
func (br *bulkRecords) flush(t *tx) error {
	for _, b := range br.order {
		if err := b.flush(t); err != nil {
			return err
		}
	}
	br.n = 0
	return nil
}
