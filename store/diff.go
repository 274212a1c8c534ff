package store

import (
	"encoding/json"
	"slices"
)

// FieldDiff is one field that a change gave a new value: its JSON values
// before and after, nil where the field was absent.
type FieldDiff struct {
	Field         string
	Before, After json.RawMessage
}

// Diff returns the fields of the record whose stored values differ before
// and after the change, in order of field name; UpdatedAt, which every
// change sets, is left out. A creation lists every field set, a deletion
// every field the record had.
func (c *Change) Diff() ([]FieldDiff, error) {
	var before, after map[string]json.RawMessage
	if len(c.Before) > 0 {
		if err := json.Unmarshal(c.Before, &before); err != nil {
			return nil, err
		}
	}
	if len(c.After) > 0 {
		if err := json.Unmarshal(c.After, &after); err != nil {
			return nil, err
		}
	}
	var fields []string
	for f := range before {
		fields = append(fields, f)
	}
	for f := range after {
		if _, ok := before[f]; !ok {
			fields = append(fields, f)
		}
	}
	slices.Sort(fields)
	var out []FieldDiff
	for _, f := range fields {
		b, a := before[f], after[f]
		if f == "updatedAt" || string(b) == string(a) {
			continue
		}
		out = append(out, FieldDiff{Field: f, Before: b, After: a})
	}
	return out, nil
}
