package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// speakerLists makes more speakers than one page of the largest size holds
// and returns their ids in list order and a list over them that counts its
// calls.
func speakerLists(t *testing.T) (ids []string, calls *int, list func(store.Tx) func(store.Page) (*store.Conn[*store.Speaker], error), db store.Store) {
	db = bolttest.Open(t)
	err := db.Update(t.Context(), func(tx store.Tx) error {
		for i := range store.MaxPageSize + 5 {
			sp := &store.Speaker{Name: fmt.Sprintf("Speaker %04d", i)}
			if err := tx.CreateSpeaker(sp); err != nil {
				return err
			}
			ids = append(ids, sp.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids) // ids are UUIDv7: the list's order
	calls = new(int)
	list = func(tx store.Tx) func(store.Page) (*store.Conn[*store.Speaker], error) {
		return func(p store.Page) (*store.Conn[*store.Speaker], error) {
			*calls++
			return tx.ListSpeakers(store.SpeakerFilter{}, p)
		}
	}
	return ids, calls, list, db
}

func TestPagesAndAll(t *testing.T) {
	want, calls, list, db := speakerLists(t)
	errList := errors.New("list failed")
	tests := []struct {
		name string
		// walk walks the list, returning the ids seen and the error that
		// ended the walk.
		walk      func(ctx context.Context, cancel func(), tx store.Tx) ([]string, error)
		wantIDs   []string
		wantCalls int
		wantErr   error
	}{
		{"all", func(ctx context.Context, _ func(), tx store.Tx) (got []string, err error) {
			for sp, err := range store.All(ctx, list(tx)) {
				if err != nil {
					return got, err
				}
				got = append(got, sp.ID)
			}
			return got, nil
		}, want, 2, nil},
		{"each", func(ctx context.Context, _ func(), tx store.Tx) (got []string, err error) {
			err = store.Each(ctx, list(tx), func(sp *store.Speaker) error { got = append(got, sp.ID); return nil })
			return got, err
		}, want, 2, nil},
		{"pages of 400", func(ctx context.Context, _ func(), tx store.Tx) (got []string, err error) {
			for c, err := range store.Pages(ctx, store.Page{First: 400}, list(tx)) {
				if err != nil {
					return got, err
				}
				if len(c.Items) != 400 && c.HasNext {
					return got, fmt.Errorf("a page of %d before the last", len(c.Items))
				}
				for _, sp := range c.Items {
					got = append(got, sp.ID)
				}
			}
			return got, nil
		}, want, 3, nil},
		{"break after one", func(ctx context.Context, _ func(), tx store.Tx) (got []string, err error) {
			for sp, err := range store.All(ctx, list(tx)) {
				if err != nil {
					return got, err
				}
				got = append(got, sp.ID)
				break
			}
			return got, nil
		}, want[:1], 1, nil},
		{"cancelled on the first page", func(ctx context.Context, cancel func(), tx store.Tx) (got []string, err error) {
			for sp, err := range store.All(ctx, list(tx)) {
				if err != nil {
					return got, err
				}
				got = append(got, sp.ID)
				cancel()
			}
			return got, nil
		}, want[:store.MaxPageSize], 1, context.Canceled},
		{"list fails", func(ctx context.Context, _ func(), tx store.Tx) (got []string, err error) {
			failing := func(store.Page) (*store.Conn[*store.Speaker], error) { *calls++; return nil, errList }
			return nil, store.Each(ctx, failing, func(*store.Speaker) error { return nil })
		}, nil, 1, errList},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			*calls = 0
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			var got []string
			var walkErr error
			err := db.View(t.Context(), func(tx store.Tx) error {
				got, walkErr = tc.walk(ctx, cancel, tx)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !errors.Is(walkErr, tc.wantErr) || (tc.wantErr == nil) != (walkErr == nil) {
				t.Fatalf("error %v, want %v", walkErr, tc.wantErr)
			}
			if !slices.Equal(got, tc.wantIDs) {
				t.Errorf("got %d ids, want %d in list order", len(got), len(tc.wantIDs))
			}
			if *calls != tc.wantCalls {
				t.Errorf("list called %d times, want %d", *calls, tc.wantCalls)
			}
		})
	}
}
