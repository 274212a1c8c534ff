package extract_test

import (
	"fmt"

	"github.com/quotedb/quotedb/extract"
)

func Example() {
	res, err := extract.Extract(extract.Document{
		Text: "Economist Lea Brandt argued that rents will keep rising. " +
			"“Nobody is building,” Brandt said.",
	})
	if err != nil {
		panic(err)
	}
	for _, q := range res.Quotes {
		fmt.Printf("%s | %s | %s | %s | %s\n", q.Kind, q.Speaker, q.Role, q.Cue, q.Text)
	}
	// Output:
	// indirect | Lea Brandt | economist | argued | rents will keep rising
	// direct | Lea Brandt | economist | said | “Nobody is building,”
}
