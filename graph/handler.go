package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// HandlerConfig is what the GraphQL endpoint serves and how.
type HandlerConfig struct {
	Store store.Store
	// Search is the full-text index behind the searches and quote
	// verification; nil serves them as UNAVAILABLE.
	Search *search.Index
	// Log receives internal errors and panics; nil discards them.
	Log *slog.Logger
	// Limits bound each request; zero fields take their defaults.
	Limits Limits
	// Observe, when set, is told of every response to a query or mutation
	// over HTTP, after it is written.
	Observe func(*http.Request, ResponseInfo)
	// Trusted, when set, is the only documents the endpoint runs (see
	// ReadManifest); other documents are refused with PERSISTED_QUERY_ONLY.
	// Without it, clients may persist any document by its hash (automatic
	// persisted queries).
	Trusted *Manifest
}

// NewHandler returns the GraphQL endpoint: GraphQL over HTTP (POST, and GET
// for queries; see conform), subscriptions over WebSocket and Server-Sent
// Events, and persisted queries, within cfg.Limits. Errors carry
// extensions.code from their errs.Kind; internal errors and panics reach the
// client only as "internal error" and are logged.
func NewHandler(cfg HandlerConfig) http.Handler {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	limits := cfg.Limits.withDefaults()
	log, s := cfg.Log, cfg.Store
	resolver := &Resolver{Store: s, Search: cfg.Search, MaxDocumentBytes: limits.MaxDocumentBytes, MaxSubscriberLag: limits.MaxSubscriberLag}
	srv := handler.New(NewExecutableSchema(Config{
		Resolvers:  resolver,
		Directives: DirectiveRoot{HasRole: hasRole},
	}))
	// Subscriptions: gqlgen's WebSocket (graphql-transport-ws and
	// graphql-ws) and Server-Sent Events transports; queries and mutations:
	// POST (post, gqlgen's but for a cheaper encoding of the response) and
	// gqlgen's GET transport, behind conform.
	srv.AddTransport(transport.Websocket{KeepAlivePingInterval: 15 * time.Second, InitFunc: websocketAuth(s)})
	srv.AddTransport(transport.SSE{KeepAlivePingInterval: 15 * time.Second})
	srv.AddTransport(post{})
	srv.AddTransport(transport.GET{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(limits.MaxTokens)
	srv.Use(observer{})
	if cfg.Trusted != nil {
		srv.Use(trustedDocuments{cfg.Trusted})
		srv.Use(fastPath{m: cfg.Trusted, r: resolver})
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: newAPQCache()})
	}
	srv.Use(extension.Introspection{})
	srv.Use(&operationLimits{maxDepth: limits.MaxDepth, maxComplexity: limits.MaxComplexity, maxPageSize: limits.MaxPageSize})
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		if errors.Is(err, context.DeadlineExceeded) {
			err = timeoutError(limits.Timeout)
		}
		return presentError(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return errs.E(errs.Internal, "panic: %v", p)
	})
	queries := conform{next: srv, observe: cfg.Observe, timeout: limits.Timeout}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A subscription lasts as long as its client stays; the time
		// limit is for requests that answer once.
		if isWebSocket(r) || isEventStream(r) {
			clearDeadlines(w)
		}
		switch {
		case isWebSocket(r):
			srv.ServeHTTP(w, r.WithContext(withLoaders(withWebSocket(r.Context()), s)))
			return
		case isEventStream(r):
			srv.ServeHTTP(w, r.WithContext(withLoaders(r.Context(), s)))
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), limits.Timeout)
		defer cancel()
		queries.ServeHTTP(w, r.WithContext(withLoaders(ctx, s)))
	})
}

// clearDeadlines lifts the server's read and write deadlines from a
// subscription's connection, which stays open for as long as its client.
func clearDeadlines(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	// Writers without deadlines (in tests, say) have none to lift.
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
}

func isWebSocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// isEventStream reports whether r asks for a Server-Sent Events stream, as
// gqlgen's SSE transport takes it.
func isEventStream(r *http.Request) bool {
	return r.Method == http.MethodPost && strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// websocketAuth takes a token from a WebSocket connection's init payload
// ({"Authorization": "Bearer TOKEN"}), for browsers, which cannot set
// headers on a WebSocket; a token sent as a header was checked before the
// upgrade.
func websocketAuth(s store.Store) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		secret, err := auth.FromHeader(payload.Authorization())
		if err != nil || secret == "" {
			return ctx, nil, err
		}
		tok, err := auth.Authenticate(ctx, s, secret)
		if err != nil {
			return ctx, nil, err
		}
		return auth.WithToken(ctx, tok), nil, nil
	}
}

// presentError gives every error an extensions.code: the code of its
// errs.Kind, or the code gqlgen set for parse and validation errors. Any
// other error is internal: logged, and shown only as "internal error".
func presentError(ctx context.Context, err error, log *slog.Logger) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var e *errs.Error
	if errors.As(err, &e) {
		kind := errs.KindOf(err)
		if kind == errs.Internal {
			log.ErrorContext(ctx, "internal error", "err", err, "path", gqlErr.Path.String())
		}
		gqlErr.Message = errs.Message(err)
		setCode(gqlErr, kind.Code())
		return gqlErr
	}
	if code, ok := gqlErr.Extensions["code"]; ok {
		if code == errcode.ParseFailed && parserLimit(gqlErr.Message) {
			setCode(gqlErr, errs.TooLarge.Code())
		}
		return gqlErr
	}
	if gqlErr.Err != nil {
		// A Go error from a resolver or the runtime that no layer classified.
		log.ErrorContext(ctx, "unclassified error", "err", err, "path", gqlErr.Path.String())
		gqlErr.Message = errs.Message(err)
		setCode(gqlErr, errs.Internal.Code())
		return gqlErr
	}
	// gqlgen's own errors about the request (argument coercion and the like).
	setCode(gqlErr, errs.Invalid.Code())
	return gqlErr
}

// parserLimit reports whether a parse error is the parser refusing a
// document past its token limit or nesting depth; the parser says so only
// in words.
func parserLimit(msg string) bool {
	return strings.HasPrefix(msg, "exceeded token limit of ") || strings.HasPrefix(msg, "exceeded maximum nesting depth of ")
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// hasRole implements @hasRole, the one check between a mutation and its
// resolver: the request's token (put in its context by the HTTP layer, see
// auth.WithToken) must have the role the schema gives the field.
func hasRole(ctx context.Context, _ any, next graphql.Resolver, role model.Role) (any, error) {
	if err := auth.Require(ctx, storeRole(role)); err != nil {
		return nil, err
	}
	return next(ctx)
}

// storeRole is the store's name of a GraphQL role.
func storeRole(r model.Role) store.Role { return store.Role(strings.ToLower(string(r))) }
