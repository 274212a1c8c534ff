package pg_test

import (
	"testing"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/pg/pgtest"
	"github.com/quotedb/quotedb/store/storetest"
)

func TestConformance(t *testing.T) {
	pgtest.URL(t)
	storetest.Run(t, func(t *testing.T) store.Store { return pgtest.Open(t) })
}
