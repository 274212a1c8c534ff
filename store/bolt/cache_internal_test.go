package bolt

import (
	"reflect"
	"slices"
	"testing"

	"github.com/quotedb/quotedb/store"
)

// TestCacheBudget checks that the cache stays within its budget as records
// are added, keeps the latest, and refuses a record too large to keep.
func TestCacheBudget(t *testing.T) {
	const budget = 64 * cacheEntryOverhead
	c := newCache(budget)
	key := func(i int) cacheKey { return cacheKey{id: [idLen]byte{byte(i >> 8), byte(i)}} }
	for i := range 1000 {
		c.add(key(i), &store.Speaker{}, 100, 1)
		if c.bytes > budget {
			t.Fatalf("after %d records: %d bytes kept, budget %d", i+1, c.bytes, budget)
		}
	}
	if _, ok := c.get(key(999), 1); !ok {
		t.Error("the record added last is not kept")
	}
	sum := 0
	for _, e := range c.entries {
		sum += e.size
	}
	if sum != c.bytes {
		t.Errorf("entries hold %d bytes, counted %d", sum, c.bytes)
	}
	c.add(key(5000), &store.Source{}, budget/8, 1)
	if _, ok := c.get(key(5000), 1); ok {
		t.Error("a record of an eighth of the budget was kept")
	}
	if newCache(-1) != nil {
		t.Error("a negative budget keeps records")
	}
}

// TestCloneRecordCoversEveryReference lists the fields of the cached
// record types that refer to memory a caller could change through its
// copy (slices, maps, pointers); cloneRecord copies these. A field added
// to one of these types fails the test until cloneRecord handles it.
func TestCloneRecordCoversEveryReference(t *testing.T) {
	cases := []struct {
		rec  any
		want []string
	}{
		{store.Speaker{}, []string{"Aliases", "QIDCandidates"}},
		{store.Organisation{}, []string{"Aliases"}},
		{store.Topic{}, []string{"Aliases"}},
		{store.Source{}, nil},
		{store.Affiliation{}, nil},
	}
	for _, c := range cases {
		typ := reflect.TypeOf(c.rec)
		var got []string
		for f := range typ.Fields() {
			switch f.Type.Kind() {
			case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
				got = append(got, f.Name)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s has reference fields %v; cloneRecord copies %v", typ.Name(), got, c.want)
		}
	}
	sp := &store.Speaker{Aliases: []string{"Ana"}, QIDCandidates: []string{"Q1"}}
	c := cloneRecord(sp)
	c.Aliases[0], c.QIDCandidates[0] = "changed", "Q2"
	if sp.Aliases[0] != "Ana" || sp.QIDCandidates[0] != "Q1" {
		t.Error("a copy shares its aliases or candidates with the kept record")
	}
}
