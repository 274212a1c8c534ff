// Package scalar marshals quotedb's custom GraphQL scalars and the enums
// whose Go types live outside the graph package.
package scalar

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
)

// MarshalPartialDate writes a known date as its YYYY[-MM[-DD]] string and an
// unknown one as null.
func MarshalPartialDate(d partialdate.Date) graphql.Marshaler {
	if d.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalPartialDate reads a YYYY, YYYY-MM or YYYY-MM-DD string; anything
// else is a BAD_USER_INPUT error.
func UnmarshalPartialDate(v any) (partialdate.Date, error) {
	s, ok := v.(string)
	if !ok {
		return partialdate.Date{}, errs.E(errs.Invalid, "PartialDate must be a string, got %T", v)
	}
	d, err := partialdate.Parse(s)
	if err != nil {
		return partialdate.Date{}, errs.Wrap(errs.Invalid, err, "invalid PartialDate")
	}
	return d, nil
}

// MarshalPrecision writes a date precision as its enum value, or null when
// the date is unknown.
func MarshalPrecision(p partialdate.Precision) graphql.Marshaler {
	if p == partialdate.Unknown {
		return graphql.Null
	}
	return graphql.MarshalString(p.String())
}

// UnmarshalPrecision reads a DatePrecision enum value.
func UnmarshalPrecision(v any) (partialdate.Precision, error) {
	s, _ := v.(string)
	for _, p := range []partialdate.Precision{partialdate.Year, partialdate.Month, partialdate.Day} {
		if s == p.String() {
			return p, nil
		}
	}
	return partialdate.Unknown, errs.E(errs.Invalid, "invalid DatePrecision %s", fmt.Sprint(v))
}

// MarshalJSON writes JSON that is already encoded as itself.
func MarshalJSON(raw json.RawMessage) graphql.Marshaler {
	if len(raw) == 0 {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) { w.Write(raw) })
}

// UnmarshalJSON encodes any input value as JSON.
func UnmarshalJSON(v any) (json.RawMessage, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "invalid JSON value")
	}
	return b, nil
}
