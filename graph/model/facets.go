package model

import "github.com/quotedb/quotedb/store"

// FacetScope is what the facets of a statement list count: the statements
// matching a search query (blank for a plain list) and a filter.
type FacetScope struct {
	Query  string
	Filter store.StatementFilter
}
