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
