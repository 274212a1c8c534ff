package gen_test

import (
	"context"
	"fmt"

	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
)

func ExampleGenerate() {
	counts := map[store.RecordType]int{}
	_ = gen.Generate(context.Background(), gen.Config{Statements: 1000, Seed: 1}, func(r store.Record) error {
		counts[r.Type]++
		return nil
	})
	fmt.Println(counts[store.StatementType], "statements,", counts[store.SourceType], "sources,", counts[store.SpeakerType], "speakers")
	// Output: 1000 statements, 125 sources, 25 speakers
}
