package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
)

// Media types of GraphQL over HTTP.
const (
	mediaJSON     = "application/json"
	mediaResponse = "application/graphql-response+json"
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

// httpTransport serves GraphQL over HTTP as its specification asks: POST
// with an application/json body and GET for queries, answered in
// application/graphql-response+json or application/json as the Accept header
// prefers (graphql-response+json when there is none). Request errors have no
// data entry; with graphql-response+json they are 4xx, with application/json
// 200 when the request was well formed. Batches (JSON arrays) are refused:
// one operation per request keeps the limits per request.
type httpTransport struct {
	// observe, when set, is told of every response.
	observe func(*http.Request, ResponseInfo)
	// timeout is the request time limit, for the error that reports it.
	timeout time.Duration
}

var _ graphql.Transport = httpTransport{}

// Supports takes every request but WebSocket upgrades, so that unsupported
// methods and media types get the spec's status codes rather than gqlgen's.
func (httpTransport) Supports(r *http.Request) bool { return r.Header.Get("Upgrade") == "" }

// requestError is a refusal before execution: the status for each
// response media type, and the error.
type requestError struct {
	status int // for graphql-response+json; and for application/json unless wellFormed
	// wellFormed says the request was a well-formed GraphQL-over-HTTP request
	// (the refusal is a GraphQL request error): application/json answers 200.
	wellFormed bool
	errs       gqlerror.List
}

func badRequest(status int, kind errs.Kind, format string, args ...any) *requestError {
	e := gqlerror.Errorf(format, args...)
	e.Extensions = map[string]any{"code": kind.Code()}
	return &requestError{status: status, errs: gqlerror.List{e}}
}

func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := time.Now()
	info := ResponseInfo{}
	defer func() {
		if t.observe != nil {
			info.Duration = time.Since(start)
			t.observe(r, info)
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
		info.Status = http.StatusNotAcceptable
		write(w, &info, mediaJSON, info.Status, &wireResponse{Errors: badRequest(0, errs.Invalid,
			"none of the media types in Accept is served; accept %s or %s", mediaResponse, mediaJSON).errs})
		return
	}
	ctx := r.Context()
	params, reqErr := readParams(r)
	if reqErr != nil && reqErr.status == http.StatusMethodNotAllowed {
		h.Set("Allow", "GET, POST, OPTIONS")
	}
	var opCtx *graphql.OperationContext
	if reqErr == nil {
		params.Headers = r.Header
		var opErrs gqlerror.List
		opCtx, opErrs = exec.CreateOperationContext(ctx, params)
		if opCtx != nil && opCtx.Operation != nil {
			info.OperationName = opCtx.Operation.Name
			info.OperationType = string(opCtx.Operation.Operation)
		}
		switch {
		case len(opErrs) > 0:
			resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), opErrs)
			reqErr = &requestError{status: http.StatusBadRequest, wellFormed: true, errs: resp.Errors}
			if mutationByGET(r, opCtx) {
				reqErr.status, reqErr.wellFormed = http.StatusMethodNotAllowed, false
			}
		case mutationByGET(r, opCtx):
			reqErr = badRequest(http.StatusMethodNotAllowed, errs.Invalid, "mutations must be sent with POST, not GET")
		}
		if reqErr != nil && reqErr.status == http.StatusMethodNotAllowed {
			h.Set("Allow", "POST")
		}
	}
	if reqErr != nil {
		status := reqErr.status
		if media == mediaJSON && reqErr.wellFormed {
			status = http.StatusOK
		}
		write(w, &info, media, status, &wireResponse{Errors: reqErr.errs})
		return
	}
	handle, ctx := exec.DispatchOperation(ctx, opCtx)
	resp := handle(ctx)
	if resp == nil {
		// The request ran out of time, or was cancelled, before execution.
		e := badRequest(http.StatusServiceUnavailable, errs.Unavailable, "request cancelled")
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			e = badRequest(http.StatusServiceUnavailable, errs.TooLarge, "%s", errs.Message(timeoutError(t.timeout)))
		}
		status := e.status
		if media == mediaJSON {
			status = http.StatusOK
		}
		write(w, &info, media, status, &wireResponse{Errors: e.errs})
		return
	}
	data := resp.Data
	if data == nil {
		data = json.RawMessage("null")
	}
	write(w, &info, media, http.StatusOK, &wireResponse{Errors: resp.Errors, Data: data, Extensions: resp.Extensions})
}

// mutationByGET reports whether r asks, by GET, to run a mutation.
func mutationByGET(r *http.Request, opCtx *graphql.OperationContext) bool {
	return r.Method == http.MethodGet && opCtx != nil && opCtx.Operation != nil && opCtx.Operation.Operation == ast.Mutation
}

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
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

// negotiate picks the response media type from Accept headers: the
// acceptable type of highest quality, the earlier on a tie. No Accept header
// means graphql-response+json; ok is false when nothing listed is served.
func negotiate(accept []string) (media string, ok bool) {
	if len(accept) == 0 {
		return mediaResponse, true
	}
	best, bestQ := "", 0.0
	for _, header := range accept {
		for _, item := range strings.Split(header, ",") {
			typ, params, err := mime.ParseMediaType(strings.TrimSpace(item))
			if err != nil {
				continue
			}
			q := 1.0
			if v, ok := params["q"]; ok {
				if q, err = strconv.ParseFloat(v, 64); err != nil {
					continue
				}
			}
			if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
				continue
			}
			var m string
			switch typ {
			case mediaResponse, "application/*", "*/*":
				m = mediaResponse
			case mediaJSON:
				m = mediaJSON
			default:
				continue
			}
			if q > bestQ {
				best, bestQ = m, q
			}
		}
	}
	return best, best != ""
}

// rawRequest is the JSON encoding of a GraphQL-over-HTTP request, with each
// parameter kept raw so that its type can be checked.
type rawRequest struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// readParams reads the request parameters of a GET or POST request.
func readParams(r *http.Request) (*graphql.RawParams, *requestError) {
	switch r.Method {
	case http.MethodGet:
		return getParams(r)
	case http.MethodPost:
		return postParams(r)
	}
	e := badRequest(http.StatusMethodNotAllowed, errs.Invalid, "method %s is not allowed; use POST, or GET for queries", r.Method)
	return nil, e
}

func getParams(r *http.Request) (*graphql.RawParams, *requestError) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "malformed query string: %v", err)
	}
	raw := rawRequest{}
	for _, p := range []struct {
		name string
		dst  *json.RawMessage
		json bool
	}{{"query", &raw.Query, false}, {"operationName", &raw.OperationName, false}, {"variables", &raw.Variables, true}, {"extensions", &raw.Extensions, true}} {
		vs, ok := q[p.name]
		if !ok {
			continue
		}
		if len(vs) > 1 {
			return nil, badRequest(http.StatusBadRequest, errs.Invalid, "parameter %s is given more than once", p.name)
		}
		v := vs[0]
		if !utf8.ValidString(v) {
			return nil, badRequest(http.StatusBadRequest, errs.Invalid, "parameter %s is not valid UTF-8", p.name)
		}
		switch {
		case p.json:
			*p.dst = json.RawMessage(v)
		case p.name == "operationName" && v == "":
			// The empty string is the same as leaving it out.
		default:
			b, _ := json.Marshal(v)
			*p.dst = b
		}
	}
	return decodeParams(raw)
}

func postParams(r *http.Request) (*graphql.RawParams, *requestError) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil, badRequest(http.StatusUnsupportedMediaType, errs.Invalid, "Content-Type is missing; send the request as %s", mediaJSON)
	}
	typ, params, err := mime.ParseMediaType(ct)
	if err != nil || typ != mediaJSON {
		return nil, badRequest(http.StatusUnsupportedMediaType, errs.Invalid, "Content-Type %q is not supported; send the request as %s", ct, mediaJSON)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return nil, badRequest(http.StatusUnsupportedMediaType, errs.Invalid, "charset %q is not supported; send UTF-8", cs)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
			return nil, badRequest(http.StatusRequestEntityTooLarge, errs.TooLarge, "request body exceeds the limit of %d bytes", tooLarge.Limit)
		}
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "cannot read the request body")
	}
	if !utf8.Valid(body) {
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "request body is not valid UTF-8")
	}
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "batched requests are not supported; send one operation per request")
	}
	var raw rawRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&raw); err != nil || dec.More() {
		// The decoder's message quotes none of the body.
		msg := "request body is not a JSON object"
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			msg += " (syntax error at byte " + strconv.FormatInt(syn.Offset, 10) + ")"
		}
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "%s", msg)
	}
	return decodeParams(raw)
}

// decodeParams checks each parameter's type; null is the same as absent.
func decodeParams(raw rawRequest) (*graphql.RawParams, *requestError) {
	var p graphql.RawParams
	isNull := func(m json.RawMessage) bool { return len(m) == 0 || string(m) == "null" }
	if isNull(raw.Query) {
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "the query parameter is missing")
	}
	if json.Unmarshal(raw.Query, &p.Query) != nil {
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "the query parameter must be a string")
	}
	if !isNull(raw.OperationName) && json.Unmarshal(raw.OperationName, &p.OperationName) != nil {
		return nil, badRequest(http.StatusBadRequest, errs.Invalid, "operationName must be a string")
	}
	for _, m := range []struct {
		name string
		raw  json.RawMessage
		dst  *map[string]any
	}{{"variables", raw.Variables, &p.Variables}, {"extensions", raw.Extensions, &p.Extensions}} {
		if isNull(m.raw) {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(m.raw))
		dec.UseNumber()
		if dec.Decode(m.dst) != nil || dec.More() || *m.dst == nil {
			return nil, badRequest(http.StatusBadRequest, errs.Invalid, "%s must be a JSON object", m.name)
		}
	}
	return &p, nil
}
