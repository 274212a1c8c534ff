package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/dataio"
)

// TestWikidataIdCandidates imports Quotebank quotes whose speakers have one
// Wikidata id or several homonyms', reads the homonyms' ids on the speaker
// over HTTP, with their description in the schema, and chooses one.
func TestWikidataIdCandidates(t *testing.T) {
	f := newServer(t)
	quotes := `{"quoteID": "q-1", "quotation": "the tram line will reach the hospital by spring", "speaker": "Petra Lindqvist", "qids": ["Q81000007", "Q81000003", "Q81000005"], "date": "2021-04-02 09:00:00", "probas": [["Petra Lindqvist", "0.71"]], "urls": ["https://tramnews.example/hospital-line"], "phase": "E"}
{"quoteID": "q-2", "quotation": "we counted every ballot twice", "speaker": "Amadou Keita-Borg", "qids": ["Q81000011"], "date": "2021-04-03 09:00:00", "probas": [["Amadou Keita-Borg", "0.93"]], "urls": ["https://tramnews.example/ballots"], "phase": "E"}
`
	if _, err := dataio.ImportQuotebank(t.Context(), f.db, strings.NewReader(quotes), nil); err != nil {
		t.Fatal(err)
	}
	type speaker struct {
		ID, Name             string
		WikidataID           *string
		WikidataIDCandidates []string `json:"wikidataIdCandidates"`
	}
	read := func() map[string]speaker {
		var d struct{ Speakers struct{ Nodes []speaker } }
		f.c.Query(&d, `{ speakers { nodes { id name wikidataId wikidataIdCandidates } } }`, nil)
		out := map[string]speaker{}
		for _, n := range d.Speakers.Nodes {
			out[n.Name] = n
		}
		return out
	}
	got := read()
	petra, amadou := got["Petra Lindqvist"], got["Amadou Keita-Borg"]
	if petra.WikidataID != nil || !slices.Equal(petra.WikidataIDCandidates, []string{"Q81000007", "Q81000003", "Q81000005"}) {
		t.Errorf("homonyms: %+v, want no wikidataId and the three candidates in the order given", petra)
	}
	if amadou.WikidataID == nil || *amadou.WikidataID != "Q81000011" || amadou.WikidataIDCandidates == nil || len(amadou.WikidataIDCandidates) != 0 {
		t.Errorf("one id: %+v, want it as wikidataId and an empty list of candidates", amadou)
	}

	// An editor chooses one of the homonyms: it is no candidate any more.
	f.c.Query(nil, `mutation($id: ID!) { updateSpeaker(id: $id, input: {wikidataId: "Q81000003"}) { id } }`, map[string]any{"id": petra.ID})
	petra = read()["Petra Lindqvist"]
	if petra.WikidataID == nil || *petra.WikidataID != "Q81000003" || !slices.Equal(petra.WikidataIDCandidates, []string{"Q81000007", "Q81000005"}) {
		t.Errorf("after choosing Q81000003: %+v", petra)
	}

	type field struct {
		Name, Description string
		Type              struct{ Kind string }
	}
	var schema struct {
		Type struct{ Fields []field } `json:"__type"`
	}
	f.c.Query(&schema, `{ __type(name: "Speaker") { fields { name description type { kind } } } }`, nil)
	i := slices.IndexFunc(schema.Type.Fields, func(fd field) bool { return fd.Name == "wikidataIdCandidates" })
	if i < 0 {
		t.Fatal("Speaker has no field wikidataIdCandidates")
	}
	if fd := schema.Type.Fields[i]; !strings.Contains(fd.Description, "homonyms") || fd.Type.Kind != "NON_NULL" {
		t.Errorf("wikidataIdCandidates: %+v, want a non-null list described", fd)
	}
}
