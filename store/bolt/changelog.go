package bolt

import (
	"context"
	"encoding/binary"
	"encoding/json"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// The change log is the bucket logBucket, keyed by big-endian seq; seqs
// come from the bucket's own sequence, which rolls back with the
// transaction, so committed seqs start at 1 and have no gaps. logByID maps
// id + seq to nothing so that History finds the entries of one record,
// deleted or not.

// recordEntries returns the index entries of a record of any type.
func recordEntries(v any) entries {
	switch r := v.(type) {
	case *store.Speaker:
		return speakerEntries(r)
	case *store.Organisation:
		return organisationEntries(r)
	case *store.Affiliation:
		return affiliationEntries(r)
	case *store.Topic:
		return topicEntries(r)
	case *store.Source:
		return sourceEntries(r)
	case *store.Statement:
		return statementEntries(r)
	case *store.ClaimReview:
		return reviewEntries(r)
	}
	panic("bolt: not a record")
}

// write is the one way records change: it replaces the record with binary
// id (old being its stored value, nil when new) by new (nil to delete),
// updating its index entries and appending the change-log entry. When
// newRec encodes to the bytes already stored it does nothing and returns
// false.
func write[T any](t *tx, typ store.RecordType, id []byte, old, new *T) (bool, error) {
	var oldE, newE entries
	var before, after []byte
	if old != nil {
		oldE = recordEntries(old)
		before = append([]byte(nil), t.records(typ).Get(id)...)
	}
	if new != nil {
		newE = recordEntries(new)
		var err error
		if after, err = encode(new); err != nil {
			return false, err
		}
	}
	if string(before) == string(after) {
		return false, nil
	}
	if err := t.writeEntries(id, oldE, newE); err != nil {
		return false, err
	}
	op := store.Updated
	var err error
	switch {
	case old == nil:
		op = store.Created
		err = t.records(typ).Put(id, after)
	case new == nil:
		op = store.Deleted
		err = t.records(typ).Delete(id)
	default:
		err = t.records(typ).Put(id, after)
	}
	if err != nil {
		return false, errs.Wrap(errs.Internal, err, "writing record")
	}
	return true, t.logChange(op, typ, id, before, after)
}

// logChange appends one change-log entry. Before and after are the stored
// encodings of the record, which are JSON (see encode).
func (t *tx) logChange(op store.Op, typ store.RecordType, id, before, after []byte) error {
	seq, err := t.btx.Bucket(logBucket).NextSequence()
	if err != nil {
		return errs.Wrap(errs.Internal, err, "change log sequence")
	}
	b, err := json.Marshal(store.Change{
		Seq:    seq,
		Time:   now(),
		Actor:  t.actor,
		Op:     op,
		Type:   typ,
		ID:     idString(id),
		Before: before,
		After:  after,
	})
	if err != nil {
		return errs.Wrap(errs.Internal, err, "encoding change")
	}
	if err := t.btx.Bucket(logBucket).Put(u64(seq), b); err != nil {
		return errs.Wrap(errs.Internal, err, "writing change")
	}
	if err := t.btx.Bucket(logByID).Put(cat(id, u64(seq)), nil); err != nil {
		return errs.Wrap(errs.Internal, err, "writing change index")
	}
	t.changes++
	return nil
}

func decodeChange(b []byte) (store.Change, error) {
	var c store.Change
	if err := json.Unmarshal(b, &c); err != nil {
		return c, errs.Wrap(errs.Internal, err, "decoding change")
	}
	return c, nil
}

// Changes returns up to limit entries with Seq > after, in order, from one
// snapshot. A limit ≤ 0 gives none.
func (s *Store) Changes(ctx context.Context, after uint64, limit int) ([]store.Change, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []store.Change
	err := s.db.View(func(btx *bbolt.Tx) error {
		c := btx.Bucket(logBucket).Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil && len(out) < limit; k, v = c.Next() {
			ch, err := decodeChange(v)
			if err != nil {
				return err
			}
			out = append(out, ch)
		}
		return nil
	})
	if err != nil {
		return nil, dbErr(err)
	}
	return out, nil
}

// History returns the change-log entries of the record with the id,
// oldest first; empty (no error) for an id never written.
func (t *tx) History(id string) ([]store.Change, error) {
	key, err := parseID("record", id)
	if err != nil {
		return nil, err
	}
	var out []store.Change
	err = scanPrefix(t.btx.Bucket(logByID), key, func(k []byte) error {
		v := t.btx.Bucket(logBucket).Get(k[idLen:])
		if v == nil {
			return errs.E(errs.Internal, "change %d of %s is missing", binary.BigEndian.Uint64(k[idLen:]), id)
		}
		ch, err := decodeChange(v)
		out = append(out, ch)
		return err
	})
	return out, err
}
