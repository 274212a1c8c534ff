package dump

import (
	"bufio"
	"bytes"
	"reflect"
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/quotedb/quotedb/gen"
	"github.com/quotedb/quotedb/store"
)

// FuzzDecodeOptions checks that fastDecodeOptions decode what
// decodeOptions decode, to the same record, and refuse what they refuse,
// on gen's lines (every record type) and lines broken in every way.
func FuzzDecodeOptions(f *testing.F) {
	var data bytes.Buffer
	if _, err := gen.WriteJSONL(f.Context(), gen.Config{Statements: 20, Seed: 1}, &data); err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(&data)
	for sc.Scan() {
		f.Add(bytes.Clone(sc.Bytes()))
	}
	for _, s := range []string{`{"type":"statement","statement":{"id":"x","text":1}}`, `{"type":"speaker","speaker":{"name":"A","nme":"B"}}`,
		`{"type":"speaker","speaker":{"name":"A","name":"B","NAME":"C"}}`, `{"type":"speaker","speaker":{"name":"A"}} x`,
		`{"type":"statement","statement":{"said":"2024-13","createdAt":"yesterday","text":"a"}`, `{"type":1,"speaker":[}`,
		`{"type":"source","source":{"published":2024,"text":"\ud800"}}`, `{"Type":"topic","TOPIC":{"slug":null}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var fast, legacy store.Record
		ferr := jsonv2.Unmarshal(line, &fast, fastDecodeOptions)
		lerr := jsonv2.Unmarshal(line, &legacy, decodeOptions)
		if (ferr != nil) != (lerr != nil) {
			t.Fatalf("%s: fast %v, legacy %v", line, ferr, lerr)
		}
		if ferr == nil && !reflect.DeepEqual(fast, legacy) {
			t.Fatalf("%s: fast %+v, legacy %+v", line, fast, legacy)
		}
	})
}
