package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// Restore fills this empty database with a copy of another: the records
// records emits, in dependency order (as dump.Export writes them), stored
// as given with their index entries but no change-log entries, and then
// the change-log entries changes emits, oldest first, kept as they are
// (seqs, times, actors and images): the history copied is the records'.
// Records are normalized and checked (references, uniqueness) as every
// Put is. It is one transaction, written as a bulk load (see Load); a
// database that holds any record or change is refused with errs.Conflict.
func (s *Store) Restore(ctx context.Context, records func(emit func(store.Record) error) error, changes func(emit func(store.Change) error) error) error {
	return s.update(ctx, func(t *tx) error {
		if !t.empty() {
			return errs.E(errs.Conflict, "the target database is not empty: restore copies into an empty one only")
		}
		t.bulk = &bulk{pending: map[*bbolt.Bucket]*pendingWrites{}, readable: map[*bbolt.Bucket]bool{t.logBucket(): true}}
		for _, typ := range store.RecordTypes {
			t.bulk.readable[t.records(typ)] = true
		}
		for i := range numIx {
			if ixInfo[i].unique {
				t.bulk.readable[t.ix(i)] = true
			}
		}
		t.noLog = true
		err := records(func(rec store.Record) error {
			_, err := t.Put(rec)
			return err
		})
		t.noLog = false
		if err != nil {
			return err
		}
		if err := t.restoreChanges(changes); err != nil {
			return err
		}
		return t.flush()
	})
}

// empty reports whether the database holds no record and no change.
func (t *tx) empty() bool {
	if t.logBucket().Sequence() != 0 {
		return false
	}
	for _, typ := range store.RecordTypes {
		if k, _ := t.records(typ).Cursor().First(); k != nil {
			return false
		}
	}
	return true
}

// restoreChanges writes the change log as given. Each entry keeps its
// images inline, but the latest entry of a record stored as its after
// image says stands for the live record, as a log written here would.
func (t *tx) restoreChanges(changes func(emit func(store.Change) error) error) error {
	var last uint64
	types := map[idKey]store.RecordType{} // record id -> type, of ids in t.written
	err := changes(func(c store.Change) error {
		if c.Seq != last+1 {
			return errs.E(errs.Invalid, "change %d follows change %d: the log has a gap", c.Seq, last)
		}
		last = c.Seq
		entry, id, err := encodeChange(c)
		if err != nil {
			return errs.Wrap(errs.Invalid, err, fmt.Sprintf("change %d", c.Seq))
		}
		if err := t.put(t.logBucket(), u64(c.Seq), entry); err != nil {
			return errs.Wrap(errs.Internal, err, "writing change")
		}
		if err := t.put(t.bucket(logByID), cat(id, u64(c.Seq)), nil); err != nil {
			return errs.Wrap(errs.Internal, err, "writing change index")
		}
		if t.written == nil {
			t.written = map[idKey]uint64{}
		}
		t.written[idKey(id)] = c.Seq
		types[idKey(id)] = c.Type
		return nil
	})
	if err != nil || last == 0 {
		return err
	}
	if err := t.logBucket().SetSequence(last); err != nil {
		return errs.Wrap(errs.Internal, err, "change log sequence")
	}
	t.changes++ // followers are woken at commit
	ids := slices.SortedFunc(maps.Keys(t.written), func(a, b idKey) int { return bytes.Compare(a[:], b[:]) })
	// The order of writes to the log does not matter; a fixed one helps debugging.
	for _, id := range ids {
		if err := t.makeLive(types[id], id[:], t.written[id]); err != nil {
			return err
		}
	}
	return nil
}

// makeLive turns the after image of the change-log entry seq, the latest
// of the record id, into imageLive when it is what the record holds.
func (t *tx) makeLive(typ store.RecordType, id []byte, seq uint64) error {
	stored := t.get(t.records(typ), id)
	entry := t.get(t.logBucket(), u64(seq))
	at := afterImageAt(entry)
	if stored == nil || at < 0 || entry[at] != imageInline {
		return nil
	}
	d := newDecoder(entry[at+1:])
	img := d.take(d.count())
	if d.err != nil || len(d.b) != 0 || !bytes.Equal(img, stored) {
		return nil
	}
	live := append(entry[:at:at], imageLive)
	return t.put(t.logBucket(), u64(seq), live)
}

// encodeChange gives a change-log entry's stored form (see logChange),
// with both images inline, and the record's binary id.
func encodeChange(c store.Change) (entry, id []byte, err error) {
	if !slices.Contains(changeOps, c.Op) {
		return nil, nil, errs.E(errs.Invalid, "op %q is not one of %v", c.Op, changeOps)
	}
	if !slices.Contains(store.RecordTypes, c.Type) {
		return nil, nil, errs.E(errs.Invalid, "record type %q is not one of %v", c.Type, store.RecordTypes)
	}
	if id, err = parseID("record", c.ID); err != nil {
		return nil, nil, err
	}
	before, err := storedImage(c.Type, c.Before)
	if err != nil {
		return nil, nil, err
	}
	after, err := storedImage(c.Type, c.After)
	if err != nil {
		return nil, nil, err
	}
	e := encoder{b: make([]byte, 0, 48+len(c.Actor)+len(before)+len(after))}
	e.b = append(e.b, changeV1)
	e.times(c.Time)
	e.str(c.Actor)
	enumOut(&e, changeOps, c.Op)
	enumOut(&e, changeTypes, c.Type)
	e.b = append(e.b, id...)
	e.image(before)
	e.image(after)
	return e.b, id, nil
}

// storedImage turns a record's JSON, as Changes gives it, into its stored
// form; nil for none.
func storedImage(typ store.RecordType, js json.RawMessage) ([]byte, error) {
	if len(js) == 0 || string(js) == "null" {
		return nil, nil
	}
	v := newRecord(typ)
	if err := json.Unmarshal(js, v); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "reading a record image")
	}
	return encode(v)
}
