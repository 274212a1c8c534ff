package store_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// TestNamesAreBounded checks that names and aliases with a control
// character or past MaxNameBytes are refused as bad input, not stored.
func TestNamesAreBounded(t *testing.T) {
	long := strings.Repeat("a", store.MaxNameBytes+1)
	cases := []struct {
		name string
		fn   func() error
	}{
		{"speaker name with NUL", func() error { return store.NormalizeSpeaker(&store.Speaker{Name: "Ann\x00Roe"}) }},
		{"speaker name with a line break", func() error { return store.NormalizeSpeaker(&store.Speaker{Name: "Ann\nRoe"}) }},
		{"long speaker name", func() error { return store.NormalizeSpeaker(&store.Speaker{Name: long}) }},
		{"long speaker alias", func() error { return store.NormalizeSpeaker(&store.Speaker{Name: "Ann Roe", Aliases: []string{long}}) }},
		{"organisation alias with NUL", func() error {
			return store.NormalizeOrganisation(&store.Organisation{Name: "Harbour Union", Aliases: []string{"HU\x00"}})
		}},
		{"long organisation short name", func() error {
			return store.NormalizeOrganisation(&store.Organisation{Name: "Harbour Union", ShortName: strings.Repeat("H", store.MaxNameBytes+1)})
		}},
		{"long topic name", func() error { return store.NormalizeTopic(&store.Topic{Name: long}) }},
	}
	for _, c := range cases {
		if err := c.fn(); !errs.Is(err, errs.Invalid) {
			t.Errorf("%s: got %v, want a bad-input error", c.name, err)
		}
	}
	ok := store.Speaker{Name: "Əli Kərimli", Aliases: []string{strings.Repeat("ə", store.MaxNameBytes/2)}}
	if err := store.NormalizeSpeaker(&ok); err != nil {
		t.Errorf("a name within the bound: %v", err)
	}
}

func TestSpeakerQIDCandidates(t *testing.T) {
	s := &store.Speaker{Name: "A", QID: "Q1", QIDCandidates: []string{" Q2", "Q1", "Q2", "Q3"}}
	if err := store.NormalizeSpeaker(s); err != nil {
		t.Fatal(err)
	}
	if want := []string{"Q2", "Q3"}; !slices.Equal(s.QIDCandidates, want) {
		t.Errorf("candidates %v, want %v", s.QIDCandidates, want)
	}
	for _, bad := range [][]string{{"X2"}, make([]string, store.MaxQIDCandidates+1)} {
		if err := store.NormalizeSpeaker(&store.Speaker{Name: "A", QIDCandidates: bad}); !errs.Is(err, errs.Invalid) {
			t.Errorf("candidates %q: %v, want invalid", bad, err)
		}
	}
}

// TestConfidenceNotANumber checks that a statement's confidence that is
// not a number is refused like one out of range, not stored (a stored NaN
// could not be written as JSON again).
func TestConfidenceNotANumber(t *testing.T) {
	for _, c := range []float64{math.NaN(), -0.1, 1.1, math.Inf(1)} {
		s := store.Statement{ID: uuid.Must(uuid.NewV7()).String(), Text: "The port will close.", Kind: store.Direct, SourceID: uuid.Must(uuid.NewV7()).String(), Confidence: c}
		if err := store.NormalizeStatement(&s); !errs.Is(err, errs.Invalid) || !strings.Contains(err.Error(), "confidence") {
			t.Errorf("confidence %v: got %v, want the bad-input error about confidence", c, err)
		}
	}
}

// CanonicalID gives what uuid.Parse and String give, and refuses what
// uuid.Parse refuses: for canonical ids, other forms and near misses.
func FuzzCanonicalID(f *testing.F) {
	for _, s := range []string{"019b76dd-b826-710b-b5cc-90274ef25cf2", "019B76DD-B826-710B-B5CC-90274EF25CF2",
		"{019b76dd-b826-710b-b5cc-90274ef25cf2}", "urn:uuid:019b76dd-b826-710b-b5cc-90274ef25cf2",
		"019b76ddb826710bb5cc90274ef25cf2", "019b76dd-b826-710b-b5cc-90274ef25cfg", "019b76dd_b826-710b-b5cc-90274ef25cf2",
		"019b76dd-b826-710b-b5cc-90274ef25cf", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		got, err := store.CanonicalID("speaker", id)
		u, perr := uuid.Parse(id)
		switch {
		case (err != nil) != (perr != nil):
			t.Fatalf("%q: error %v, uuid.Parse's %v", id, err, perr)
		case err == nil && got != u.String():
			t.Fatalf("%q: %q, want %q", id, got, u.String())
		}
	})
}
