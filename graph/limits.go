package graph

import (
	"context"
	"encoding/json"
	"math"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/store"
)

// Limits bound the work one request may ask for. A zero field takes its
// default; every limit refuses with extensions.code LIMIT_EXCEEDED and a
// message naming the limit, before anything is executed (except the time
// limit, which stops a request that runs too long).
type Limits struct {
	// MaxDepth bounds how deeply fields nest in an operation.
	MaxDepth int
	// MaxComplexity bounds an operation's estimated cost: each field costs 1
	// plus its selections, and a list field's selections count once per item
	// it may return (first or last, the page size by default; the number
	// of ids for nodes). Aliases repeat fields and so add up.
	MaxComplexity int
	// MaxTokens bounds the length of a query document in lexical tokens, so
	// that parsing a huge document stops early.
	MaxTokens int
	// MaxPageSize bounds first and last; at most store.MaxPageSize.
	MaxPageSize int
	// Timeout bounds the time a request may run.
	Timeout time.Duration
	// MaxDocumentBytes bounds the text of a document sent to be ingested
	// or previewed.
	MaxDocumentBytes int
	// MaxSubscriberLag is how many changes a subscription may fall behind
	// the head of the change log before it is ended (SLOW_CONSUMER).
	MaxSubscriberLag int
}

// The default limits admit GraphiQL's schema introspection and a full page
// of statements with their speakers, topics and sources.
const (
	DefaultMaxDepth         = 15
	DefaultMaxComplexity    = 150_000
	DefaultMaxTokens        = 10_000
	DefaultMaxPageSize      = store.MaxPageSize
	DefaultTimeout          = 30 * time.Second
	DefaultMaxDocumentBytes = ingest.DefaultMaxBytes
	DefaultMaxSubscriberLag = 10_000
)

// withDefaults returns l with every zero field set to its default.
func (l Limits) withDefaults() Limits {
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.MaxDepth, DefaultMaxDepth)
	set(&l.MaxComplexity, DefaultMaxComplexity)
	set(&l.MaxTokens, DefaultMaxTokens)
	set(&l.MaxPageSize, DefaultMaxPageSize)
	set(&l.MaxDocumentBytes, DefaultMaxDocumentBytes)
	set(&l.MaxSubscriberLag, DefaultMaxSubscriberLag)
	l.MaxPageSize = min(l.MaxPageSize, store.MaxPageSize)
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	return l
}

// limitError is a request error for a limit that was exceeded.
func limitError(format string, args ...any) *gqlerror.Error {
	e := gqlerror.Errorf(format, args...)
	e.Extensions = map[string]any{"code": errs.TooLarge.Code()}
	return e
}

// operationLimits refuses operations nested deeper than maxDepth or costlier
// than maxComplexity. It runs after validation, before execution.
type operationLimits struct {
	schema        *ast.Schema
	maxDepth      int
	maxComplexity int
	maxPageSize   int
	// perItem[type.field] is the estimated item count of an introspection
	// list field, from the schema itself.
	perItem map[string]int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*operationLimits)(nil)

func (*operationLimits) ExtensionName() string { return "OperationLimits" }

func (l *operationLimits) Validate(es graphql.ExecutableSchema) error {
	l.schema = es.Schema()
	l.perItem = introspectionListSizes(l.schema)
	return nil
}

func (l *operationLimits) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if d := depth(op.Operation.SelectionSet, 0, l.maxDepth); d > l.maxDepth {
		return limitError("query is nested more than %d levels deep, the depth limit", l.maxDepth)
	}
	c := l.complexity(op.Operation.SelectionSet, op.Variables)
	if c.page > l.maxPageSize {
		return limitError("page size %d exceeds the limit of %d; page through with after or before", c.page, l.maxPageSize)
	}
	if c.ids > l.maxPageSize {
		return limitError("%d ids exceed the limit of %d per request", c.ids, l.maxPageSize)
	}
	if c.cost > l.maxComplexity {
		return limitError("query complexity %d exceeds the limit of %d; ask for smaller pages (first, last) or fewer fields", c.cost, l.maxComplexity)
	}
	return nil
}

// depth returns the nesting depth of set below level, stopping early once it
// passes max. Fragments add no depth of their own; validation has refused
// fragment cycles already.
func depth(set ast.SelectionSet, level, limit int) int {
	deepest := level
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = level + 1
			} else if level+1 > limit {
				return level + 1
			} else {
				d = depth(s.SelectionSet, level+1, limit)
			}
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, level, limit)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = depth(s.Definition.SelectionSet, level, limit)
			}
		}
		deepest = max(deepest, d)
		if deepest > limit {
			return deepest
		}
	}
	return deepest
}

// cost is the estimated cost of a selection set, with the largest page
// size (first or last) and id count (nodes) it asks for.
type cost struct{ cost, page, ids int }

// complexity returns the estimated cost of set, saturating rather than
// overflowing. Introspection is counted like any other query, so that
// nesting types in fields in types cannot multiply work unchecked.
func (l *operationLimits) complexity(set ast.SelectionSet, vars map[string]any) cost {
	var total cost
	for _, sel := range set {
		var c cost
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) > 0 {
				c = l.complexity(s.SelectionSet, vars)
			}
			n := l.items(s, vars, &c)
			c.cost = addSat(1, mulSat(n, c.cost))
		case *ast.InlineFragment:
			c = l.complexity(s.SelectionSet, vars)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				c = l.complexity(s.Definition.SelectionSet, vars)
			}
		}
		total = cost{addSat(total.cost, c.cost), max(total.page, c.page), max(total.ids, c.ids)}
	}
	return total
}

// items is how many times a field's selections may be resolved: the page
// size of a connection, the number of ids asked of nodes, the size of an
// introspection list, or 1. It notes page sizes and id counts in c.
func (l *operationLimits) items(f *ast.Field, vars map[string]any, c *cost) int {
	if f.Definition == nil || f.ObjectDefinition == nil {
		return 1
	}
	if n, ok := l.perItem[f.ObjectDefinition.Name+"."+f.Name]; ok {
		return n
	}
	defs := f.Definition.Arguments
	if defs.ForName("first") == nil && defs.ForName("last") == nil && defs.ForName("ids") == nil {
		return 1
	}
	args := f.ArgumentMap(vars)
	if ids, ok := args["ids"].([]any); ok {
		c.ids = max(c.ids, len(ids))
		return max(len(ids), 1)
	}
	n := max(intArg(args["first"]), intArg(args["last"]))
	if n <= 0 {
		n = store.DefaultPageSize
	}
	c.page = max(c.page, n)
	return n
}

// intArg reads an Int argument as parsed from a literal or a variable; a
// value out of range counts as the largest int.
func intArg(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		if n > math.MaxInt32 {
			return math.MaxInt32
		}
		return int(n)
	case json.Number:
		i, err := n.Int64()
		if err != nil {
			return math.MaxInt32
		}
		return intArg(i)
	case float64:
		return intArg(int64(min(n, math.MaxInt32)))
	}
	return 0
}

// introspectionListSizes estimates the item count of each introspection
// list field from the schema: its types other than scalars, and the
// average number of fields, arguments, enum values and so on per type that
// has them.
func introspectionListSizes(s *ast.Schema) map[string]int {
	var fields, fieldTypes, args, argFields, enums, enumTypes, inputs, inputTypes, ifaces, ifaceTypes int
	for _, t := range s.Types {
		switch t.Kind {
		case ast.Object, ast.Interface:
			fieldTypes++
			fields += len(t.Fields)
			for _, f := range t.Fields {
				if len(f.Arguments) > 0 {
					argFields++
					args += len(f.Arguments)
				}
			}
			if len(t.Interfaces) > 0 {
				ifaceTypes++
				ifaces += len(t.Interfaces)
			}
		case ast.Enum:
			enumTypes++
			enums += len(t.EnumValues)
		case ast.InputObject:
			inputTypes++
			inputs += len(t.Fields)
		}
	}
	avg := func(n, d int) int {
		if d == 0 {
			return 1
		}
		return max((n+d-1)/d, 1)
	}
	possible := 0
	for _, t := range s.Types {
		if t.Kind == ast.Interface || t.Kind == ast.Union {
			possible = max(possible, len(s.GetPossibleTypes(t)))
		}
	}
	// A scalar has none of the lists a query of types asks each type for:
	// it adds one short item, not a type's worth of lists, so the types
	// counted are the others (which also makes room for a scalar or two
	// more than the built-in ones).
	lists := 0
	for _, t := range s.Types {
		if t.Kind != ast.Scalar {
			lists++
		}
	}
	return map[string]int{
		"__Schema.types":       max(lists, 1),
		"__Schema.directives":  max(len(s.Directives), 1),
		"__Type.fields":        avg(fields, fieldTypes),
		"__Type.interfaces":    avg(ifaces, ifaceTypes),
		"__Type.possibleTypes": max(possible, 1),
		"__Type.enumValues":    avg(enums, enumTypes),
		"__Type.inputFields":   avg(inputs, inputTypes),
		"__Field.args":         avg(args, argFields),
		"__Directive.args":     2,
	}
}

func addSat(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func mulSat(a, b int) int {
	if a != 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}

// timeoutError is the error of a field cut short by the request time limit.
func timeoutError(limit time.Duration) error {
	return errs.E(errs.TooLarge, "request exceeded the time limit of %s", limit)
}
