package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

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
		before = bytes.Clone(t.get(t.records(typ), id))
		if len(before) > 0 && before[0] == '{' {
			// Written as JSON by an earlier version: compare and log in
			// the current form.
			var err error
			if before, err = encode(old); err != nil {
				return false, err
			}
		}
	}
	if e, enc, ok := t.readyForm(new); ok {
		newE, after = e, enc
	} else if new != nil {
		newE = t.entriesOf(new)
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
		err = t.put(t.records(typ), id, after)
	case new == nil:
		op = store.Deleted
		err = t.delete(t.records(typ), id)
	default:
		err = t.put(t.records(typ), id, after)
	}
	if err != nil {
		return false, errs.Wrap(errs.Internal, err, "writing record")
	}
	touched(t, typ, id, old, new)
	if t.noLog {
		return true, nil
	}
	return true, t.logChange(op, typ, id, before, after)
}

// Change-log entries are stored in binary: a format byte (changeV1), the
// time (as in records), the actor, the op and type as bytes, the 16-byte
// id, and the stored forms of the record before and after. Each image is
// a flag byte (imageNone, imageInline: a uvarint length and the bytes, or
// imageLive) followed by its contents.
//
// imageLive stands for the record as it is stored now: the latest entry of
// a record that exists does not copy it, which halves what a load of new
// records writes. When the record changes again, that entry gets the bytes
// the record had until then (the next change's "before"), so at most one
// entry per record, its latest, is live. Changes turns the images into
// JSON. Entries that start with '{' are JSON store.Changes of earlier
// versions.
const changeV1 = 1

const (
	imageNone = iota
	imageInline
	imageLive
)

var (
	changeOps = []store.Op{store.Created, store.Updated, store.Deleted}
	// The positions are stored: append, never reorder. A type not listed
	// is written out by name.
	changeTypes = []store.RecordType{store.OrganisationType, store.SpeakerType, store.TopicType,
		store.SourceType, store.AffiliationType, store.StatementType, store.ClaimReviewType}
)

// logChange appends one change-log entry, giving the record's previous
// entry (when it stands for the live record) the bytes before. Before and
// after are the stored encodings of the record.
func (t *tx) logChange(op store.Op, typ store.RecordType, id, before, after []byte) error {
	if before != nil {
		if err := t.freezeLatest(typ, id, before); err != nil {
			return err
		}
	}
	lb := t.logBucket()
	seq, err := lb.NextSequence()
	if err != nil {
		return errs.Wrap(errs.Internal, err, "change log sequence")
	}
	e := encoder{b: make([]byte, 0, 48+len(t.actor)+len(before))}
	e.b = append(e.b, changeV1)
	e.times(now())
	e.str(t.actor)
	enumOut(&e, changeOps, op)
	enumOut(&e, changeTypes, typ)
	e.b = append(e.b, id...)
	e.image(before)
	if after != nil {
		e.b = append(e.b, imageLive)
	} else {
		e.b = append(e.b, imageNone)
	}
	if err := t.put(lb, u64(seq), e.b); err != nil {
		return errs.Wrap(errs.Internal, err, "writing change")
	}
	if err := t.put(t.bucket(logByID), cat(id, u64(seq)), nil); err != nil {
		return errs.Wrap(errs.Internal, err, "writing change index")
	}
	if t.written == nil {
		t.written = map[idKey]uint64{}
	}
	t.written[idKey(id)] = seq
	t.changes++
	return nil
}

func (e *encoder) image(b []byte) {
	if b == nil {
		e.b = append(e.b, imageNone)
		return
	}
	e.b = append(e.b, imageInline)
	e.uint(uint64(len(b)))
	e.b = append(e.b, b...)
}

// freezeLatest gives the latest change-log entry of a record, when it
// stands for the live record, the bytes the record had: img.
func (t *tx) freezeLatest(typ store.RecordType, id, img []byte) error {
	seq, entry := t.latestChange(id)
	if entry == nil || entry[0] != changeV1 {
		return nil // none, or a JSON entry of an earlier version
	}
	at := afterImageAt(entry)
	if at < 0 {
		return errs.E(errs.Internal, "change %d of %s is corrupt", seq, idString(id))
	}
	if entry[at] != imageLive {
		return nil
	}
	frozen := make([]byte, 0, len(entry)+len(img)+8)
	frozen = append(frozen, entry[:at]...)
	e := encoder{b: frozen}
	e.image(img)
	if err := t.put(t.logBucket(), u64(seq), e.b); err != nil {
		return errs.Wrap(errs.Internal, err, "updating change")
	}
	return nil
}

// afterImageAt returns the offset of the after image's flag in a binary
// change-log entry, or -1 when the entry is corrupt.
func afterImageAt(entry []byte) int {
	d := newDecoder(entry[1:])
	d.time()
	d.str()
	d.byte()
	d.byte()
	d.take(idLen)
	if d.byte() == imageInline {
		d.take(d.count())
	}
	if d.err != nil || len(d.b) == 0 {
		return -1
	}
	return len(entry) - len(d.b)
}

// latestChange returns the seq and stored bytes of the latest change-log
// entry of a record, or 0, nil when it has none. Entries written in this
// transaction are found through t.written, since a bulk load holds them
// back.
func (t *tx) latestChange(id []byte) (uint64, []byte) {
	if seq, ok := t.written[idKey(id)]; ok {
		return seq, t.get(t.logBucket(), u64(seq))
	}
	c := t.bucket(logByID).Cursor()
	k, _ := c.Seek(cat(id, u64(^uint64(0))))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if k == nil || len(k) != idLen+8 || !hasPrefix(k, id) {
		return 0, nil
	}
	seq := binary.BigEndian.Uint64(k[idLen:])
	return seq, t.logBucket().Get(k[idLen:])
}

// decodeChange reads the change-log entry of seq, giving its records as
// JSON; live(typ, id) returns the stored record an entry's live image
// stands for.
func decodeChange(seq uint64, b []byte, live func(store.RecordType, []byte) []byte) (store.Change, error) {
	var c store.Change
	if len(b) > 0 && b[0] == '{' {
		if err := json.Unmarshal(b, &c); err != nil {
			return c, errs.Wrap(errs.Internal, err, "decoding change")
		}
		return c, nil
	}
	if len(b) == 0 || b[0] != changeV1 {
		return c, errs.E(errs.Internal, "decoding change %d: unknown format", seq)
	}
	d := newDecoder(b[1:])
	c.Seq = seq
	c.Time = d.time()
	c.Actor = d.str()
	c.Op = enumIn(d, changeOps)
	c.Type = enumIn(d, changeTypes)
	id := d.take(idLen)
	if id != nil {
		c.ID = idString(id)
	}
	var imgs [2][]byte
	for i := range imgs {
		switch d.byte() {
		case imageNone:
		case imageInline:
			imgs[i] = d.take(d.count())
		case imageLive:
			if imgs[i] = live(c.Type, id); imgs[i] == nil {
				return c, errs.E(errs.Internal, "change %d stands for %s %s, which is missing", seq, c.Type, c.ID)
			}
		default:
			d.fail()
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return c, errs.E(errs.Internal, "decoding change %d: corrupt or truncated", seq)
	}
	var err error
	if c.Before, err = recordJSON(c.Type, imgs[0]); err == nil {
		c.After, err = recordJSON(c.Type, imgs[1])
	}
	if err != nil {
		return c, errs.Wrap(errs.Internal, err, fmt.Sprintf("decoding change %d", seq))
	}
	return c, nil
}

// liveIn resolves live images in the snapshot of btx.
func liveIn(btx *bbolt.Tx) func(store.RecordType, []byte) []byte {
	return func(typ store.RecordType, id []byte) []byte {
		if b := btx.Bucket(recordBuckets[typ]); b != nil {
			return b.Get(id)
		}
		return nil
	}
}

// recordJSON turns a stored record into its JSON form, nil for none.
func recordJSON(typ store.RecordType, b []byte) (json.RawMessage, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if b[0] == '{' {
		return json.RawMessage(b), nil
	}
	v, err := decodeAny(typ, b)
	if err != nil {
		return nil, err
	}
	return json.Marshal(v)
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
			ch, err := decodeChange(binary.BigEndian.Uint64(k), v, liveIn(btx))
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

// Head returns the seq of the newest change, 0 before any. Seqs have no
// gaps and the log is never cut, so it is the log bucket's sequence.
func (s *Store) Head(ctx context.Context) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var seq uint64
	err := s.db.View(func(btx *bbolt.Tx) error {
		seq = btx.Bucket(logBucket).Sequence()
		return nil
	})
	if err != nil {
		return 0, dbErr(err)
	}
	return seq, nil
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
		v := t.logBucket().Get(k[idLen:])
		if v == nil {
			return errs.E(errs.Internal, "change %d of %s is missing", binary.BigEndian.Uint64(k[idLen:]), id)
		}
		ch, err := decodeChange(binary.BigEndian.Uint64(k[idLen:]), v, liveIn(t.btx))
		out = append(out, ch)
		return err
	})
	return out, err
}
