package graph

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// TestWriteResponseIsJSONMarshal checks that writeResponse writes the bytes
// json.Marshal writes, which gqlgen's transport sent before.
func TestWriteResponseIsJSONMarshal(t *testing.T) {
	yes := true
	tests := []struct {
		name string
		resp *graphql.Response
	}{
		{"nil", nil},
		{"data", &graphql.Response{Data: json.RawMessage(`{"statements":{"nodes":[{"id":"a","text":"Rates <will> rise & fall","n":1.5e3}]}}`)}},
		{"no data", &graphql.Response{Errors: gqlerror.List{{Message: "bad <input>", Extensions: map[string]any{"code": "BAD_USER_INPUT"}}}}},
		{"data and errors", &graphql.Response{
			Errors: gqlerror.List{{Message: "not found", Path: ast.Path{ast.PathName("a"), ast.PathIndex(2)}, Locations: []gqlerror.Location{{Line: 1, Column: 3}}}},
			Data:   json.RawMessage(`{"a":null}`)}},
		{"every field", &graphql.Response{Data: json.RawMessage(`{}`), Label: "later", Path: ast.Path{ast.PathName("x")}, HasNext: &yes,
			Extensions: map[string]any{"b": 1, "a": "<&>"}}},
		{"whitespace and separators", &graphql.Response{Data: json.RawMessage("{ \"a\" :\n[1, 2,\t\"x y\\\"<\u2028\u2029\"] ,\r\"b\":\"\\u003c\"}")}},
		{"empty data", &graphql.Response{Data: json.RawMessage{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := json.Marshal(tt.resp)
			var got bytes.Buffer
			func() {
				defer func() {
					if r := recover(); r != nil && wantErr == nil {
						t.Fatalf("panic %v; json.Marshal gives %s", r, want)
					}
				}()
				writeResponse(&got, tt.resp)
			}()
			if wantErr == nil && !bytes.Equal(got.Bytes(), want) {
				t.Errorf("got  %s\nwant %s", got.Bytes(), want)
			}
		})
	}
}

// FuzzAppendEmbedded checks appendEmbedded against encoding/json on valid
// JSON values.
func FuzzAppendEmbedded(f *testing.F) {
	for _, s := range []string{`"a<b>&c"`, "[1, \"\u2028\", {\"k\" : \"\\\"\"}]", `{"x":"é\u00e9 \\u2029"}`, `null`, " 1 ", `"\\\\"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		want, err := json.Marshal(json.RawMessage(s))
		if err != nil {
			t.Fatal(err)
		}
		if got := appendEmbedded(nil, []byte(s)); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}
