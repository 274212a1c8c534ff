package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// NewHandler returns the GraphQL endpoint over s: POST with a JSON body, and
// GET for queries. Errors carry extensions.code from their errs.Kind;
// internal errors and panics reach the client only as "internal error" and
// are logged to log.
func NewHandler(s store.Store, log *slog.Logger, opts ...Option) http.Handler {
	r := &Resolver{Store: s}
	for _, o := range opts {
		o(r)
	}
	srv := handler.New(NewExecutableSchema(Config{Resolvers: r}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return presentError(ctx, err, log)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return errs.E(errs.Internal, "panic: %v", p)
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv.ServeHTTP(w, r.WithContext(withLoaders(r.Context(), s)))
	})
}

// Option configures the root resolver of NewHandler.
type Option func(*Resolver)

// WithSearch serves the full-text searches and quote verification from ix.
func WithSearch(ix *search.Index) Option {
	return func(r *Resolver) { r.Search = ix }
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
	if _, ok := gqlErr.Extensions["code"]; ok {
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

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}
