package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"time"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// ContentSecurityPolicy lets pages load scripts, styles, fonts and data
// from the server's own origin only (images and fonts also as data: URLs,
// which GraphiQL's stylesheet uses), submit forms only to it, and be
// framed by nobody.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders sets the headers every response of quotedb carries: the
// Content-Security-Policy, a refusal to be framed (for browsers that know
// only X-Frame-Options), no sniffing of content types and no referrer
// sent to other sites.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

const (
	csrfCookie  = "quotedb_csrf"
	csrfField   = "csrf"
	tokenCookie = "quotedb_token"
)

// crossOrigin refuses requests that browsers mark as sent from another
// site (Sec-Fetch-Site) or whose Origin is not this server's.
var crossOrigin = http.NewCrossOriginProtection()

// csrfProtect guards a handler of a form that changes data twice over: the
// request must come from this origin (Sec-Fetch-Site, Origin), and carry
// in its form the token of its CSRF cookie, which only pages of this
// origin can read (double submit, the cookie SameSite=Strict).
func csrfProtect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := crossOrigin.Check(r); err != nil {
			http.Error(w, "refused: a cross-origin request may not change data", http.StatusForbidden)
			return
		}
		c, err := r.Cookie(csrfCookie)
		sent := r.PostFormValue(csrfField)
		if err != nil || len(c.Value) < 32 || subtle.ConstantTimeCompare([]byte(c.Value), []byte(sent)) != 1 {
			http.Error(w, "refused: the form's anti-forgery token is missing or stale; reload the page and send it again", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// csrfToken returns the request's CSRF cookie value, setting a new cookie
// when it has none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	v := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return v
}

type tokenKey struct{}

func tokenFrom(ctx context.Context) *store.Token {
	t, _ := ctx.Value(tokenKey{}).(*store.Token)
	return t
}

// identify reads the request's API token, from an Authorization header or
// the sign-in cookie; nil without one. A bad token is an error.
func (s *site) identify(r *http.Request) (*store.Token, error) {
	secret, err := auth.FromHeader(r.Header.Get("Authorization"))
	if err != nil {
		return nil, err
	}
	if secret == "" {
		if c, err := r.Cookie(tokenCookie); err == nil {
			secret = c.Value
		}
	}
	if secret == "" {
		return nil, nil
	}
	return auth.Authenticate(r.Context(), s.Store, secret)
}

// reader serves a page that reads: with the request's token, if any, in
// its context; refused with a sign-in page when reads need a token and
// there is none.
func (s *site) reader(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := s.identify(r)
		if err == nil && tok == nil && s.AuthReads {
			err = errs.E(errs.Unauthenticated, "this server requires an API token for reading: sign in with one")
		}
		if err != nil {
			if errs.KindOf(err) == errs.Unauthenticated {
				s.render(w, r, http.StatusUnauthorized, "signin", "Sign in", "signin", signinData{Next: r.URL.RequestURI(), Message: errs.Message(err)})
				return
			}
			s.fail(w, r, err)
			return
		}
		if tok != nil {
			r = r.WithContext(context.WithValue(auth.WithToken(r.Context(), tok), tokenKey{}, tok))
		}
		next(w, r)
	})
}

type signinData struct {
	Next, Message string
}

func (s *site) signinForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "signin", "Sign in", "signin", signinData{Next: safeNext(r.FormValue("next"))})
}

// signin checks a token and keeps it in an HttpOnly, SameSite=Strict
// cookie for a day, so that the pages can act with it.
func (s *site) signin(w http.ResponseWriter, r *http.Request) {
	secret := r.PostFormValue("token")
	next := safeNext(r.PostFormValue("next"))
	if _, err := auth.Authenticate(r.Context(), s.Store, secret); err != nil {
		s.render(w, r, errs.KindOf(err).HTTPStatus(), "signin", "Sign in", "signin", signinData{Next: next, Message: errs.Message(err)})
		return
	}
	setTokenCookie(w, r, secret)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func setTokenCookie(w http.ResponseWriter, r *http.Request, secret string) {
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: secret, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode,
		Secure: r.TLS != nil, Expires: time.Now().Add(24 * time.Hour)})
}

func (s *site) signout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// safeNext keeps a redirect on this site: a path, not another host.
func safeNext(next string) string {
	if len(next) < 1 || next[0] != '/' || len(next) > 1 && (next[1] == '/' || next[1] == '\\') {
		return "/"
	}
	return next
}
