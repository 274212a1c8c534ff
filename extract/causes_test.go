package extract

import "testing"

// TestReportingVerbs checks reporting verbs of judgement, confession,
// reminder and ruling with a that-clause, and that without one they report
// nothing. All sentences are invented.
func TestReportingVerbs(t *testing.T) {
	cases := []struct{ text, sub, speaker string }{
		{"Ann Roe assessed that the plan would fail.", "plan would fail", "Ann Roe"},
		{"Ivo Rask confessed that he had lost the keys.", "lost the keys", "Ivo Rask"},
		{"Lena Holm reminded reporters that the port had closed before.", "port had closed", "Lena Holm"},
		{"Judge Omar Selby ruled that the lease was void.", "lease was void", "Omar Selby"},
		{"Ines Vahl blurted that the vote was lost.", "vote was lost", "Ines Vahl"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			q := find(t, run(t, c.text, PlainText, ""), c.sub)
			if q.Speaker != c.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, c.speaker)
			}
		})
	}
	for _, text := range []string{
		"Ann Roe assessed the damage on Monday.",
		"The court ruled on the case in May.",
		"Ivo Rask reminded himself to call.",
	} {
		if r := run(t, text, PlainText, ""); len(r.Quotes) != 0 {
			t.Errorf("%q: unexpected statements %+v", text, r.Quotes)
		}
	}
}

// TestGroupSubjects checks that a plural common noun opening a sentence
// is an unnamed source, not a name. All sentences are invented.
func TestGroupSubjects(t *testing.T) {
	cases := []struct{ text, sub, source string }{
		{"Officials said the bridge would reopen in May.", "bridge would reopen", "Officials"},
		{"Residents say the water is not safe to drink.", "water is not safe", "Residents"},
		{"Critics argued that the fee was a tax by another name.", "fee was a tax", "Critics"},
		{"Authorities said that the road was closed.", "road was closed", "Authorities"},
	}
	// After a title of address, a word that is usually no name is one.
	if q := find(t, run(t, "Mr Friday said that the shop was closed.", PlainText, ""), "shop"); q.Speaker != "Friday" {
		t.Errorf("speaker %q, want Friday", q.Speaker)
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			q := find(t, run(t, c.text, PlainText, ""), c.sub)
			if q.Speaker != "" || q.Source != c.source {
				t.Errorf("speaker %q source %q, want the unnamed source %q", q.Speaker, q.Source, c.source)
			}
		})
	}
}
