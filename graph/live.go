package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/store"
)

// Subscriptions follow the change log themselves, each at its own
// position, reading entries as they are committed: nothing is queued for
// a subscriber, so memory per subscriber is one batch and writers never
// wait for readers. A subscriber that lags too far behind is dropped with
// the position to resume from.
const (
	// feedBatch is how many change-log entries a subscriber reads at once.
	feedBatch = 256
)

// errSlowConsumer is the code of the error that drops a lagging subscriber.
const errSlowConsumer = "SLOW_CONSUMER"

type wsRequestKey struct{}

// withWebSocket marks ctx as that of a WebSocket connection, whose
// subscriptions can end with an error message; Server-Sent Events streams
// can only end.
func withWebSocket(ctx context.Context) context.Context {
	return context.WithValue(ctx, wsRequestKey{}, true)
}

// endWithError ends a subscription with err where the transport can say so.
func endWithError(ctx context.Context, err *gqlerror.Error) {
	if ws, _ := ctx.Value(wsRequestKey{}).(bool); ws {
		transport.AddSubscriptionError(ctx, err)
	}
}

// pickFunc decides what a change means to a subscription: the event to send
// (nil for none), and whether the subscription is over.
type pickFunc[T any] func(ctx context.Context, c store.Change) (ev *T, done bool, err error)

// follow starts a subscription's reader: it reads the change log after the
// position after (the head of the log when nil) and sends what pick makes
// of each change, in order, until ctx ends, pick says done, or reading
// fails.
func follow[T any](ctx context.Context, s store.Store, maxLag int, after *int, pick pickFunc[T]) (<-chan *T, error) {
	seq, err := startSeq(ctx, s, after)
	if err != nil {
		return nil, err
	}
	out := make(chan *T)
	go func() {
		defer close(out)
		if err := feed(ctx, s, uint64(cmp.Or(maxLag, DefaultMaxSubscriberLag)), seq, pick, out); err != nil && ctx.Err() == nil {
			endWithError(ctx, presentStreamError(err))
		}
	}()
	return out, nil
}

func feed[T any](ctx context.Context, s store.Store, maxLag, seq uint64, pick pickFunc[T], out chan<- *T) error {
	for {
		committed := s.Committed()
		if ahead, err := s.Changes(ctx, seq+maxLag, 1); err != nil {
			return err
		} else if len(ahead) > 0 {
			return &slowConsumer{seq: seq, lag: maxLag}
		}
		changes, err := s.Changes(ctx, seq, feedBatch)
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			select {
			case <-ctx.Done():
				return nil
			case <-committed:
			}
			continue
		}
		for _, c := range changes {
			ev, done, err := pick(ctx, c)
			if err != nil {
				return err
			}
			if ev != nil {
				select {
				case out <- ev:
				case <-ctx.Done():
					return nil
				}
			}
			seq = c.Seq
			if done {
				return nil
			}
		}
	}
}

// startSeq checks a subscription's resume position against the change log:
// it must not be ahead of the log, and the changes after it must still be
// kept.
func startSeq(ctx context.Context, s store.Store, after *int) (uint64, error) {
	head, err := s.Head(ctx)
	if err != nil {
		return 0, err
	}
	if after == nil {
		return head, nil
	}
	if *after < 0 || uint64(*after) > head {
		return 0, errs.E(errs.Invalid, "after: %d is not a position of the change log, which is at %d", *after, head)
	}
	seq := uint64(*after)
	if seq < head {
		next, err := s.Changes(ctx, seq, 1)
		if err != nil {
			return 0, err
		}
		if len(next) == 0 || next[0].Seq != seq+1 {
			return 0, errs.E(errs.NotFound, "after: the changes following %d are no longer kept; read the current state with queries and subscribe without after", seq)
		}
	}
	return seq, nil
}

// slowConsumer ends a subscription that fell too far behind the log.
type slowConsumer struct{ seq, lag uint64 }

func (e *slowConsumer) Error() string {
	return fmt.Sprintf("subscriber fell more than %d changes behind the change log: resubscribe with after: %d", e.lag, e.seq)
}

// presentStreamError is the message that ends a subscription.
func presentStreamError(err error) *gqlerror.Error {
	var slow *slowConsumer
	if errors.As(err, &slow) {
		e := gqlerror.Errorf("%s", slow.Error())
		e.Extensions = map[string]any{"code": errSlowConsumer, "resumeAfter": slow.seq}
		return e
	}
	e := gqlerror.Errorf("%s", errs.Message(err))
	e.Extensions = map[string]any{"code": errs.KindOf(err).Code()}
	return e
}

// decodeAfter decodes the record a change left, or nil for a deletion.
func decodeAfter[T any](c store.Change) (*T, error) {
	if c.After == nil {
		return nil, nil
	}
	v := new(T)
	if err := json.Unmarshal(c.After, v); err != nil {
		return nil, errs.Wrap(errs.Internal, err, fmt.Sprintf("decoding change %d", c.Seq))
	}
	return v, nil
}

// pickAdded selects the statements created that f selects, judged against
// the records as they stand when the change is read.
func (r *Resolver) pickAdded(f store.StatementFilter) pickFunc[model.StatementEvent] {
	return func(ctx context.Context, c store.Change) (*model.StatementEvent, bool, error) {
		if c.Type != store.StatementType || c.Op != store.Created {
			return nil, false, nil
		}
		st, err := decodeAfter[store.Statement](c)
		if err != nil || st == nil {
			return nil, false, err
		}
		var match bool
		err = r.Store.View(ctx, func(tx store.Tx) error {
			m, err := store.NewStatementMatcher(tx, f)
			if err == nil {
				match = m.Match(st)
			}
			return err
		})
		if err != nil || !match {
			return nil, false, err
		}
		return &model.StatementEvent{Seq: int(c.Seq), Op: c.Op, StatementID: c.ID, Statement: st}, false, nil
	}
}

// pickChanged selects the updates and the deletion of statement id; its
// deletion ends the subscription.
func pickChanged(id string) pickFunc[model.StatementEvent] {
	return func(_ context.Context, c store.Change) (*model.StatementEvent, bool, error) {
		if c.Type != store.StatementType || c.ID != id || c.Op == store.Created {
			return nil, false, nil
		}
		st, err := decodeAfter[store.Statement](c)
		if err != nil {
			return nil, false, err
		}
		return &model.StatementEvent{Seq: int(c.Seq), Op: c.Op, StatementID: c.ID, Statement: st}, c.Op == store.Deleted, nil
	}
}

// pickReview selects the claim reviews created, of statement id or of any
// statement when id is empty.
func pickReview(id string) pickFunc[model.ReviewEvent] {
	return func(_ context.Context, c store.Change) (*model.ReviewEvent, bool, error) {
		if c.Type != store.ClaimReviewType || c.Op != store.Created {
			return nil, false, nil
		}
		rv, err := decodeAfter[store.ClaimReview](c)
		if err != nil || rv == nil || id != "" && rv.StatementID != id {
			return nil, false, err
		}
		return &model.ReviewEvent{Seq: int(c.Seq), Review: rv}, false, nil
	}
}
