package eval

import (
	"crypto/sha256"
	"fmt"
)

// The dev files are split in two halves by document id: rules are
// developed looking at the tune half only, and the check half is only
// scored, so that the gap between the two shows how much a change fits
// the documents looked at rather than the language.
const (
	TuneHalf  = "tune"
	CheckHalf = "check"
)

// HalfOf returns the half a document id belongs to: tune when the first
// byte of the SHA-256 of the id is even, check when it is odd.
func HalfOf(id string) string {
	if sha256.Sum256([]byte(id))[0]%2 == 0 {
		return TuneHalf
	}
	return CheckHalf
}

// Half returns the documents of docs in the named half.
func Half(docs []GoldDoc, half string) ([]GoldDoc, error) {
	if half != TuneHalf && half != CheckHalf {
		return nil, fmt.Errorf("half %q is not %s or %s", half, TuneHalf, CheckHalf)
	}
	var out []GoldDoc
	for _, d := range docs {
		if HalfOf(d.ID) == half {
			out = append(out, d)
		}
	}
	return out, nil
}
