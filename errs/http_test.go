package errs

import (
	"net/http"
	"testing"
)

func TestHTTPStatusRoundTrip(t *testing.T) {
	for k := Internal; k <= Unavailable; k++ {
		if got := KindOfHTTPStatus(k.HTTPStatus()); got != k {
			t.Errorf("%s: status %d maps back to %s", k, k.HTTPStatus(), got)
		}
		if got := KindOfCode(k.Code()); got != k {
			t.Errorf("%s: code maps back to %s", k, got)
		}
	}
	tests := []struct {
		code string
		want Kind
	}{
		{"GRAPHQL_PARSE_FAILED", Invalid},
		{"GRAPHQL_VALIDATION_FAILED", Invalid},
		{"SOMETHING_ELSE", Internal},
	}
	for _, tt := range tests {
		if got := KindOfCode(tt.code); got != tt.want {
			t.Errorf("KindOfCode(%q) = %s, want %s", tt.code, got, tt.want)
		}
	}
	if got := KindOfHTTPStatus(http.StatusTeapot); got != Internal {
		t.Errorf("unknown status maps to %s", got)
	}
}
