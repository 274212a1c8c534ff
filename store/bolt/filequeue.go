package bolt

import "os"

// fileQueue is a buffered writer whose writes to the file happen on a
// goroutine of its own, so that the system's time copying the pages (a
// tenth of a large load) is spent while the next pages are built. A
// write's error is reported by close.
type fileQueue struct {
	buf        []byte
	full, free chan []byte
	done       chan error
	closed     bool
}

func newFileQueue(f *os.File) *fileQueue {
	const bufs, size = 3, 1 << 20
	q := &fileQueue{full: make(chan []byte, bufs), free: make(chan []byte, bufs), done: make(chan error, 1)}
	for range bufs - 1 {
		q.free <- make([]byte, 0, size)
	}
	q.buf = make([]byte, 0, size)
	go func() {
		var err error
		for b := range q.full {
			if err == nil {
				_, err = f.Write(b)
			}
			q.free <- b[:0]
		}
		q.done <- err
	}()
	return q
}

func (q *fileQueue) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(q.buf) == cap(q.buf) {
			q.full <- q.buf
			q.buf = <-q.free
		}
		c := copy(q.buf[len(q.buf):cap(q.buf)], p)
		q.buf, p = q.buf[:len(q.buf)+c], p[c:]
	}
	return n, nil
}

// close writes what is buffered and waits for the writes to end.
func (q *fileQueue) close() error {
	if q.closed {
		return nil
	}
	q.closed = true
	if len(q.buf) > 0 {
		q.full <- q.buf
	}
	close(q.full)
	return <-q.done
}
