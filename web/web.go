// Package web serves quotedb's pages for people: search, who said what,
// speakers, organisations, topics, statements, quote verification, ingest
// and downloads, rendered on the server with html/template so that they
// work without JavaScript, and GraphiQL with its scripts in the binary.
//
// Handlers are thin: they read the request, call the store, the search
// index, package service, verify or ingest (as the GraphQL resolvers do),
// and render. Every page's state is in its URL's query, so any page can be
// shared by its address.
package web

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/service"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/verify"
	"github.com/quotedb/quotedb/web/graphiql"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Config is what the pages show and how.
type Config struct {
	Store store.Store
	// Search is the full-text index; without it searches fall back to the
	// store, facets are left out and verification is unavailable.
	Search *search.Index
	Log    *slog.Logger
	// AuthReads makes every page need a valid API token, from the sign-in
	// cookie or an Authorization header, as the API then does.
	AuthReads bool
	// MaxDocumentBytes bounds a document to ingest; 0 means the ingest
	// package's default.
	MaxDocumentBytes int
}

type site struct {
	Config
	svc   *service.Service
	ver   *verify.Verifier
	pages map[string]*template.Template
}

// New returns the handler of the pages:
//
//	/                      search, with facets; /export.csv and /export.jsonl download it
//	/who                   who said what: organisation, topic and period, by speaker
//	/speakers/{id}         a speaker
//	/organisations/{id}    an organisation, its members at a date and what they said
//	/topics/{id}           a topic, its subtopics and statements
//	/statements/{id}       a statement in its source, with its cross-references
//	/verify                verify a quote
//	/ingest                ingest a document, with an editor token
//	/signin                keep an API token in a cookie for these pages
//	/graphiql              GraphiQL, for the GraphQL API at /graphql
//	/assets/…              the pages' CSS and script
func New(cfg Config) http.Handler {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	s := &site{Config: cfg, svc: &service.Service{Store: cfg.Store}, pages: parsePages()}
	if cfg.Search != nil {
		s.ver = &verify.Verifier{Store: cfg.Store, Index: cfg.Search}
	}
	mux := http.NewServeMux()
	read := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.reader(h)) }
	read("GET /{$}", s.searchPage)
	read("GET /export.csv", s.exportCSV)
	read("GET /export.jsonl", s.exportJSONL)
	read("GET /who", s.whoPage)
	read("GET /speakers/{id}", s.speakerPage)
	read("GET /organisations/{id}", s.organisationPage)
	read("GET /topics/{id}", s.topicPage)
	read("GET /statements/{id}", s.statementPage)
	read("GET /verify", s.verifyPage)
	mux.HandleFunc("GET /ingest", s.ingestForm)
	// A document travels base64-encoded on confirmation: a third more.
	bodyLimit := int64(s.maxDocBytes())*3/2 + 1<<20
	mux.Handle("POST /ingest", limitBody(bodyLimit, csrfProtect(http.HandlerFunc(s.ingestPreview))))
	mux.Handle("POST /ingest/confirm", limitBody(bodyLimit, csrfProtect(http.HandlerFunc(s.ingestConfirm))))
	mux.HandleFunc("GET /signin", s.signinForm)
	mux.Handle("POST /signin", csrfProtect(http.HandlerFunc(s.signin)))
	mux.Handle("POST /signout", csrfProtect(http.HandlerFunc(s.signout)))
	sub, err := fs.Sub(assetFS, "assets")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	mux.Handle("GET /assets/", cacheAssets(http.StripPrefix("/assets/", http.FileServerFS(sub))))
	mux.Handle("GET /graphiql", s.reader(graphiql.Page))
	mux.Handle("GET /graphiql/assets/", cacheAssets(http.StripPrefix("/graphiql/assets/", graphiql.Assets())))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.fail(w, r, errs.E(errs.NotFound, "there is no page at %s", r.URL.Path))
	})
	return mux
}

// cacheAssets lets browsers keep the embedded files for a day: they change
// only with the binary.
func cacheAssets(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		next.ServeHTTP(w, r)
	})
}

func parsePages() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" || strings.HasPrefix(base, "_") {
			continue
		}
		partials, _ := fs.Glob(templateFS, "templates/_*.html")
		files := append([]string{"templates/layout.html", n}, partials...)
		pages[base] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, files...))
	}
	return pages
}

// page is what every page's template receives.
type page struct {
	Title string
	// Nav names the menu entry of the page, for aria-current.
	Nav string
	// CSRF is the token forms that change data carry (see csrf.go).
	CSRF string
	// SignedIn names the token of the sign-in cookie, if any.
	SignedIn string
	Data     any
}

// render writes a page, buffered so that a template error becomes an error
// page rather than half a page.
func (s *site) render(w http.ResponseWriter, r *http.Request, status int, name, title, nav string, data any) {
	p := page{Title: title, Nav: nav, Data: data, CSRF: csrfToken(w, r)}
	if tok := tokenFrom(r.Context()); tok != nil {
		p.SignedIn = tok.Name
	}
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, p); err != nil {
		s.Log.ErrorContext(r.Context(), "rendering page", "page", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail renders an error page with the status of the error's kind and its
// code, as the API reports it in extensions.code.
func (s *site) fail(w http.ResponseWriter, r *http.Request, err error) {
	kind := errs.KindOf(err)
	if kind == errs.Internal {
		s.Log.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, kind.HTTPStatus(), "error", "Error", "", struct{ Code, Message string }{kind.Code(), errs.Message(err)})
}

// view runs fn in a read transaction of the store.
func (s *site) view(ctx context.Context, fn func(store.Tx) error) error {
	return s.Store.View(ctx, fn)
}
