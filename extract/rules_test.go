package extract

import (
	"strings"
	"testing"
)

// TestSpeakerRules checks speaker resolution in long subjects, titles and
// unnamed sources. Speaker is the expected name; source, when set, the
// expected phrase of an unnamed source.
func TestSpeakerRules(t *testing.T) {
	cases := []struct {
		name, text, sub, speaker, source string
	}{
		{"abbreviated title before an inverted subject",
			"“The budget is late,” said Rep. Ida Marsh, the chair of the finance panel.",
			"budget", "Ida Marsh", ""},
		{"title and place around the opening name",
			"Sen. Ola Brandt of Vermont, the head of the transport panel, said the vote would wait.",
			"vote", "Ola Brandt", ""},
		{"long relative clause after the opening name",
			"Kari Holm, who grew up on the island, sailed for years and retired in 2010, said the ferry was never late.",
			"ferry", "Kari Holm", ""},
		{"apposition ending in a place",
			"Omar Selby, the co-owner of Blue Kettle, a bakery based in Eastport, says the flour price doubled.",
			"flour", "Omar Selby", ""},
		{"introductory phrase before the name",
			"On Friday, Vera Lind, the head of the Port Council, which oversees the docks, urged the city “to act now.”",
			"act now", "Vera Lind", ""},
		{"descriptors before an apposed name",
			"One rural mayor, Kent County Mayor Ada Pike, said the roads were unsafe.",
			"roads", "Ada Pike", ""},
		{"unnamed source with a participle and a relative clause",
			"An expert cited in the survey, which covered ten towns, said tenants in towns like Eastport will pay more.",
			"pay more", "", "An expert cited in the survey"},
		{"lower-case descriptors before an inverted name",
			"“We are tired,” said dock and ferry worker Ivan Brook.",
			"tired", "Ivan Brook", ""},
		{"subject after an introductory phrase",
			"Mara Lind spoke first. Down the street, Tom Berg watched the parade. He said the town had changed.",
			"town", "Tom Berg", ""},
		{"single name with a role apposition",
			"Mara Lind spoke first. Yuna, a resident of the valley, was at home when the water came. “It was terrifying,” she said.",
			"terrifying", "Yuna", ""},
		{"participle after an adverbial opening with a name in it",
			"Shortly after the arrest of Ann Roe, the Harbour Ministry issued a statement clarifying that she was a witness.",
			"witness", "Harbour Ministry", ""},
		{"party description of the person named just before",
			"Ann Roe spoke first. Critics and Majority Leader Jo Tan blamed the press. “The footage was cut to mislead,” the Ohio Republican said.",
			"footage", "Jo Tan", ""},
		{"quotation after a sentence about another person",
			"“The plan is good,” Ivo Rask said. Lea Dorn did not need much persuading. “I am grateful for the chance to work on it.”",
			"grateful", "Lea Dorn", ""},
		{"quotation continuing the last speaker",
			"“The plan is good,” Ivo Rask said. “We will start building in June.”",
			"June", "Ivo Rask", ""},
		{"name with two particles",
			"“We are done,” Ida Marsh said. Jan van der Berg, a geologist at the institute, said the slope was unstable. “It can slide at any time,” he said.",
			"slide", "Jan van der Berg", ""},
		{"unnamed source with a relative clause",
			"“The fees are too high,” a reader, whose name was withheld, wrote on Monday.",
			"fees", "", "a reader"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := find(t, run(t, c.text, PlainText, ""), c.sub)
			if q.Speaker != c.speaker {
				t.Errorf("speaker %q (source %q), want %q", q.Speaker, q.Source, c.speaker)
			}
			if c.source != "" && q.Source != c.source {
				t.Errorf("source %q, want %q", q.Source, c.source)
			}
		})
	}
}

// TestCueWordsAsNouns checks that reporting verbs used as nouns or
// modifiers start no statement.
func TestCueWordsAsNouns(t *testing.T) {
	wantNoStatements(t,
		"The club won its seven state titles under one coach.",
		"Ada Pike, a Green state senator, visited the harbour on Monday.",
		"The board received two reports from the auditors.",
		"She studied at Eastfield State University for four years.",
		"The mayor did not say when the bridge would open.",
		"Ann Roe won’t say what the plan is.",
		"A new report shows rents could rise by a third.",
		"The final report is due in May.",
		"Lena Holm and Piet Roos each added a goal as the Sharks won.",
		"The contract added $1.20 to close at $50.10 a barrel.",
		"Harbour responded a minute later with a goal of its own.",
		"When you say the plan is bad, people listen.",
	)
}

// TestSentenceAndCueEdges checks a lower-case quotation after an
// abbreviation dot and "echoes" as a reporting verb.
func TestSentenceAndCueEdges(t *testing.T) {
	cases := []struct {
		name, text, sub, speaker string
	}{
		{"lower-case quotation after an abbreviation",
			"Harbour pensioner Lena Dahl, who lost 9 kg. “and a lot of worry” since spring, says the classes changed her life.",
			"classes", "Lena Dahl"},
		{"echoes",
			"Ivo Rask runs the shop. “Good service is the whole secret,” echoes Rask.",
			"secret", "Ivo Rask"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := find(t, run(t, c.text, PlainText, ""), c.sub)
			if q.Speaker != c.speaker {
				t.Errorf("speaker %q (source %q), want %q", q.Speaker, q.Source, c.speaker)
			}
		})
	}
}

// TestDocumentAuthors checks that a statement or document cited as the
// source is attributed to its author.
func TestDocumentAuthors(t *testing.T) {
	cases := []struct {
		name, text, sub, speaker string
	}{
		{"statement after its author spoke",
			"The Harbour Trust said it would sell the pier. A statement said the sale would close in May.",
			"close in May", "Harbour Trust"},
		{"name before the document noun",
			"According to the Lakeside Institute study, rents rose by a third.",
			"rents", "Lakeside Institute"},
		{"possessive author",
			"Nora Quill's letter said the school would stay open.",
			"stay open", "Nora Quill"},
		{"plural documents without an article stay unnamed",
			"Ann Roe said the budget was fine. City documents say the bridge cost more.",
			"bridge", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := find(t, run(t, c.text, PlainText, ""), c.sub)
			if q.Speaker != c.speaker {
				t.Errorf("speaker %q (source %q), want %q", q.Speaker, q.Source, c.speaker)
			}
		})
	}
}

// TestQuotedHeadlineAndRelativeCue checks that a single-quoted line set
// apart as a subheading is no statement, and that a report in a relative
// clause after its noun phrase is one.
func TestQuotedHeadlineAndRelativeCue(t *testing.T) {
	r := run(t, "Ann Roe said the rink was full every weekend.\n\n'Hard to find a seat at the games'\n\nThe club has 300 members.", PlainText, "")
	for _, q := range r.Quotes {
		if strings.Contains(q.Text, "Hard to find") {
			t.Errorf("subheading taken as a statement: %+v", q)
		}
	}
	find(t, r, "rink was full")
	r = run(t, "He shares the letter by the Harbour Union, that calls for the release of the workers.", PlainText, "")
	find(t, r, "release of the workers")
}

// TestToldAfterQuotation checks that after a quotation the words after
// "told" are the addressee, not more content.
func TestToldAfterQuotation(t *testing.T) {
	r := run(t, "“Thank you for coming to the hall tonight,” Lea Dorn told the mayor in a soft voice, her hands shaking as the crowd applauded.", PlainText, "")
	q := find(t, r, "Thank you")
	if q.Speaker != "Lea Dorn" {
		t.Errorf("speaker %q", q.Speaker)
	}
	for _, q := range r.Quotes {
		if strings.Contains(q.Text, "soft voice") {
			t.Errorf("addressee taken as content: %+v", q)
		}
	}
}
