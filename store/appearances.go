package store

import (
	"cmp"
	"slices"
)

// DateAppearances dates a cluster of near duplicates and puts them in
// order of appearance, marking the first: each is dated by its source's
// published date, read with source, else by its date said; unknown dates
// come last, and equal dates go by when the statements were stored, then
// by id. found must hold at least the statement asked about.
func DateAppearances(found []Appearance, source func(id string) (*Source, error)) error {
	for i := range found {
		a := &found[i]
		if a.Statement.SourceID != "" {
			var err error
			if a.Source, err = source(a.Statement.SourceID); err != nil {
				return err
			}
			a.Date = a.Source.Published
		}
		if a.Date.IsZero() {
			a.Date = a.Statement.Said
		}
	}
	slices.SortFunc(found, func(a, b Appearance) int {
		if az, bz := a.Date.IsZero(), b.Date.IsZero(); az != bz {
			if az {
				return 1 // unknown dates last
			}
			return -1
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := a.Statement.CreatedAt.Compare(b.Statement.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.Statement.ID, b.Statement.ID)
	})
	found[0].First = true
	return nil
}
