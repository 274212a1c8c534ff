package store

import (
	"context"
	"errors"

	"github.com/quotedb/quotedb/errs"
)

// ScanCheckEvery is how many keys or rows a backend's scan (a list, a
// count, a filter that reads past what it keeps) reads between checks of
// its transaction's context: often enough that a request's time limit
// stops a scan over millions of records within milliseconds, rarely
// enough to cost nothing measurable.
const ScanCheckEvery = 256

// Interrupted returns nil while ctx lasts and, once it has ended, the
// error of a scan it stopped: errs.TooLarge when its deadline passed (a
// request's time limit, as the GraphQL layer reports it), errs.Unavailable
// when it was cancelled. The error wraps ctx.Err(), so errors.Is tells
// context.DeadlineExceeded from context.Canceled.
func Interrupted(ctx context.Context) error {
	err := ctx.Err()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return errs.Wrap(errs.TooLarge, err, "the request ran out of time while reading the database")
	}
	return errs.Wrap(errs.Unavailable, err, "the request was cancelled while reading the database")
}
