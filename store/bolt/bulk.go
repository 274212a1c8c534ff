package bolt

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"iter"
	"math/bits"
	"runtime"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// Bulk loading. bbolt keeps the pages a transaction touches in memory as
// nodes and splits them only at commit, so one transaction that puts a
// million keys in random order into a bucket inserts each into the middle
// of one ever larger node, and the load slows down quadratically. Load
// therefore holds every write back, in order, per bucket, and at the end
// puts each bucket's keys in ascending order, which appends to the nodes.
// Records and unique index entries are also kept in a map, so that the
// checks of later records (references, uniqueness, TypeOf) see the earlier
// ones.
//
// Everything still happens in one bbolt transaction: the load commits
// whole, fsynced, or not at all, like any Update.

// bulk holds the writes of a Load transaction until flush.
type bulk struct {
	pending map[*bbolt.Bucket]*pendingWrites
	// readable lists the buckets whose pending writes reads must see.
	readable map[*bbolt.Bucket]bool
	// fresh is set when the buckets were empty when the load began: as
	// every write is held back, they stay empty, and reads need not look.
	fresh bool
}

type pendingWrites struct {
	// The writes are held in chunks of opChunk, their keys and values
	// copied into arena blocks. Neither holds pointers: the garbage
	// collector, which marks the live heap at each cycle, would otherwise
	// walk millions of writes again and again during a load. Chunks also
	// spare the copies of one ever larger slice.
	chunks [][]heldOp
	arena  [][]byte
	n      int // writes held
	// latest maps a key to its last write, for readable buckets.
	latest *latestWrite
	// order, once sorted, lists the positions of the writes in order of
	// key (nil when they were held in that order).
	order []int32
	// long is set when a write has a key longer than a handle holds, a
	// value or is a delete. Until then the sorted handles are the writes
	// (keys), and sort keeps them in keys rather than order.
	long bool
	keys []handle
}

// heldOp is a write held back: its key and value are in arena block
// block from off on.
type heldOp struct {
	block, off, klen, vlen uint32
	del                    bool
}

type bulkOp struct {
	key, val []byte
	seq      int // position among the bucket's writes
	del      bool
}

// put writes key=val into b, or holds the write back in a bulk load. The
// caller must not change key or val afterwards.
func (t *tx) put(b *bbolt.Bucket, key, val []byte) error {
	if t.bulk == nil {
		return b.Put(key, val)
	}
	t.bulk.add(b, bulkOp{key: key, val: val})
	return nil
}

// delete deletes key from b, or holds the delete back in a bulk load.
func (t *tx) delete(b *bbolt.Bucket, key []byte) error {
	if t.bulk == nil {
		return b.Delete(key)
	}
	t.bulk.add(b, bulkOp{key: key, del: true})
	return nil
}

// get reads key from b, seeing the writes a bulk load holds back for
// readable buckets.
func (t *tx) get(b *bbolt.Bucket, key []byte) []byte {
	if t.bulk != nil {
		if p := t.bulk.pending[b]; p != nil && p.latest != nil {
			if i, ok := p.latest.get(key); ok {
				op := p.at(i)
				if op.del {
					return nil
				}
				return op.val
			}
		}
		if t.bulk.fresh {
			return nil
		}
	}
	return b.Get(key)
}

func (bk *bulk) add(b *bbolt.Bucket, op bulkOp) {
	p := bk.pending[b]
	if p == nil {
		p = &pendingWrites{}
		if bk.readable[b] {
			p.latest = &latestWrite{}
		}
		bk.pending[b] = p
	}
	p.add(op)
}

// latestWrite maps keys to positions of writes. Most keys of readable
// buckets are ids (16 bytes) or change-log seqs (8): as arrays they need
// no string made per write, and hash faster.
//
// The keys of the change log are seqs written in ascending order, one more
// each time: a slice indexed by seq from the first one holds them, with
// no hashing and a fraction of a map's memory. Other 8-byte keys go to
// the map; get looks in the run first.
type latestWrite struct {
	id      map[[16]byte]int
	seq     map[[8]byte]int
	any     map[string]int
	run     []int  // positions of the writes of seqs runFrom, runFrom+1, …
	runFrom uint64 // set with the first seq
}

// inRun returns the index in run of the 8-byte key k, or -1.
func (l *latestWrite) inRun(k uint64) int {
	if k < l.runFrom || k-l.runFrom >= uint64(len(l.run)) {
		return -1
	}
	return int(k - l.runFrom)
}

func (l *latestWrite) set(key []byte, i int) {
	switch len(key) {
	case 16:
		if l.id == nil {
			l.id = map[[16]byte]int{}
		}
		l.id[[16]byte(key)] = i
	case 8:
		k := binary.BigEndian.Uint64(key)
		if len(l.run) == 0 && l.seq == nil {
			l.runFrom = k
		}
		if j := l.inRun(k); j >= 0 {
			l.run[j] = i
			return
		}
		if k == l.runFrom+uint64(len(l.run)) {
			// Any earlier write of k in seq is hidden by this one.
			l.run = append(l.run, i)
			return
		}
		if l.seq == nil {
			l.seq = map[[8]byte]int{}
		}
		l.seq[[8]byte(key)] = i
	default:
		if l.any == nil {
			l.any = map[string]int{}
		}
		l.any[string(key)] = i
	}
}

func (l *latestWrite) get(key []byte) (int, bool) {
	var i int
	var ok bool
	switch len(key) {
	case 16:
		i, ok = l.id[[16]byte(key)]
	case 8:
		if j := l.inRun(binary.BigEndian.Uint64(key)); j >= 0 {
			return l.run[j], true
		}
		i, ok = l.seq[[8]byte(key)]
	default:
		i, ok = l.any[string(key)]
	}
	return i, ok
}

// opChunk is the number of writes in a chunk of pendingWrites, and
// arenaBlock the size of its arena blocks (a larger write has its own).
const (
	opChunk    = 4096
	arenaBlock = 4 << 20
)

// add holds op back (its seq is ignored: writes are numbered in order).
func (p *pendingWrites) add(op bulkOp) {
	need := len(op.key) + len(op.val)
	if len(p.arena) == 0 || cap(p.arena[len(p.arena)-1])-len(p.arena[len(p.arena)-1]) < need {
		p.arena = append(p.arena, make([]byte, 0, max(arenaBlock, need)))
	}
	bi := len(p.arena) - 1
	blk := &p.arena[bi]
	h := heldOp{block: uint32(bi), off: uint32(len(*blk)), klen: uint32(len(op.key)), vlen: uint32(len(op.val)), del: op.del}
	*blk = append(*blk, op.key...)
	*blk = append(*blk, op.val...)
	if p.latest != nil {
		p.latest.set(op.key, p.n)
	}
	p.long = p.long || len(op.key) > handleBytes || len(op.val) > 0 || op.del
	if p.n%opChunk == 0 {
		p.chunks = append(p.chunks, make([]heldOp, 0, opChunk))
	}
	c := &p.chunks[len(p.chunks)-1]
	*c = append(*c, h)
	p.n++
}

// at returns the i-th write held.
func (p *pendingWrites) at(i int) bulkOp {
	h := p.chunks[i/opChunk][i%opChunk]
	blk := p.arena[h.block]
	k, v := h.off+h.klen, h.off+h.klen+h.vlen
	return bulkOp{key: blk[h.off:k:k], val: blk[k:v:v], seq: i, del: h.del}
}

// keyAt returns the key of the i-th write held.
func (p *pendingWrites) keyAt(i int) []byte {
	h := &p.chunks[i/opChunk][i%opChunk]
	return p.arena[h.block][h.off : h.off+h.klen]
}

// sort puts the writes in order of key, the writes of one key in their
// order, for ops. An already sorted list (the keys of many buckets come
// in order) costs one pass. Otherwise it sorts small handles, a few bytes
// of the key at a time (see sortHandles).
func (p *pendingWrites) sort() {
	inOrder := true
	for i := 1; i < p.n && inOrder; i++ {
		inOrder = bytes.Compare(p.keyAt(i-1), p.keyAt(i)) <= 0
	}
	if inOrder {
		return
	}
	hs := make([]handle, p.n)
	for i := range hs {
		hs[i].i = int32(i)
	}
	p.sortHandles(hs, 0)
	if !p.long {
		p.keys, p.chunks, p.arena = hs, nil, nil
		return
	}
	p.order = make([]int32, p.n)
	for j, h := range hs {
		p.order[j] = h.i
	}
}

// ops yields the writes in the order sort put them in (in the order they
// were held before sort). The writes are not copied: a whole bucket's
// would take as much memory again as the writes themselves.
func (p *pendingWrites) ops() iter.Seq[bulkOp] {
	if p.keys != nil {
		return p.keyOps
	}
	return func(yield func(bulkOp) bool) {
		for j := range p.n {
			i := j
			if p.order != nil {
				i = int(p.order[j])
			}
			if !yield(p.at(i)) {
				return
			}
		}
	}
}

// keyOps yields the writes of sorted keys, made from the handles. Reading
// them in order from where they were held would be a cache miss per
// write (most of the time of writing the largest buckets, whose keys come
// in random order: the near-duplicate keys are 40% of a load's). The keys
// are made in blocks never reused, since a bulk load's bbolt puts keep
// them until commit.
func (p *pendingWrites) keyOps(yield func(bulkOp) bool) {
	var blk []byte
	for _, h := range p.keys {
		if cap(blk)-len(blk) < handleBytes {
			blk = make([]byte, 0, 64<<10)
		}
		at := len(blk)
		blk = binary.BigEndian.AppendUint64(blk, h.p0)
		blk = binary.BigEndian.AppendUint64(blk, h.p1)
		blk = binary.BigEndian.AppendUint64(blk, h.p2)
		end := at + int(h.n)
		blk = blk[:end]
		if !yield(bulkOp{key: blk[at:end:end], seq: int(h.i)}) {
			return
		}
	}
}

// handle stands for a write in a sort: handleBytes bytes of its key from
// some depth on, zero-padded, and how many key bytes there are from that
// depth (handleBytes+1 for more).
type handle struct {
	p0, p1, p2 uint64
	n          int32
	i          int32 // the write's position
}

const handleBytes = 24

// sortHandles sorts hs by the keys of their writes from byte depth on,
// then by position. Most comparisons are of integers in hs rather than of
// keys spread over the arena; keys that share their handleBytes bytes
// (index keys start with an id, a date and an id: the statements of a
// topic on one day share theirs) are sorted again by their next ones.
func (p *pendingWrites) sortHandles(hs []handle, depth int) {
	for k := range hs {
		key := p.keyAt(int(hs[k].i))
		var b [handleBytes]byte
		rest := key[min(depth, len(key)):]
		copy(b[:], rest)
		h := &hs[k]
		h.p0, h.p1, h.p2 = binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:16]), binary.BigEndian.Uint64(b[16:])
		h.n = int32(min(len(rest), handleBytes+1))
	}
	radixSort(hs)
	tied := func(x, y handle) bool {
		return x.n == handleBytes+1 && y.n == handleBytes+1 && x.p0 == y.p0 && x.p1 == y.p1 && x.p2 == y.p2
	}
	for lo := 0; lo < len(hs); {
		hi := lo + 1
		for hi < len(hs) && tied(hs[lo], hs[hi]) {
			hi++
		}
		if hi-lo > 1 {
			p.sortHandles(hs[lo:hi], depth+handleBytes)
		}
		lo = hi
	}
}

func compareHandles(x, y handle) int {
	if c := cmp.Compare(x.p0, y.p0); c != 0 {
		return c
	}
	if c := cmp.Compare(x.p1, y.p1); c != 0 {
		return c
	}
	if c := cmp.Compare(x.p2, y.p2); c != 0 {
		return c
	}
	if c := cmp.Compare(x.n, y.n); c != 0 {
		return c
	}
	return cmp.Compare(x.i, y.i)
}

// radixMin is the number of handles from which radixSort distributes them
// by sixteen bits first.
const radixMin = 1 << 16

// radixSort sorts hs by compareHandles. Many handles are first put in
// order of sixteen bits of p0, from the highest bit in which they differ
// (their keys may share a prefix: the ids of one time), and each run of
// the same bits is sorted alone: a million handles then take one pass
// and a thousand small sorts that fit in the cache rather than twenty
// passes over all of them.
func radixSort(hs []handle) {
	var diff uint64
	for _, h := range hs {
		diff |= h.p0 ^ hs[0].p0
	}
	if len(hs) < radixMin || diff == 0 {
		slices.SortFunc(hs, compareHandles)
		return
	}
	shift := max(0, 63-bits.LeadingZeros64(diff)-15)
	digit := func(h handle) int { return int(h.p0>>shift) & 0xffff }
	start := make([]int, 1<<16+1) // of each digit's run, then its end
	for _, h := range hs {
		start[digit(h)+1]++
	}
	for d := range 1 << 16 {
		start[d+1] += start[d]
	}
	next := slices.Clone(start[:1<<16])
	out := make([]handle, len(hs))
	for _, h := range hs {
		d := digit(h)
		out[next[d]] = h
		next[d]++
	}
	copy(hs, out)
	for d := range 1 << 16 {
		if run := hs[start[d]:start[d+1]]; len(run) > 1 {
			slices.SortFunc(run, compareHandles)
		}
	}
}

// flush applies the held-back writes, bucket by bucket in key order; the
// writes of one key keep their order.
func (t *tx) flush() error {
	return t.sorted(func(b *bbolt.Bucket, ops iter.Seq[bulkOp]) error {
		// Pages of a bulk load are filled nearly full: the keys come in
		// order, and later writes to most buckets go to their end.
		b.FillPercent = max(b.FillPercent, 0.95)
		for op := range ops {
			var err error
			if op.del {
				err = b.Delete(op.key)
			} else {
				err = b.Put(op.key, op.val)
			}
			if err != nil {
				return errs.Wrap(errs.Internal, err, "writing bulk load")
			}
		}
		return nil
	})
}

// sorted calls fn with each bucket's held-back writes sorted by key,
// largest bucket first, and drops them. Buckets are sorted in the
// background while fn has the sorted ones.
func (t *tx) sorted(fn func(b *bbolt.Bucket, ops iter.Seq[bulkOp]) error) error {
	type job struct {
		b    *bbolt.Bucket
		p    *pendingWrites
		done chan struct{}
	}
	jobs := make([]*job, 0, len(t.bulk.pending))
	for b, p := range t.bulk.pending {
		jobs = append(jobs, &job{b: b, p: p, done: make(chan struct{})})
	}
	t.bulk = nil
	// Largest first, so that the longest sort starts earliest.
	slices.SortFunc(jobs, func(x, y *job) int { return y.p.n - x.p.n })
	// A sorter per core: fn waits for the largest bucket before it has
	// anything to do, and then shares the cores with the sorts.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for _, j := range jobs {
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; close(j.done) }()
				j.p.sort()
			}()
		}
	}()
	for i, j := range jobs {
		<-j.done
		if err := fn(j.b, j.p.ops()); err != nil {
			for _, rest := range jobs[i+1:] {
				<-rest.done
			}
			return err
		}
		j.p = nil // fn is done with the writes
	}
	return nil
}

// sortOps sorts writes by key, keeping the order of writes to one key. An
// already sorted list (the keys of many buckets come in order) costs one
// pass.
func sortOps(ops []bulkOp) {
	if !slices.IsSortedFunc(ops, compareOps) {
		slices.SortFunc(ops, compareOps)
	}
}

// compareOps orders writes by key, then by their order.
func compareOps(x, y bulkOp) int {
	if c := bytes.Compare(x.key, y.key); c != 0 {
		return c
	}
	return x.seq - y.seq
}

// Load is Update for loading many records at once, as imports do: fn may
// only call TypeOf and Put. It commits when fn returns nil, fsynced, with
// the change-log entries of every record put, and writes nothing when fn
// returns an error. See store.Loader.
func (s *Store) Load(ctx context.Context, fn func(store.Putter) error) error {
	return s.update(ctx, func(t *tx) error {
		t.startBulk()
		if err := fn(t); err != nil {
			return err
		}
		return t.flush()
	})
}

// startBulk makes t hold its writes back until flush.
func (t *tx) startBulk() {
	t.bulk = &bulk{pending: map[*bbolt.Bucket]*pendingWrites{}, readable: map[*bbolt.Bucket]bool{}}
	for _, typ := range store.RecordTypes {
		t.bulk.readable[t.records(typ)] = true
	}
	for i := range numIx {
		if ixInfo[i].unique {
			t.bulk.readable[t.ix(i)] = true
		}
	}
	// Entries are read back when their record changes again.
	t.bulk.readable[t.logBucket()] = true
}
