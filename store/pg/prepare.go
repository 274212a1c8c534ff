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
	enc     *encodedRecord // the rows for COPY, of a new record
}

// PrepareRecord does, on any goroutine, the part of PutRecord that needs
// rec alone, and returns it for PutPrepared. rec must not change between
// the two calls.
func (l *loader) PrepareRecord(rec store.Record) any {
	v, ready, err := store.NormalizeRecord(rec)
	if v == nil {
		return nil
	}
	p := &prepared{payload: v, err: err}
	if !ready {
		return p // PutRecord reports what is wrong
	}
	p.row = rowOf(v)
	if enc, doc, err := encodeRecord(*store.MetaOf(v).ID, nil, v, p.row); err == nil {
		p.enc, p.doc = enc, doc // else PutRecord meets the error again and reports it
	}
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
