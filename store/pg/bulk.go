package pg

import (
	"strconv"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Bulk writes: rows of one table gathered and written by one INSERT … SELECT
// FROM unnest(arrays), a statement per bulkRows rows rather than one per
// row. Restore writes through them; the database's constraints (foreign
// keys, uniqueness, checks) check every row as an INSERT of one would.

const bulkRows = 2000

// colArray is the SQL array type a column's values are sent as, and the
// cast to the column's own type where that differs.
var colArray = map[string]string{
	"id": "::uuid[]", "doc": "::text[]::json[]",
	"speaker_id": "::uuid[]", "organisation_id": "::uuid[]", "source_id": "::uuid[]", "publisher_id": "::uuid[]",
	"parent_id": "::uuid[]", "statement_id": "::uuid[]", "reviewer_id": "::uuid[]",
	"period": "::text[]::daterange[]", "published": "::text[]::daterange[]", "said": "::text[]::daterange[]",
	"date": "::text[]::daterange[]", "covers": "::text[]::datemultirange[]",
	"start_precision": "::int2[]", "end_precision": "::int2[]", "published_precision": "::int2[]", "said_precision": "::int2[]",
	"sk": "::bytea[]", "name_sk": "::bytea[]", "shingles": "::bytea[]", "band": "::bytea[]", "topic_id": "::uuid[]",
	"seq": "::text[]::int8[]", "time": "::text[]::timestamptz[]", "time_nanos": "::int2[]", "record_id": "::uuid[]",
	"before": "::text[]::json[]", "after": "::text[]::json[]",
}

// column gathers the values of one column: text (nil for NULL), smallint
// or bytea.
type column struct {
	texts  []*string
	ints   []int16
	blobs  [][]byte
	isInt  bool
	isBlob bool
}

func (c *column) add(v any) error {
	switch v := v.(type) {
	case nil:
		switch {
		case c.isBlob:
			c.blobs = append(c.blobs, nil)
		default:
			c.texts = append(c.texts, nil)
		}
	case string:
		c.texts = append(c.texts, &v)
	case int16:
		c.isInt = true
		c.ints = append(c.ints, v)
	case []byte:
		c.isBlob = true
		c.blobs = append(c.blobs, v)
	default:
		return errs.E(errs.Internal, "bulk write of a %T", v)
	}
	return nil
}

func (c *column) value() any {
	switch {
	case c.isInt:
		return c.ints
	case c.isBlob:
		return c.blobs
	}
	return c.texts
}

// bulkTable gathers rows for one table.
type bulkTable struct {
	table string
	names []string
	cols  []*column
	n     int
}

func newBulk(table string, names ...string) *bulkTable {
	b := &bulkTable{table: table, names: names}
	for _, n := range names {
		c := &column{isBlob: strings.HasSuffix(colArray[n], "bytea[]")}
		b.cols = append(b.cols, c)
	}
	return b
}

func (b *bulkTable) add(vals ...any) error {
	for i, v := range vals {
		if err := b.cols[i].add(v); err != nil {
			return err
		}
	}
	b.n++
	return nil
}

// flush writes the rows gathered and starts again.
func (b *bulkTable) flush(t *tx) error {
	if b.n == 0 {
		return nil
	}
	args := make([]any, len(b.cols))
	ps := make([]string, len(b.cols))
	for i, c := range b.cols {
		args[i] = c.value()
		cast := colArray[b.names[i]]
		if cast == "" {
			cast = "::text[]"
		}
		ps[i] = "$" + strconv.Itoa(i+1) + cast
		b.cols[i] = &column{isBlob: c.isBlob}
	}
	b.n = 0
	return t.exec("INSERT INTO "+b.table+" ("+strings.Join(b.names, ", ")+") SELECT * FROM unnest("+strings.Join(ps, ", ")+")", args...)
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
}

func newBulkRecords() *bulkRecords {
	br := &bulkRecords{tables: map[store.RecordType]*bulkTable{}, names: map[store.RecordType]*bulkTable{}}
	for _, typ := range store.RecordTypes {
		var sample any
		switch typ {
		case store.SpeakerType:
			sample = &store.Speaker{}
		case store.OrganisationType:
			sample = &store.Organisation{}
		case store.AffiliationType:
			sample = &store.Affiliation{}
		case store.TopicType:
			sample = &store.Topic{}
		case store.SourceType:
			sample = &store.Source{}
		case store.StatementType:
			sample = &store.Statement{}
		case store.ClaimReviewType:
			sample = &store.ClaimReview{}
		}
		r := rowOf(withID(sample))
		br.tables[typ] = newBulk(tables[typ], append([]string{"id", "doc"}, r.cols...)...)
		br.order = append(br.order, br.tables[typ])
		if nt, ok := namesTables[typ]; ok {
			br.names[typ] = newBulk(nt, "key", "id")
			br.order = append(br.order, br.names[typ])
		}
	}
	br.topics = newBulk("statement_topics", "statement_id", "topic_id")
	br.bands = newBulk("statement_bands", "band", "statement_id")
	br.order = append(br.order, br.topics, br.bands)
	return br
}

// withID gives a sample record an id, which rowOf needs for sort keys.
func withID(v any) any {
	*store.MetaOf(v).ID = "00000000-0000-0000-0000-000000000000"
	return v
}

// add gathers one normalized record.
func (br *bulkRecords) add(typ store.RecordType, id string, rec any) error {
	doc, err := encode(rec)
	if err != nil {
		return err
	}
	r := rowOf(rec)
	if err := br.tables[typ].add(append([]any{id, string(doc)}, r.vals...)...); err != nil {
		return err
	}
	for _, k := range r.names {
		if err := br.names[typ].add(k, id); err != nil {
			return err
		}
	}
	for _, tp := range r.topics {
		if err := br.topics.add(id, tp); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for _, band := range r.bands {
		if seen[string(band)] {
			continue
		}
		seen[string(band)] = true
		if err := br.bands.add(band, id); err != nil {
			return err
		}
	}
	return nil
}

// full reports whether a record table has gathered enough rows to write.
// Side tables are not counted: a statement has a dozen band keys, and
// flushing at their count would write statements a few hundred at a time.
func (br *bulkRecords) full() bool {
	for _, b := range br.tables {
		if b.n >= bulkRows {
			return true
		}
	}
	return false
}

// flush writes everything gathered, records before side rows.
func (br *bulkRecords) flush(t *tx) error {
	for _, b := range br.order {
		if err := b.flush(t); err != nil {
			return err
		}
	}
	return nil
}
