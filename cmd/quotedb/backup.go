package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/internal/progress"
	"github.com/quotedb/quotedb/store/bolt"
)

const backupHelp = `Writes a consistent snapshot of the database to FILE, atomically: FILE appears
complete and checked, or not at all.

It works while the server runs. When the database file is free, backup reads it
directly. When a running server holds it, backup downloads the snapshot from the
server's GET /admin/backup, which needs an admin token (--token, env QUOTEDB_TOKEN).
--server forces the download.`

func backupCmd(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	fs := newFlagSetArgs("backup", "FILE", backupHelp, stderr)
	db := dbFlag(fs)
	srv := remoteFlags(fs)
	prog := progressFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("backup takes one FILE to write")
	}
	out := fs.Arg(0)
	if same(out, *db) {
		return usageError("the backup %q is the database itself", out)
	}
	s, err := srv.open(*db, false, "back it up")
	if err != nil {
		return err
	}
	source := *db
	var write func(io.Writer) (int64, error)
	if s != nil {
		defer s.Close()
		write = s.Backup
	} else {
		source = *srv.url + "/admin/backup"
		write = func(w io.Writer) (int64, error) { return download(ctx, source, *srv.token, w) }
	}
	var size int64
	if fi, err := os.Stat(*db); err == nil && s != nil {
		size = fi.Size() // a snapshot is at most the file's size
	}
	meter := prog.start(stderr, "backup", "bytes", size)
	n, err := writeChecked(out, func(w io.Writer) (int64, error) { return write(progress.ByteWriter(w, meter)) })
	meter.Stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote a snapshot of %s to %s (%d bytes, checked)\n", source, out, n)
	return nil
}

// download streams the snapshot at url to w and returns its length, failing
// when the server refuses or the body ends before its Content-Length.
func download(ctx context.Context, url, token string, w io.Writer) (int64, error) {
	res, err := adminGet(ctx, url, token, "backup")
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	n, err := io.Copy(w, res.Body)
	if err == nil && res.ContentLength >= 0 && n != res.ContentLength {
		err = fmt.Errorf("snapshot cut short: %d of %d bytes", n, res.ContentLength)
	}
	if err != nil {
		return n, errs.Wrap(errs.Unavailable, err, "downloading the snapshot")
	}
	return n, nil
}

// adminGet sends GET url with an admin token and returns the response when
// it is 200 OK; otherwise an error with the server's message, of the kind
// its status means. what names the request in that message.
func adminGet(ctx context.Context, url, token, what string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, usageError("--server: %v", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, errs.Wrap(errs.Unavailable, err, "reaching the server")
	}
	if res.StatusCode == http.StatusOK {
		return res, nil
	}
	defer res.Body.Close()
	var body struct {
		Errors []struct{ Message string } `json:"errors"`
	}
	msg := res.Status
	if json.NewDecoder(io.LimitReader(res.Body, 1<<16)).Decode(&body) == nil && len(body.Errors) > 0 {
		msg += ": " + body.Errors[0].Message
	}
	return nil, errs.E(errs.KindOfHTTPStatus(res.StatusCode), "the server refused the %s: %s", what, msg)
}

// writeChecked writes a database file to path through write, atomically
// (see writeAtomic), checking it (store.Check) before it is renamed.
func writeChecked(path string, write func(io.Writer) (int64, error)) (n int64, err error) {
	err = writeAtomic(path, func(w io.Writer) (err error) { n, err = write(w); return err }, checkFile)
	return n, err
}

// writeAtomic writes a file to path through write, atomically: into a
// temporary file beside path, synced to disk, passed to verify (when not
// nil), and only then renamed to path. On any failure path is left as it
// was.
func writeAtomic(path string, write func(io.Writer) error, verify func(tmp string) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if verify != nil {
		if err = verify(tmp.Name()); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// checkFile opens a database file and runs its consistency check.
func checkFile(path string) error {
	s, err := bolt.Open(path, &bolt.Options{LockTimeout: lockWait})
	if err != nil {
		return errs.Wrap(errs.KindOf(err), err, "the snapshot is not a usable database")
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		return errs.Wrap(errs.Internal, err, "the snapshot fails its check")
	}
	return s.Close()
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// same reports whether two paths name the same existing file.
func same(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
