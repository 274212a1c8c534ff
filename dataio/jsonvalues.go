package dataio

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
)

// str returns a JSON-LD value as a string: a string, a value object's
// @value, or the first of a list.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return str(x["@value"])
	case []any:
		if len(x) > 0 {
			return str(x[0])
		}
	}
	return ""
}

// firstNode returns a node value, or the first node of a list; an empty
// map otherwise.
func firstNode(v any) map[string]any {
	switch x := v.(type) {
	case map[string]any:
		return x
	case []any:
		for _, e := range x {
			if n, ok := e.(map[string]any); ok {
				return n
			}
		}
	}
	return map[string]any{}
}

// name returns the name of a Person or Organization node, or a string.
func name(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return str(firstNode(v)["name"])
}

// urlOf returns the url of a CreativeWork node, or a string url.
func urlOf(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	n := firstNode(v)
	return cmp.Or(str(n["url"]), str(n["@id"]))
}

// wikidataID returns the Q-id of the first Wikidata page among sameAs.
func wikidataID(v any) string {
	var all []any
	switch x := v.(type) {
	case []any:
		all = x
	default:
		all = []any{x}
	}
	for _, e := range all {
		u := str(e)
		for _, p := range []string{"https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/", "https://www.wikidata.org/entity/", "http://www.wikidata.org/entity/"} {
			if q, ok := strings.CutPrefix(u, p); ok && len(q) > 1 && q[0] == 'Q' {
				if _, err := strconv.ParseUint(q[1:], 10, 64); err == nil {
					return q
				}
			}
		}
	}
	return ""
}

// number reads a JSON number or a numeric string; absent is 0.
func number(v any) (float64, error) {
	switch x := v.(type) {
	case nil:
		return 0, nil
	case float64:
		return x, nil
	case string:
		if strings.TrimSpace(x) == "" {
			return 0, nil
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a number", x)
		}
		return f, nil
	case map[string]any:
		return number(x["@value"])
	}
	return 0, fmt.Errorf("%v is not a number", v)
}

// isoDate reads the day of an ISO 8601 date or date-time ("2024-03-01",
// "2024-03-01T10:00:00Z"), or a partial date; "" is the zero Date.
func isoDate(s string) (partialdate.Date, error) {
	if s == "" {
		return partialdate.Date{}, nil
	}
	day, _, _ := strings.Cut(s, "T")
	d, err := partialdate.Parse(day)
	if err != nil {
		return d, errs.Wrap(errs.Invalid, err, "date "+strconv.Quote(s))
	}
	return d, nil
}
