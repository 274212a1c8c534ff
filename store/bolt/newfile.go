package bolt

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
	bbolt "go.etcd.io/bbolt"
)

// NewFile is a database file yet to be created, as a store.Loader: Load
// creates it holding the records fn puts, with the same checks, index
// entries and change log as Store.Load into an empty database, but writes
// the file's pages directly (see pagefile.go) rather than through bbolt's
// Put, which is most of the cost of a large load. Open it afterwards.
type NewFile struct {
	Path    string
	Options *Options // as for Open; NoSync skips the final fsync
}

var _ store.Loader = (*NewFile)(nil)

// errWritten rolls back the scratch transaction of NewFile.Load once its
// writes are in the new file.
var errWritten = errors.New("written to the new file")

// Load creates the file at f.Path, which must not exist (errs.Conflict
// otherwise), with what fn puts. fn may only call TypeOf and Put, as for
// Store.Load; when it fails, no file is created.
//
// The records are put into a scratch database beside the new file, whose
// write transaction does the checks and holds the writes (as Store.Load
// does) and is then rolled back: the held writes go, sorted, to the new
// file, which is linked to f.Path when complete. Both live in a directory
// ".NAME.loading-*" beside f.Path, removed at the end; a process killed
// midway leaves it behind.
func (f *NewFile) Load(ctx context.Context, fn func(store.Putter) error) error {
	if _, err := os.Lstat(f.Path); err == nil {
		return errs.E(errs.Conflict, "database %q exists already", f.Path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return errs.Wrap(errs.Internal, err, "database file")
	}
	opts := Options{}
	if f.Options != nil {
		opts = *f.Options
	}
	dir, base := filepath.Split(f.Path)
	scratch, err := os.MkdirTemp(cmp.Or(dir, "."), "."+base+".loading-")
	if err != nil {
		return errs.Wrap(errs.Internal, err, "creating the database")
	}
	defer os.RemoveAll(scratch)
	sopts := opts
	sopts.NoSync = true // the scratch database is thrown away
	s, err := Open(filepath.Join(scratch, "scratch.db"), &sopts)
	if err != nil {
		return err
	}
	defer s.Close()
	newPath := filepath.Join(scratch, "new.db")
	out, err := os.OpenFile(newPath, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return errs.Wrap(errs.Internal, err, "creating the database")
	}
	defer out.Close()
	err = s.update(ctx, func(t *tx) error {
		t.startBulk()
		t.bulk.fresh = true // the scratch database is new
		if err := fn(t); err != nil {
			return err
		}
		if err := t.writeFile(out); err != nil {
			return errs.Wrap(errs.Internal, err, fmt.Sprintf("writing %q", f.Path))
		}
		return errWritten
	})
	if !errors.Is(err, errWritten) {
		return err
	}
	if !opts.NoSync {
		if err := out.Sync(); err != nil {
			return errs.Wrap(errs.Internal, err, "writing the database")
		}
	}
	if err := out.Close(); err != nil {
		return errs.Wrap(errs.Internal, err, "writing the database")
	}
	// Link, unlike Rename, fails when f.Path exists: a file created there
	// meanwhile is not replaced.
	if err := os.Link(newPath, f.Path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errs.E(errs.Conflict, "database %q exists already", f.Path)
		}
		return errs.Wrap(errs.Internal, err, "creating the database")
	}
	if !opts.NoSync {
		return syncDir(cmp.Or(dir, "."))
	}
	return nil
}

// syncDir makes a new directory entry durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return errs.Wrap(errs.Internal, err, "syncing the database's directory")
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return errs.Wrap(errs.Internal, err, "syncing the database's directory")
	}
	return nil
}

// writeFile writes every bucket of the database, with the writes t holds
// back, to out as a new database file. The buckets of t's database must be
// empty, as a new database's are.
func (t *tx) writeFile(out *os.File) error {
	pw, err := newPageWriter(out)
	defer pw.close() // when not finished; finish reports its error
	if err != nil {
		return err
	}
	names := map[*bbolt.Bucket][]byte{}
	for _, name := range allBuckets() {
		b := t.btx.Bucket(name)
		if k, _ := b.Cursor().First(); k != nil {
			return fmt.Errorf("bucket %s is not empty", name)
		}
		names[b] = name
	}
	err = t.sorted(func(b *bbolt.Bucket, ops iter.Seq[bulkOp]) error {
		name, ok := names[b]
		if !ok {
			return fmt.Errorf("a write to a bucket not among the database's")
		}
		delete(names, b)
		return pw.bucket(name, b.Sequence(), latestWrites(ops))
	})
	if err != nil {
		return err
	}
	for b, name := range names { // the buckets nothing was written to
		if err := pw.bucket(name, b.Sequence(), func(func([]byte, []byte) bool) {}); err != nil {
			return err
		}
	}
	return pw.finish()
}

// latestWrites yields the keys and values ops, sorted by key, leave: the
// last write of each key, unless it is a delete.
func latestWrites(ops iter.Seq[bulkOp]) iter.Seq2[[]byte, []byte] {
	return func(yield func(k, v []byte) bool) {
		var last bulkOp
		held := false // last is a write yet to yield
		for op := range ops {
			if held && string(op.key) != string(last.key) && !last.del && !yield(last.key, last.val) {
				return
			}
			last, held = op, true
		}
		if held && !last.del {
			yield(last.key, last.val)
		}
	}
}
