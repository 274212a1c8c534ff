// Package dedup finds near-duplicate texts: the same statement reported by
// several sources with small differences of punctuation, case, diacritics or
// a word or two.
//
// A text is reduced to its set of word shingles (runs of ShingleWords
// consecutive words of its textfold.Fold form), and two texts are near
// duplicates when the Jaccard similarity of their sets is at least
// Threshold. To find candidates without comparing every pair, each text
// gets a MinHash signature of Bands×Rows hash functions, cut into Bands
// bands; texts that agree on all the values of some band share that band's
// key (locality-sensitive hashing). Texts of similarity J share a key with
// probability 1-(1-J^Rows)^Bands: with 8 bands of 3 rows, 0.965 at the
// threshold 0.7, 0.987 at 0.75, 0.20 at 0.3 and 0.06 at 0.2. Candidates are
// then checked exactly, so a false candidate costs a comparison, never a
// wrong answer.
//
// The signature is small on purpose: every band is an index entry per
// statement, and each row a pass over the shingles, so 8×3 costs about a
// third of 16×4 in hashing and half in index entries, for a recall at the
// threshold of 0.965 instead of 0.988.
//
// Everything here is deterministic across processes and versions of Go, as
// band keys are stored in database indexes.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/textfold"
)

const (
	// ShingleWords is the number of words in a shingle.
	ShingleWords = 3
	// MinWords is the fewest words a text needs to have shingles: shorter
	// texts ("No comment.") are said by too many people for equal wording
	// to mean the same statement.
	MinWords = 4
	// Bands and Rows shape the MinHash signature: Bands×Rows hash
	// functions, and a band key per band.
	Bands = 8
	Rows  = 3
	// Threshold is the Jaccard similarity from which two texts are near
	// duplicates.
	Threshold = 0.7
	// KeyLen is the length of a band key: the band number and 3 bytes of
	// hash. Two texts whose bands differ share a key by chance with
	// probability 2^-24 per band; that only adds a candidate, which the
	// exact check drops (about one per lookup at ten million texts).
	KeyLen = 4
)

// Shingles returns the sorted, distinct 32-bit hashes of the word shingles
// of text, or nil when it has fewer than MinWords words.
//
// 32 bits are plenty: two distinct shingles of a pair of texts of n
// shingles each share a hash with probability about (2n)²/2^33, 4·10^-7 for
// 40-word texts, and such a collision only counts one shingle as common,
// moving the similarity by about 1/(2n). Stored, they take half the room of
// 64-bit hashes.
func Shingles(text string) []uint32 {
	return ShinglesOfFolded(textfold.Fold(text))
}

// ShinglesOfFolded is Shingles of the text whose textfold.Fold is folded,
// for callers that fold the text for themselves too.
func ShinglesOfFolded(folded string) []uint32 {
	// The words of textfold.Words, taken as they come rather than
	// gathered into a slice first.
	var win [ShingleWords]string // the last words, the n-th at n%ShingleWords
	out := make([]uint32, 0, len(folded)/6+1)
	n := 0
	for w := range strings.FieldsSeq(folded) {
		win[n%ShingleWords] = w
		n++
		if n < ShingleWords {
			continue
		}
		h := fnvOffset
		for j := range ShingleWords {
			if j > 0 {
				h = fnvByte(h, ' ')
			}
			w := win[(n+j)%ShingleWords] // the (n-ShingleWords+j)-th
			for k := range len(w) {
				h = fnvByte(h, w[k])
			}
		}
		out = append(out, h)
	}
	if n < MinWords {
		return nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// FNV-1a, 32 bits, as hash/fnv computes it. Written out here because
// hash/fnv, behind its interface, needs each word copied to bytes: a bulk
// import hashes some forty million words per million statements.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func fnvByte(h uint32, b byte) uint32 { return (h ^ uint32(b)) * fnvPrime }

// Jaccard returns |a∩b| / |a∪b| of two sorted, distinct sets (as Shingles
// returns them); 0 when both are empty.
func Jaccard(a, b []uint32) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// Similarity returns the Jaccard similarity of the shingles of two texts.
func Similarity(a, b string) float64 {
	return Jaccard(Shingles(a), Shingles(b))
}

// mix is the SplitMix64 finaliser: a fixed, well-spread permutation of
// 64-bit values, from which the MinHash functions are made by xoring in a
// per-function seed.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// seeds are the per-function seeds of the MinHash functions.
var seeds = func() [Bands * Rows]uint64 {
	var s [Bands * Rows]uint64
	for i := range s {
		s[i] = mix(uint64(i) + 1)
	}
	return s
}()

// Signature returns the MinHash signature of a shingle set, or nil for an
// empty set.
func Signature(shingles []uint32) []uint64 {
	if len(shingles) == 0 {
		return nil
	}
	sig := make([]uint64, Bands*Rows)
	for i, seed := range seeds {
		m := ^uint64(0)
		for _, s := range shingles {
			m = min(m, mix(uint64(s)^seed))
		}
		sig[i] = m
	}
	return sig
}

// BandKeys returns the Bands band keys of a text, each KeyLen bytes: the
// band number, then 3 bytes of a hash of the band's values. A text without
// shingles has none. Two texts sharing a key are candidates for being near
// duplicates; Similarity decides.
func BandKeys(text string) [][]byte {
	return BandKeysOf(Shingles(text))
}

// BandKeysOf returns the band keys of a shingle set, as BandKeys does for
// the text the set is of.
func BandKeysOf(shingles []uint32) [][]byte {
	sig := Signature(shingles)
	if sig == nil {
		return nil
	}
	keys := make([][]byte, Bands)
	all := make([]byte, Bands*KeyLen) // one allocation for every key
	buf := make([]byte, 8*Rows)
	h := fnv.New32a()
	for b := range Bands {
		for r := range Rows {
			binary.BigEndian.PutUint64(buf[8*r:], sig[b*Rows+r])
		}
		h.Reset()
		h.Write(buf)
		k := binary.BigEndian.AppendUint32(all[b*KeyLen:b*KeyLen:(b+1)*KeyLen], h.Sum32())
		k[0] = byte(b)
		keys[b] = k
	}
	return keys
}
