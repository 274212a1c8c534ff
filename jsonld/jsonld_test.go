package jsonld_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/jsonld"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
)

// demoDocument returns the JSON-LD of the demo statement whose text
// contains words, read from a real database.
func demoDocument(t *testing.T, words string) []byte {
	t.Helper()
	ctx := context.Background()
	s := bolttest.Open(t)
	if _, err := demo.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	var out []byte
	err := s.View(ctx, func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{TextContains: words}, store.Page{})
		if err != nil {
			return err
		}
		if len(c.Items) == 0 {
			t.Fatalf("no demo statement contains %q", words)
		}
		in, err := jsonld.Gather(tx, c.Items[len(c.Items)-1].ID)
		if err != nil {
			return err
		}
		out, err = jsonld.Marshal(in)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// obj is a parsed JSON object, with helpers that fail the test on a
// missing or mistyped field.
type obj map[string]any

func (o obj) str(t *testing.T, key string) string {
	t.Helper()
	s, ok := o[key].(string)
	if !ok || s == "" {
		t.Fatalf("%q is %#v, want a string in %v", key, o[key], o)
	}
	return s
}

func (o obj) obj(t *testing.T, key string) obj {
	t.Helper()
	m, ok := o[key].(map[string]any)
	if !ok {
		t.Fatalf("%q is %#v, want an object", key, o[key])
	}
	return m
}

func (o obj) list(t *testing.T, key string) []obj {
	t.Helper()
	l, ok := o[key].([]any)
	if !ok {
		t.Fatalf("%q is %#v, want an array", key, o[key])
	}
	var out []obj
	for _, v := range l {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%q holds %#v, want objects", key, v)
		}
		out = append(out, m)
	}
	return out
}

func (o obj) typ(t *testing.T, want string) {
	t.Helper()
	if got := o["@type"]; got != want {
		t.Fatalf("@type %v, want %s in %v", got, want, o)
	}
}

func TestClaimWithReviewAndAffiliations(t *testing.T) {
	doc := demoDocument(t, "Two of our correspondents were held")
	var claim obj
	if err := json.Unmarshal(doc, &claim); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	if claim["@context"] != "https://schema.org" {
		t.Errorf("@context %v", claim["@context"])
	}
	claim.typ(t, "Claim")
	if got := claim.str(t, "text"); got != "Two of our correspondents were held for several hours while covering the rally on 8 March." {
		t.Errorf("text %q", got)
	}
	if got := claim.str(t, "datePublished"); got != "2022-03" {
		t.Errorf("datePublished %q", got)
	}
	if got := claim.str(t, "inLanguage"); got != "en" {
		t.Errorf("inLanguage %q", got)
	}

	author := claim.obj(t, "author")
	author.typ(t, "Person")
	// Her one alias differs from her name only in diacritics, so the
	// store keeps none, and she has no Wikidata id.
	if author.str(t, "name") != demo.LeylaHuseynova || author["alternateName"] != nil || author["sameAs"] != nil {
		t.Errorf("author %v", author)
	}
	roles := author.list(t, "memberOf")
	if len(roles) != 1 {
		t.Fatalf("memberOf %v", roles)
	}
	roles[0].typ(t, "OrganizationRole")
	if roles[0].str(t, "roleName") != "reporter" || roles[0].str(t, "startDate") != "2016" || roles[0]["endDate"] != nil {
		t.Errorf("role %v", roles[0])
	}
	org := roles[0].obj(t, "memberOf")
	org.typ(t, "Organization")
	if org.str(t, "name") != demo.Azadliq {
		t.Errorf("role organisation %v", org)
	}

	first := claim.obj(t, "firstAppearance")
	first.typ(t, "CreativeWork")
	if first.str(t, "url") != "https://digest.example.org/2022/03/11/azerbaijan-weekly-digest" ||
		first.str(t, "archivedAt") != "https://archive.example.org/20220312/https://digest.example.org/2022/03/11/azerbaijan-weekly-digest" {
		t.Errorf("firstAppearance %v", first)
	}
	if apps := claim.list(t, "appearance"); len(apps) != 1 || apps[0].str(t, "url") != first.str(t, "url") {
		t.Errorf("appearance %v", apps)
	}

	about := claim.list(t, "about")
	if len(about) != 1 || about[0].str(t, "name") != demo.FreedomOfThePress {
		t.Fatalf("about %v", about)
	}
	about[0].typ(t, "DefinedTerm")

	reviews := claim.list(t, "review")
	if len(reviews) != 1 {
		t.Fatalf("review %v", reviews)
	}
	r := reviews[0]
	r.typ(t, "ClaimReview")
	if r.str(t, "url") != "https://factcheck.example.org/2022/03/15/were-reporters-held-at-the-rally" || r.str(t, "datePublished") != "2022-03-15" {
		t.Errorf("review %v", r)
	}
	if r.obj(t, "itemReviewed")["@id"] != claim["@id"] {
		t.Errorf("itemReviewed %v, want the claim %v", r["itemReviewed"], claim["@id"])
	}
	rating := r.obj(t, "reviewRating")
	rating.typ(t, "Rating")
	if rating["ratingValue"] != 2.0 || rating["bestRating"] != 5.0 || rating["worstRating"] != 1.0 || rating.str(t, "alternateName") != "Unproven" {
		t.Errorf("reviewRating %v", rating)
	}
	reviewer := r.obj(t, "author")
	reviewer.typ(t, "Organization")
	if reviewer.str(t, "name") != demo.FactCheckDesk {
		t.Errorf("review author %v", reviewer)
	}
}

func TestFirstAppearanceIsEarliestSource(t *testing.T) {
	// Asked of the digest's copy, published 11 March: the roundup of 9
	// March reported the words first.
	doc := demoDocument(t, "We lived through occupation ourselves, and we know")
	var claim obj
	if err := json.Unmarshal(doc, &claim); err != nil {
		t.Fatal(err)
	}
	if got := claim.obj(t, "firstAppearance").str(t, "name"); got != demo.Roundup {
		t.Errorf("firstAppearance %q, want %q", got, demo.Roundup)
	}
	var names []string
	for _, a := range claim.list(t, "appearance") {
		names = append(names, a.str(t, "name"))
	}
	if !slices.Equal(names, []string{demo.Roundup, demo.Digest}) {
		t.Errorf("appearance %q", names)
	}
	author := claim.obj(t, "author")
	if !slices.Equal(author["alternateName"].([]any), []any{"Orxan Səlimli", "Orkhan Selimli"}) {
		t.Errorf("alternateName %v", author["alternateName"])
	}
	if roles := author.list(t, "memberOf"); len(roles) != 1 || roles[0].str(t, "startDate") != "2000" {
		t.Errorf("memberOf %v", roles)
	}
}

// TestRolesOverTime builds the document of a statement whose speaker
// changed parties, with a Wikidata id, an explicit organisation that is
// not among the affiliations, and no source.
func TestRolesOverTime(t *testing.T) {
	pd := partialdate.MustParse
	apfp := &store.Organisation{ID: "01956c3e-0000-7000-8000-00000000000a", Name: "Azerbaijan Popular Front Party", ShortName: "APFP", QID: "Q2900185"}
	ncdf := &store.Organisation{ID: "01956c3e-0000-7000-8000-00000000000b", Name: "National Council of Democratic Forces"}
	paper := &store.Organisation{ID: "01956c3e-0000-7000-8000-00000000000c", Name: "A paper"}
	sp := &store.Speaker{ID: "01956c3e-0000-7000-8000-000000000001", Name: "Fuad Gahramanli", Aliases: []string{"Fuad Qəhrəmanlı"}, QID: "Q1"}
	st := &store.Statement{ID: "01956c3e-0000-7000-8000-000000000002", Text: "We stand with Ukraine.", SpeakerID: sp.ID, Said: pd("2022-03-02"),
		OrganisationID: paper.ID, Role: "columnist"}
	in := &jsonld.Input{
		Statement: st, Speaker: sp,
		Affiliations: []*store.Affiliation{
			{SpeakerID: sp.ID, OrganisationID: apfp.ID, Role: "deputy chairman", Start: pd("2010"), End: pd("2021-12")},
			{SpeakerID: sp.ID, OrganisationID: ncdf.ID, Role: "member", Start: pd("2022-01")},
		},
		Appearances:   []store.Appearance{{Statement: st, Similarity: 1, First: true}},
		Organisations: map[string]*store.Organisation{apfp.ID: apfp, ncdf.ID: ncdf, paper.ID: paper},
	}
	claim := marshalClaim(t, in)
	author := claim.obj(t, "author")
	if author.str(t, "sameAs") != "https://www.wikidata.org/wiki/Q1" {
		t.Errorf("sameAs %v", author["sameAs"])
	}
	roles := author.list(t, "memberOf")
	if len(roles) != 3 {
		t.Fatalf("memberOf %v", roles)
	}
	type role struct{ org, name, start, end string }
	want := []role{{apfp.Name, "deputy chairman", "2010", "2021-12"}, {ncdf.Name, "member", "2022-01", ""}, {paper.Name, "columnist", "", ""}}
	for i, r := range roles {
		r.typ(t, "OrganizationRole")
		end, _ := r["endDate"].(string)
		start, _ := r["startDate"].(string)
		got := role{r.obj(t, "memberOf").str(t, "name"), r.str(t, "roleName"), start, end}
		if got != want[i] {
			t.Errorf("role %d = %+v, want %+v", i, got, want[i])
		}
	}
	if org := roles[0].obj(t, "memberOf"); org.str(t, "sameAs") != "https://www.wikidata.org/wiki/Q2900185" || org["alternateName"].([]any)[0] != "APFP" {
		t.Errorf("organisation %v", org)
	}
	// No source: no appearance to point to.
	for _, k := range []string{"firstAppearance", "appearance", "review", "about", "inLanguage"} {
		if _, ok := claim[k]; ok {
			t.Errorf("%s present without anything to say", k)
		}
	}
}

// localContext serves the schema.org context from testdata: there is no
// network in tests. It is a stand-in written for quotedb that maps every
// term into the schema.org vocabulary and types the URL-valued properties
// as IRIs, as the published context does; the term list below is what
// checks that the terms are schema.org's.
type localContext struct{ t *testing.T }

func (l localContext) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if strings.TrimSuffix(u, "/") != "https://schema.org" {
		l.t.Fatalf("the document asks for context %q", u)
	}
	b, err := os.ReadFile("testdata/schemaorg-context.jsonld")
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// schemaTerms are the schema.org types and properties the documents may
// use, each checked against the schema.org vocabulary when added.
var schemaTerms = []string{
	// types
	"Claim", "Person", "Organization", "OrganizationRole", "CreativeWork", "DefinedTerm", "ClaimReview", "Rating", "Date",
	// properties
	"identifier", "text", "datePublished", "inLanguage", "author", "alternateName", "sameAs", "description",
	"memberOf", "roleName", "startDate", "endDate", "name", "firstAppearance", "appearance", "url",
	"archivedAt", "publisher", "about", "termCode", "review", "reviewRating", "ratingValue", "bestRating",
	"worstRating", "claimReviewed", "itemReviewed",
}

// TestExpandsToSchemaOrg runs the documents through a JSON-LD processor:
// expansion must succeed, and every property and type must become a
// schema.org IRI of a known term, none dropped.
func TestExpandsToSchemaOrg(t *testing.T) {
	for _, words := range []string{"Two of our correspondents were held", "We lived through occupation ourselves", "Russian peacekeepers are deployed"} {
		t.Run(words, func(t *testing.T) {
			doc := demoDocument(t, words)
			var parsed any
			if err := json.Unmarshal(doc, &parsed); err != nil {
				t.Fatal(err)
			}
			opts := ld.NewJsonLdOptions("")
			opts.DocumentLoader = localContext{t}
			expanded, err := ld.NewJsonLdProcessor().Expand(parsed, opts)
			if err != nil {
				t.Fatalf("expansion failed: %v", err)
			}
			if len(expanded) != 1 {
				t.Fatalf("expanded to %d nodes, want 1", len(expanded))
			}
			used := map[string]bool{}
			var walk func(v any)
			walk = func(v any) {
				switch x := v.(type) {
				case []any:
					for _, e := range x {
						walk(e)
					}
				case map[string]any:
					for k, e := range x {
						switch k {
						case "@type": // a list on nodes, one IRI on typed values
							if ty, ok := e.(string); ok {
								used[ty] = true
							}
							for _, ty := range asList(e) {
								used[ty.(string)] = true
							}
						case "@id", "@value":
						default:
							used[k] = true
							walk(e)
						}
					}
				}
			}
			walk(expanded)
			for iri := range used {
				term, ok := strings.CutPrefix(iri, "https://schema.org/")
				if !ok || !slices.Contains(schemaTerms, term) {
					t.Errorf("expanded term %q is not a known schema.org term", iri)
				}
			}
			for _, must := range []string{"Claim", "text", "author", "appearance", "firstAppearance", "about"} {
				if !used["https://schema.org/"+must] {
					t.Errorf("no https://schema.org/%s after expansion", must)
				}
			}
			// Compacted keys that did not map to an IRI would be gone:
			// count the keys of the claim before and after.
			var before map[string]any
			json.Unmarshal(doc, &before)
			after := expanded[0].(map[string]any)
			if len(after) != len(before)-1 { // @context goes
				t.Errorf("claim has %d keys after expansion, %d before (with @context)", len(after), len(before))
			}
			url := after["https://schema.org/firstAppearance"].([]any)[0].(map[string]any)["https://schema.org/url"].([]any)[0].(map[string]any)
			if _, isIRI := url["@id"]; !isIRI {
				t.Errorf("url expanded to %v, want an IRI", url)
			}
		})
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func ExampleIRI() {
	fmt.Println(jsonld.IRI("01956c3e-0000-7000-8000-000000000001"))
	// Output: urn:uuid:01956c3e-0000-7000-8000-000000000001
}

// TestOrganisationAsAuthor checks that a statement an organisation made
// (an outlet's report) has that Organization as its author.
func TestOrganisationAsAuthor(t *testing.T) {
	paper := &store.Organisation{ID: "01956c3e-0000-7000-8000-00000000000c", Name: "The Daily Example", ShortName: "TDE"}
	st := &store.Statement{ID: "01956c3e-0000-7000-8000-000000000003", Text: "the reporter was released", Kind: store.Indirect,
		OrganisationID: paper.ID, ByOrganisation: true}
	claim := marshalClaim(t, &jsonld.Input{Statement: st, Organisations: map[string]*store.Organisation{paper.ID: paper}})
	author := claim.obj(t, "author")
	author.typ(t, "Organization")
	if author.str(t, "name") != paper.Name {
		t.Errorf("author %v", author)
	}
}

// marshalClaim writes in's document and decodes it.
func marshalClaim(t *testing.T, in *jsonld.Input) obj {
	t.Helper()
	b, err := jsonld.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var claim obj
	if err := json.Unmarshal(b, &claim); err != nil {
		t.Fatal(err)
	}
	return claim
}
