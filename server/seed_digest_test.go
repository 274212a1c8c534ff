package server_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/eval"
)

// headlineQuery is the README's first question: what APFP members said
// about the war in Ukraine in March 2022.
const headlineQuery = `query($topics: [String!]) {
  statements(filter: {
    organisationNames: ["APFP"]
    topicNames: $topics
    said: { from: "2022-03", to: "2022-03" }
  }, first: 100) {
    totalCount
    nodes {
      text kind cue said heading
      speaker { name }
      organisation { shortName }
      topics { id name }
      source { title }
    }
  }
}`

type headlineNode struct {
	Text, Kind, Said, Heading string
	Speaker                   *struct{ Name string }
	Organisation              *struct{ ShortName string }
	Topics                    []struct{ ID, Name string }
}

// ingestSeedDigest ingests the corpus's seed digest through the API, as a
// journalist's tool would, or skips the test when the corpus is absent.
func ingestSeedDigest(t *testing.T, f *fixture) {
	t.Helper()
	dir := eval.CorpusDir()
	if dir == "" {
		t.Skip("shared/corpus not found beside the repository (set QUOTEDB_CORPUS): skipping the seed digest test")
	}
	text, err := os.ReadFile(filepath.Join(dir, "cnis-2022-03-11.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ IngestDocument struct{ Created bool } }
	f.c.Query(&out, `mutation($d: DocumentInput!) { ingestDocument(input: $d) { created } }`,
		map[string]any{"d": map[string]any{"text": string(text)}})
	if !out.IngestDocument.Created {
		t.Fatal("the digest was not stored")
	}
}

func (f *fixture) headline(topics []string) []headlineNode {
	f.t.Helper()
	var d struct {
		Statements struct {
			TotalCount int
			Nodes      []headlineNode
		}
	}
	vars := map[string]any{}
	if topics != nil {
		vars["topics"] = topics
	}
	f.c.Query(&d, headlineQuery, vars)
	if d.Statements.TotalCount != len(d.Statements.Nodes) {
		f.t.Fatalf("totalCount %d for %d nodes", d.Statements.TotalCount, len(d.Statements.Nodes))
	}
	return d.Statements.Nodes
}

func speakerNames(ns []headlineNode) map[string]int {
	names := map[string]int{}
	for _, n := range ns {
		if n.Speaker != nil {
			names[n.Speaker.Name]++
		}
	}
	return names
}

// TestSeedDigestHeadlineQuery ingests the seed digest into a fresh
// database and asks the README's question through the HTTP API: Fuad
// Gahramanli's four statements on the war, all six statements of APFP
// members that month, and every person under the full name the digest
// gives.
func TestSeedDigestHeadlineQuery(t *testing.T) {
	f := newServer(t)
	ingestSeedDigest(t, f)

	war := f.headline([]string{"War in Ukraine"})
	if got := speakerNames(war); len(war) != 4 || got["Fuad Gahramanli"] != 4 {
		t.Errorf("APFP on the war in Ukraine: want Fuad Gahramanli's 4 statements, got %d: %v", len(war), got)
	}
	for _, n := range war {
		if n.Organisation == nil || n.Organisation.ShortName != "APFP" || len(n.Topics) != 1 || n.Topics[0].Name != "War in Ukraine" {
			t.Errorf("statement %.40q: organisation %+v topics %+v", n.Text, n.Organisation, n.Topics)
		}
	}
	all := f.headline(nil)
	if got := speakerNames(all); len(all) != 6 || got["Fuad Gahramanli"] != 4 || got["Ali Karimli"] != 2 {
		t.Errorf("APFP in March 2022: want 6 statements (Gahramanli 4, Karimli 2), got %d: %v", len(all), got)
	}

	var sp struct {
		Speakers struct{ Nodes []struct{ Name string } }
	}
	f.c.Query(&sp, `{ speakers(first: 100) { nodes { name } } }`, nil)
	var names []string
	for _, n := range sp.Speakers.Nodes {
		names = append(names, n.Name)
	}
	slices.Sort(names)
	want := []string{"Ali Karimli", "Fuad Gahramanli", "Ganimat Zahid", "Sabit Baghirov", "Seymur Hezi"}
	if !slices.Equal(names, want) {
		t.Errorf("stored speakers %q, want the digest's people under their full names %q", names, want)
	}
	checkOutletsAreOrganisations(t, f)
}

// checkOutletsAreOrganisations checks that the outlets that report in the
// digest made their statements as organisations.
func checkOutletsAreOrganisations(t *testing.T, f *fixture) {
	t.Helper()
	var d struct {
		Statements struct {
			Nodes []struct {
				Cue            string
				ByOrganisation bool
				Speaker        *struct{ Name string }
				Organisation   *struct{ Name string }
			}
		}
	}
	f.c.Query(&d, `{ statements(filter: {organisationNames: ["Azadliq"]}, first: 100) { nodes { cue byOrganisation speaker { name } organisation { name } } } }`, nil)
	var byPaper int
	for _, n := range d.Statements.Nodes {
		if !n.ByOrganisation {
			continue
		}
		byPaper++
		if n.Speaker != nil || n.Organisation == nil || n.Organisation.Name != "Azadliq" || n.Cue != "reports" {
			t.Errorf("the newspaper's report: want made by the organisation Azadliq, got %+v", n)
		}
	}
	if byPaper != 1 {
		t.Errorf("want 1 statement made by the newspaper Azadliq itself, got %d: %+v", byPaper, d.Statements.Nodes)
	}
}

// TestSeedDigestIntoDemo ingests the seed digest into the demo database:
// its statements join the demo's records (the topic War in Ukraine, the
// APFP, the newspaper Azadliq) instead of creating new ones beside them.
func TestSeedDigestIntoDemo(t *testing.T) {
	f := newServer(t)
	if _, err := demo.Load(t.Context(), f.db); err != nil {
		t.Fatal(err)
	}
	var before struct {
		Topics        struct{ TotalCount int }
		Organisations struct{ TotalCount int }
	}
	f.c.Query(&before, `{ topics { totalCount } organisations { totalCount } }`, nil)
	demoWar := f.headline([]string{"War in Ukraine"})
	ingestSeedDigest(t, f)

	war := f.headline([]string{"War in Ukraine"})
	if got := speakerNames(war); got["Fuad Gahramanli"] != 4 || len(war) != len(demoWar)+4 {
		t.Errorf("APFP on the war in Ukraine: want the demo's %d and Fuad Gahramanli's 4, got %d: %v", len(demoWar), len(war), got)
	}
	var after struct {
		Topics        struct{ Nodes []struct{ Name string } }
		Organisations struct{ TotalCount int }
		Speakers      struct{ Nodes []struct{ Name string } }
	}
	f.c.Query(&after, `{ topics(first: 100) { nodes { name } } organisations { totalCount } speakers(filter: {name: "Azadliq"}) { nodes { name } } }`, nil)
	for _, tp := range after.Topics.Nodes {
		if tp.Name != demo.WarInUkraine && strings.Contains(tp.Name, "Ukraine") {
			t.Errorf("a second topic on the war beside the demo's: %q", tp.Name)
		}
	}
	if len(after.Speakers.Nodes) != 0 {
		t.Errorf("the newspaper became a speaker: %+v", after.Speakers.Nodes)
	}
	checkOutletsAreOrganisations(t, f)
	if after.Organisations.TotalCount > before.Organisations.TotalCount+1 {
		t.Errorf("organisations: %d before, %d after: want at most the one outlet the demo lacks", before.Organisations.TotalCount, after.Organisations.TotalCount)
	}
}
