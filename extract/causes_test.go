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
