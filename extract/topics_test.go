package extract_test

import (
	"testing"

	"github.com/quotedb/quotedb/extract"
)

// TestDatelineIsNoTopic: a date standing under a heading is a dateline, not
// the name of the section's topic; a section heading after it still is.
func TestDatelineIsNoTopic(t *testing.T) {
	const body = "\n\n“The ferry will run all winter,” said Mara Lind, the harbour master.\n\nCouncil Matters\n\nCouncillor Piet Oord said that the budget was balanced.\n"
	for _, dateline := range []string{
		"March 14, 2022",
		"14 March 2022",
		"Monday, March 14, 2022",
		"2022-03-14",
		"Updated March 14, 2022 10:30",
		"March 2022",
	} {
		t.Run(dateline, func(t *testing.T) {
			res, err := extract.Extract(extract.Document{Text: "Harbour News\n\n" + dateline + body})
			if err != nil {
				t.Fatal(err)
			}
			topics := map[string]string{}
			for _, q := range res.Quotes {
				topics[q.Speaker] = q.Topic
			}
			if topics["Mara Lind"] != "Harbour News" || topics["Piet Oord"] != "Council Matters" {
				t.Errorf("topics by speaker: %q; want Harbour News, then Council Matters", topics)
			}
		})
	}
}
