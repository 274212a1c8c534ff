package bolt

import (
	"github.com/quotedb/quotedb/dedup"
	"github.com/quotedb/quotedb/store"
)

// Preparing records. Most of what Put does with a record depends on the
// record alone: normalizing it, its index entries and its stored form.
// A bulk load does that part on all cores while the records before are
// put in order, leaving to Put what needs the transaction (references,
// uniqueness, the change log).

// prepared is a record with the work Put would do on it alone done.
type prepared struct {
	payload any   // the record's payload, normalized
	err     error // of normalizing; Put returns it
	entries entries
	enc     []byte
}

// PrepareRecord does, on any goroutine, the part of PutRecord that needs
// rec alone, and returns it for PutPrepared. rec must not change between
// the two calls.
func (t *tx) PrepareRecord(rec store.Record) any {
	v, ready, err := store.NormalizeRecord(rec)
	if v == nil {
		return nil
	}
	p := &prepared{payload: v, err: err}
	if !ready {
		return p // Put reports what is wrong
	}
	enc, err := encode(v)
	if err != nil {
		return p // Put meets the error again
	}
	p.entries, p.enc = recordEntries(v), enc
	return p
}

// PutPrepared is PutRecord of a record PrepareRecord prepared as p.
func (t *tx) PutPrepared(rec store.Record, p any) (created, changed bool, err error) {
	t.ready, _ = p.(*prepared)
	defer func() { t.ready = nil }()
	return t.PutRecord(rec)
}

// normalized reports whether rec was normalized by PrepareRecord, and
// the error normalizing gave.
func (t *tx) normalized(rec any) (bool, error) {
	if t.ready == nil || t.ready.payload != rec {
		return false, nil
	}
	return true, t.ready.err
}

// readyForm returns the index entries and stored form PrepareRecord
// computed for rec, if it did.
func (t *tx) readyForm(rec any) (entries, []byte, bool) {
	if t.ready == nil || t.ready.payload != rec || t.ready.enc == nil {
		return nil, nil, false
	}
	return t.ready.entries, t.ready.enc, true
}

// textForm is what a statement's index entries take from its text alone:
// its near-duplicate band keys and packed shingles, the costliest part of
// them.
type textForm struct {
	text     string
	shingled bool // the text is long enough to have shingles
	bands    [][]byte
	shingles string
}

func newTextForm(text string) *textForm {
	tf := &textForm{text: text}
	if sh := dedup.Shingles(text); sh != nil {
		tf.shingled, tf.bands, tf.shingles = true, dedup.BandKeysOf(sh), string(packShingles(sh))
	}
	return tf
}

// PrepareText does, on any goroutine, the part of the index entries of
// a statement that its text alone decides, for CreatePrepared: an import
// that resolves references in order can prepare its texts beforehand on
// all cores. Statements of the same words may share it.
func (t *tx) PrepareText(text string) any {
	return newTextForm(text)
}

// CreatePrepared is CreateStatement of s with the text PrepareText
// prepared as text; text prepared from other words is ignored.
func (t *tx) CreatePrepared(s *store.Statement, text any) error {
	t.readyText, _ = text.(*textForm)
	defer func() { t.readyText = nil }()
	return t.CreateStatement(s)
}

// entriesOf is recordEntries of a record being written, taking what
// PrepareText prepared for it.
func (t *tx) entriesOf(rec any) entries {
	if s, ok := rec.(*store.Statement); ok && t.readyText != nil {
		return statementEntriesOf(s, t.readyText)
	}
	return recordEntries(rec)
}
