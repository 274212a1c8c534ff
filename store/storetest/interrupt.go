package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// endable is a context that the test ends by hand, with the error it
// chooses: a deadline that passes exactly when the test says, with no
// clock involved.
type endable struct {
	context.Context
	once sync.Once
	done chan struct{}
	mu   sync.Mutex
	err  error
}

func newEndable() *endable { return &endable{Context: ctx, done: make(chan struct{})} }

func (c *endable) Done() <-chan struct{} { return c.done }

func (c *endable) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func (c *endable) end(err error) {
	c.once.Do(func() {
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		close(c.done)
	})
}

// testScanInterrupted checks that a scan over more records than a backend
// reads between checks of its context stops with a clear error once the
// context of its transaction ends, started or not: a request's time limit
// ends a long count or filter.
func testScanInterrupted(t *testing.T, s store.Store) {
	f := fixture{t, s}
	sp := f.speaker("Ada Quill")
	n := 2*store.ScanCheckEvery + 10
	update(t, s, func(tx store.Tx) error {
		for i := range n {
			st := &store.Statement{Text: fmt.Sprintf("Remark number %d on the harbour tolls.", i), Kind: store.Direct, SpeakerID: sp.ID, Said: date("2021-03-04")}
			if err := tx.CreateStatement(st); err != nil {
				return err
			}
		}
		return nil
	})

	scans := []struct {
		name string
		run  func(tx store.Tx) (int, error)
	}{
		{"count", func(tx store.Tx) (int, error) {
			c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 1, Count: true})
			if err != nil {
				return 0, err
			}
			return c.Total, nil
		}},
		{"filter matching none", func(tx store.Tx) (int, error) {
			c, err := tx.ListStatements(store.StatementFilter{TextContains: "lighthouse keepers"}, store.Page{First: 10, Desc: true})
			if err != nil {
				return 0, err
			}
			return len(c.Items) + n, nil
		}},
	}
	ends := []struct {
		name string
		err  error
		kind errs.Kind
	}{
		{"cancelled", context.Canceled, errs.Unavailable},
		{"deadline", context.DeadlineExceeded, errs.TooLarge},
	}
	for _, sc := range scans {
		view(t, s, func(tx store.Tx) error {
			got, err := sc.run(tx)
			if err == nil && got != n {
				err = fmt.Errorf("counted %d, want %d", got, n)
			}
			return err
		})
		for _, end := range ends {
			for _, write := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/write=%v", sc.name, end.name, write), func(t *testing.T) {
					ec := newEndable()
					called := false
					fn := func(tx store.Tx) error {
						called = true
						ec.end(end.err) // the transaction has started
						_, err := sc.run(tx)
						return err
					}
					var err error
					if write {
						err = s.Update(ec, fn)
					} else {
						err = s.View(ec, fn)
					}
					if !called {
						t.Fatal("fn not called")
					}
					if !errors.Is(err, end.err) || errs.KindOf(err) != end.kind {
						t.Fatalf("scan after the context ended: %v (kind %v), want %v of kind %v", err, errs.KindOf(err), end.err, end.kind)
					}
				})
			}
		}
	}
}
