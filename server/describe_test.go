package server_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The schema is the frontend's documentation: GraphiQL and code generators
// show each description beside the field it belongs to. These tests read the
// schema as a client does, by introspection over HTTP, so that a type, field,
// argument, input field or enum value added without a description fails CI.

const introspectionQuery = `{
  __schema {
    types {
      name kind description
      fields(includeDeprecated: true) {
        name description isDeprecated deprecationReason
        args(includeDeprecated: true) { name description }
      }
      inputFields(includeDeprecated: true) { name description }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
    }
    directives { name description args(includeDeprecated: true) { name description } }
  }
}`

type introspected struct {
	Schema struct {
		Types      []introType `json:"types"`
		Directives []struct {
			Name        string       `json:"name"`
			Description string       `json:"description"`
			Args        []introValue `json:"args"`
		} `json:"directives"`
	} `json:"__schema"`
}

type introType struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Description string `json:"description"`
	Fields      []struct {
		introValue
		IsDeprecated      bool         `json:"isDeprecated"`
		DeprecationReason string       `json:"deprecationReason"`
		Args              []introValue `json:"args"`
	} `json:"fields"`
	InputFields []introValue `json:"inputFields"`
	EnumValues  []struct {
		introValue
		IsDeprecated      bool   `json:"isDeprecated"`
		DeprecationReason string `json:"deprecationReason"`
	} `json:"enumValues"`
}

type introValue struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// descriptionCount counts the schema elements of one sort, and those of
// them that have a description.
type descriptionCount struct{ total, described int }

func (c *descriptionCount) add(desc string) bool {
	c.total++
	if strings.TrimSpace(desc) != "" {
		c.described++
		return true
	}
	return false
}

// descriptionAudit is what undescribed finds.
type descriptionAudit struct {
	missing                                      []string
	types, fields, args, inputFields, enumValues descriptionCount
}

// undescribed lists, as Type, Type.field, Type.field(arg), Type.inputField,
// Type.VALUE or @directive(arg), every element of the schema without a
// description, and every deprecation without a reason. Introspection's own
// __ types are the GraphQL specification's, not ours, and are left out.
func undescribed(s introspected) descriptionAudit {
	var a descriptionAudit
	miss := func(ok bool, format string, args ...any) {
		if !ok {
			a.missing = append(a.missing, fmt.Sprintf(format, args...))
		}
	}
	for _, t := range s.Schema.Types {
		if strings.HasPrefix(t.Name, "__") {
			continue
		}
		miss(a.types.add(t.Description), "%s", t.Name)
		for _, f := range t.Fields {
			miss(a.fields.add(f.Description), "%s.%s", t.Name, f.Name)
			miss(!f.IsDeprecated || strings.TrimSpace(f.DeprecationReason) != "", "%s.%s: deprecated without a reason", t.Name, f.Name)
			for _, arg := range f.Args {
				miss(a.args.add(arg.Description), "%s.%s(%s)", t.Name, f.Name, arg.Name)
			}
		}
		for _, f := range t.InputFields {
			miss(a.inputFields.add(f.Description), "%s.%s", t.Name, f.Name)
		}
		for _, v := range t.EnumValues {
			miss(a.enumValues.add(v.Description), "%s.%s", t.Name, v.Name)
			miss(!v.IsDeprecated || strings.TrimSpace(v.DeprecationReason) != "", "%s.%s: deprecated without a reason", t.Name, v.Name)
		}
	}
	for _, d := range s.Schema.Directives {
		miss(strings.TrimSpace(d.Description) != "", "@%s", d.Name)
		for _, arg := range d.Args {
			miss(a.args.add(arg.Description), "@%s(%s)", d.Name, arg.Name)
		}
	}
	slices.Sort(a.missing)
	return a
}

func TestSchemaIsDescribed(t *testing.T) {
	f := newServer(t)
	var s introspected
	f.client("").Query(&s, introspectionQuery, nil)
	if len(s.Schema.Types) == 0 {
		t.Fatal("introspection returned no types")
	}
	a := undescribed(s)
	for _, c := range []struct {
		what string
		n    descriptionCount
	}{{"types", a.types}, {"fields", a.fields}, {"arguments", a.args}, {"input fields", a.inputFields}, {"enum values", a.enumValues}} {
		t.Logf("%s described: %d of %d", c.what, c.n.described, c.n.total)
	}
	if len(a.missing) > 0 {
		t.Errorf("%d schema elements have no description (or a deprecation without a reason); say what each means to a frontend developer:\n%s",
			len(a.missing), strings.Join(a.missing, "\n"))
	}
}

// TestUndescribed checks the audit itself on small hand-made schemas, so that
// TestSchemaIsDescribed cannot pass by overlooking a sort of element.
func TestUndescribed(t *testing.T) {
	const described = `{"__schema":{"types":[
	  {"name":"Q","description":"d","fields":[{"name":"f","description":"d","args":[{"name":"a","description":"d"}]}]},
	  {"name":"I","description":"d","inputFields":[{"name":"x","description":"d"}]},
	  {"name":"E","description":"d","enumValues":[{"name":"V","description":"d","isDeprecated":true,"deprecationReason":"Use W."}]},
	  {"name":"__Type","fields":[{"name":"name"}]}],
	  "directives":[{"name":"auth","description":"d","args":[{"name":"role","description":"d"}]}]}}`
	for _, tc := range []struct {
		name    string
		from    string // a part of described
		to      string // what it becomes
		missing []string
	}{
		{"all described", "", "", nil},
		{"type", `"name":"Q","description":"d"`, `"name":"Q","description":null`, []string{"Q"}},
		{"field", `"name":"f","description":"d"`, `"name":"f","description":"  "`, []string{"Q.f"}},
		{"argument", `"name":"a","description":"d"`, `"name":"a"`, []string{"Q.f(a)"}},
		{"input field", `"name":"x","description":"d"`, `"name":"x","description":""`, []string{"I.x"}},
		{"enum value", `"name":"V","description":"d"`, `"name":"V"`, []string{"E.V"}},
		{"deprecation without reason", `"deprecationReason":"Use W."`, `"deprecationReason":null`, []string{"E.V: deprecated without a reason"}},
		{"directive argument", `"name":"role","description":"d"`, `"name":"role"`, []string{"@auth(role)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(described, tc.from, tc.to, 1)
			if tc.from != "" && doc == described {
				t.Fatalf("%q is not in the schema", tc.from)
			}
			var s introspected
			if err := json.Unmarshal([]byte(doc), &s); err != nil {
				t.Fatal(err)
			}
			if got := undescribed(s).missing; !slices.Equal(got, tc.missing) {
				t.Errorf("missing = %q, want %q", got, tc.missing)
			}
		})
	}
}
