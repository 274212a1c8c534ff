package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
)

// Media types of GraphQL over HTTP.
const (
	mediaJSON     = "application/json"
	mediaResponse = "application/graphql-response+json"
)

// requestError is a refusal before execution: the status for each
// response media type, and the error.
type requestError struct {
	status int // for graphql-response+json; and for application/json unless wellFormed
	// wellFormed says the request was a well-formed GraphQL-over-HTTP request
	// (the refusal is a GraphQL request error): application/json answers 200.
	wellFormed bool
	errs       gqlerror.List
}

// statusFor is the status of the refusal in the given response media type.
func (e *requestError) statusFor(media string) int {
	if media == mediaJSON && e.wellFormed {
		return http.StatusOK
	}
	return e.status
}

func badRequest(status int, kind errs.Kind, format string, args ...any) *requestError {
	e := gqlerror.Errorf(format, args...)
	e.Extensions = map[string]any{"code": kind.Code()}
	return &requestError{status: status, errs: gqlerror.List{e}}
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
		for item := range strings.SplitSeq(header, ",") {
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

// checkRequest refuses what gqlgen's GET and POST transports would take
// wrongly: other methods, bodies of other types, batches, malformed
// parameters. It reads a POST body whole (within the server's body limit)
// and leaves it to be read again.
func checkRequest(r *http.Request) *requestError {
	switch r.Method {
	case http.MethodGet:
		return checkGET(r)
	case http.MethodPost:
		return checkPOST(r)
	}
	return badRequest(http.StatusMethodNotAllowed, errs.Invalid, "method %s is not allowed; use POST, or GET for queries", r.Method)
}

// rawRequest is the JSON encoding of a GraphQL-over-HTTP request, with each
// parameter kept as the kind of JSON value it is, so that its type can be
// checked without a copy of what may be megabytes of variables; the
// extensions, which are small, are kept whole.
type rawRequest struct {
	Query         jsonKind        `json:"query"`
	OperationName jsonKind        `json:"operationName"`
	Variables     jsonKind        `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// jsonKind is the first byte of a JSON value ('"' for a string, '{' for
// an object, 'n' for null), or 0 when the value is absent.
type jsonKind byte

// UnmarshalJSON keeps the first byte of the value, which the decoder has
// already checked to be valid JSON.
func (k *jsonKind) UnmarshalJSON(b []byte) error {
	*k = jsonKind(b[0])
	return nil
}

// kindOf returns the kind of the JSON text s.
func kindOf(s []byte) jsonKind {
	if s = bytes.TrimSpace(s); len(s) == 0 {
		return 0
	}
	return jsonKind(s[0])
}

// requestBody is a request body read whole, which the POST transport
// reads again without a copy.
type requestBody struct {
	*bytes.Reader
	b []byte
}

func (requestBody) Close() error { return nil }

// bodyOf returns the bytes of a body that checkPOST read whole, or false.
func bodyOf(r *http.Request) ([]byte, bool) {
	b, ok := r.Body.(requestBody)
	return b.b, ok
}

func checkGET(r *http.Request) *requestError {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return badRequest(http.StatusBadRequest, errs.Invalid, "malformed query string: %v", err)
	}
	raw := rawRequest{}
	for _, p := range []struct {
		name string
		kind *jsonKind        // the kind of the value, for a parameter checked by kind
		keep *json.RawMessage // the value itself, for the extensions
		json bool
	}{{"query", &raw.Query, nil, false}, {"operationName", &raw.OperationName, nil, false}, {"variables", &raw.Variables, nil, true}, {"extensions", nil, &raw.Extensions, true}} {
		vs, ok := q[p.name]
		if !ok {
			continue
		}
		if len(vs) > 1 {
			return badRequest(http.StatusBadRequest, errs.Invalid, "parameter %s is given more than once", p.name)
		}
		v := vs[0]
		if !utf8.ValidString(v) {
			return badRequest(http.StatusBadRequest, errs.Invalid, "parameter %s is not valid UTF-8", p.name)
		}
		switch {
		case p.json:
			if !json.Valid([]byte(v)) {
				return badRequest(http.StatusBadRequest, errs.Invalid, "%s must be a JSON object", p.name)
			}
			if p.keep != nil {
				*p.keep = json.RawMessage(v)
			} else {
				*p.kind = kindOf([]byte(v))
			}
		case v == "":
			// The empty string is the same as leaving it out.
		default:
			*p.kind = '"' // a plain parameter's value is a string
		}
	}
	return checkParams(raw)
}

func checkPOST(r *http.Request) *requestError {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return badRequest(http.StatusUnsupportedMediaType, errs.Invalid, "Content-Type is missing; send the request as %s", mediaJSON)
	}
	typ, params, err := mime.ParseMediaType(ct)
	if err != nil || typ != mediaJSON {
		return badRequest(http.StatusUnsupportedMediaType, errs.Invalid, "Content-Type %q is not supported; send the request as %s", ct, mediaJSON)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return badRequest(http.StatusUnsupportedMediaType, errs.Invalid, "charset %q is not supported; send UTF-8", cs)
	}
	// (read into a buffer of the declared length: growing one by doubling
	// copies a body of megabytes several times)
	buf := bytes.NewBuffer(make([]byte, 0, max(r.ContentLength, 0)+bytes.MinRead))
	_, err = buf.ReadFrom(r.Body)
	if err != nil {
		if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
			return badRequest(http.StatusRequestEntityTooLarge, errs.TooLarge, "request body exceeds the limit of %d bytes", tooLarge.Limit)
		}
		return badRequest(http.StatusBadRequest, errs.Invalid, "cannot read the request body")
	}
	body := buf.Bytes()
	r.Body = requestBody{bytes.NewReader(body), body}
	if !utf8.Valid(body) {
		return badRequest(http.StatusBadRequest, errs.Invalid, "request body is not valid UTF-8")
	}
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		return badRequest(http.StatusBadRequest, errs.Invalid, "batched requests are not supported; send one operation per request")
	}
	var raw rawRequest
	if err := json.Unmarshal(body, &raw); err != nil {
		// The decoder's message quotes none of the body.
		msg := "request body is not a JSON object"
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			msg += " (syntax error at byte " + strconv.FormatInt(syn.Offset, 10) + ")"
		}
		return badRequest(http.StatusBadRequest, errs.Invalid, "%s", msg)
	}
	return checkParams(raw)
}

// checkParams checks each parameter's type, as gqlgen's transports will
// decode it; null is the same as absent. The query may be left out when
// extensions.persistedQuery names a persisted one.
func checkParams(raw rawRequest) *requestError {
	isNull := func(k jsonKind) bool { return k == 0 || k == 'n' }
	if !isNull(raw.Query) && raw.Query != '"' {
		return badRequest(http.StatusBadRequest, errs.Invalid, "the query parameter must be a string")
	}
	if !isNull(raw.OperationName) && raw.OperationName != '"' {
		return badRequest(http.StatusBadRequest, errs.Invalid, "operationName must be a string")
	}
	// The body decoded as valid JSON already: variables, which may be
	// megabytes, need only be an object, and are decoded once, by gqlgen.
	if !isNull(raw.Variables) && raw.Variables != '{' {
		return badRequest(http.StatusBadRequest, errs.Invalid, "variables must be a JSON object")
	}
	var ext map[string]any
	if len(raw.Extensions) > 0 && string(raw.Extensions) != "null" {
		dec := json.NewDecoder(bytes.NewReader(raw.Extensions))
		dec.UseNumber()
		if dec.Decode(&ext) != nil || dec.More() || ext == nil {
			return badRequest(http.StatusBadRequest, errs.Invalid, "extensions must be a JSON object")
		}
	}
	if isNull(raw.Query) && ext["persistedQuery"] == nil {
		return badRequest(http.StatusBadRequest, errs.Invalid, "the query parameter is missing")
	}
	return nil
}
