package dataio

import (
	"math"
	"testing"
)

// TestPlainProba: the fast reading of a proba gives what the general one
// gives, and leaves to it every form it does not read.
func TestPlainProba(t *testing.T) {
	for _, tc := range []struct {
		in    string
		plain bool // read by the fast path
	}{
		{`["Ana Example","0.7598"]`, true},
		{`["Ana Example",0.5]`, true},
		{`["None","1"]`, true},
		{`["Zoë Ütz","0"]`, true},
		{`["a",5e-1]`, true},
		{`["a","1e0"]`, true},
		{`["a","NaN"]`, false},
		{`["", "0.5"]`, false},
		{`["a", "0.5"]`, false},
		{`["a","0.5" ]`, false},
		{`["a\"b","0.5"]`, false},
		{`["a\u00e9","0.5"]`, false},
		{`["a","\u0030.5"]`, false},
		{`["a" , "b",1]`, false},
		{`["x",",0.5"]`, false},
		{`["a","1.7"]`, false},
		{`["a","-0.1"]`, false},
		{`["a","x"]`, false},
		{`["a",""]`, false},
		{`["a",true]`, false},
		{`["a",null]`, false},
		{`["a",[0.5]]`, false},
		{`["a","0.5",3]`, false},
		{`[3,"0.5"]`, false},
		{`[null,"0.5"]`, false},
		{`[]`, false},
		{`null`, false},
		{"[\"a\xff\",\"0.5\"]", false},
	} {
		var want Proba
		wantErr := want.unmarshalAny([]byte(tc.in))
		name, f, ok := plainProba([]byte(tc.in))
		if ok != tc.plain {
			t.Errorf("%s: read by the fast path %v, want %v", tc.in, ok, tc.plain)
		}
		if ok && (wantErr != nil || name != want.Name || f != want.P && !(math.IsNaN(f) && math.IsNaN(want.P))) {
			t.Errorf("%s: fast path %q %v, general %+v %v", tc.in, name, f, want, wantErr)
		}
		if tc.in == `["a","NaN"]` && wantErr == nil {
			t.Errorf("%s: a probability that is not a number is accepted", tc.in)
		}
		var got Proba
		if err := got.UnmarshalJSON([]byte(tc.in)); (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Errorf("%s: error %v, want %v", tc.in, err, wantErr)
		}
	}
}
