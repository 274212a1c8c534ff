package dataio_test

import (
	"fmt"
	"strings"

	"github.com/quotedb/quotedb/dataio"
)

// A DataFeed of fact-checks, as fact-checkers publish them, read into the
// reviews to match.
func ExampleReadClaimReviews() {
	feed := `{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [{
	  "@type": "DataFeedItem", "item": [{
	    "@type": "ClaimReview", "url": "https://factdesk.example/checks/41",
	    "claimReviewed": "Bread prices doubled last year", "datePublished": "2024-02-03",
	    "author": {"@type": "Organization", "name": "Example Fact Desk"},
	    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"},
	    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ana Example",
	      "sameAs": "https://www.wikidata.org/wiki/Q4242"},
	      "firstAppearance": {"@type": "CreativeWork", "url": "https://news.example.org/a/1"}}}]}]}`
	reviews, err := dataio.ReadClaimReviews(strings.NewReader(feed))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range reviews {
		fmt.Printf("%s: %q by %s (%s), first at %s: %s %g of %g-%g, %s\n", r.At, r.Claim, r.Author, r.AuthorQID,
			r.FirstURL, r.RatingText, r.RatingValue, r.WorstRating, r.BestRating, r.Date)
	}
	// Output:
	// review 1 (https://factdesk.example/checks/41): "Bread prices doubled last year" by Ana Example (Q4242), first at https://news.example.org/a/1: False 1 of 1-5, 2024-02-03
}
