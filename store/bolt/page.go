package bolt

import (
	"bytes"
	"context"
	"slices"
	"sort"

	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// Every list is served by one engine: a plan yields sort keys in list order
// from a run (a range scan, or a merge of several), checks each cheaply on
// the key and then on the loaded record, and the engine cuts the page
// window out of that sequence.

// run is a sequence of sort keys in ascending order, walked in either
// direction. Keys it returns stay valid until the transaction ends.
type run interface {
	// start positions the run at its first key ≥ k (backward: last key
	// ≤ k); a nil k is the beginning (backward: the end).
	start(k []byte, back bool)
	// next returns the next key in the direction given to start, or nil
	// when there is none.
	next() []byte
}

// scan is a run over the keys of a bucket that start with prefix. The sort
// key is the skLen bytes after the prefix (bytes after it, such as an
// affiliation id after a speaker id, only make keys distinct), limited to
// [lo, hi] where these are not nil.
type scan struct {
	b      *bbolt.Bucket
	prefix []byte
	skLen  int
	lo, hi []byte

	c      *bbolt.Cursor
	back   bool
	cur    []byte
	primed bool
}

func newScan(b *bbolt.Bucket, prefix []byte, skLen int, lo, hi []byte) *scan {
	return &scan{b: b, prefix: prefix, skLen: skLen, lo: lo, hi: hi}
}

func (s *scan) start(k []byte, back bool) {
	s.c, s.back, s.primed = s.b.Cursor(), back, true
	var key []byte
	if !back {
		if s.lo != nil && (k == nil || bytes.Compare(k, s.lo) < 0) {
			k = s.lo
		}
		key, _ = s.c.Seek(cat(s.prefix, k))
	} else {
		if s.hi != nil && (k == nil || bytes.Compare(k, s.hi) > 0) {
			k = s.hi
		}
		key = s.seekLast(k)
	}
	s.cur = s.check(key)
}

// seekLast positions the cursor at the last key whose sort key is ≤ k
// (the last key of the prefix when k is nil) and returns it.
func (s *scan) seekLast(k []byte) []byte {
	var target []byte
	if k == nil {
		target = prefixEnd(s.prefix)
	} else {
		target = cat(s.prefix, k)
	}
	if target == nil {
		key, _ := s.c.Last()
		return key
	}
	key, _ := s.c.Seek(target)
	if key == nil {
		key, _ = s.c.Last()
		return key
	}
	if k != nil && hasPrefix(key, s.prefix) && len(key) >= len(s.prefix)+s.skLen &&
		bytes.Equal(key[len(s.prefix):len(s.prefix)+s.skLen], k) {
		// Same sort key with trailing bytes: in range. Its siblings with
		// the same sort key come after it, but they repeat the key.
		return key
	}
	key, _ = s.c.Prev()
	return key
}

// prefixEnd returns the smallest key greater than every key starting with
// p, or nil when there is none (p empty or all 0xff).
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// check returns the sort key of key, or nil when key is past the run.
func (s *scan) check(key []byte) []byte {
	if key == nil || !hasPrefix(key, s.prefix) || len(key) < len(s.prefix)+s.skLen {
		return nil
	}
	sk := key[len(s.prefix) : len(s.prefix)+s.skLen]
	if !s.back && s.hi != nil && bytes.Compare(sk, s.hi) > 0 || s.back && s.lo != nil && bytes.Compare(sk, s.lo) < 0 {
		return nil
	}
	return sk
}

func (s *scan) next() []byte {
	if s.primed {
		s.primed = false
		return s.cur
	}
	if s.cur == nil {
		return nil
	}
	var key []byte
	if s.back {
		key, _ = s.c.Prev()
	} else {
		key, _ = s.c.Next()
	}
	s.cur = s.check(key)
	return s.cur
}

// memRun is a run over sorted keys held in memory, for lists whose keys
// are gathered first (name searches).
type memRun struct {
	keys [][]byte
	i    int
	back bool
}

func (m *memRun) start(k []byte, back bool) {
	m.back = back
	n := len(m.keys)
	switch {
	case k == nil && !back:
		m.i = 0
	case k == nil:
		m.i = n - 1
	case !back:
		m.i = sort.Search(n, func(i int) bool { return bytes.Compare(m.keys[i], k) >= 0 })
	default:
		m.i = sort.Search(n, func(i int) bool { return bytes.Compare(m.keys[i], k) > 0 }) - 1
	}
}

func (m *memRun) next() []byte {
	if m.i < 0 || m.i >= len(m.keys) {
		return nil
	}
	k := m.keys[m.i]
	if m.back {
		m.i--
	} else {
		m.i++
	}
	return k
}

// union merges runs into one ordered run (a k-way merge on a heap).
// Repeats are left for the engine to drop.
type union struct {
	runs  []run
	heads [][]byte // current key of each run in heap, nil when exhausted
	heap  []int    // run indexes, a binary heap ordered by head
	back  bool
}

func merge(runs []run) run {
	if len(runs) == 1 {
		return runs[0]
	}
	return &union{runs: runs, heads: make([][]byte, len(runs))}
}

func (u *union) less(a, b int) bool {
	c := bytes.Compare(u.heads[u.heap[a]], u.heads[u.heap[b]])
	if u.back {
		return c > 0
	}
	return c < 0
}

func (u *union) down(i int) {
	for {
		l, m := 2*i+1, i
		if l < len(u.heap) && u.less(l, m) {
			m = l
		}
		if r := l + 1; r < len(u.heap) && u.less(r, m) {
			m = r
		}
		if m == i {
			return
		}
		u.heap[i], u.heap[m] = u.heap[m], u.heap[i]
		i = m
	}
}

func (u *union) start(k []byte, back bool) {
	u.back = back
	u.heap = u.heap[:0]
	for i, r := range u.runs {
		r.start(k, back)
		if u.heads[i] = r.next(); u.heads[i] != nil {
			u.heap = append(u.heap, i)
		}
	}
	for i := len(u.heap)/2 - 1; i >= 0; i-- {
		u.down(i)
	}
}

func (u *union) next() []byte {
	if len(u.heap) == 0 {
		return nil
	}
	top := u.heap[0]
	k := u.heads[top]
	if u.heads[top] = u.runs[top].next(); u.heads[top] == nil {
		last := len(u.heap) - 1
		u.heap[0] = u.heap[last]
		u.heap = u.heap[:last]
	}
	u.down(0)
	return k
}

// emptyRun is the run of a filter that can match nothing.
type emptyRun struct{}

func (emptyRun) start([]byte, bool) {}
func (emptyRun) next() []byte       { return nil }

// plan is how one list query is answered.
type plan[T any] struct {
	run   run
	skLen int
	// keyOK, when set, rejects keys by the key alone, before loading.
	keyOK func(sk []byte) bool
	// load returns the record of a key and whether it matches the filter.
	load func(sk []byte) (T, bool, error)
	// exact says every key keyOK passes matches, so counting needs no load.
	exact bool
}

// window is a parsed store.Page.
type window = store.Window

// parsePage parses a page of a list in its default order, whose sort keys
// are skLen bytes long.
func parsePage(p store.Page, skLen int) (window, error) {
	return store.ParseWindow(p, map[store.Order]int{store.OrderDefault: skLen})
}

// parseOrderedPage parses a page of a list that offers the orders in
// skLens, each with the length of its sort keys.
func parseOrderedPage(p store.Page, skLens map[store.Order]int) (window, error) {
	return store.ParseWindow(p, skLens)
}

// walker walks a plan's matches from a key, dropping repeats. It stops
// with store.Interrupted when ctx ends, checked every store.ScanCheckEvery
// keys, so that a request's time limit ends a scan over many records.
type walker[T any] struct {
	p    *plan[T]
	ctx  context.Context
	prev []byte
	read int // keys read
}

func (p *plan[T]) walk(ctx context.Context, from []byte, back bool) *walker[T] {
	p.run.start(from, back)
	return &walker[T]{p: p, ctx: ctx}
}

// next returns the next matching key and its record; nil sk at the end.
func (w *walker[T]) next(needRecord bool) (sk []byte, rec T, err error) {
	for {
		k := w.p.run.next()
		if k == nil {
			return nil, rec, nil
		}
		if w.read++; w.read%store.ScanCheckEvery == 0 {
			if err := store.Interrupted(w.ctx); err != nil {
				return nil, rec, err
			}
		}
		if w.prev != nil && bytes.Equal(k, w.prev) {
			continue
		}
		w.prev = k
		if w.p.keyOK != nil && !w.p.keyOK(k) {
			continue
		}
		if !needRecord && w.p.exact {
			return k, rec, nil
		}
		rec, ok, err := w.p.load(k)
		if err != nil {
			return nil, rec, err
		}
		if ok {
			return k, rec, nil
		}
	}
}

// exists reports whether a match lies at or beyond k in the direction.
func (p *plan[T]) exists(ctx context.Context, k []byte, back bool) (bool, error) {
	sk, _, err := p.walk(ctx, k, back).next(false)
	return sk != nil, err
}

// page answers the window w of plan p, stopping when ctx ends.
func page[T any](ctx context.Context, p *plan[T], w window) (*store.Conn[T], error) {
	conn := &store.Conn[T]{Items: make([]T, 0, min(w.N, 64)), Total: -1}
	from, bound := w.After, w.Before
	if w.Back {
		from, bound = w.Before, w.After
	}
	// The walk goes down the keys when it counts from the end of an
	// ascending list or from the start of a descending one.
	down := w.Back != w.Desc
	// past reports whether k is beyond the cursor bound of the walk.
	past := func(k []byte) bool {
		c := bytes.Compare(k, bound)
		return bound != nil && (!down && c >= 0 || down && c <= 0)
	}
	wk := p.walk(ctx, from, down)
	more, hitBound := false, false
	for {
		// The record past the window only tells that there is more; an
		// exact plan need not load it.
		sk, rec, err := wk.next(len(conn.Items) < w.N)
		if err != nil {
			return nil, err
		}
		if sk == nil {
			break
		}
		if from != nil && bytes.Equal(sk, from) {
			continue // cursors are exclusive
		}
		if past(sk) {
			hitBound = true
			break
		}
		if len(conn.Items) == w.N {
			more = true
			break
		}
		conn.Items = append(conn.Items, rec)
		conn.Cursors = append(conn.Cursors, store.Cursor(sk))
	}
	// Beyond the window's far end: either more matches were seen, or the
	// walk stopped at the bound cursor and matches may lie past it.
	if !more && hitBound {
		var err error
		if more, err = p.exists(ctx, bound, down); err != nil {
			return nil, err
		}
	}
	// Behind the window's near end: matches at or behind the start cursor.
	behind := false
	if from != nil {
		var err error
		if behind, err = p.exists(ctx, from, !down); err != nil {
			return nil, err
		}
	}
	if w.Back {
		slices.Reverse(conn.Items)
		slices.Reverse(conn.Cursors)
		conn.HasPrevious, conn.HasNext = more, behind
	} else {
		conn.HasNext, conn.HasPrevious = more, behind
	}
	if w.Count {
		n, err := p.count(ctx)
		if err != nil {
			return nil, err
		}
		conn.Total = n
	}
	return conn, nil
}

func (p *plan[T]) count(ctx context.Context) (int, error) {
	wk := p.walk(ctx, nil, false)
	n := 0
	for {
		sk, _, err := wk.next(false)
		if err != nil || sk == nil {
			return n, err
		}
		n++
	}
}
