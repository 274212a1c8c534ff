package verify_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
	"github.com/quotedb/quotedb/verify"
)

func demoVerifier(t *testing.T) *verify.Verifier {
	t.Helper()
	db := filepath.Join(t.TempDir(), "test.db")
	st, err := bolt.Open(db, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(st, search.DirFor(db), search.Options{})
	t.Cleanup(func() { ix.Close(); st.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(ctx); err != nil {
		t.Fatal(err)
	}
	return &verify.Verifier{Store: st, Index: ix}
}

func TestVerdicts(t *testing.T) {
	v := demoVerifier(t)
	tests := []struct {
		name    string
		q       verify.Quote
		verdict verify.Verdict
		text    string // start of the best match's text; "" for none
		speaker string // the best match's speaker
	}{
		{"exact", verify.Quote{Text: "Writing from abroad is now the only way I can still write about home.", Speaker: demo.ShahinChalabi},
			verify.Exact, "Writing from abroad", demo.ShahinChalabi},
		{"exact, normalised: quotes, dashes, case, spacing, diacritics",
			verify.Quote{Text: "“neutrality  towards an INVASION is not a foreign policy — it is the absence of one”", Speaker: "Fərid Qasımlı"},
			verify.Exact, "neutrality towards", demo.FaridGasimli},
		{"exact, speaker by surname in another spelling", verify.Quote{Text: "This is an attack on every small nation that lives next to a large one", Speaker: "Səlimli"},
			verify.Exact, "This is an attack", demo.OrkhanSalimli},
		{"exact, no speaker named", verify.Quote{Text: "This is an attack on every small nation that lives next to a large one."},
			verify.Exact, "This is an attack", demo.OrkhanSalimli},
		{"partial: words inside a longer statement", verify.Quote{Text: "we know what it means", Speaker: demo.OrkhanSalimli},
			verify.Partial, "Azerbaijan cannot stay silent", demo.OrkhanSalimli},
		{"partial, one sentence of two", verify.Quote{Text: "Azerbaijan cannot stay silent while Ukrainian cities are being shelled.", Speaker: "Orkhan Salimli"},
			verify.Partial, "Azerbaijan cannot stay silent", demo.OrkhanSalimli},
		{"paraphrase: close wording", verify.Quote{Text: "Two of our reporters were detained for several hours while covering the rally on 8 March", Speaker: demo.LeylaHuseynova},
			verify.Paraphrase, "Two of our correspondents", demo.LeylaHuseynova},
		{"paraphrase, words reordered", verify.Quote{Text: "the government's first priority is rebuilding the liberated territories", Speaker: demo.ElnurSafarov},
			verify.Paraphrase, "Rebuilding the liberated", demo.ElnurSafarov},
		{"negated: 'can' against 'cannot'", verify.Quote{Text: "Azerbaijan can stay silent while Ukrainian cities are being shelled", Speaker: demo.OrkhanSalimli},
			verify.NotFound, "", ""},
		{"negated: 'is a foreign policy' against 'is not'", verify.Quote{Text: "neutrality towards an invasion is a foreign policy", Speaker: demo.FaridGasimli},
			verify.NotFound, "", ""},
		{"negation added", verify.Quote{Text: "the war would not put the ceasefire arrangements in Karabakh under strain", Speaker: demo.NigarRzayeva},
			verify.NotFound, "", ""},
		{"negated words inside a longer statement", verify.Quote{Text: "Azerbaijan can stay silent"},
			verify.NotFound, "", ""},
		{"misattributed", verify.Quote{Text: "Writing from abroad is now the only way I can still write about home.", Speaker: demo.LeylaHuseynova},
			verify.Misattributed, "Writing from abroad", demo.ShahinChalabi},
		{"misattributed paraphrase", verify.Quote{Text: "Two of our reporters were detained for several hours while covering the rally on 8 March", Speaker: demo.ShahinChalabi},
			verify.Misattributed, "Two of our correspondents", demo.LeylaHuseynova},
		{"misattributed to an unknown name", verify.Quote{Text: "we know what it means", Speaker: "Nobody Atall"},
			verify.Misattributed, "Azerbaijan cannot stay silent", demo.OrkhanSalimli},
		{"absent", verify.Quote{Text: "The harvest this year will be the best in a decade", Speaker: demo.ElnurSafarov},
			verify.NotFound, "", ""},
		{"absent, sharing only common words", verify.Quote{Text: "the party would never agree to the budget"},
			verify.NotFound, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := v.Verify(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			best := ms[0]
			if best.Verdict != tt.verdict {
				t.Errorf("verdict %s (similarity %.2f), want %s", best.Verdict, best.Similarity, tt.verdict)
			}
			if tt.text == "" {
				if best.Statement != nil || len(ms) != 1 {
					t.Errorf("NOT_FOUND with a statement: %+v", ms)
				}
				return
			}
			if best.Statement == nil || !strings.HasPrefix(best.Statement.Text, tt.text) {
				t.Fatalf("best match %+v, want %q", best.Statement, tt.text)
			}
			var name string
			v.Store.View(context.Background(), func(tx store.Tx) error {
				sp, err := tx.Speaker(best.Statement.SpeakerID)
				if err == nil {
					name = sp.Name
				}
				return err
			})
			if name != tt.speaker {
				t.Errorf("speaker %s, want %s", name, tt.speaker)
			}
			if want := tt.q.Speaker != "" && tt.verdict != verify.Misattributed; best.SpeakerMatches != want {
				t.Errorf("speakerMatches %v, want %v", best.SpeakerMatches, want)
			}
			switch tt.verdict {
			case verify.Exact, verify.Partial:
				if best.Similarity != 1 {
					t.Errorf("similarity %.2f for %s", best.Similarity, tt.verdict)
				}
			case verify.Paraphrase:
				if best.Similarity < verify.ParaphraseThreshold {
					t.Errorf("similarity %.2f for %s", best.Similarity, tt.verdict)
				}
			}
		})
	}
}

func TestVerifyRanksTheNamedSpeakerFirst(t *testing.T) {
	v := demoVerifier(t)
	// Both Salimli statements of 8 March and Rzayeva's mention the war;
	// with a date, the statement said then ranks first among equals.
	ms, err := v.Verify(context.Background(), verify.Quote{Text: "the government should side with Ukraine in every international vote", Speaker: demo.OrkhanSalimli, Date: partialdate.MustParse("2022-03-08")})
	if err != nil {
		t.Fatal(err)
	}
	if ms[0].Verdict != verify.Exact || !ms[0].DateMatches || !ms[0].SpeakerMatches {
		t.Errorf("best %+v", ms[0])
	}
}

func TestVerifyBadInput(t *testing.T) {
	v := demoVerifier(t)
	for _, q := range []verify.Quote{
		{Text: ""},
		{Text: " “ — ” "},
		{Text: "war", Speaker: "0190f5a2-0000-7000-8000-000000000000"},
	} {
		if _, err := v.Verify(context.Background(), q); !errs.Is(err, errs.Invalid) {
			t.Errorf("Verify(%+v): %v, want Invalid", q, err)
		}
	}
	if _, err := v.Verify(context.Background(), verify.Quote{Text: strings.Repeat("word ", verify.MaxQuoteBytes)}); !errs.Is(err, errs.TooLarge) {
		t.Errorf("oversized quote: %v", err)
	}
}

// A reworded quote whose rarest words are not the statement's is found as
// a paraphrase, and negated, it is not (the example of the issue, with
// statements invented for it).
func TestRewordedQuote(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	st, err := bolt.Open(db, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	texts := []string{
		"The port can be used by the cartel to move attention from the border",
		"The border crossing will stay open through the winter",
		"The cartel denied any link to the shipping company",
		"Attention now turns to the port authority's annual report",
	}
	var stored string
	err = st.Update(context.Background(), func(tx store.Tx) error {
		sp := store.Speaker{Name: "Ada Invented"}
		if err := tx.CreateSpeaker(&sp); err != nil {
			return err
		}
		for i, text := range texts {
			s := store.Statement{Text: text, Kind: store.Direct, SpeakerID: sp.ID, Status: store.Unverified}
			if err := tx.CreateStatement(&s); err != nil {
				return err
			}
			if i == 0 {
				stored = s.ID
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ix := search.Open(st, search.DirFor(db), search.Options{})
	defer ix.Close()
	if err := ix.WaitCurrent(t.Context()); err != nil {
		t.Fatal(err)
	}
	v := &verify.Verifier{Store: st, Index: ix}
	tests := []struct {
		quote string
		want  verify.Verdict // of the stored statement, NOT_FOUND when absent
	}{
		{"the cartel may use the port as a means to draw the world's eyes away from the border", verify.Paraphrase},
		{"the cartel uses the port to move attention away from the border", verify.Paraphrase},
		{"the port cannot be used by the cartel to move attention from the border", verify.NotFound},
		{"the cartel may not use the port to draw attention away from the border", verify.NotFound},
	}
	for _, tt := range tests {
		ms, err := v.Verify(t.Context(), verify.Quote{Text: tt.quote})
		if err != nil {
			t.Fatal(err)
		}
		got := verify.NotFound
		for _, m := range ms {
			if m.Statement != nil && m.Statement.ID == stored {
				got = m.Verdict
			}
		}
		if got != tt.want {
			t.Errorf("%q: %s, want %s (matches %+v)", tt.quote, got, tt.want, ms)
		}
	}
}
