package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// maxProblems bounds how many problems Check reports.
const maxProblems = 20

// checkTick is how many records CheckProgress checks between reports.
const checkTick = 1000

// Check verifies the database's integrity in one read transaction: bbolt's
// own check of the file's pages (none lost, none used twice, keys in
// order), then that every record has all its index entries (unique ones naming it), no index has
// entries beyond those, and the change log runs from 1 to its last seq
// without gaps, with a history entry for each change, and every API token
// has its hash index entry. It returns nil, or an
// errs.Internal error listing the first problems found.
func (s *Store) Check() error { return s.CheckProgress(nil) }

// CheckProgress is Check, calling progress (when not nil) with the number
// of records checked so far, every checkTick records.
func (s *Store) CheckProgress(progress func(records int)) error {
	checked := 0
	tick := func() {
		if checked++; progress != nil && checked%checkTick == 0 {
			progress(checked)
		}
	}
	var problems []error
	report := func(format string, args ...any) bool {
		problems = append(problems, fmt.Errorf(format, args...))
		return len(problems) < maxProblems
	}
	err := s.db.View(func(btx *bbolt.Tx) error {
		for err := range btx.Check() {
			// Drained to the end: the check's goroutine blocks until read.
			if len(problems) < maxProblems {
				report("file: %v", err)
			}
		}
		if len(problems) > 0 {
			// Reading records from a damaged file could fail in worse ways.
			return nil
		}
		t := newTx(context.Background(), btx, "")
		var want [numIx]int
		for _, typ := range store.RecordTypes {
			if !t.checkRecords(typ, &want, report, tick) {
				return nil
			}
		}
		for i := range numIx {
			if n := t.ix(i).Stats().KeyN; n != want[i] {
				t.findStale(i, report)
				if !report("index %s has %d entries, want %d", ixInfo[i].name, n, want[i]) {
					return nil
				}
			}
		}
		t.checkLog(report)
		t.checkTokens(report)
		return nil
	})
	if err != nil {
		return dbErr(err)
	}
	if len(problems) > 0 {
		return errs.Wrap(errs.Internal, errors.Join(problems...), "database check failed")
	}
	return nil
}

// decodeAny decodes a stored record of type typ.
func decodeAny(typ store.RecordType, b []byte) (any, error) {
	v := newRecord(typ)
	return v, decode(b, v)
}

// newRecord returns a new, zero record of typ, nil for no type.
func newRecord(typ store.RecordType) any {
	switch typ {
	case store.SpeakerType:
		return new(store.Speaker)
	case store.OrganisationType:
		return new(store.Organisation)
	case store.AffiliationType:
		return new(store.Affiliation)
	case store.TopicType:
		return new(store.Topic)
	case store.SourceType:
		return new(store.Source)
	case store.StatementType:
		return new(store.Statement)
	case store.ClaimReviewType:
		return new(store.ClaimReview)
	}
	return nil
}

func hasKey(b *bbolt.Bucket, key []byte) bool {
	k, _ := b.Cursor().Seek(key)
	return bytes.Equal(k, key)
}

// checkRecords checks that each record of typ has its index entries and
// adds their number to want.
func (t *tx) checkRecords(typ store.RecordType, want *[numIx]int, report func(string, ...any) bool, tick func()) bool {
	c := t.records(typ).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		tick()
		rec, err := decodeAny(typ, v)
		if err != nil {
			if !report("%s %x: %v", typ, k, err) {
				return false
			}
			continue
		}
		if id := *store.MetaOf(rec).ID; len(k) != idLen || id != idString(k) {
			if !report("%s under key %x has id %q", typ, k, id) {
				return false
			}
			continue
		}
		for _, e := range recordEntries(rec) {
			want[e.ix]++
			b := t.ix(e.ix)
			ok := hasKey(b, []byte(e.key))
			switch {
			case ixInfo[e.ix].unique:
				ok = bytes.Equal(b.Get([]byte(e.key)), k)
			case e.val != "":
				ok = string(b.Get([]byte(e.key))) == e.val
			}
			if !ok && !report("%s %s lacks entry %q in %s", typ, idString(k), e.key, ixInfo[e.ix].name) {
				return false
			}
		}
	}
	return true
}

// findStale reports entries of index i whose owner is missing or does not
// have them; it runs only when the counts disagree.
func (t *tx) findStale(i ix, report func(string, ...any) bool) {
	typ := ixInfo[i].owner
	c := t.ix(i).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		owner := v
		if !ixInfo[i].unique {
			if len(k) < idLen {
				report("index %s has short key %x", ixInfo[i].name, k)
				continue
			}
			owner = k[len(k)-idLen:]
		}
		b := t.records(typ).Get(owner)
		if b == nil {
			if !report("index %s entry %q names missing %s %x", ixInfo[i].name, k, typ, owner) {
				return
			}
			continue
		}
		rec, err := decodeAny(typ, b)
		if err != nil {
			continue // reported by checkRecords
		}
		found := false
		for _, e := range recordEntries(rec) {
			found = found || e.ix == i && e.key == string(k)
		}
		if !found && !report("index %s entry %q does not match %s %s", ixInfo[i].name, k, typ, idString(owner)) {
			return
		}
	}
}

// checkLog checks that seqs run 1..Sequence() and that the history index
// has exactly one entry per change.
func (t *tx) checkLog(report func(string, ...any) bool) {
	var n uint64
	c := t.btx.Bucket(logBucket).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		n++
		seq := binary.BigEndian.Uint64(k)
		if seq != n {
			report("change log jumps from %d to %d", n-1, seq)
			return
		}
		ch, err := decodeChange(seq, v, liveIn(t.btx))
		if err != nil || ch.Seq != seq {
			if !report("change %d is unreadable or misnumbered: %v", seq, err) {
				return
			}
			continue
		}
		id, err := parseID("change", ch.ID)
		if err != nil || !hasKey(t.btx.Bucket(logByID), cat(id, k)) {
			if !report("change %d of %s is missing from the history index", seq, ch.ID) {
				return
			}
			continue
		}
		// Only a record's latest entry may stand for the live record.
		if v[0] == changeV1 && v[afterImageAt(v)] == imageLive {
			if later, _ := t.btx.Bucket(logByID).Cursor().Seek(cat(id, u64(seq+1))); later != nil && hasPrefix(later, id) {
				if !report("change %d of %s stands for the live record but is not its latest", seq, ch.ID) {
					return
				}
			}
		}
	}
	if seq := t.btx.Bucket(logBucket).Sequence(); seq != n {
		report("change log has %d entries but its sequence is at %d", n, seq)
	}
	if m := t.btx.Bucket(logByID).Stats().KeyN; uint64(m) != n {
		report("history index has %d entries for %d changes", m, n)
	}
}
