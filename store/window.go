package store

import (
	"encoding/base64"

	"github.com/quotedb/quotedb/errs"
)

// Window is a Page parsed for a list whose records are ordered by sort
// keys: how many records, from which end, between which keys. What a page
// means is decided here once; backends walk their keys by it.
type Window struct {
	N int
	// Back counts the window from the end of the list (Page.Last).
	Back          bool
	After, Before []byte // the cursors' sort keys; nil when not given
	Count         bool
	// Desc reverses the list's order: keys descend.
	Desc bool
}

var errCursor = errs.E(errs.Invalid, "invalid cursor")

// ParseWindow parses a page of a list that offers the orders in skLens,
// each with the length of its sort keys.
func ParseWindow(p Page, skLens map[Order]int) (Window, error) {
	var w Window
	skLen, ok := skLens[p.Order]
	if !ok {
		return w, errs.E(errs.Invalid, "this list cannot be ordered by %s", p.Order)
	}
	w.Desc = p.Desc
	if p.First < 0 || p.Last < 0 {
		return w, errs.E(errs.Invalid, "page size must not be negative")
	}
	if p.First > MaxPageSize || p.Last > MaxPageSize {
		return w, errs.E(errs.TooLarge, "page size must be at most %d", MaxPageSize)
	}
	var err error
	if w.After, err = parseCursor(p.After, skLen); err != nil {
		return w, err
	}
	if w.Before, err = parseCursor(p.Before, skLen); err != nil {
		return w, err
	}
	switch {
	case p.Last > 0 && p.First == 0:
		w.N, w.Back = p.Last, true
	case p.First > 0:
		w.N = p.First
	default:
		w.N = DefaultPageSize
	}
	w.Count = p.Count
	return w, nil
}

func parseCursor(c string, skLen int) ([]byte, error) {
	if c == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) != skLen {
		return nil, errCursor
	}
	return b, nil
}

// Cursor is the cursor of the record with sort key sk.
func Cursor(sk []byte) string { return base64.RawURLEncoding.EncodeToString(sk) }
