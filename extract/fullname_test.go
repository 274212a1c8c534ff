package extract

import "testing"

// TestFullNamesAndOrganisations checks that speakers are their full names
// without role or organisation words, that a later surname carries the
// organisation and role given with the full name, and that an outlet that
// reports is named without the lower-case kind of organisation after it
// and marked as an organisation. All sentences are invented.
func TestFullNamesAndOrganisations(t *testing.T) {
	cases := []struct {
		name, text, sub, speaker, org, role string
		isOrg                               bool
	}{
		{"acronym before the person, surname later",
			"Member of the XDP Lena Roe argued that the vote was rigged. According to Roe, the count was secret.",
			"count was secret", "Lena Roe", "XDP", "member", false},
		{"acronym before the person, surname with a colon",
			"The chairman of XDP Omar Selby urged the council to resign. Selby wrote: the council has failed us.”",
			"council has failed", "Omar Selby", "XDP", "chairman", false},
		{"organisation name before the person, surname later",
			"The leader of the Harbour Party Ines Vahl argued that the port must stay public. “We will not sell it,” Vahl said.",
			"not sell it", "Ines Vahl", "Harbour", "leader", false},
		{"acronym before the person, pronoun later",
			"Member of XDP Lena Roe argued that the vote was rigged. She added that the count was secret.",
			"count was secret", "Lena Roe", "XDP", "member", false},
		{"outlet with a lower-case kind",
			"The Daily Example newspaper reports that two reporters were detained.",
			"reporters", "Daily Example", "", "", true},
		{"outlet with a two-word lower-case kind",
			"Harbour Wire news agency reported that the port was closed.",
			"port was closed", "Harbour Wire", "", "", true},
		{"title in capitals between descriptors and the name",
			"In a letter, Eastshire Green MP Ada Pike conceded that the plan had failed.",
			"plan had failed", "Ada Pike", "Eastshire Green", "mp", false},
		{"surname with a particle for the full name given before",
			"Omar Al Amin arrived in 2016. The market has changed, says Al Amin.",
			"market has changed", "Omar Al Amin", "", "", false},
		{"organisation named by its acronym",
			"The XDP said that the vote was rigged.",
			"vote was rigged", "XDP", "", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := find(t, run(t, c.text, PlainText, ""), c.sub)
			if q.Speaker != c.speaker || q.Organisation != c.org || q.Role != c.role || q.SpeakerIsOrg != c.isOrg {
				t.Errorf("got speaker %q org %q role %q isOrg %v, want %q %q %q %v",
					q.Speaker, q.Organisation, q.Role, q.SpeakerIsOrg, c.speaker, c.org, c.role, c.isOrg)
			}
		})
	}
}
