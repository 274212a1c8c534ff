package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store/bolt"
)

func ExampleIndex_SearchStatements() {
	dir, _ := os.MkdirTemp("", "quotedb-example")
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "quotedb.db")
	st, _ := bolt.Open(db, nil)
	defer st.Close()
	demo.Load(context.Background(), st)

	ix := search.Open(st, search.DirFor(db), search.Options{})
	defer ix.Close()
	ix.WaitCurrent(context.Background())

	res, err := ix.SearchStatements(context.Background(), search.StatementQuery{Query: `"Russian peacekeepers" ceasefire`, Highlights: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range res.Hits {
		fmt.Println(h.Highlights[0].HTML())
	}
	// Output:
	// the war would put the <mark>ceasefire</mark> arrangements in Karabakh under strain, since <mark>Russian</mark> <mark>peacekeepers</mark> are deployed there
}
