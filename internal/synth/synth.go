// Package synth generates a deterministic database of invented speakers,
// organisations, affiliations, topics and statements, for benchmarks at
// sizes no real corpus here reaches. The statements are built from clause
// templates over a vocabulary whose words are drawn with a Zipf
// distribution, so that word frequencies look like those of news text:
// a few words in most statements, most words in few.
package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

var firstNames = []string{"Əli", "İlham", "Sabir", "Leyla", "Arif", "Günel", "Rəşad", "Nigar", "Tofiq", "Aygün", "Orxan", "Fərid", "Tural", "Elnur", "Şahin", "Səbinə", "Kamran", "Ülviyyə", "Vüqar", "Aysel"}
var lastNames = []string{"Kərimli", "Əliyev", "Rüstəmxanlı", "Yunus", "Hacılı", "Məmmədova", "Quliyev", "Hüseynova", "Qasımlı", "Babayeva", "Səlimli", "Çələbi", "Rzayeva", "Səfərov", "İsmayılov", "Nəsirli", "Abbasov", "Vəliyeva", "Cəfərli", "Orucov"}

var orgWords = []string{"Popular Front", "Democratic", "National Council", "Civic Union", "Free Press", "Justice", "Reform", "Liberty", "Solidarity", "Progress"}

var topicNames = []string{"Economy", "Inflation", "Energy", "Oil and gas", "Foreign policy", "War in Ukraine", "Karabakh", "Human rights", "Freedom of the press", "Elections", "Corruption", "Education", "Health", "Housing", "Agriculture", "Migration", "Climate", "Transport", "Pensions", "Taxes"}

// Subjects, verbs and objects of the clause templates; the nouns and
// adjectives that fill them are drawn from vocab by rank.
var (
	subjects = []string{"the government", "our party", "the opposition", "the ministry", "parliament", "the president", "the people", "this policy", "the budget", "the new law", "the reform", "the central bank", "the authorities", "our country", "the coalition"}
	modals   = []string{"will", "would", "must", "should", "cannot", "will not", "would not", "has", "has not", "did not", "can", "may"}
	verbs    = []string{"improve", "protect", "destroy", "support", "reduce", "increase", "defend", "ignore", "reform", "restore", "undermine", "guarantee", "deliver", "block", "fund", "review", "abolish", "strengthen", "weaken", "explain"}
	links    = []string{"because", "while", "although", "since", "and", "but", "unless", "so that"}
)

// vocab is the pool of content words; rank 0 is the most frequent.
var vocab = strings.Fields(`economy prices inflation wages jobs pensions taxes budget energy gas oil
electricity families children schools teachers doctors hospitals roads villages farmers
elections votes rights freedom press journalists courts judges police prisoners protests
rallies borders refugees soldiers peace ceasefire security sovereignty neighbours
investment banks loans currency exports imports trade markets companies workers unions
corruption transparency accountability contracts tenders officials ministers deputies
housing rents mortgages water irrigation harvest drought climate pollution forests
transport railways airports metro buses tickets fares salaries students universities
research science culture language history memory monuments museums theatre sport
football stadium medicine vaccines clinics nurses ambulances insurance benefits poverty
unemployment migration diaspora visas passports consulates embassies treaties sanctions
negotiations talks agreements corridors pipelines shipments tariffs quotas subsidies
regions districts municipalities mayors councils budgets audits reports statistics
census surveys polls media television radio newspapers websites bloggers censorship
licences frequencies broadcasts interviews debates speeches statements promises
commitments deadlines plans strategies programmes projects reforms laws amendments
constitution referendum parliament committee hearing inquiry investigation evidence
verdict appeal sentence amnesty pardon release detention arrest trial lawyers defence`)

// Options size a generated database.
type Options struct {
	Statements int
	Speakers   int // default Statements/500, at least 50
	Seed       uint64
}

// IDs are the ids of the generated records, by kind.
type IDs struct {
	Speakers, Organisations, Topics []string
}

// Generate writes a database of opts.Statements statements into s, which
// should be empty, in transactions of 10000 writes.
func Generate(ctx context.Context, s store.Store, opts Options) (*IDs, error) {
	if opts.Speakers == 0 {
		opts.Speakers = max(50, opts.Statements/500)
	}
	r := rand.New(rand.NewPCG(opts.Seed, 7))
	ids := &IDs{}
	err := s.Update(ctx, func(tx store.Tx) error {
		for i, w := range orgWords {
			o := &store.Organisation{Name: w + " Party", ShortName: fmt.Sprintf("P%d", i), Kind: store.Party}
			if err := tx.CreateOrganisation(o); err != nil {
				return err
			}
			ids.Organisations = append(ids.Organisations, o.ID)
		}
		for i, name := range topicNames {
			t := &store.Topic{Name: name}
			if i >= 5 {
				t.ParentID = ids.Topics[i%5]
			}
			if err := tx.CreateTopic(t); err != nil {
				return err
			}
			ids.Topics = append(ids.Topics, t.ID)
		}
		for i := range opts.Speakers {
			sp := &store.Speaker{Name: fmt.Sprintf("%s %s", firstNames[i%len(firstNames)], lastNames[i/len(firstNames)%len(lastNames)])}
			if i >= len(firstNames)*len(lastNames) {
				sp.Name += fmt.Sprintf(" %d", i)
			}
			if err := tx.CreateSpeaker(sp); err != nil {
				return err
			}
			ids.Speakers = append(ids.Speakers, sp.ID)
			// One or two affiliations: a move between parties in 2019.
			a := &store.Affiliation{SpeakerID: sp.ID, OrganisationID: ids.Organisations[r.IntN(len(ids.Organisations))], Role: "member"}
			if r.IntN(3) == 0 {
				a.End = partialdate.Date{Year: 2019, Month: 6}
				b := &store.Affiliation{SpeakerID: sp.ID, OrganisationID: ids.Organisations[r.IntN(len(ids.Organisations))], Role: "member", Start: partialdate.Date{Year: 2019, Month: 7}}
				if err := tx.CreateAffiliation(b); err != nil {
					return err
				}
			}
			if err := tx.CreateAffiliation(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	zipf := Zipf(r)
	for done := 0; done < opts.Statements; {
		n := min(10000, opts.Statements-done)
		err := s.Update(ctx, func(tx store.Tx) error {
			for range n {
				if err := tx.CreateStatement(Statement(r, zipf, ids)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		done += n
	}
	return ids, nil
}

// Zipf returns the distribution of word ranks that Statement draws from.
func Zipf(r *rand.Rand) *rand.Zipf { return rand.NewZipf(r, 1.1, 3, uint64(len(vocab)-1)) }

// Statement returns one invented statement by a speaker of ids.
func Statement(r *rand.Rand, zipf *rand.Zipf, ids *IDs) *store.Statement {
	word := func() string { return vocab[zipf.Uint64()] }
	clause := func() string {
		return fmt.Sprintf("%s %s %s the %s %s", pick(r, subjects), pick(r, modals), pick(r, verbs), word(), word())
	}
	var b strings.Builder
	b.WriteString(clause())
	for range r.IntN(3) {
		fmt.Fprintf(&b, " %s %s", pick(r, links), clause())
	}
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, ", said %s %s", pick(r, firstNames), pick(r, lastNames))
	}
	text := b.String()
	text = strings.ToUpper(text[:1]) + text[1:] + "."
	st := &store.Statement{
		Text:      text,
		Kind:      store.Direct,
		SpeakerID: ids.Speakers[r.IntN(len(ids.Speakers))],
		Said:      partialdate.Date{Year: 2015 + r.IntN(10), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)},
		TopicIDs:  []string{ids.Topics[r.IntN(len(ids.Topics))]},
		Status:    store.Statuses[r.IntN(len(store.Statuses))],
	}
	if r.IntN(2) == 0 {
		st.Kind = store.Indirect
	}
	if r.IntN(10) == 0 {
		st.Said.Day = 0
	}
	return st
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }
