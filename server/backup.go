package server

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"
)

// Snapshotter takes consistent snapshots of a database file while it is in
// use; *bolt.Store is one.
type Snapshotter interface {
	// Snapshot calls fn with the snapshot's size and a WriterTo that
	// writes exactly that many bytes; see bolt.Store.Snapshot.
	Snapshot(fn func(size int64, snap io.WriterTo) error) error
}

// backupHandler serves GET /admin/backup to admin tokens: a snapshot of the
// database file, with its length, so that a client can tell a complete
// download from a cut one. The file holds the API tokens' hashes, never
// their secrets.
func backupHandler(snap Snapshotter, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := requireAdmin(r.Context(), "a backup"); err != nil {
			refuse(w, err)
			return
		}
		// A large database takes longer to send than the server's write
		// timeout allows a GraphQL answer; the snapshot's size bounds it.
		if err := http.NewResponseController(w).SetWriteDeadline(time.Time{}); err != nil {
			log.WarnContext(r.Context(), "backup: cannot lift the write deadline", "err", err)
		}
		name := "quotedb-" + time.Now().UTC().Format("20060102T150405Z") + ".db"
		err := snap.Snapshot(func(size int64, s io.WriterTo) error {
			h := w.Header()
			h.Set("Content-Type", "application/octet-stream")
			h.Set("Content-Length", strconv.FormatInt(size, 10))
			h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
			h.Set("Cache-Control", "no-store")
			_, err := s.WriteTo(w)
			return err
		})
		if err != nil {
			// The status is sent; the short body tells the client.
			log.ErrorContext(r.Context(), "backup failed", "err", err)
		}
	})
}
