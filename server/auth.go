package server

import (
	"net/http"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// authenticate reads the request's API token (Authorization: Bearer
// TOKEN) and puts it in the request's context for the checks downstream
// (the @hasRole directive, the admin routes) and as the actor of its
// writes. A malformed, unknown or revoked token is refused with 401 before
// anything else runs; so is a request without one when tokenRequired.
// Without a token and not tokenRequired, the request goes on anonymous:
// it may read, and every mutation will refuse it.
func authenticate(s store.Store, tokenRequired bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, err := auth.FromHeader(r.Header.Get("Authorization"))
		if err == nil && secret == "" && tokenRequired {
			err = errs.E(errs.Unauthenticated, "this server requires an API token for every request: send Authorization: Bearer TOKEN")
		}
		if err != nil {
			refuse(w, err)
			return
		}
		if secret == "" {
			next.ServeHTTP(w, r)
			return
		}
		tok, err := auth.Authenticate(r.Context(), s, secret)
		if err != nil {
			refuse(w, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(auth.WithToken(r.Context(), tok)))
	})
}

// refuse answers a request refused for err before it ran: 401 with a
// Bearer challenge for a missing or bad token, 403 for a weak role, 503
// when the database cannot be read.
func refuse(w http.ResponseWriter, err error) {
	kind := errs.KindOf(err)
	status := http.StatusInternalServerError
	switch kind {
	case errs.Unauthenticated:
		w.Header().Set("WWW-Authenticate", `Bearer realm="quotedb"`)
		status = http.StatusUnauthorized
	case errs.Forbidden:
		status = http.StatusForbidden
	case errs.Unavailable:
		status = http.StatusServiceUnavailable
	}
	writeError(w, status, kind, "%s", errs.Message(err))
}
