package extract

import "testing"

// Two invented articles, one in the shape of a news report and one of a
// political digest, with every statement they hold and who holds it: a
// check of the whole path from text to stored speakers, organisations and
// roles that no dev sentence shaped.
const (
	inventedReport = `Harbour council votes to raise ferry fares

EASTPORT — The Eastport Harbour Council voted on Tuesday to raise ferry fares by 12 per cent, a move that critics say will hurt island residents.

Mayor Lena Holm defended the increase. "We have not raised fares in nine years, and the boats are falling apart," she told reporters after the vote.

Holm said the council had no other way to pay for two new vessels, which are expected to cost $40 million.

But Coun. Ivo Rask, who voted against the motion, called the decision "a tax on the islands."

"People who live on Grey Island have no other way to get to work," Rask said. "They are the ones who will pay."

The Island Residents' Association said in a statement that it would ask the province to review the decision.

Its president, Maria Santos, said the group had collected more than 2,000 signatures. "This is not over," she said.

According to a staff report, the new fares would bring in about $3 million a year.

The report also found that ridership had fallen by 8 per cent since 2019.

Transport Minister Tom Berg said the province would not intervene. "Fares are a local matter," Berg said in an email.

Santos disagreed. She said the province pays for roads on the mainland and should help the islands too.

Asked whether the council would reconsider, Holm said: "No. The decision is made."

The new fares take effect on April 1.
`

	inventedDigest = `Opposition leaders react to the verdict

Domestic politics

On Monday, the Eastport District Court sentenced journalist Kamran Aliyar to four years in prison on charges of hooliganism. His lawyer, Nigar Hasanova, told Radio Bay that the trial had been unfair and that she would appeal.

Chairman of the Harbour Democratic Party (HDP) Rauf Gasimli called the verdict "revenge for his reporting." He added that the authorities were trying to silence every critical voice in the country.

The HDP's deputy chairman, Leyla Mammadli, wrote on Facebook that the court had ignored the evidence. According to her, the witnesses for the defence were not allowed to speak.

The Ministry of Justice rejected the criticism. In a statement, the ministry said that the trial had been conducted in full accordance with the law.

Human rights defender Elshan Karimov believes the case is political. He noted that Aliyar had been arrested two days after publishing an investigation into the port authority.

Foreign affairs

The European Union's spokesperson, Anna Weber, said the EU was following the case closely. "We call for his immediate release," Weber said.

Economy

Economist Tural Huseynov warned that inflation could reach 15 per cent this year. In his view, the central bank has raised interest rates too late.

11 March 2025
`
)

func TestInventedArticles(t *testing.T) {
	type want struct{ sub, speaker, source, org, role string }
	for _, c := range []struct {
		name, text string
		want       []want
	}{
		{"report", inventedReport, []want{
			{"will hurt island residents", "", "critics", "", ""},
			{"We have not raised fares", "Lena Holm", "", "", "mayor"},
			{"no other way to pay for two new vessels", "Lena Holm", "", "", "mayor"},
			{"a tax on the islands", "Ivo Rask", "", "", "councillor"},
			{"People who live on Grey Island", "Ivo Rask", "", "", "councillor"},
			{"They are the ones who will pay", "Ivo Rask", "", "", "councillor"},
			{"ask the province to review", "Island Residents' Association", "", "", ""},
			{"collected more than 2,000 signatures", "Maria Santos", "", "Island Residents' Association", "president"},
			{"This is not over", "Maria Santos", "", "Island Residents' Association", "president"},
			{"bring in about $3 million", "", "a staff report", "", ""},
			{"the province would not intervene", "Tom Berg", "", "", "transport minister"},
			{"Fares are a local matter", "Tom Berg", "", "", "transport minister"},
			{"should help the islands too", "Maria Santos", "", "Island Residents' Association", "president"},
			{"No. The decision is made.", "Lena Holm", "", "", "mayor"},
		}},
		{"digest", inventedDigest, []want{
			{"the trial had been unfair", "Nigar Hasanova", "", "", "lawyer"},
			{"revenge for his reporting", "Rauf Gasimli", "", "HDP", "chairman"},
			{"silence every critical voice", "Rauf Gasimli", "", "HDP", "chairman"},
			{"the court had ignored the evidence", "Leyla Mammadli", "", "HDP", "deputy chairman"},
			{"not allowed to speak", "Leyla Mammadli", "", "HDP", "deputy chairman"},
			{"in full accordance with the law", "Ministry of Justice", "", "", ""},
			{"the case is political", "Elshan Karimov", "", "", "human rights defender"},
			{"arrested two days after publishing", "Elshan Karimov", "", "", "human rights defender"},
			{"the EU was following the case", "Anna Weber", "", "European Union", "spokesperson"},
			{"We call for his immediate release", "Anna Weber", "", "European Union", "spokesperson"},
			{"inflation could reach 15 per cent", "Tural Huseynov", "", "", "economist"},
			{"raised interest rates too late", "Tural Huseynov", "", "", "economist"},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.text, PlainText, "")
			if len(r.Quotes) != len(c.want) {
				t.Errorf("%d statements, want %d", len(r.Quotes), len(c.want))
			}
			for _, w := range c.want {
				q := find(t, r, w.sub)
				if q.Speaker != w.speaker || q.Source != w.source || q.Organisation != w.org || q.Role != w.role {
					t.Errorf("%q: speaker %q source %q organisation %q role %q, want %q %q %q %q",
						w.sub, q.Speaker, q.Source, q.Organisation, q.Role, w.speaker, w.source, w.org, w.role)
				}
			}
		})
	}
}
