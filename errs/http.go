package errs

import (
	"net/http"
	"strings"
)

// httpStatuses pairs each kind with the HTTP status of a request refused
// for it; kinds not listed are 500.
var httpStatuses = map[Kind]int{
	Invalid:         http.StatusBadRequest,
	NotFound:        http.StatusNotFound,
	Conflict:        http.StatusConflict,
	Unauthenticated: http.StatusUnauthorized,
	Forbidden:       http.StatusForbidden,
	TooLarge:        http.StatusRequestEntityTooLarge,
	Unavailable:     http.StatusServiceUnavailable,
}

// HTTPStatus returns the HTTP status for a request refused with an error of
// kind k.
func (k Kind) HTTPStatus() int {
	if s, ok := httpStatuses[k]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// KindOfHTTPStatus is the inverse of Kind.HTTPStatus, for clients: the kind
// of a refusal with the given status, or Internal.
func KindOfHTTPStatus(status int) Kind {
	for k, s := range httpStatuses {
		if s == status {
			return k
		}
	}
	return Internal
}

// KindOfCode is the inverse of Kind.Code, for clients: the kind of a GraphQL
// error's extensions.code. The parse and validation codes of the GraphQL
// server (GRAPHQL_*) are Invalid; unknown codes are Internal.
func KindOfCode(code string) Kind {
	for k := Internal; k <= Unavailable; k++ {
		if k.Code() == code {
			return k
		}
	}
	if strings.HasPrefix(code, "GRAPHQL_") {
		return Invalid
	}
	return Internal
}
