package dataio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/lines"
)

// quoteBatchLines is how many lines a decoding worker takes at a time.
const quoteBatchLines = 256

// quoteBatch is a run of consecutive lines of a Quotebank file, decoded
// by a worker.
type quoteBatch struct {
	first   int // line number of lines[0]
	lines   [][]byte
	quotes  []*quoteWork // by line; nil for a blank one
	err     error        // of the line after the quotes, which failed
	readErr error        // of reading on after the lines
	done    chan struct{}
}

// decode decodes the lines and prepares their quotes (see prepareQuote).
func (b *quoteBatch) decode(prepText func(string) any) {
	defer close(b.done)
	for i, l := range b.lines {
		var w *quoteWork
		if len(bytes.TrimSpace(l)) > 0 {
			q, err := decodeQuote(l)
			if err != nil {
				b.err = lineError(b.first+i, err)
				break
			}
			w = prepareQuote(q, prepText)
		}
		b.quotes = append(b.quotes, w)
	}
	b.lines = nil
}

// eachQuote reads the lines of r and calls fn with each quote, in order,
// and its line number, stopping at the first bad line or fn's first
// error. Blank lines are skipped. Lines are decoded and prepared (see
// prepareQuote, to which prepText is passed) in batches on all cores
// while fn stores the quotes before them: that is a large part of an
// import's time. Memory is bounded by the batches in flight.
func eachQuote(r io.Reader, prepText func(string) any, fn func(line int, q *quoteWork) error) error {
	stop := make(chan struct{})
	defer close(stop)
	work := make(chan *quoteBatch, 16)
	order := make(chan *quoteBatch, 16)
	for range max(1, runtime.GOMAXPROCS(0)) {
		go func() {
			for b := range work {
				b.decode(prepText)
			}
		}()
	}
	go readQuoteBatches(r, work, order, stop)
	for b := range order {
		<-b.done
		for i, q := range b.quotes {
			if q == nil {
				continue
			}
			if err := fn(b.first+i, q); err != nil {
				return err
			}
		}
		if b.err != nil {
			return b.err
		}
		if b.readErr != nil {
			return b.readErr
		}
	}
	return nil
}

// readQuoteBatches reads r into batches, which it sends to work (to be
// decoded) and to order (to be stored in order), until r ends or stop is
// closed.
func readQuoteBatches(r io.Reader, work, order chan<- *quoteBatch, stop <-chan struct{}) {
	defer close(order)
	defer close(work)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxQuoteLineBytes)
	line := 0
	b := &quoteBatch{first: 1, done: make(chan struct{})}
	send := func() bool {
		for _, ch := range []chan<- *quoteBatch{work, order} {
			select {
			case ch <- b:
			case <-stop:
				return false
			}
		}
		b = &quoteBatch{first: line + 1, done: make(chan struct{})}
		return true
	}
	var blocks lines.Blocks
	for sc.Scan() {
		line++
		b.lines = append(b.lines, blocks.Copy(sc.Bytes()))
		if len(b.lines) == quoteBatchLines && !send() {
			return
		}
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		b.readErr = errs.E(errs.TooLarge, "line %d: longer than %d bytes", line+1, MaxQuoteLineBytes)
	case err != nil:
		b.readErr = errs.Wrap(errs.Invalid, err, fmt.Sprintf("reading line %d", line+1))
	}
	send()
}
