package bolt

import (
	"encoding/binary"
	"encoding/hex"
	"strings"
	"unsafe"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// Key layout. Records live in one bucket per type keyed by their 16-byte
// binary id. Lists are ordered by a sort key: the id for most types, and a
// 4-byte big-endian partialdate.Date.Key() followed by the id for sources
// (date published) and statements (date said). Every index key is a prefix
// (an id, an enum byte, a folded name, a coverage cell) followed by such a
// sort key, so that one range scan per prefix yields records in list order
// and the same paging code serves every list.

const (
	idLen   = 16
	dateLen = 4
	// datedLen is the length of a dated sort key: date key, then id.
	datedLen = dateLen + idLen
)

// idKey is a binary id as a map key: an array hashes faster than a string
// and needs no copy made of the id.
type idKey = [idLen]byte

// Record buckets.
var recordBuckets = map[store.RecordType][]byte{
	store.SpeakerType:      []byte("speakers"),
	store.OrganisationType: []byte("organisations"),
	store.AffiliationType:  []byte("affiliations"),
	store.TopicType:        []byte("topics"),
	store.SourceType:       []byte("sources"),
	store.StatementType:    []byte("statements"),
	store.ClaimReviewType:  []byte("claim_reviews"),
}

var (
	// logBucket maps a big-endian uint64 seq to a JSON store.Change; its
	// bucket sequence is the last seq assigned.
	logBucket = []byte("log")
	// logByID maps record id + seq to nothing, for History.
	logByID = []byte("log_by_id")
)

// parseID turns a textual id into its 16 binary bytes, or gives an
// errs.Invalid error naming what it is the id of.
func parseID(what, id string) ([]byte, error) {
	u, err := uuid.Parse(id)
	if err != nil {
		return nil, errs.E(errs.Invalid, "%s id %q is not a UUID", what, id)
	}
	return u[:], nil
}

// mustID is parseID for ids that normalization already checked.
func mustID(id string) []byte {
	u := uuid.MustParse(id)
	return u[:]
}

// optID is the binary form of an optional reference: nil when empty.
func optID(id string) []byte {
	if id == "" {
		return nil
	}
	return mustID(id)
}

// idString is the textual form of a binary id.
func idString(b []byte) string {
	u, _ := uuid.FromBytes(b)
	return u.String()
}

// dated returns the sort key of a dated record.
func dated(d partialdate.Date, id []byte) []byte {
	k := make([]byte, datedLen)
	binary.BigEndian.PutUint32(k, d.Key())
	copy(k[dateLen:], id)
	return k
}

// dateOf returns the date of a dated sort key.
func dateOf(sk []byte) partialdate.Date {
	return partialdate.FromKey(binary.BigEndian.Uint32(sk))
}

// cat concatenates key parts into a new slice.
func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	for _, p := range parts {
		k = append(k, p...)
	}
	return k
}

// catString is cat as a string, built with one allocation.
func catString(parts ...[]byte) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		b.Write(p)
	}
	return b.String()
}

// bytesOf returns the bytes of s without copying them, for index keys and
// values written: bbolt and the bulk writer only read what they are
// given, and the length is the capacity, so an append copies.
func bytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

// enumByte is the one-byte index prefix of an enum value: its position in
// the list of valid values, plus one.
func enumByte[T comparable](all []T, v T) []byte {
	for i, x := range all {
		if x == v {
			return []byte{byte(i + 1)}
		}
	}
	return []byte{0}
}

var statementKinds = []store.StatementKind{store.Direct, store.Indirect}

// hashKey is the binary form of a hex content hash, or nil when hash is not
// one.
func hashKey(hash string) []byte {
	b, err := hex.DecodeString(hash)
	if err != nil || len(b) != 32 {
		return nil
	}
	return b
}
