package bolt

import (
	"bytes"
	"context"
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
}

type pendingWrites struct {
	ops []bulkOp
	// latest maps a key to its last op, for readable buckets.
	latest map[string]int
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
			if i, ok := p.latest[string(key)]; ok {
				if p.ops[i].del {
					return nil
				}
				return p.ops[i].val
			}
		}
	}
	return b.Get(key)
}

func (bk *bulk) add(b *bbolt.Bucket, op bulkOp) {
	p := bk.pending[b]
	if p == nil {
		p = &pendingWrites{}
		if bk.readable[b] {
			p.latest = map[string]int{}
		}
		bk.pending[b] = p
	}
	op.seq = len(p.ops)
	if p.latest != nil {
		p.latest[string(op.key)] = op.seq
	}
	p.ops = append(p.ops, op)
}

// flush applies the held-back writes, bucket by bucket in key order; the
// writes of one key keep their order.
func (t *tx) flush() error {
	return t.sorted(func(b *bbolt.Bucket, ops []bulkOp) error {
		// Pages of a bulk load are filled nearly full: the keys come in
		// order, and later writes to most buckets go to their end.
		b.FillPercent = max(b.FillPercent, 0.95)
		for _, op := range ops {
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
func (t *tx) sorted(fn func(b *bbolt.Bucket, ops []bulkOp) error) error {
	type job struct {
		b    *bbolt.Bucket
		ops  []bulkOp
		done chan struct{}
	}
	jobs := make([]*job, 0, len(t.bulk.pending))
	for b, p := range t.bulk.pending {
		jobs = append(jobs, &job{b: b, ops: p.ops, done: make(chan struct{})})
	}
	t.bulk = nil
	// Largest first, so that the longest sort starts earliest.
	slices.SortFunc(jobs, func(x, y *job) int { return len(y.ops) - len(x.ops) })
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))
	go func() {
		for _, j := range jobs {
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; close(j.done) }()
				sortOps(j.ops)
			}()
		}
	}()
	for i, j := range jobs {
		<-j.done
		if err := fn(j.b, j.ops); err != nil {
			for _, rest := range jobs[i+1:] {
				<-rest.done
			}
			return err
		}
		j.ops = nil // fn is done with them
	}
	return nil
}

// sortOps sorts writes by key, keeping the order of writes to one key. An
// already sorted list (the keys of many buckets come in order) costs one
// pass.
func sortOps(ops []bulkOp) {
	cmp := func(x, y bulkOp) int {
		if c := bytes.Compare(x.key, y.key); c != 0 {
			return c
		}
		return x.seq - y.seq
	}
	if !slices.IsSortedFunc(ops, cmp) {
		slices.SortFunc(ops, cmp)
	}
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
