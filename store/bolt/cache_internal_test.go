package bolt

import (
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
