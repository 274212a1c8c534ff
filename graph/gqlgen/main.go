// Command gqlgen generates the GraphQL executor (graph/generated.go), the
// models and the resolver stubs from gqlgen.yml, as `gqlgen generate` does,
// with one change to the executor: the fields of objects below the root
// types resolve in their parent's goroutine.
//
// gqlgen gives every field that has a resolver, or a method taking a
// context, a goroutine of its own, and offers no setting to say that a field
// does not need one. Here none does: the fields that read records of other
// types are batch resolvers, which resolve the field for a whole list in one
// call, so the goroutines of a list's other elements only wait for it; the
// rest compute from the record in hand or read the memory-mapped store,
// which is work on a core, not waiting. A goroutine per field cost a third of
// the CPU of a page of 20 statements (spawning, growing stacks, waking). The
// fields of Query still run concurrently with each other, and Mutation's
// fields run in order, as gqlgen has them.
package main

import (
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

func main() {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
	if err := api.Generate(cfg, api.AddPlugin(inline{})); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(3)
	}
}

// inline is a gqlgen plugin that turns off per-field concurrency in every
// object that is not a root operation type. It runs after gqlgen has built
// its model of the executor and before it writes it.
type inline struct{}

func (inline) Name() string { return "inline" }

func (inline) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		if !o.Root {
			o.DisableConcurrency = true
		}
	}
	return nil
}
