package pg

import (
	"encoding/binary"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Bulk writes: rows of one table gathered and written by one COPY (binary
// format), rather than a statement per row. Restore and Load write
// through them; the database's constraints (foreign keys, uniqueness,
// checks) check every row as an INSERT of one would.

// isUUIDCol reports whether a column is of type uuid. Its values are sent
// as the 16 bytes, which COPY's binary format needs; other text values are
// sent as text. (A switch, not a map: it is asked for every value.)
func isUUIDCol(name string) bool {
	switch name {
	case "id", "speaker_id", "organisation_id", "source_id", "publisher_id", "parent_id", "statement_id",
		"reviewer_id", "topic_id", "record_id":
		return true
	}
	return false
}

// bulkTable gathers rows for one table, encoded for COPY (copybin.go):
// a list of encoded rows, each kept as it was made rather than appended
// to one growing buffer, which would copy them again at every growth.
type bulkTable struct {
	table  string
	names  []string
	chunks [][]byte // encoded rows, one or more in each
	n      int      // rows gathered
	// open says the last chunk is add's, which appends rows to it while
	// it has room: a buffer per row (a change-log entry's, say) cost more
	// than its encoding.
	open bool
}

// addChunk is the size of the chunks add appends rows to.
const addChunk = 64 << 10

func newBulk(table string, names ...string) *bulkTable {
	return &bulkTable{table: table, names: names}
}

// add gathers one row: nil for NULL, strings, int16, int32, int64,
// time.Time, []byte (for bytea and json: JSON text, nil for NULL) and the
// pgtype values copyValue encodes. A row with a bad value is not added.
func (b *bulkTable) add(vals ...any) error {
	last := len(b.chunks) - 1
	if !b.open || cap(b.chunks[last])-len(b.chunks[last]) < addChunk/16 {
		buf, err := appendTuple(make([]byte, 0, addChunk), b.names, vals)
		if err != nil {
			return err
		}
		b.chunks, b.open = append(b.chunks, buf), true
		b.n++
		return nil
	}
	buf, err := appendTuple(b.chunks[last], b.names, vals)
	if err != nil {
		return err
	}
	b.chunks[last] = buf
	b.n++
	return nil
}

// addEncoded gathers n rows appendTuple encoded in buf.
func (b *bulkTable) addEncoded(buf []byte, n int) {
	if n > 0 {
		b.chunks, b.open = append(b.chunks, buf), false
		b.n += n
	}
}

// appendTuple appends one row of the columns names, encoded.
func appendTuple(buf []byte, names []string, vals []any) ([]byte, error) {
	if len(vals) != len(names) {
		return buf, errs.E(errs.Internal, "pg: %d values for %d columns", len(vals), len(names))
	}
	at := len(buf)
	buf = binary.BigEndian.AppendUint16(buf, uint16(len(vals)))
	for i, v := range vals {
		var err error
		if buf, err = copyValue(buf, v, isUUIDCol(names[i]), names[i]); err != nil {
			return buf[:at], err
		}
	}
	return buf, nil
}

// uuidValue is the value COPY sends for a uuid column: its 16 bytes.
func uuidValue(col, s string) (any, error) {
	u, err := parseUUID(col, s)
	if err != nil {
		return nil, err
	}
	return pgtype.UUID{Bytes: u, Valid: true}, nil
}

// parseUUID parses the value s of uuid column col, with an error that
// names the column.
func parseUUID(col, s string) (uuid.UUID, error) {
	u, err := uuid.Parse(s)
	if err != nil {
		return u, errs.E(errs.Invalid, "%s %q is not a UUID", col, s)
	}
	return u, nil
}

func (b *bulkTable) len() int { return b.n }

// flush writes the rows gathered and starts again.
func (b *bulkTable) flush(t *tx) error {
	if b.n == 0 {
		return nil
	}
	err := copyIn(t, b.table, b.names, b.chunks)
	clear(b.chunks)
	b.chunks, b.n, b.open = b.chunks[:0], 0, false
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
	enc, _, err := encodeRecord(id, doc, nil, r)
	if err != nil {
		return err
	}
	br.addEncoded(typ, enc)
	return nil
}

// addEncoded gathers a record encodeRecord encoded.
func (br *bulkRecords) addEncoded(typ store.RecordType, enc *encodedRecord) {
	br.tables[typ].addEncoded(enc.rec, 1)
	br.n++
	if nt := br.names[typ]; nt != nil {
		nt.addEncoded(enc.names, enc.nNames)
	}
	br.topics.addEncoded(enc.topics, enc.nTopics)
	br.bands.addEncoded(enc.bands, enc.nBands)
}

// encodedRecord is a record's rows encoded for COPY: its table's, and
// those of its side tables (names, topics, bands), several in a buffer.
type encodedRecord struct {
	rec                     []byte
	names, topics, bands    []byte
	nNames, nTopics, nBands int
}

// side-table columns, in the order encodeRecord gives their values
var (
	namesCols  = []string{"key", "id"}
	topicsCols = []string{"statement_id", "topic_id"}
	bandsCols  = []string{"band", "statement_id"}
)

// encodeRecord encodes a normalized record's rows: those of add. Its
// stored form is doc or, when doc is nil, encode(v), written in the row
// in place rather than made and copied; it returns the stored form, part
// of the row. It needs nothing but the record, so that a load can run it
// on any goroutine. Its rows are appendTuple's, written without boxing
// each value (TestEncodeRecordMatchesTuple).
func encodeRecord(id string, doc []byte, v any, r row) (*encodedRecord, []byte, error) {
	// the id, converted once for the record's row and its side rows
	key, err := parseUUID("id", id)
	if err != nil {
		return nil, nil, err
	}
	// rows of a key and an id: under 64 bytes each
	e := &encodedRecord{names: make([]byte, 0, 64*len(r.names)), topics: make([]byte, 0, 64*len(r.topics)),
		bands: make([]byte, 0, 64*len(r.bands))}
	buf := binary.BigEndian.AppendUint16(make([]byte, 0, recordSize(doc, v, r)), uint16(2+len(r.cols)))
	buf = appendField(buf, key[:])
	at := len(buf) + 4 // where the doc starts
	if doc != nil {
		buf = appendField(buf, doc)
	} else {
		if buf, err = appendEncoded(binary.BigEndian.AppendUint32(buf, 0), v); err != nil {
			return nil, nil, err
		}
		binary.BigEndian.PutUint32(buf[at-4:], uint32(len(buf)-at))
	}
	end := len(buf)
	for i, c := range r.cols {
		if buf, err = copyValue(buf, r.vals[i], isUUIDCol(c), c); err != nil {
			return nil, nil, err
		}
	}
	e.rec = buf
	for _, k := range r.names {
		e.names = appendField(appendText(binary.BigEndian.AppendUint16(e.names, 2), k), key[:])
		e.nNames++
	}
	for _, tp := range r.topics {
		t, err := parseUUID("topic_id", tp)
		if err != nil {
			return nil, nil, err
		}
		e.topics = appendField(appendField(binary.BigEndian.AppendUint16(e.topics, 2), key[:]), t[:])
		e.nTopics++
	}
	for i, band := range r.bands {
		if slices.Contains(r.bands[:i], band) {
			continue
		}
		e.bands = binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint16(e.bands, 2), 4), uint32(band))
		e.bands = appendField(e.bands, key[:])
		e.nBands++
	}
	return e, buf[at:end:end], nil
}

// recordSize is about the size of a record's row: its doc (or, for a
// statement, what encode makes of its text and the rest), its values'
// text and bytes, and at most 32 bytes for every other value.
func recordSize(doc []byte, v any, r row) int {
	n := 2 + 4 + 16 + 4 + len(doc)
	if doc == nil {
		if s, ok := v.(*store.Statement); ok {
			n += len(s.Text) + statementJSONSize
		} else {
			n += 1024
		}
	}
	for _, v := range r.vals {
		switch v := v.(type) {
		case string:
			n += 4 + len(v)
		case []byte:
			n += 4 + len(v)
		default:
			n += 32
		}
	}
	return n
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
