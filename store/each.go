package store

import (
	"context"
	"iter"
)

// Pages yields the pages of a list in order, starting with the page p
// selects (its First is the size of every page), until the last. It
// checks ctx before fetching each page; the error of ctx or of list is
// yielded with a nil page and ends the sequence.
func Pages[T any](ctx context.Context, p Page, list func(Page) (*Conn[T], error)) iter.Seq2[*Conn[T], error] {
	return func(yield func(*Conn[T], error) bool) {
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			c, err := list(p)
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(c, nil) || !c.HasNext || len(c.Cursors) == 0 {
				return
			}
			p.After = c.Cursors[len(c.Cursors)-1]
		}
	}
}

// All yields every item of a list, fetching it in pages of the largest
// size, as Pages does; an error is yielded with the zero T and ends the
// sequence.
func All[T any](ctx context.Context, list func(Page) (*Conn[T], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for c, err := range Pages(ctx, Page{First: MaxPageSize}, list) {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range c.Items {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}

// Each calls fn for every item of a list, fetching it in pages of the
// largest size, and stops at fn's first error or when ctx ends.
func Each[T any](ctx context.Context, list func(Page) (*Conn[T], error), fn func(T) error) error {
	for it, err := range All(ctx, list) {
		if err != nil {
			return err
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}
