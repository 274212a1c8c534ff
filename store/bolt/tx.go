package bolt

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// tx implements store.Tx over one bbolt transaction. It must not be used
// after the View or Update call that made it returns.
type tx struct {
	btx *bbolt.Tx
	// ctx is the context of the View or Update call; long scans stop
	// when it ends (see walker).
	ctx   context.Context
	actor string
	// maxStatement bounds the text of a statement written; 0 in
	// transactions that write no records.
	maxStatement int
	srcCache     *cachedSource    // see spanSource
	rec          [7]*bbolt.Bucket // by position in store.RecordTypes
	ixb          [numIx]*bbolt.Bucket
	log          *bbolt.Bucket
	changes      int // change-log entries written
	// written maps the ids of records changed in this transaction to the
	// seq of their latest change-log entry (see latestChange).
	written map[idKey]uint64
	// bulk, when set, holds back writes until flush (see bulk.go).
	bulk *bulk
	// ready is the record PutPrepared is putting (see prepare.go).
	ready *prepared
	// readyText is the text CreatePrepared's statement was prepared
	// with.
	readyText *textForm
	// noLog, set while Restore copies records, writes them without
	// change-log entries: their history is copied after them.
	noLog bool
	// cache, in read transactions, keeps decoded records across them,
	// and snap is the txid of the snapshot read (see cache.go).
	cache *cache
	snap  uint64
	// touched are the cache keys of the records this write changed;
	// touchedAll, set by bulk loads, stands for all keys.
	touched    []cacheKey
	touchedAll bool
}

var _ store.Tx = (*tx)(nil)

func newTx(ctx context.Context, btx *bbolt.Tx, actor string) *tx {
	return &tx{ctx: ctx, btx: btx, actor: actor}
}

// records returns the bucket of a record type. Buckets are looked up on
// first use: a short read touches two or three of the thirty.
func (t *tx) records(typ store.RecordType) *bbolt.Bucket {
	i := slices.Index(store.RecordTypes, typ)
	if t.rec[i] == nil {
		t.rec[i] = t.btx.Bucket(recordBuckets[typ])
		// Ids are UUIDv7, so new records mostly go at the end: pages
		// split when nearly full rather than half full.
		t.rec[i].FillPercent = 0.9
	}
	return t.rec[i]
}

// logBucket returns the change log's bucket. Its keys only ever grow, so
// its pages are filled completely.
func (t *tx) logBucket() *bbolt.Bucket {
	if t.log == nil {
		t.log = t.btx.Bucket(logBucket)
		t.log.FillPercent = 1
	}
	return t.log
}

// bucket returns a bucket by name.
func (t *tx) bucket(name []byte) *bbolt.Bucket { return t.btx.Bucket(name) }

// writable guards write methods: in a View transaction they fail with an
// Internal error, a programming mistake rather than bad input.
func (t *tx) writable() error {
	if !t.btx.Writable() {
		return errs.E(errs.Internal, "write in a read-only transaction")
	}
	return nil
}

// now is the time writes are stamped with: UTC, without the monotonic
// reading, so that a record equals itself after a round trip.
func now() time.Time { return time.Now().UTC() }

// load decodes the record of type typ with binary id into a new T; it
// returns nil, nil when there is none.
func load[T any](t *tx, typ store.RecordType, id []byte) (*T, error) {
	useCache := t.cache != nil && cacheable(typ)
	if useCache {
		if v, ok := t.cache.get(recordKey(typ, id), t.snap); ok {
			return cloneRecord(v.(*T)), nil
		}
	}
	b := t.get(t.records(typ), id)
	if b == nil {
		return nil, nil
	}
	v := new(T)
	if err := decode(b, v); err != nil {
		return nil, err
	}
	if useCache {
		t.cache.add(recordKey(typ, id), v, len(b), t.snap)
		return cloneRecord(v), nil
	}
	return v, nil
}

// get is the lookup of one record by textual id: errs.Invalid for a bad
// id, errs.NotFound for a missing record.
func get[T any](t *tx, typ store.RecordType, id string) (*T, error) {
	key, err := parseID(string(typ), id)
	if err != nil {
		return nil, err
	}
	v, err := load[T](t, typ, key)
	if err == nil && v == nil {
		// Not formatted by fmt: imports ask for many records that are
		// not there yet.
		err = &errs.Error{Kind: errs.NotFound, Msg: string(typ) + " " + strconv.Quote(id) + " not found"}
	}
	return v, err
}

// byIDs is the batch lookup: records in the order of ids, nil for missing.
func byIDs[T any](t *tx, typ store.RecordType, ids []string) ([]*T, error) {
	out := make([]*T, len(ids))
	for i, id := range ids {
		key, err := parseID(string(typ), id)
		if err != nil {
			return nil, err
		}
		if out[i], err = load[T](t, typ, key); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// exists reports whether a record of type typ has the binary id.
func (t *tx) exists(typ store.RecordType, id []byte) bool {
	return t.get(t.records(typ), id) != nil
}

// mustExist checks a reference: errs.NotFound when it names no record.
func (t *tx) mustExist(typ store.RecordType, id string) error {
	if id != "" && !t.exists(typ, mustID(id)) {
		return errs.E(errs.NotFound, "%s %q not found", typ, id)
	}
	return nil
}

func (t *tx) Speaker(id string) (*store.Speaker, error) {
	return get[store.Speaker](t, store.SpeakerType, id)
}

func (t *tx) Organisation(id string) (*store.Organisation, error) {
	return get[store.Organisation](t, store.OrganisationType, id)
}

func (t *tx) Affiliation(id string) (*store.Affiliation, error) {
	return get[store.Affiliation](t, store.AffiliationType, id)
}

func (t *tx) Topic(id string) (*store.Topic, error) {
	return get[store.Topic](t, store.TopicType, id)
}

func (t *tx) Source(id string) (*store.Source, error) {
	return get[store.Source](t, store.SourceType, id)
}

func (t *tx) Statement(id string) (*store.Statement, error) {
	return get[store.Statement](t, store.StatementType, id)
}

func (t *tx) ClaimReview(id string) (*store.ClaimReview, error) {
	return get[store.ClaimReview](t, store.ClaimReviewType, id)
}

// TypeOf looks the id up in each record bucket.
func (t *tx) TypeOf(id string) (store.RecordType, error) {
	key, err := parseID("record", id)
	if err != nil {
		return "", err
	}
	for _, typ := range store.RecordTypes {
		if t.exists(typ, key) {
			return typ, nil
		}
	}
	return "", errs.E(errs.NotFound, "record %q not found", id)
}

func (t *tx) SpeakersByID(ids []string) ([]*store.Speaker, error) {
	return byIDs[store.Speaker](t, store.SpeakerType, ids)
}

func (t *tx) OrganisationsByID(ids []string) ([]*store.Organisation, error) {
	return byIDs[store.Organisation](t, store.OrganisationType, ids)
}

func (t *tx) TopicsByID(ids []string) ([]*store.Topic, error) {
	return byIDs[store.Topic](t, store.TopicType, ids)
}

func (t *tx) SourcesByID(ids []string) ([]*store.Source, error) {
	return byIDs[store.Source](t, store.SourceType, ids)
}

func (t *tx) StatementsByID(ids []string) ([]*store.Statement, error) {
	return byIDs[store.Statement](t, store.StatementType, ids)
}

// AffiliationsOf scans the speaker index of affiliations for each speaker.
func (t *tx) AffiliationsOf(speakerIDs []string) ([][]*store.Affiliation, error) {
	out := make([][]*store.Affiliation, len(speakerIDs))
	for i, id := range speakerIDs {
		key, err := parseID("speaker", id)
		if err != nil {
			return nil, err
		}
		if out[i], err = t.affiliationsOf(key); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// affiliationsOf returns the affiliations of the speaker with binary id,
// kept in the cache as one list.
func (t *tx) affiliationsOf(speaker []byte) ([]*store.Affiliation, error) {
	if t.cache == nil {
		return t.affiliationsBy(ixAffSpeaker, speaker)
	}
	k := cacheKey{affiliationsOf, [idLen]byte(speaker)}
	if v, ok := t.cache.get(k, t.snap); ok {
		return cloneAffiliations(v.([]*store.Affiliation)), nil
	}
	affs, err := t.affiliationsBy(ixAffSpeaker, speaker)
	if err != nil {
		return nil, err
	}
	t.cache.add(k, affs, len(affs)*cacheEntryOverhead, t.snap)
	return cloneAffiliations(affs), nil
}

// affiliationsBy loads the affiliations under prefix in index i (speaker
// or organisation), ordered by start date and then id.
func (t *tx) affiliationsBy(i ix, prefix []byte) ([]*store.Affiliation, error) {
	var affs []*store.Affiliation
	err := scanPrefix(t.ix(i), prefix, func(k []byte) error {
		a, err := load[store.Affiliation](t, store.AffiliationType, k[len(k)-idLen:])
		if err != nil {
			return err
		}
		if a == nil {
			return errs.E(errs.Internal, "index %s names missing affiliation %s", ixInfo[i].name, idString(k[len(k)-idLen:]))
		}
		affs = append(affs, a)
		return nil
	})
	slices.SortStableFunc(affs, func(a, b *store.Affiliation) int { return a.Start.Compare(b.Start) })
	return affs, err
}

// scanPrefix calls fn with every key of b that starts with prefix, in
// order, stopping at fn's first error.
func scanPrefix(b *bbolt.Bucket, prefix []byte, fn func(k []byte) error) error {
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		if err := fn(k); err != nil {
			return err
		}
	}
	return nil
}

// anyWithPrefix reports whether b has a key starting with prefix.
func anyWithPrefix(b *bbolt.Bucket, prefix []byte) bool {
	k, _ := b.Cursor().Seek(prefix)
	return k != nil && hasPrefix(k, prefix)
}

func hasPrefix(k, prefix []byte) bool {
	return len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix)
}

// SourceByHash looks the hash up in the unique hash index.
func (t *tx) SourceByHash(hash string) (*store.Source, error) {
	key := hashKey(hash)
	if key == nil {
		return nil, errs.E(errs.Invalid, "content hash %q is not 64 hex digits", hash)
	}
	id := t.get(t.ix(ixSourceHash), key)
	if id == nil {
		return nil, errs.E(errs.NotFound, "no source with content hash %s", hash)
	}
	s, err := load[store.Source](t, store.SourceType, id)
	if err == nil && s == nil {
		err = errs.E(errs.Internal, "hash index names missing source %s", idString(id))
	}
	return s, err
}
