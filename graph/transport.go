package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
)

// ResponseInfo describes one answered GraphQL request, for metrics and logs.
type ResponseInfo struct {
	// OperationName is the operation's name; empty for anonymous operations
	// and for requests refused before their operation was known.
	OperationName string
	// OperationType is query, mutation or subscription; empty when refused
	// before the operation was known.
	OperationType string
	Status        int
	Duration      time.Duration
	// ErrorCodes are the extensions.code of each error in the response.
	ErrorCodes []string
}

// conform serves GraphQL over HTTP through gqlgen's POST and GET transports
// (next), adding what the GraphQL-over-HTTP specification asks of a server
// and they do not do:
//
//   - the response type is negotiated from Accept, with its quality values
//     (406 when nothing listed is served), and named with its charset;
//   - a POST body must be application/json in UTF-8 (415 otherwise), one
//     JSON object (batches, JSON arrays, are refused: one operation per
//     request keeps the limits per request) whose parameters have their
//     types; errors about the body never quote it;
//   - a request error (nothing executed) has no data entry, and its status
//     follows the response type: 4xx with graphql-response+json, 200 with
//     application/json for well-formed requests;
//   - GET may not run mutations (405 with Allow: POST), and other methods
//     are 405 with Allow;
//   - a request that ran out of time before it produced anything says so.
//
// It also reports every response to observe, for metrics.
type conform struct {
	next    http.Handler
	observe func(*http.Request, ResponseInfo)
	// timeout is the request time limit, for the error that reports it.
	timeout time.Duration
}

func (c conform) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	info := ResponseInfo{}
	defer func() {
		if c.observe != nil {
			info.Duration = time.Since(start)
			c.observe(r, info)
		}
	}()
	h := w.Header()
	h.Add("Vary", "Accept")
	if r.Method == http.MethodOptions {
		h.Set("Allow", "GET, POST, OPTIONS")
		info.Status = http.StatusNoContent
		w.WriteHeader(info.Status)
		return
	}
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		// No acceptable type to say it in: answer in JSON all the same,
		// which clients that asked for anything else need not read.
		e := badRequest(http.StatusNotAcceptable, errs.Invalid, "none of the media types in Accept is served; accept %s or %s", mediaResponse, mediaJSON)
		write(w, &info, mediaJSON, e.status, &wireResponse{Errors: e.errs})
		return
	}
	if e := checkRequest(r); e != nil {
		if e.status == http.StatusMethodNotAllowed {
			h.Set("Allow", "GET, POST, OPTIONS")
		}
		write(w, &info, media, e.statusFor(media), &wireResponse{Errors: e.errs})
		return
	}
	// gqlgen answers in the one type left in Accept.
	r.Header = r.Header.Clone()
	r.Header.Set("Accept", media)
	x := &exchange{}
	buf := &bufferedWriter{header: http.Header{}}
	c.next.ServeHTTP(buf, r.WithContext(context.WithValue(r.Context(), exchangeKey{}, x)))
	c.finish(w, r, &info, media, x, buf.body.Bytes())
}

// finish writes gqlgen's answer to r, in body, as the specification asks.
func (c conform) finish(w http.ResponseWriter, r *http.Request, info *ResponseInfo, media string, x *exchange, body []byte) {
	var op *ast.OperationDefinition
	if x.op != nil {
		op = x.op.Operation
	}
	if op != nil {
		info.OperationName, info.OperationType = op.Name, string(op.Operation)
	}
	body = bytes.TrimSpace(body)
	if x.executed {
		if len(body) == 0 || string(body) == "null" {
			// The request ran out of time, or was cancelled, before
			// execution produced anything.
			e := badRequest(http.StatusServiceUnavailable, errs.Unavailable, "request cancelled")
			if errors.Is(r.Context().Err(), context.DeadlineExceeded) {
				e = badRequest(http.StatusServiceUnavailable, errs.TooLarge, "%s", errs.Message(timeoutError(c.timeout)))
			}
			e.wellFormed = true
			write(w, info, media, e.statusFor(media), &wireResponse{Errors: e.errs})
			return
		}
		writeExecuted(w, info, media, body)
		return
	}
	if r.Method == http.MethodGet && op != nil && op.Operation == ast.Mutation {
		e := badRequest(http.StatusMethodNotAllowed, errs.Invalid, "mutations must be sent with POST, not GET")
		w.Header().Set("Allow", "POST")
		write(w, info, media, e.status, &wireResponse{Errors: e.errs})
		return
	}
	var resp wireResponse
	if err := json.Unmarshal(body, &resp); err != nil || len(resp.Errors) == 0 {
		// gqlgen refused the request without a GraphQL error to say why.
		e := badRequest(http.StatusInternalServerError, errs.Internal, "internal error")
		write(w, info, mediaJSON, e.status, &wireResponse{Errors: e.errs})
		return
	}
	e := &requestError{status: http.StatusBadRequest, wellFormed: true, errs: resp.Errors}
	for _, err := range resp.Errors {
		if err.Extensions["code"] == nil {
			setCode(err, errs.Invalid.Code())
		}
		if err.Extensions["code"] == codePersistedQueryNotFound {
			e.status = http.StatusNotFound
			// The client sends the document next; no cache may keep this
			// answer for the hash.
			w.Header().Set("Cache-Control", "private, no-cache, must-revalidate")
		}
	}
	write(w, info, media, e.statusFor(media), &wireResponse{Errors: e.errs, Extensions: resp.Extensions})
}

// writeExecuted writes the response of an executed operation as gqlgen
// encoded it, noting its error codes.
func writeExecuted(w http.ResponseWriter, info *ResponseInfo, media string, body []byte) {
	var resp struct {
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	// gqlgen encodes errors first, so a response without them need not be
	// read through. A response that gqlgen encoded is JSON; were it not,
	// only the metrics would miss its error codes.
	if bytes.HasPrefix(body, []byte(`{"errors":`)) {
		_ = json.Unmarshal(body, &resp)
	}
	for _, e := range resp.Errors {
		info.ErrorCodes = append(info.ErrorCodes, e.Extensions.Code)
	}
	info.Status = http.StatusOK
	writeBody(w, media, info.Status, body)
}

// exchange follows one request through gqlgen, for conform to tell a
// request error from a response and to name the operation.
type exchange struct {
	// op is the operation's context, once gqlgen has one; its Operation is
	// set once the document is parsed.
	op *graphql.OperationContext
	// executed says the operation was dispatched for execution.
	executed bool
}

type exchangeKey struct{}

// observer is the gqlgen extension that fills in the exchange of a request
// that conform passed on; it does nothing for other requests (subscriptions
// over WebSocket and Server-Sent Events).
type observer struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
	graphql.OperationInterceptor
} = observer{}

func (observer) ExtensionName() string                   { return "ResponseObserver" }
func (observer) Validate(graphql.ExecutableSchema) error { return nil }

func (observer) MutateOperationParameters(ctx context.Context, _ *graphql.RawParams) *gqlerror.Error {
	if x, ok := ctx.Value(exchangeKey{}).(*exchange); ok {
		x.op = graphql.GetOperationContext(ctx)
	}
	return nil
}

// MutateOperationContext refuses subscriptions sent as plain requests,
// which would wait for their first event and end there.
func (observer) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if _, ok := ctx.Value(exchangeKey{}).(*exchange); ok && op.Operation.Operation == ast.Subscription {
		return codedError(errs.Invalid.Code(), "subscriptions are served over WebSocket (graphql-transport-ws or graphql-ws) and Server-Sent Events (POST with Accept: text/event-stream), not as plain requests")
	}
	return nil
}

func (observer) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if x, ok := ctx.Value(exchangeKey{}).(*exchange); ok {
		x.executed = true
	}
	return next(ctx)
}

// bufferedWriter keeps what gqlgen writes, for conform to rewrite.
type bufferedWriter struct {
	header http.Header
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header         { return b.header }
func (b *bufferedWriter) Write(p []byte) (int, error) { return b.body.Write(p) }

// WriteHeader drops gqlgen's status: conform decides the status from what
// happened to the request.
func (b *bufferedWriter) WriteHeader(int) {}

// wireResponse is a GraphQL response as sent: without data when the request
// was refused before execution.
type wireResponse struct {
	Errors     gqlerror.List   `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

func write(w http.ResponseWriter, info *ResponseInfo, media string, status int, resp *wireResponse) {
	info.Status = status
	for _, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		info.ErrorCodes = append(info.ErrorCodes, code)
	}
	b, err := json.Marshal(resp)
	if err != nil {
		status = http.StatusInternalServerError
		info.Status = status
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	writeBody(w, media, status, b)
}

func writeBody(w http.ResponseWriter, media string, status int, body []byte) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	// The client may be gone; there is no one left to tell.
	_, _ = w.Write(body)
}
