// Package bolt is the embedded quotedb backend: a store.Store in one bbolt
// file.
//
// Each record type has a bucket keyed by binary UUIDv7 id; secondary-index
// buckets (index.go) make every list filter a range scan over sorted keys;
// the change log is a bucket keyed by sequence number. One Store.Update is
// one bbolt read-write transaction holding the records, their index entries
// and their change-log entries, so they commit together or not at all.
// Decoded speakers, organisations, topics, sources and speakers'
// affiliations are kept between read transactions (cache.go); the write
// that changes one drops it before it commits, and a read transaction
// never gets a kept record newer or older than its snapshot.
package bolt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
	bolterrs "go.etcd.io/bbolt/errors"
)

// ErrInUse is the cause (errors.Is) of the errs.Unavailable error Open
// returns when another process holds the database file.
var ErrInUse = errors.New("database is in use by another process")

// ErrClosed is the cause of the errs.Unavailable error of calls made after
// Close.
var ErrClosed = errors.New("database is closed")

// DefaultLockTimeout is how long Open waits for another process to release
// the file before giving up with ErrInUse.
const DefaultLockTimeout = time.Second

// initialMmapSize is 16 GiB where int allows.
const initialMmapSize = int(min(uint64(math.MaxInt), 16<<30))

// Options tunes Open. The zero value (or nil) is right for production.
type Options struct {
	// LockTimeout is how long to wait for the file lock; zero means
	// DefaultLockTimeout.
	LockTimeout time.Duration
	// NoSync skips fsync at commit: a crash may lose recent commits or
	// corrupt the file. Only for tests and throwaway bulk loads.
	NoSync bool
	// MaxStatementBytes bounds the text of a statement written;
	// zero means store.DefaultMaxStatementBytes.
	MaxStatementBytes int
	// CacheBytes bounds, roughly, the memory of the decoded speakers,
	// organisations, topics, sources and affiliations kept between read
	// transactions; zero means DefaultCacheBytes, a negative value keeps
	// none.
	CacheBytes int
}

// Store is a quotedb database in a bbolt file. It is safe for concurrent
// use: any number of View calls run alongside one Update at a time.
type Store struct {
	db   *bbolt.DB
	path string

	mu     sync.Mutex
	commit chan struct{} // closed and replaced at each write commit

	maxStatement int    // bytes of a statement's text
	cache        *cache // nil when Options.CacheBytes < 0
}

var _ store.Store = (*Store)(nil)

// Open opens the database at path, creating the file and its buckets when
// missing. It brings a database written by an earlier version up to date in
// the same transaction: it deletes the buckets of retired index layouts and
// builds every missing index from the records, which at a million
// statements takes a while once. When another process has the file open, Open fails within
// LockTimeout with an errs.Unavailable error wrapping ErrInUse.
func Open(path string, opts *Options) (*Store, error) {
	if opts == nil {
		opts = &Options{}
	}
	timeout := opts.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{
		Timeout: timeout,
		// The freelist is written at each commit (a page or two), so that
		// Open reads it instead of walking every page of the file to
		// rebuild it: that walk takes seconds at a million statements and
		// maps the whole file into the server's memory.
		NoFreelistSync: false,
		FreelistType:   bbolt.FreelistMapType,
		NoSync:         opts.NoSync,
		// Statistics take a lock per transaction and nothing reads them.
		NoStatistics: true,
		// Address space only: a mapping larger than the file spares the
		// remaps as it grows, each of which copies every page a write
		// transaction holds (slow for large loads) and waits for the
		// readers to finish.
		InitialMmapSize: initialMmapSize,
	})
	if errors.Is(err, bolterrs.ErrTimeout) {
		return nil, &errs.Error{Kind: errs.Unavailable, Msg: fmt.Sprintf("database %q is in use by another process", path), Err: ErrInUse}
	}
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err, fmt.Sprintf("opening database %q", path))
	}
	err = db.Update(func(btx *bbolt.Tx) error {
		for _, name := range retiredBuckets {
			if btx.Bucket([]byte(name)) == nil {
				continue
			}
			if err := btx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		var added []string
		for _, name := range allBuckets() {
			if btx.Bucket(name) != nil {
				continue
			}
			if _, err := btx.CreateBucket(name); err != nil {
				return err
			}
			added = append(added, string(name))
		}
		return buildIndexes(newTx(context.Background(), btx, ""), added)
	})
	if err != nil {
		db.Close()
		return nil, errs.Wrap(errs.Internal, err, fmt.Sprintf("creating buckets in %q", path))
	}
	maxStatement := opts.MaxStatementBytes
	if maxStatement <= 0 {
		maxStatement = store.DefaultMaxStatementBytes
	}
	return &Store{db: db, path: path, commit: make(chan struct{}), maxStatement: maxStatement, cache: newCache(opts.CacheBytes)}, nil
}

func allBuckets() [][]byte {
	names := [][]byte{logBucket, logByID, tokenBucket, tokenByHash}
	for _, typ := range store.RecordTypes {
		names = append(names, recordBuckets[typ])
	}
	for _, info := range ixInfo {
		names = append(names, []byte(info.name))
	}
	return names
}

// dbErr classifies an error from bbolt itself.
func dbErr(err error) error {
	if errors.Is(err, bolterrs.ErrDatabaseNotOpen) || errors.Is(err, bolterrs.ErrTxClosed) {
		return &errs.Error{Kind: errs.Unavailable, Msg: "database is closed", Err: ErrClosed}
	}
	var e *errs.Error
	if errors.As(err, &e) {
		return err
	}
	return errs.Wrap(errs.Internal, err, "database")
}

// View runs fn in a read-only transaction; see store.Store. It returns
// ctx.Err() without starting when ctx is done, and fn's error as is.
func (s *Store) View(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var fnErr error
	err := s.db.View(func(btx *bbolt.Tx) error {
		t := newTx(ctx, btx, "")
		t.cache, t.snap = s.cache, uint64(btx.ID())
		fnErr = fn(t)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return dbErr(err)
	}
	return nil
}

// Update runs fn in a read-write transaction and commits when fn returns
// nil; see store.Store. It returns ctx.Err() without starting when ctx is
// done, fn's error as is (having rolled everything back), or the commit's
// error. After a commit that changed anything, the Committed channel is
// closed.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	return s.update(ctx, func(t *tx) error { return fn(t) })
}

// update is Update over the backend's own transaction type.
func (s *Store) update(ctx context.Context, fn func(*tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var fnErr error
	var changed bool
	err := s.db.Update(func(btx *bbolt.Tx) error {
		t := newTx(ctx, btx, store.ActorFrom(ctx))
		t.maxStatement = s.maxStatement
		fnErr = fn(t)
		changed = t.changes > 0
		if fnErr == nil && changed && s.cache != nil {
			// Before the commit, so that no reader sees the new records
			// and cached old ones (see cache.go).
			s.cache.drop(uint64(btx.ID()), t.touched, t.touchedAll)
		}
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return dbErr(err)
	}
	if changed {
		s.mu.Lock()
		close(s.commit)
		s.commit = make(chan struct{})
		s.mu.Unlock()
	}
	return nil
}

// Committed returns a channel closed at the next commit that changes
// anything.
func (s *Store) Committed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commit
}

// Close closes the file. Later calls fail with errs.Unavailable (ErrClosed).
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return dbErr(err)
	}
	return nil
}

// Backup writes a consistent snapshot of the whole database file to w,
// without blocking writers, and returns the bytes written. The snapshot is
// a database file Open can use.
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.Snapshot(func(_ int64, snap io.WriterTo) error {
		var err error
		n, err = snap.WriteTo(w)
		return err
	})
	return n, err
}

// Snapshot calls fn, inside one read transaction, with the size in bytes
// of a consistent snapshot of the database file and snap, whose WriteTo
// writes exactly that many bytes. Writers are not blocked meanwhile. It
// returns fn's error; what fn wrote before an error is incomplete.
func (s *Store) Snapshot(fn func(size int64, snap io.WriterTo) error) error {
	var fnErr error
	err := s.db.View(func(btx *bbolt.Tx) error {
		fnErr = fn(btx.Size(), btx)
		return fnErr
	})
	if fnErr != nil {
		return fnErr
	}
	if err != nil {
		return dbErr(err)
	}
	return nil
}

// buildIndexes fills the indexes among the named buckets from the records
// they index. It is how a database written by an earlier version gets the
// indexes added since: Open creates the missing buckets and fills them in the
// same transaction. Index entries are not changes, so nothing is logged.
// Each index's entries are put in key order, for the reason bulk loads are
// (see bulk.go): in random order, one transaction's puts into a large
// bucket slow down quadratically.
func buildIndexes(t *tx, buckets []string) error {
	for i := range numIx {
		if !slices.Contains(buckets, ixInfo[i].name) {
			continue
		}
		typ := ixInfo[i].owner
		var ops []bulkOp
		c := t.records(typ).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			rec, err := decodeAny(typ, v)
			if err != nil {
				return err
			}
			for _, e := range recordEntries(rec) {
				if e.ix != i {
					continue
				}
				val := []byte(e.val)
				if ixInfo[i].unique {
					val = slices.Clone(k) // k lives in the page only while the cursor is there
				}
				ops = append(ops, bulkOp{key: []byte(e.key), val: val, seq: len(ops)})
			}
		}
		sortOps(ops)
		b := t.ix(i)
		b.FillPercent = max(b.FillPercent, 0.95)
		for _, op := range ops {
			if err := b.Put(op.key, op.val); err != nil {
				return err
			}
		}
	}
	return nil
}

// Stats is what a monitor wants to know of the database; *Store is a
// store.StatsReader.
type Stats = store.Stats

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Stats reads the database's size and change-log position in one read
// transaction.
func (s *Store) Stats() (Stats, error) {
	var st Stats
	err := s.db.View(func(btx *bbolt.Tx) error {
		st.UsedBytes = btx.Size()
		st.LastSeq = btx.Bucket(logBucket).Sequence()
		return nil
	})
	if err != nil {
		return Stats{}, dbErr(err)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return Stats{}, errs.Wrap(errs.Internal, err, "database file")
	}
	st.SizeBytes = fi.Size()
	return st, nil
}
