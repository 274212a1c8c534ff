package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/store"
)

// TestEveryMutationDeclaresItsRole walks the schema's mutations: a
// mutation without @hasRole would be open to anyone, so adding one means
// deciding who may call it.
func TestEveryMutationDeclaresItsRole(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	if schema.Mutation == nil || len(schema.Mutation.Fields) == 0 {
		t.Fatal("the schema has no mutations")
	}
	for _, f := range schema.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		d := f.Directives.ForName("hasRole")
		if d == nil {
			t.Errorf("mutation %s has no @hasRole", f.Name)
			continue
		}
		role := d.Arguments.ForName("role")
		if role == nil || !model.Role(role.Value.Raw).IsValid() {
			t.Errorf("mutation %s: @hasRole without a valid role", f.Name)
		}
		if strings.HasPrefix(f.Name, "delete") || strings.HasPrefix(f.Name, "merge") {
			if role.Value.Raw != string(model.RoleAdmin) {
				t.Errorf("mutation %s deletes or merges but needs only %s", f.Name, role.Value.Raw)
			}
		}
	}
	// hasRole maps the schema's roles to the store's by lower case.
	for _, r := range model.AllRole {
		if !slices.Contains(store.Roles, storeRole(r)) {
			t.Errorf("GraphQL role %s has no store role", r)
		}
	}
}

// TestEveryRecordTypeHasAGraphQLName: a change to a record of a type the
// RecordType enum lacks could not be shown in any history.
func TestEveryRecordTypeHasAGraphQLName(t *testing.T) {
	for _, typ := range store.RecordTypes {
		if rt := recordType(typ); !rt.IsValid() {
			t.Errorf("record type %s has no RecordType value (%s)", typ, rt)
		}
	}
}
