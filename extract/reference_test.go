package extract

import "testing"

// TestReferringSpeakers checks how pronouns and definite descriptions
// are resolved to a speaker named earlier.
func TestReferringSpeakers(t *testing.T) {
	cases := []struct {
		name, text, sub, speaker string
	}{
		{"descriptor before name",
			"The Harbour League leader Edda Lorn visited the docks. She said that the cranes were too old.",
			"cranes", "Edda Lorn"},
		{"gendered pronoun skips the latest subject",
			"Mira Tallis chairs the board. She said that the plan was sound. Oskar Brandt, her deputy, disagreed. He said that costs would double. She said that the vote would go ahead.",
			"vote", "Mira Tallis"},
		{"role description",
			"Mayor Ingrid Vale opened the new library. The mayor said that reading rooms would stay open late.",
			"reading", "Ingrid Vale"},
		{"role description of the latest subject",
			"Ruben Okafor has run the bakery for ten years. The 41-year-old baker says business has never been better.",
			"business", "Ruben Okafor"},
		{"party description",
			"Senator Alma Reyes criticized the plan. The Nevada Democrat said the bill would hurt farmers.",
			"farmers", "Alma Reyes"},
		{"company description",
			"Brightwell Ltd said it would close two plants. The company said that no jobs would be lost.",
			"jobs", "Brightwell Ltd"},
		{"organisation named with the head word",
			"The Dock Workers Union called a strike on Friday. The union said that wages had not kept pace.",
			"wages", "Dock Workers Union"},
		{"organisation after the person",
			"Tomas Ekberg with the Northern Rail Authority says the line will reopen in June.",
			"reopen", "Tomas Ekberg"},
		{"organisation as object of a preposition",
			"They cite former envoy Lars Hovde who in an interview with the Voice of Harbour called for new talks. He noted that the border had been quiet.",
			"border", "Lars Hovde"},
		{"relative clause after an apposition",
			"River Radio interviews Sofia Lund, the adviser to the former mayor of Eastport, who suggests that the bridge should be rebuilt.",
			"bridge", "Sofia Lund"},
		{"colon after a long object",
			"Nadia Fern shared her decision with the readers of her page with these words: I will run for the council next year.",
			"council", "Nadia Fern"},
		{"apposition ending in a role word",
			"Piet Varga, Eastside MP, said the ferry must keep running.",
			"ferry", "Piet Varga"},
		{"inverted subject with an organisation",
			"“The queue was hours long,” said Ruth Almer with the Coastal Nurses Union.",
			"queue", "Ruth Almer"},
		{"anonymous role stays unnamed",
			"Lena Bard was charged last year. The official said that the review would take months.",
			"review", ""},
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

// TestPullQuoteEdited checks that an edited pull quote takes the speaker of
// the statement that has most of its words.
func TestPullQuoteEdited(t *testing.T) {
	text := "Weekly Review of Harbour Politics\n\n" +
		"“We had no choice but to close the port to protect the workers…”\n\n" +
		"Port and Trade\n\n" +
		"Union leader Edda Morn wrote: “We had no other choice than to close the port to protect the workers.”"
	r := run(t, text, PlainText, "")
	if pull := r.Quotes[0]; !pull.PullQuote || pull.Speaker != "Edda Morn" || pull.Topic != "Port and Trade" {
		t.Errorf("pull quote %+v", pull)
	}
}
