package store_test

import (
	"testing"

	"github.com/quotedb/quotedb/store"
)

func TestRoleAllows(t *testing.T) {
	tests := []struct {
		role, need store.Role
		want       bool
	}{
		{store.Editor, store.Editor, true},
		{store.Editor, store.Admin, false},
		{store.Admin, store.Editor, true},
		{store.Admin, store.Admin, true},
		{"", store.Editor, false},
		{"owner", store.Editor, false},
	}
	for _, tc := range tests {
		if got := tc.role.Allows(tc.need); got != tc.want {
			t.Errorf("%q.Allows(%q) = %v, want %v", tc.role, tc.need, got, tc.want)
		}
	}
}
