package pg

import (
	"context"
	"time"
)

// listen wakes the followers of this process (Committed) when any server
// commits changes: each write transaction NOTIFYs notifyChannel, which
// PostgreSQL delivers at commit. The listening connection is taken out of
// the pool for good. After a lost connection followers are woken too,
// since a notification may have been missed; they read the change log
// from where they are, so a spurious wake costs one query.
func (s *Store) listen() {
	ctx, cancel := context.WithCancel(context.Background())
	s.stopListen, s.listenDone = cancel, make(chan struct{})
	go func() {
		defer close(s.listenDone)
		for ctx.Err() == nil {
			s.listenOnce(ctx)
			if ctx.Err() != nil {
				return
			}
			s.signal()
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
		}
	}()
}

// listenOnce listens on one connection until it fails or ctx ends.
func (s *Store) listenOnce(ctx context.Context) {
	pc, err := s.pool.Acquire(ctx)
	if err != nil {
		return
	}
	conn := pc.Hijack()
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		conn.Close(cctx) //nolint:errcheck // the connection is given up either way
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		return
	}
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return
		}
		s.signal()
	}
}
