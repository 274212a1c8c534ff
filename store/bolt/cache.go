package bolt

import (
	"cmp"
	"slices"
	"sync"

	"github.com/quotedb/quotedb/store"
)

// DefaultCacheBytes bounds the decoded records Store keeps between read
// transactions (see Options.CacheBytes).
const DefaultCacheBytes = 32 << 20

// cacheEntryOverhead is what an entry costs beyond its stored bytes: the
// map slot, the key, the decoded struct and its headers, roughly.
const cacheEntryOverhead = 160

// The record cache keeps decoded speakers, organisations, topics, sources
// and each speaker's affiliations across read transactions: the records a
// page shows beside its statements, read again by every request, and far
// fewer than the statements. Statements and claim reviews are not kept.
//
// Read transactions see a snapshot, so an entry must never give a
// transaction a record other than the one its snapshot holds. Every
// record change goes through write, which notes the keys it touches; the
// write transaction drops those entries before it commits and raises
// dropped to its own txid. Hence:
//   - an entry read at txid from is current from then until it is
//     dropped, and is used only by transactions whose snapshot is at least
//     from;
//   - a read transaction adds entries only if its snapshot is at least
//     dropped: one that began before a commit whose changes have been
//     dropped may have read what that commit replaced.
//
// Transactions get copies of the entries, since records returned by a Tx
// are the caller's to change (store.Tx).
type cache struct {
	mu       sync.RWMutex
	entries  map[cacheKey]cacheEntry
	bytes    int
	maxBytes int
	dropped  uint64 // txid of the last write transaction whose keys were dropped
}

// cacheKey names an entry: a record by type (its position in
// store.RecordTypes) and 16-byte id, or, with kind affiliationsOf, the
// affiliations of a speaker by its id.
type cacheKey struct {
	kind uint8
	id   [idLen]byte
}

// affiliationsOf is the cacheKey kind of a speaker's affiliations.
var affiliationsOf = uint8(len(store.RecordTypes))

// recordKey is the cacheKey of the record of type typ with binary id.
func recordKey(typ store.RecordType, id []byte) cacheKey {
	return cacheKey{uint8(slices.Index(store.RecordTypes, typ)), [idLen]byte(id)}
}

type cacheEntry struct {
	v    any // *T, or []*store.Affiliation
	from uint64
	size int
}

// cacheable are the record types the cache keeps.
func cacheable(typ store.RecordType) bool {
	switch typ {
	case store.SpeakerType, store.OrganisationType, store.TopicType, store.SourceType, store.AffiliationType:
		return true
	}
	return false
}

func newCache(maxBytes int) *cache {
	if maxBytes < 0 {
		return nil
	}
	return &cache{entries: map[cacheKey]cacheEntry{}, maxBytes: cmp.Or(maxBytes, DefaultCacheBytes)}
}

// get returns the entry under k if a transaction at snapshot snap may use it.
func (c *cache) get(k cacheKey, snap uint64) (any, bool) {
	c.mu.RLock()
	e, ok := c.entries[k]
	c.mu.RUnlock()
	if !ok || e.from > snap {
		return nil, false
	}
	return e.v, true
}

// add keeps v, read at snapshot snap, under k, unless a change committed
// since snap may have made it stale. It evicts entries at random to stay
// within the budget.
func (c *cache) add(k cacheKey, v any, size int, snap uint64) {
	size += cacheEntryOverhead
	if size > c.maxBytes/16 {
		return // a source of unusual length would push out many small records
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if snap < c.dropped {
		return
	}
	if old, ok := c.entries[k]; ok {
		c.bytes -= old.size
	}
	for k := range c.entries {
		if c.bytes+size <= c.maxBytes {
			break
		}
		c.bytes -= c.entries[k].size
		delete(c.entries, k)
	}
	c.entries[k] = cacheEntry{v: v, from: snap, size: size}
	c.bytes += size
}

// drop removes the entries under keys (all of them when all is set) for a
// write transaction at txid, before it commits.
func (c *cache) drop(txid uint64, keys []cacheKey, all bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropped = max(c.dropped, txid)
	if all {
		clear(c.entries)
		c.bytes = 0
		return
	}
	for _, k := range keys {
		if e, ok := c.entries[k]; ok {
			c.bytes -= e.size
			delete(c.entries, k)
		}
	}
}

// touched notes the cache keys a change of a record invalidates: the
// record's, and for an affiliation, the affiliations of its speaker before
// and after.
func touched[T any](t *tx, typ store.RecordType, id []byte, old, new *T) {
	if t.bulk != nil {
		t.touchedAll = true // rather than note a million keys
		return
	}
	if cacheable(typ) {
		t.touched = append(t.touched, recordKey(typ, id))
	}
	for _, r := range []*T{old, new} {
		if a, ok := any(r).(*store.Affiliation); ok && a != nil {
			t.touched = append(t.touched, cacheKey{affiliationsOf, [idLen]byte(mustID(a.SpeakerID))})
		}
	}
}

// cloneRecord returns a copy of a cached record that shares nothing
// mutable with it (strings are immutable; slices are copied).
func cloneRecord[T any](v *T) *T {
	c := *v
	switch r := any(&c).(type) {
	case *store.Speaker:
		r.Aliases, r.QIDCandidates = slices.Clone(r.Aliases), slices.Clone(r.QIDCandidates)
	case *store.Organisation:
		r.Aliases = slices.Clone(r.Aliases)
	case *store.Topic:
		r.Aliases = slices.Clone(r.Aliases)
	}
	return &c
}

// cloneAffiliations copies a cached list of affiliations, in one
// allocation for the records.
func cloneAffiliations(affs []*store.Affiliation) []*store.Affiliation {
	if affs == nil {
		return nil
	}
	recs := make([]store.Affiliation, len(affs))
	out := make([]*store.Affiliation, len(affs))
	for i, a := range affs {
		recs[i] = *a
		out[i] = &recs[i]
	}
	return out
}
