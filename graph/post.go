package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// post is the transport of queries and mutations sent with POST: gqlgen's
// POST transport but for how it writes a response. gqlgen encodes the
// response with json.Marshal, which re-validates and compacts the data,
// already JSON, byte by byte: a sixth of the CPU of a page of statements.
// writeResponse writes the same bytes from one pass over the data. The
// status and headers gqlgen's transport would set are not set: conform,
// which receives what a transport writes, decides both.
type post struct{}

var _ graphql.Transport = post{}

func (post) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" || r.Method != http.MethodPost {
		return false
	}
	media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && media == "application/json"
}

func (post) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	start := graphql.Now()
	body, ok := bodyOf(r)
	var err error
	if !ok {
		body, err = io.ReadAll(r.Body)
	}
	if err != nil {
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(params); err != nil {
		// conform has refused bodies that are not one JSON object.
		writeResponse(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("json request body could not be decoded: %+v", err)}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	op, opErr := exec.CreateOperationContext(ctx, params)
	if opErr != nil {
		writeResponse(w, exec.DispatchError(graphql.WithOperationContext(ctx, op), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, op)
	writeResponse(w, responses(ctx))
}

// writeResponse writes resp as json.Marshal encodes it, its data (JSON
// that gqlgen wrote) included as it is but for what json.Marshal changes
// in embedded JSON: whitespace between tokens is dropped, and <, >, &,
// U+2028 and U+2029 are escaped.
func writeResponse(w io.Writer, resp *graphql.Response) {
	if resp == nil {
		w.Write(null)
		return
	}
	b := make([]byte, 0, len(resp.Data)+len(resp.Data)/16+64)
	b = append(b, '{')
	if len(resp.Errors) > 0 {
		e, err := json.Marshal(resp.Errors)
		if err != nil {
			panic(err) // as gqlgen's transport does: errors always encode
		}
		b = append(b, `"errors":`...)
		b = append(b, e...)
		b = append(b, ',')
	}
	b = append(b, `"data":`...)
	if resp.Data == nil {
		b = append(b, null...)
	} else {
		b = appendEmbedded(b, resp.Data)
	}
	rest, err := json.Marshal(struct {
		Label      string         `json:"label,omitempty"`
		Path       any            `json:"path,omitempty"`
		HasNext    *bool          `json:"hasNext,omitempty"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Label, pathOrNil(resp), resp.HasNext, resp.Extensions})
	if err != nil {
		panic(err)
	}
	if len(rest) > 2 {
		b = append(b, ',')
		b = append(b, rest[1:len(rest)-1]...)
	}
	b = append(b, '}')
	w.Write(b)
}

// pathOrNil is resp.Path, or nil when empty, as omitempty leaves it out.
func pathOrNil(resp *graphql.Response) any {
	if len(resp.Path) == 0 {
		return nil
	}
	return resp.Path
}

// appendEmbedded appends the JSON value v to b as encoding/json embeds a
// json.RawMessage: without whitespace outside strings, and with <, >, &,
// U+2028 and U+2029 in strings escaped as \u003c and so on. Runs of bytes
// that stay as they are are copied whole.
func appendEmbedded(b, v []byte) []byte {
	const hex = "0123456789abcdef"
	inString := false
	for i := 0; i < len(v); {
		j := i
		if inString {
			for j < len(v) && !stringSpecial[v[j]] {
				j++
			}
		} else {
			for j < len(v) && !outsideSpecial[v[j]] {
				j++
			}
		}
		b = append(b, v[i:j]...)
		if j == len(v) {
			break
		}
		c := v[j]
		i = j + 1
		switch {
		case !inString && c == '"':
			inString = true
			b = append(b, c)
		case !inString: // whitespace between tokens
		case c == '"':
			inString = false
			b = append(b, c)
		case c == '\\':
			// An escape: it and the byte after it stay.
			b = append(b, v[j:min(j+2, len(v))]...)
			i = min(j+2, len(v))
		case c == '<' || c == '>' || c == '&':
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		case j+2 < len(v) && v[j+1] == 0x80 && v[j+2]&^1 == 0xa8: // U+2028, U+2029
			b = append(b, '\\', 'u', '2', '0', '2', hex[v[j+2]&0xf])
			i = j + 3
		default: // another character starting with 0xe2
			b = append(b, c)
		}
	}
	return b
}

// stringSpecial and outsideSpecial are the bytes appendEmbedded stops at,
// inside strings and between tokens.
var stringSpecial, outsideSpecial [256]bool

func init() {
	for _, c := range []byte{'"', '\\', '<', '>', '&', 0xe2} {
		stringSpecial[c] = true
	}
	for _, c := range []byte{'"', ' ', '\t', '\n', '\r'} {
		outsideSpecial[c] = true
	}
}
