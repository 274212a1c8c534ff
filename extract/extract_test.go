package extract

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// find returns the quote whose text contains sub, failing the test if none.
func find(t *testing.T, r *Result, sub string) Quote {
	t.Helper()
	for _, q := range r.Quotes {
		if strings.Contains(q.Text, sub) {
			return q
		}
	}
	t.Fatalf("no quote containing %q in %+v", sub, r.Quotes)
	return Quote{}
}

// wantNoStatements fails the test for each plain text in which Extract
// finds a statement.
func wantNoStatements(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if r := run(t, text, PlainText, ""); len(r.Quotes) != 0 {
			t.Errorf("%q: unexpected statements %+v", text, r.Quotes)
		}
	}
}

func run(t *testing.T, text string, f Format, date string) *Result {
	t.Helper()
	doc := Document{Text: text, Format: f}
	if date != "" {
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			t.Fatal(err)
		}
		doc.Date = d
	}
	r, err := Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range r.Quotes {
		if r.Text[q.Start:q.End] != q.Text {
			t.Fatalf("quote text %q is not Text[%d:%d]", q.Text, q.Start, q.End)
		}
	}
	return r
}

func TestStatements(t *testing.T) {
	cases := []struct {
		name, text string
		sub        string // part of the expected statement
		exact      string // expected full text, when checked
		kind       Kind
		speaker    string
		cue        string
	}{
		{"straight after", `The bridge will open in May. "We are ready for the traffic," Mara Voss said.`,
			"ready", `"We are ready for the traffic,"`, Direct, "Mara Voss", "said"},
		{"curly inverted", "“Prices will fall next year,” said economist Tomas Brenner.",
			"Prices", "“Prices will fall next year,”", Direct, "Tomas Brenner", "said"},
		{"guillemets colon", "Ilse Marten declared: «The council has failed the farmers.»",
			"council", "«The council has failed the farmers.»", Direct, "Ilse Marten", "declared"},
		{"low-high marks", "Jan Kowal wrote: „The river is rising faster than expected.“",
			"river", "„The river is rising faster than expected.“", Direct, "Jan Kowal", "wrote"},
		{"single curly", "Olga Petrenko said: ‘We will not leave the square.’",
			"square", "‘We will not leave the square.’", Direct, "Olga Petrenko", "said"},
		{"missing opening mark", "Pavel Orlov wrote: The harvest was poor this year. The farmers need help now.” Others disagreed.",
			"harvest", "The harvest was poor this year. The farmers need help now.”", Direct, "Pavel Orlov", "wrote"},
		{"that clause", "Teacher Anna Bell argued that the school needs more funding.",
			"school", "the school needs more funding", Indirect, "Anna Bell", "argued"},
		{"says without that", "Mayor Rita Holm says the budget is balanced.",
			"budget", "the budget is balanced", Indirect, "Rita Holm", "says"},
		{"according to front", "According to Samir Dane, the vote was postponed twice.",
			"vote", "the vote was postponed twice", Indirect, "Samir Dane", "according to"},
		{"according to back", "The vote was postponed twice, according to Samir Dane.",
			"vote", "The vote was postponed twice", Indirect, "Samir Dane", "according to"},
		{"told X that", "Farmer Ole Grim told the local radio that the drought destroyed his crops.",
			"drought", "the drought destroyed his crops", Indirect, "Ole Grim", "told"},
		{"outlet reports", "Harbour Daily News reports that the port was closed for a week.",
			"port", "the port was closed for a week", Indirect, "Harbour Daily News", "reports"},
		{"urged", "The chairman of the Green Union Lena Kask urged the government to cut emissions.",
			"government", "the government to cut emissions", Indirect, "Lena Kask", "urged"},
		{"clause then cue", "The talks will resume on Friday, the ministry said.",
			"talks", "The talks will resume on Friday", Indirect, "", "said"},
		{"mixed quote", `Nurse Clara Holt said the ward was "completely overwhelmed" last night.`,
			"ward", "", Direct, "Clara Holt", "said"},
		{"stance verb with NP is not a statement", "Activists condemned the arrest of the blogger.",
			"", "", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.text, PlainText, "")
			if c.sub == "" {
				if len(r.Quotes) != 0 {
					t.Fatalf("want no statements, got %+v", r.Quotes)
				}
				return
			}
			q := find(t, r, c.sub)
			if c.exact != "" && q.Text != c.exact {
				t.Errorf("text %q, want %q", q.Text, c.exact)
			}
			if q.Kind != c.kind || q.Speaker != c.speaker || q.Cue != c.cue {
				t.Errorf("got kind %q speaker %q cue %q, want %q %q %q", q.Kind, q.Speaker, q.Cue, c.kind, c.speaker, c.cue)
			}
		})
	}
}

func TestResolutionAndDescriptors(t *testing.T) {
	text := "Member of the Blue Harbour Party (BHP) Karl Ostrander said that the port deal is unfair. " +
		"Ostrander added that the contract was signed in secret.\n\n" +
		"Exiled journalist Mira Sandoval argued that the elections were rigged. \"Nobody believed the count,\" she said.\n\n" +
		"\"The observers left before midnight. They saw nothing of the recount.\"\n\n" +
		"Petra Lind, the leader of the Blue Harbour Party, comments that the party will appeal."
	r := run(t, text, PlainText, "")
	q := find(t, r, "contract was signed")
	if q.Speaker != "Karl Ostrander" || q.Organisation != "BHP" || q.Role != "member" {
		t.Errorf("surname: %+v", q)
	}
	q = find(t, r, "Nobody believed")
	if q.Speaker != "Mira Sandoval" || q.Role != "exiled journalist" {
		t.Errorf("pronoun: %+v", q)
	}
	q = find(t, r, "observers left")
	if q.Speaker != "Mira Sandoval" || q.Cue != "" || q.Kind != Direct {
		t.Errorf("follow-on paragraph: %+v", q)
	}
	if !strings.Contains(q.Text, "recount.\"") || !strings.HasPrefix(q.Text, "\"The observers") {
		t.Errorf("multi-sentence quote cut: %q", q.Text)
	}
	q = find(t, r, "party will appeal")
	if q.Speaker != "Petra Lind" || q.Role != "leader" || q.Organisation != "BHP" {
		t.Errorf("apposition: %+v", q)
	}
	if got := r.OrgAliases["BHP"]; len(got) == 0 || got[0] != "Blue Harbour Party" {
		t.Errorf("org aliases %v", r.OrgAliases)
	}
	var names []string
	for _, s := range r.Speakers {
		names = append(names, s.Name)
	}
	if strings.Join(names, "|") != "Karl Ostrander|Mira Sandoval|Petra Lind" {
		t.Errorf("speakers %v", names)
	}
}

func TestMultiParagraphAndNested(t *testing.T) {
	text := "Rector Ivo Brandt said: “We will keep the library open. Students asked for it.\n\n" +
		"“The board told me, ‘There is no money,’ but we found it.”\n\nThe term starts soon."
	r := run(t, text, PlainText, "")
	// a quotation over two paragraphs is a statement per paragraph, each
	// verbatim and with the same speaker
	q := find(t, r, "library open")
	if q.Text != "“We will keep the library open. Students asked for it." || q.Speaker != "Ivo Brandt" {
		t.Errorf("multi-paragraph quote, first paragraph: %+v", q)
	}
	q = find(t, r, "found it")
	if q.Text != "“The board told me, ‘There is no money,’ but we found it.”" || q.Speaker != "Ivo Brandt" {
		t.Errorf("multi-paragraph quote, second paragraph: %+v", q)
	}
	for _, o := range r.Quotes {
		if o.Text == "‘There is no money,’" {
			t.Errorf("nested quotation reported on its own")
		}
	}
}

func TestTopicsDatesAndPullQuote(t *testing.T) {
	text := "Weekly Review of Harbour Politics\n\n" +
		"The port must stay public, whatever the ministry says.”\n\n" +
		"Port and Trade\n\n" +
		"On March 3, dock workers went on strike. Union leader Edda Morn wrote: The port must stay public, whatever the ministry says.” " +
		"Morn added that the strike of December 6, 2021 was ignored last year.\n\n" +
		"March 11, 2022"
	r := run(t, text, PlainText, "")
	if r.Date != "2022-03-11" {
		t.Errorf("doc date %q", r.Date)
	}
	pull := r.Quotes[0]
	if !pull.PullQuote || pull.Speaker != "Edda Morn" || pull.Topic != "Port and Trade" {
		t.Errorf("pull quote %+v", pull)
	}
	q := find(t, r, "strike of December")
	if q.Topic != "Port and Trade" || q.Date != "2022-03-11" {
		t.Errorf("topic/date %+v", q)
	}
	want := []DateRange{{"2021-12-06", "2021-12-06"}, {"2021", "2021"}}
	if len(q.Covers) != 2 || q.Covers[0] != want[0] || q.Covers[1] != want[1] {
		t.Errorf("covers %v", q.Covers)
	}
	got := findDates("It happened on March 3 and on Monday.", time.Date(2022, 3, 11, 0, 0, 0, 0, time.UTC))
	if len(got) != 2 || got[0].From != "2022-03-03" || got[1].From != "2022-03-07" {
		t.Errorf("relative dates %v", got)
	}
}

func TestPullQuoteWithoutSource(t *testing.T) {
	text := "Weekly Review of Harbour Politics\n\n“…We will not be silenced…”\n\nPort and Trade\n\nThe strike continued."
	r := run(t, text, PlainText, "")
	if len(r.Quotes) != 1 || !r.Quotes[0].PullQuote || r.Quotes[0].Speaker != "" || r.Quotes[0].Topic != "" {
		t.Errorf("%+v", r.Quotes)
	}
}

func TestHTMLAndMarkdown(t *testing.T) {
	h := `<html><head><style>p{}</style></head><body><h2>City &amp; Port</h2>` +
		`<p>&ldquo;The tunnel is safe,&rdquo; <b>engineer</b> Nora&nbsp;Quist said.</p></body></html>`
	r := run(t, h, HTML, "")
	if strings.Contains(r.Text, "<") || strings.Contains(r.Text, "&amp;") {
		t.Fatalf("tags or entities left: %q", r.Text)
	}
	q := find(t, r, "tunnel")
	if q.Text != "“The tunnel is safe,”" || q.Speaker != "Nora Quist" || q.Topic != "City & Port" {
		t.Errorf("html: %+v in %q", q, r.Text)
	}
	md := "## Harbour news\n\n**Captain** Lars Fenn said the *channel* is [closed](http://x) for repairs."
	r = run(t, md, Markdown, "")
	q = find(t, r, "channel")
	if q.Text != "the channel is closed for repairs" || q.Speaker != "Lars Fenn" || q.Topic != "Harbour news" {
		t.Errorf("markdown: %+v in %q", q, r.Text)
	}
}

func TestInvalidUTF8(t *testing.T) {
	_, err := Extract(Document{Text: "ok \xff bad"})
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "byte 3") {
		t.Fatalf("err = %v", err)
	}
}
