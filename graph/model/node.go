// Package model holds the GraphQL types that have no store counterpart:
// inputs, connections and edges are generated into models_gen.go.
package model

// Node is any record. The store's record types are bound to the GraphQL
// interfaces Node and Named directly, so the interfaces ask nothing of them.
type Node interface{}

// Named is a speaker, organisation or topic.
type Named interface{}
