package extract

import "testing"

// TestEmbeddedPosts checks that a post embedded in an article, credited
// with a dash, a name, a handle and a date, is its author's statement, up
// to its links and hashtags, and that a statement quoted in it ends there
// too. The document is invented.
func TestEmbeddedPosts(t *testing.T) {
	const doc = "The ferry was late.\n\n" +
		"The ferry was late again today and nobody told us why. The council says the boats are old. #ferry pic.twitter.com/abc123 — Ann Roe (@annroe) January 15, 2019\n\n" +
		"The council did not answer.\n"
	r := run(t, doc, PlainText, "")
	want := map[string]string{
		"The ferry was late again today and nobody told us why. The council says the boats are old.": "Ann Roe",
		"the boats are old": "",
	}
	if len(r.Quotes) != len(want) {
		t.Fatalf("got %d statements, want %d: %+v", len(r.Quotes), len(want), r.Quotes)
	}
	for _, q := range r.Quotes {
		sp, ok := want[q.Text]
		if !ok || q.Speaker != sp {
			t.Errorf("statement %q by %q, want one of %v", q.Text, q.Speaker, want)
		}
	}
	// a dash and a name without a handle and a date credit no post
	if r := run(t, "The ferry was late again today and nobody told us why — Ann Roe\n\nThe council did not answer.", PlainText, ""); len(r.Quotes) != 0 {
		t.Errorf("unexpected statements %+v", r.Quotes)
	}
}
