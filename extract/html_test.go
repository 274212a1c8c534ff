package extract

import (
	"strings"
	"testing"
)

// TestHTMLBoilerplate checks that page furniture yields no statements and
// no text, that attribute values do not leak into the text, and that the
// article's statements are found with spans into the text that remains.
// The page is invented.
func TestHTMLBoilerplate(t *testing.T) {
	page := `<!doctype html><html><head><title>Port news</title><script>var s = "<p>said Ann Roe</p>";</script></head><body>
<nav><ul><li><a href="/">Home</a><li><p>“Subscribe today,” said the editor.</nav>
<div class="site-header masthead">Harbour Daily: “We report, you decide,” says our motto.</div>
<article><h1>Dockers strike</h1>
<p><span title="a > b">Union leader</span> Ines Vahl said that the strike would last a week.</p>
<div class="share-buttons">“Share this,” said nobody.</div>
<aside>Ann Roe said that she liked the aside.</aside>
<p>“We will not sell the port,” Vahl said.</p></article>
<section role="complementary">Related: Ivo Rask said that prices rose.</section>
<div id="newsletter-signup"><p>Sign up! “It is free,” said the team.</p></div>
<footer><p>© Harbour Daily. Ann Roe said that all rights are reserved.</p></footer>
</body></html>`
	r := run(t, page, HTML, "")
	for _, gone := range []string{"Subscribe", "motto", "Share this", "aside", "Related", "Sign up", "rights", "a > b", "var s"} {
		if strings.Contains(r.Text, gone) {
			t.Errorf("text keeps %q:\n%s", gone, r.Text)
		}
	}
	var speakers []string
	for _, q := range r.Quotes {
		speakers = append(speakers, q.Speaker)
		if r.Text[q.Start:q.End] != q.Text {
			t.Errorf("span [%d,%d) is not the quote %q", q.Start, q.End, q.Text)
		}
	}
	if len(r.Quotes) != 2 || speakers[0] != "Ines Vahl" || speakers[1] != "Ines Vahl" {
		t.Errorf("want the article's two statements by Ines Vahl, got %+v", r.Quotes)
	}
	if !strings.HasPrefix(r.Text, "Port news\n\nDockers strike\n\n") {
		t.Errorf("title and headline not separated as paragraphs:\n%s", r.Text)
	}
}

// TestHTMLUnclosedTagsInsideDropped checks that a dropped element ends at
// its own end tag even when tags inside it are left open.
func TestHTMLUnclosedTagsInsideDropped(t *testing.T) {
	r := run(t, `<nav><p>menu<p>more<div>x</nav><p>Ann Roe said that the road was closed.</p>`, HTML, "")
	if r.Text != "Ann Roe said that the road was closed." {
		t.Errorf("text %q", r.Text)
	}
}
