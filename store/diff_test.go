package store_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/quotedb/quotedb/store"
)

func TestChangeDiff(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		want          string
	}{
		{"create", ``, `{"id":"x","name":"A","updatedAt":"t1"}`, `[id: <nil> -> "x" name: <nil> -> "A"]`},
		{"update", `{"id":"x","name":"A","aliases":["B"],"updatedAt":"t1"}`, `{"id":"x","name":"C","updatedAt":"t2"}`, `[aliases: ["B"] -> <nil> name: "A" -> "C"]`},
		{"delete", `{"id":"x","name":"A"}`, ``, `[id: "x" -> <nil> name: "A" -> <nil>]`},
		{"only updatedAt", `{"id":"x","updatedAt":"t1"}`, `{"id":"x","updatedAt":"t2"}`, `[]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := store.Change{Before: json.RawMessage(tc.before), After: json.RawMessage(tc.after)}
			diff, err := c.Diff()
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, d := range diff {
				parts = append(parts, fmt.Sprintf("%s: %s -> %s", d.Field, raw(d.Before), raw(d.After)))
			}
			if got := fmt.Sprint(parts); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	if _, err := (&store.Change{Before: json.RawMessage(`{`)}).Diff(); err == nil {
		t.Error("no error for a broken record")
	}
}

func raw(m json.RawMessage) string {
	if m == nil {
		return "<nil>"
	}
	return string(m)
}
