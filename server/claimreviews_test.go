package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"
)

// schemaContext serves the schema.org context from jsonld's testdata, for
// the JSON-LD processor: there is no network in tests.
type schemaContext struct{ t *testing.T }

func (l schemaContext) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if strings.TrimSuffix(u, "/") != "https://schema.org" {
		l.t.Fatalf("the document asks for context %q", u)
	}
	b, err := os.ReadFile("../jsonld/testdata/schemaorg-context.jsonld")
	if err != nil {
		return nil, err
	}
	var doc any
	err = json.Unmarshal(b, &doc)
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, err
}

// expandGet fetches path and expands it with a JSON-LD processor.
func expandGet(t *testing.T, url string) []any {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/ld+json" {
		t.Fatalf("GET %s: %d %s\n%s", url, res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("GET %s: not JSON: %v\n%s", url, err, body)
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = schemaContext{t}
	expanded, err := ld.NewJsonLdProcessor().Expand(doc, opts)
	if err != nil {
		t.Fatalf("expanding %s: %v", url, err)
	}
	return expanded
}

const schema = "https://schema.org/"

// first returns the first value of property p of node n.
func first(t *testing.T, n any, p string) map[string]any {
	t.Helper()
	vs, _ := n.(map[string]any)[schema+p].([]any)
	if len(vs) == 0 {
		t.Fatalf("no %s in %v", p, n)
	}
	return vs[0].(map[string]any)
}

func hasType(n any, ty string) bool {
	types, _ := n.(map[string]any)["@type"].([]any)
	for _, x := range types {
		if x == schema+ty {
			return true
		}
	}
	return false
}

// TestClaimReviewJSONLD serves the demo's claim reviews as a DataFeed and
// each one alone, and expands both with a JSON-LD processor: a ClaimReview
// whose itemReviewed is a Claim with its author and first appearance.
func TestClaimReviewJSONLD(t *testing.T) {
	c, base := newDemoServer(t)
	var d struct {
		ClaimReviews struct{ Nodes []struct{ ID string } }
	}
	c.Query(&d, `{ claimReviews(first: 100) { nodes { id } } }`, nil)
	if len(d.ClaimReviews.Nodes) == 0 {
		t.Fatal("the demo has no claim reviews")
	}
	feed := expandGet(t, base+"/claimreviews.jsonld")
	if len(feed) != 1 || !hasType(feed[0], "DataFeed") {
		t.Fatalf("feed expanded to %v", feed)
	}
	elements, _ := feed[0].(map[string]any)[schema+"dataFeedElement"].([]any)
	if len(elements) != len(d.ClaimReviews.Nodes) {
		t.Fatalf("%d feed elements, %d claim reviews", len(elements), len(d.ClaimReviews.Nodes))
	}
	for i, el := range elements {
		review := first(t, el, "item")
		if !hasType(el, "DataFeedItem") || !hasType(review, "ClaimReview") {
			t.Errorf("element %d: %v", i, el)
		}
	}
	for _, n := range d.ClaimReviews.Nodes {
		doc := expandGet(t, base+"/claimreviews/"+n.ID+".jsonld")
		if len(doc) != 1 || !hasType(doc[0], "ClaimReview") || doc[0].(map[string]any)["@id"] != "urn:uuid:"+n.ID {
			t.Fatalf("claim review %s expanded to %v", n.ID, doc)
		}
		claim := first(t, doc[0], "itemReviewed")
		if !hasType(claim, "Claim") {
			t.Errorf("itemReviewed of %s: %v", n.ID, claim)
		}
		first(t, claim, "author")
		first(t, first(t, claim, "firstAppearance"), "url")
		first(t, first(t, doc[0], "reviewRating"), "ratingValue")
	}
	for path, status := range map[string]int{
		"/claimreviews/not-a-uuid.jsonld":                           http.StatusBadRequest,
		"/claimreviews/01890a5d-ac96-774b-bcce-b302099a8057.jsonld": http.StatusNotFound,
		"/claimreviews/" + d.ClaimReviews.Nodes[0].ID:               http.StatusNotFound,
	} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != status {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, status)
		}
	}
}
