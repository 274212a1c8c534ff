package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/dump"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// RecordsTrailer is the HTTP trailer of GET /admin/export that gives the
// number of records sent. It comes only after the last record, so that a
// client can tell a complete export from one cut short.
const RecordsTrailer = "Quotedb-Records"

// exportHandler serves GET /admin/export to admin tokens: every record as
// JSON Lines, as `quotedb export` writes them, read in one transaction. It
// lets the command export the database of a running server, which holds
// the file.
func exportHandler(s store.Store, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := requireAdmin(r.Context(), "exporting the database"); err != nil {
			refuse(w, err)
			return
		}
		// A large export takes longer than the server's write timeout
		// allows a GraphQL answer; the client may cancel it.
		if err := http.NewResponseController(w).SetWriteDeadline(time.Time{}); err != nil {
			log.WarnContext(r.Context(), "export: cannot lift the write deadline", "err", err)
		}
		h := w.Header()
		h.Set("Content-Type", "application/jsonl; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("Trailer", RecordsTrailer)
		cw := &countWriter{w: w}
		n, err := dump.Export(r.Context(), s, cw)
		if err != nil {
			log.ErrorContext(r.Context(), "export failed", "err", err)
			if cw.n == 0 {
				h.Del("Trailer")
				refuse(w, err)
			}
			// Sent already: the missing trailer tells the client.
			return
		}
		h.Set(RecordsTrailer, strconv.Itoa(n))
	})
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// requireAdmin checks that the request of ctx has an admin token. Its
// message for a request without one says that an admin token is needed
// (what the admin routes are for), even on a server whose reads are open.
func requireAdmin(ctx context.Context, what string) error {
	if auth.TokenFrom(ctx) == nil {
		return errs.E(errs.Unauthenticated, "%s needs an admin API token, even where reads are open: send Authorization: Bearer TOKEN", what)
	}
	return auth.Require(ctx, store.Admin)
}
