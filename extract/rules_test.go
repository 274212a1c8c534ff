package extract

import "testing"

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
