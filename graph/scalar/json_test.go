package scalar

import (
	"bytes"
	"testing"

	"github.com/quotedb/quotedb/errs"
)

func TestJSON(t *testing.T) {
	for _, raw := range []string{`{"@type":"Claim","text":"x"}`, `[1,2]`, `"s"`} {
		var b bytes.Buffer
		MarshalJSON([]byte(raw)).MarshalGQL(&b)
		if b.String() != raw {
			t.Errorf("MarshalJSON(%s) wrote %s", raw, b.String())
		}
	}
	var b bytes.Buffer
	MarshalJSON(nil).MarshalGQL(&b)
	if b.String() != "null" {
		t.Errorf("MarshalJSON(nil) wrote %s", b.String())
	}
	got, err := UnmarshalJSON(map[string]any{"a": []any{1, "b"}})
	if err != nil || string(got) != `{"a":[1,"b"]}` {
		t.Errorf("UnmarshalJSON: %s %v", got, err)
	}
	if _, err := UnmarshalJSON(func() {}); !errs.Is(err, errs.Invalid) {
		t.Errorf("UnmarshalJSON of a func: %v", err)
	}
}
