package store

import "context"

// Each calls fn for every item of a list, fetching it in pages of the
// largest size, and stops at fn's first error or when ctx ends.
func Each[T any](ctx context.Context, list func(Page) (*Conn[T], error), fn func(T) error) error {
	p := Page{First: MaxPageSize}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := list(p)
		if err != nil {
			return err
		}
		for _, it := range c.Items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if !c.HasNext || len(c.Cursors) == 0 {
			return nil
		}
		p.After = c.Cursors[len(c.Cursors)-1]
	}
}
