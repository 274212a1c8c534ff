// Package demo loads a small built-in dataset into an empty database, so that
// a new installation has something to query and the tests of other packages
// have realistic records to work on.
//
// The dataset has the shape of a weekly digest of Azerbaijani political news
// in March 2022, with two earlier articles. Its wording was written for
// quotedb and is not a record of what anyone said: the sources say so in
// their text, and their addresses are under example.org. The organisations
// are real, so that the demo asks the questions newsrooms ask; every person
// and every statement is invented, so that no real person is misquoted. The
// one fact-checker, its two claim reviews and their verdicts are invented
// too. One statement appears twice: a roundup of 9 March reported Orkhan
// Salimli's words at the rally before the digest of 11 March did, in
// slightly different wording, for cross-referencing to find.
//
// The dataset is built so that affiliations over time matter: Tural
// Mammadli was a member of the APFP until December 2021 and of the NCDF from
// January 2022, so his March 2022 statement on the war in Ukraine is one by
// an NCDF member, not an APFP member.
package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// Names of records in the dataset, for tests and documentation that need
// to find them (ids are assigned by the store on load).
const (
	APFP            = "Azerbaijan Popular Front Party"
	NCDF            = "National Council of Democratic Forces"
	Azadliq         = "Azadliq"
	ForeignMinistry = "Ministry of Foreign Affairs"
	KuraInstitute   = "Kura Policy Institute"
	// FactCheckDesk is the demo's fact-checker. Unlike the other
	// organisations it is invented, as are its reviews.
	FactCheckDesk = "Demo Fact-Check Desk"

	OrkhanSalimli  = "Orkhan Salimli"
	FaridGasimli   = "Farid Gasimli"
	TuralMammadli  = "Tural Mammadli" // left the APFP in 2021-12 for the NCDF
	LeylaHuseynova = "Leyla Huseynova"
	ElnurSafarov   = "Elnur Safarov"
	ShahinChalabi  = "Shahin Chalabi"
	NigarRzayeva   = "Nigar Rzayeva"

	ForeignPolicy     = "Foreign policy"
	WarInUkraine      = "War in Ukraine"
	Karabakh          = "Karabakh"
	HumanRights       = "Human rights"
	FreedomOfThePress = "Freedom of the press"
	DomesticPolitics  = "Domestic politics"

	// Digest is the title of the digest of 2022-03-11.
	Digest = "Azerbaijan Weekly Digest, 5-11 March 2022"
	// Roundup is the title of a news roundup of 2022-03-09 that reported
	// Orkhan Salimli's words at the rally of 8 March before the digest did,
	// in slightly different wording: the first appearance of that
	// statement.
	Roundup = "Evening news roundup, 9 March 2022"
)

// Actor is the actor the change log records for Load's writes when the
// context names none.
const Actor = "demo"

var organisations = []store.Organisation{
	{Name: APFP, ShortName: "APFP", Aliases: []string{"Popular Front Party", "PFP", "Azərbaycan Xalq Cəbhəsi Partiyası"}, Kind: store.Party},
	{Name: NCDF, ShortName: "NCDF", Aliases: []string{"National Council", "Demokratik Qüvvələrin Milli Şurası"}, Kind: store.OtherOrg},
	{Name: Azadliq, Aliases: []string{"Azadlıq", "Azadliq newspaper"}, Kind: store.Media},
	{Name: ForeignMinistry, ShortName: "MFA", Aliases: []string{"Xarici İşlər Nazirliyi", "Foreign Ministry"}, Kind: store.Govt},
	{Name: KuraInstitute, ShortName: "KPI", Kind: store.ThinkTank},
	{Name: FactCheckDesk, Kind: store.Media},
}

var speakers = []store.Speaker{
	{Name: OrkhanSalimli, Aliases: []string{"Orxan Səlimli", "Orkhan Selimli"}, Description: "Board member of the Azerbaijan Popular Front Party (invented for the demo)"},
	{Name: FaridGasimli, Aliases: []string{"Fərid Qasımlı", "Farid Gasimly"}, Description: "Spokesperson of the Azerbaijan Popular Front Party (invented for the demo)"},
	{Name: TuralMammadli, Aliases: []string{"Tural Məmmədli", "Tural Mammadly"}, Description: "Opposition politician (invented for the demo)"},
	{Name: LeylaHuseynova, Aliases: []string{"Leyla Hüseynova"}, Description: "Reporter (invented for the demo)"},
	{Name: ElnurSafarov, Aliases: []string{"Elnur Səfərov"}, Description: "Deputy foreign minister (invented for the demo)"},
	{Name: ShahinChalabi, Aliases: []string{"Şahin Çələbi", "Shahin Chelebi"}, Description: "Journalist in exile (invented for the demo)"},
	{Name: NigarRzayeva, Description: "Policy analyst (invented for the demo)"},
}

// topics are listed parents first, as creating a subtopic needs its parent.
var topics = []struct {
	name, parent string
	aliases      []string
}{
	{ForeignPolicy, "", []string{"Xarici siyasət"}},
	{WarInUkraine, ForeignPolicy, []string{"Russian invasion of Ukraine", "Ukraine war"}},
	{Karabakh, ForeignPolicy, []string{"Qarabağ", "Nagorno-Karabakh"}},
	{HumanRights, "", nil},
	{FreedomOfThePress, HumanRights, []string{"Press freedom", "Media freedom"}},
	{DomesticPolitics, "", nil},
}

type affiliation struct {
	speaker, org, role, start, end, source string
}

var affiliations = []affiliation{
	{speaker: OrkhanSalimli, org: APFP, role: "board member", start: "2000"},
	{speaker: FaridGasimli, org: APFP, role: "spokesperson"}, // start unknown
	{speaker: TuralMammadli, org: APFP, role: "member", start: "2012", end: "2021-12"},
	{speaker: TuralMammadli, org: NCDF, role: "member", start: "2022-01", source: Digest},
	{speaker: LeylaHuseynova, org: Azadliq, role: "reporter", start: "2016"},
	{speaker: ElnurSafarov, org: ForeignMinistry, role: "deputy minister", start: "2020-07"},
	{speaker: ShahinChalabi, org: Azadliq, role: "columnist", start: "2008", end: "2014-06"},
	{speaker: NigarRzayeva, org: KuraInstitute, role: "senior analyst", start: "2019"},
}

// statement describes a statement of a source; its text is the next
// [[…]] of the source's text.
type statement struct {
	speaker, org, role string
	kind               store.StatementKind
	cue, said          string
	covers             []coverage
	topics             []string
	status             store.Status // UNVERIFIED when empty
	reviews            []review
}

// review is a claim review of a statement by FactCheckDesk.
type review struct {
	rating             string
	value, best, worst float64
	url, date          string
}

type coverage struct{ rng, label string }

var (
	rally  = coverage{"2022-03-08", "the rally on 8 March"}
	war44  = coverage{"2020-09-27..2020-11-10", "the 44-day war"}
	warUkr = coverage{"2022-02-24..", "the invasion of Ukraine"}
)

// source is a source whose text marks each statement's text with [[ and ]],
// in the order of statements; the marks are not part of the stored text.
type source struct {
	title, publisher, url, archived, published string
	text                                       string
	statements                                 []statement
}

var sources = []source{
	{
		title:     "A year after the 44-day war",
		publisher: Azadliq,
		url:       "https://azadliq.example.org/politics/2021/11/10/a-year-after-the-war",
		published: "2021-11-10",
		text: `A year after the 44-day war

This article is demo data for quotedb. Its wording was written for the demo and is not a record of what anyone said.

Marking a year since the end of the 44-day war, Orkhan Salimli said: "[[The soldiers who fell deserve an honest public account of how the war was fought.]]" Tural Mammadli, then a member of the Popular Front, said on 9 November that [[displaced families should be told when they can go back to their villages]]. Deputy foreign minister Elnur Safarov told the paper: "[[Rebuilding the liberated territories is the government's first priority.]]"
`,
		statements: []statement{
			{speaker: OrkhanSalimli, kind: store.Direct, cue: "said", said: "2021-11-10", covers: []coverage{war44}, topics: []string{Karabakh}},
			{speaker: TuralMammadli, kind: store.Indirect, cue: "said", said: "2021-11-09", covers: []coverage{war44}, topics: []string{Karabakh}},
			{speaker: ElnurSafarov, kind: store.Direct, cue: "told", said: "2021-11", topics: []string{Karabakh}},
		},
	},
	{
		title:     "Opposition condemns the invasion of Ukraine",
		publisher: Azadliq,
		url:       "https://azadliq.example.org/politics/2022/02/25/opposition-condemns-invasion",
		archived:  "https://archive.example.org/20220226/https://azadliq.example.org/politics/2022/02/25/opposition-condemns-invasion",
		published: "2022-02-25",
		text: `Opposition condemns the invasion of Ukraine

This article is demo data for quotedb. Its wording was written for the demo and is not a record of what anyone said.

Speaking on the day Russian troops crossed into Ukraine, Orkhan Salimli said: "[[This is an attack on every small nation that lives next to a large one.]]" Farid Gasimli called for [[an open debate in parliament on Azerbaijan's position on the war]].
`,
		statements: []statement{
			{speaker: OrkhanSalimli, kind: store.Direct, cue: "said", said: "2022-02-24", covers: []coverage{warUkr}, topics: []string{WarInUkraine}},
			{speaker: FaridGasimli, kind: store.Indirect, cue: "called for", said: "2022-02", topics: []string{WarInUkraine, DomesticPolitics}},
		},
	},
	{
		title:     Digest,
		publisher: KuraInstitute,
		url:       "https://digest.example.org/2022/03/11/azerbaijan-weekly-digest",
		archived:  "https://archive.example.org/20220312/https://digest.example.org/2022/03/11/azerbaijan-weekly-digest",
		published: "2022-03-11",
		text: `Azerbaijan Weekly Digest, 5-11 March 2022

This digest is demo data for quotedb. Its wording was written for the demo and is not a record of what anyone said.

OPPOSITION AND THE WAR IN UKRAINE

At the rally on 8 March, Orkhan Salimli (Orxan Səlimli), a board member of the Azerbaijan Popular Front Party, told the crowd: "[[Azerbaijan cannot stay silent while Ukrainian cities are being shelled. We lived through occupation ourselves, and we know what it means.]]" He added that [[the government should side with Ukraine in every international vote]].

The party spokesperson Farid Gasimli (Fərid Qasımlı) wrote on 3 March that "[[neutrality towards an invasion is not a foreign policy, it is the absence of one]]". Earlier in the month he said [[the party would keep organising peaceful rallies whatever the city authorities decide]].

Tural Mammadli, who left the Popular Front in December to join the National Council of Democratic Forces, told reporters on 9 March: "[[The National Council will collect aid for Ukrainian refugees, and we invite every party to join us.]]"

THE GOVERNMENT LINE

Deputy foreign minister Elnur Safarov said on 2 March that [[Azerbaijan supports the sovereignty and territorial integrity of every state, Ukraine included]]. Nigar Rzayeva of the Kura Policy Institute argued that [[the war would put the ceasefire arrangements in Karabakh under strain, since Russian peacekeepers are deployed there]].

PRESS FREEDOM

Azadliq reporter Leyla Huseynova (Leyla Hüseynova) wrote: "[[Two of our correspondents were held for several hours while covering the rally on 8 March.]]" The police said no journalists had been detained. From exile, Shahin Chalabi (Şahin Çələbi) wrote: "[[Writing from abroad is now the only way I can still write about home.]]"
`,
		statements: []statement{
			{speaker: OrkhanSalimli, kind: store.Direct, cue: "told", said: "2022-03-08", covers: []coverage{rally}, topics: []string{WarInUkraine}},
			{speaker: OrkhanSalimli, kind: store.Indirect, cue: "added", said: "2022-03-08", covers: []coverage{rally}, topics: []string{WarInUkraine}},
			{speaker: FaridGasimli, kind: store.Direct, cue: "wrote", said: "2022-03-03", topics: []string{WarInUkraine}},
			{speaker: FaridGasimli, kind: store.Indirect, cue: "said", said: "2022-03", topics: []string{DomesticPolitics}},
			{speaker: TuralMammadli, kind: store.Direct, cue: "told reporters", said: "2022-03-09", topics: []string{WarInUkraine}},
			// Stated explicitly, as the digest names the office.
			{speaker: ElnurSafarov, org: ForeignMinistry, role: "deputy minister", kind: store.Indirect, cue: "said", said: "2022-03-02", topics: []string{WarInUkraine}, status: store.Verified},
			{speaker: NigarRzayeva, kind: store.Indirect, cue: "argued", said: "2022-03", topics: []string{WarInUkraine, Karabakh}, reviews: []review{
				{rating: "True", value: 5, best: 5, worst: 1, url: "https://factcheck.example.org/2022/03/14/peacekeepers-in-karabakh", date: "2022-03-14"},
			}},
			// Disputed: the police denied the detentions in the same paragraph.
			{speaker: LeylaHuseynova, kind: store.Direct, cue: "wrote", said: "2022-03", covers: []coverage{rally}, topics: []string{FreedomOfThePress}, status: store.Disputed, reviews: []review{
				{rating: "Unproven", value: 2, best: 5, worst: 1, url: "https://factcheck.example.org/2022/03/15/were-reporters-held-at-the-rally", date: "2022-03-15"},
			}},
			{speaker: ShahinChalabi, kind: store.Direct, cue: "wrote", said: "2022-03", topics: []string{FreedomOfThePress}},
		},
	},
	{
		title:     Roundup,
		publisher: Azadliq,
		url:       "https://azadliq.example.org/news/2022/03/09/evening-roundup",
		published: "2022-03-09",
		text: `Evening news roundup, 9 March 2022

This roundup is demo data for quotedb. Its wording was written for the demo and is not a record of what anyone said.

At yesterday's rally in Baku, Orkhan Salimli of the Popular Front said: "[[Azerbaijan cannot stay silent while Ukrainian cities are being shelled; we lived through occupation ourselves and we know what that means.]]"
`,
		statements: []statement{
			{speaker: OrkhanSalimli, kind: store.Direct, cue: "said", said: "2022-03-08", covers: []coverage{rally}, topics: []string{WarInUkraine}},
		},
	},
}

// Load loads the demo dataset into s when s holds no record of any type, in
// one Update transaction, and reports whether it did. A database with any
// record is left alone. The emptiness check runs in the same transaction as
// the writes, so concurrent Loads load the dataset at most once.
func Load(ctx context.Context, s store.Store) (loaded bool, err error) {
	if store.ActorFrom(ctx) == "" {
		ctx = store.WithActor(ctx, Actor)
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		empty, err := isEmpty(tx)
		if err != nil || !empty {
			return err
		}
		loaded = true
		return load(tx)
	})
	if err != nil {
		return false, err
	}
	return loaded, nil
}

// isEmpty reports whether tx holds no record of any type.
func isEmpty(tx store.Tx) (bool, error) {
	one := store.Page{First: 1}
	if c, err := tx.ListOrganisations(store.OrganisationFilter{}, one); err != nil || len(c.Items) > 0 {
		return false, err
	}
	if c, err := tx.ListSpeakers(store.SpeakerFilter{}, one); err != nil || len(c.Items) > 0 {
		return false, err
	}
	if c, err := tx.ListTopics(store.TopicFilter{}, one); err != nil || len(c.Items) > 0 {
		return false, err
	}
	if c, err := tx.ListSources(store.SourceFilter{}, one); err != nil || len(c.Items) > 0 {
		return false, err
	}
	if c, err := tx.ListAffiliations(store.AffiliationFilter{}, one); err != nil || len(c.Items) > 0 {
		return false, err
	}
	c, err := tx.ListStatements(store.StatementFilter{}, one)
	return err == nil && len(c.Items) == 0, err
}

// load writes the dataset, resolving the names the dataset uses for
// references into the ids the store assigns. Records are written in
// dependency order: a record's references exist before it does.
func load(tx store.Tx) error {
	l := &loader{tx: tx, orgs: map[string]string{}, people: map[string]string{}, subjects: map[string]string{}, docs: map[string]string{}}
	if err := l.organisations(); err != nil {
		return err
	}
	if err := l.speakers(); err != nil {
		return err
	}
	if err := l.topics(); err != nil {
		return err
	}
	// Sources first, as affiliations and statements refer to them.
	texts, spans, err := l.sources()
	if err != nil {
		return err
	}
	if err := l.affiliations(); err != nil {
		return err
	}
	return l.statements(texts, spans)
}

// loader holds what load needs across record types: the transaction, and
// the ids the store assigned, by the names the dataset refers to them by.
type loader struct {
	tx store.Tx
	r  resolver
	// orgs, people, subjects and docs map the names of organisations,
	// speakers, topics and source titles to ids.
	orgs, people, subjects, docs map[string]string
}

// organisations creates the dataset's organisations. It copies, as speakers
// and topics do, the package-level slices before a Create may normalize
// them, so that a second Load (into another store) sees them unchanged.
func (l *loader) organisations() error {
	for _, o := range organisations {
		o.Aliases = slices.Clone(o.Aliases)
		if err := l.tx.CreateOrganisation(&o); err != nil {
			return fmt.Errorf("demo organisation %q: %w", o.Name, err)
		}
		l.orgs[o.Name] = o.ID
	}
	return nil
}

// speakers creates the dataset's speakers.
func (l *loader) speakers() error {
	for _, p := range speakers {
		p.Aliases = slices.Clone(p.Aliases)
		if err := l.tx.CreateSpeaker(&p); err != nil {
			return fmt.Errorf("demo speaker %q: %w", p.Name, err)
		}
		l.people[p.Name] = p.ID
	}
	return nil
}

// topics creates the dataset's topics, parents first as they are listed.
func (l *loader) topics() error {
	for _, t := range topics {
		rec := store.Topic{Name: t.name, ParentID: l.r.id(l.subjects, t.parent), Aliases: slices.Clone(t.aliases)}
		if l.r.err != nil {
			return l.r.err
		}
		if err := l.tx.CreateTopic(&rec); err != nil {
			return fmt.Errorf("demo topic %q: %w", t.name, err)
		}
		l.subjects[t.name] = rec.ID
	}
	return nil
}

// sources creates the dataset's sources, their texts stripped of the
// [[ ]] marks, and returns those texts and the spans the marks enclosed,
// by source and statement, for the statements to take their text from.
func (l *loader) sources() (texts []string, spans [][]store.Span, err error) {
	spans = make([][]store.Span, len(sources))
	texts = make([]string, len(sources))
	for i, src := range sources {
		texts[i], spans[i], err = markedText(src.text, len(src.statements))
		if err != nil {
			return nil, nil, errs.Wrap(errs.Internal, err, "demo source "+src.title)
		}
		rec := store.Source{
			Title:       src.title,
			PublisherID: l.r.id(l.orgs, src.publisher),
			URL:         src.url,
			ArchivedURL: src.archived,
			Published:   partialdate.MustParse(src.published),
			Language:    "en",
			Text:        texts[i],
		}
		if l.r.err != nil {
			return nil, nil, l.r.err
		}
		if err := l.tx.CreateSource(&rec); err != nil {
			return nil, nil, fmt.Errorf("demo source %q: %w", src.title, err)
		}
		l.docs[src.title] = rec.ID
	}
	return texts, spans, nil
}

// affiliations creates the dataset's affiliations.
func (l *loader) affiliations() error {
	for _, a := range affiliations {
		rec := store.Affiliation{
			SpeakerID:      l.r.id(l.people, a.speaker),
			OrganisationID: l.r.id(l.orgs, a.org),
			Role:           a.role,
			Start:          partialdate.MustParse(a.start),
			End:            partialdate.MustParse(a.end),
			SourceID:       l.r.id(l.docs, a.source),
		}
		if l.r.err != nil {
			return l.r.err
		}
		if err := l.tx.CreateAffiliation(&rec); err != nil {
			return fmt.Errorf("demo affiliation of %q to %q: %w", a.speaker, a.org, err)
		}
	}
	return nil
}

// statements creates the statements of every source, in the order of the
// sources and within each in the order of its text, with their claim
// reviews; texts and spans are what sources returned.
func (l *loader) statements(texts []string, spans [][]store.Span) error {
	for i, src := range sources {
		for j, st := range src.statements {
			if err := l.statement(src, j, st, texts[i], spans[i][j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// statement creates statement j of src, whose text is the span of the
// source's unmarked text, and then its claim reviews.
func (l *loader) statement(src source, j int, st statement, text string, span store.Span) error {
	rec := store.Statement{
		Text:           text[span.Start:span.End],
		Kind:           st.kind,
		SpeakerID:      l.r.id(l.people, st.speaker),
		OrganisationID: l.r.id(l.orgs, st.org),
		Role:           st.role,
		Cue:            st.cue,
		Said:           partialdate.MustParse(st.said),
		SourceID:       l.docs[src.title],
		Span:           &span,
		Language:       "en",
		Status:         st.status,
	}
	for _, c := range st.covers {
		r, err := partialdate.ParseRange(c.rng)
		if err != nil {
			return errs.Wrap(errs.Internal, err, "demo coverage "+c.rng)
		}
		rec.Covers = append(rec.Covers, store.Coverage{Range: r, Label: c.label})
	}
	for _, t := range st.topics {
		rec.TopicIDs = append(rec.TopicIDs, l.r.id(l.subjects, t))
	}
	if l.r.err != nil {
		return l.r.err
	}
	if err := l.tx.CreateStatement(&rec); err != nil {
		return fmt.Errorf("demo statement %d of %q: %w", j+1, src.title, err)
	}
	return l.reviews(src, j, rec.ID, st.reviews)
}

// reviews creates the fact-checker's claim reviews of statement j of src,
// stored under id.
func (l *loader) reviews(src source, j int, id string, reviews []review) error {
	for _, rv := range reviews {
		cr := store.ClaimReview{
			StatementID: id,
			ReviewerID:  l.r.id(l.orgs, FactCheckDesk),
			RatingText:  rv.rating,
			RatingValue: rv.value,
			BestRating:  rv.best,
			WorstRating: rv.worst,
			URL:         rv.url,
			Date:        partialdate.MustParse(rv.date),
		}
		if l.r.err != nil {
			return l.r.err
		}
		if err := l.tx.CreateClaimReview(&cr); err != nil {
			return fmt.Errorf("demo review of statement %d of %q: %w", j+1, src.title, err)
		}
	}
	return nil
}

// resolver turns the names the dataset refers to records by into ids,
// keeping the first name it does not know: an empty id would be taken for
// "no reference" by the optional fields and hide a typo in the dataset.
type resolver struct{ err error }

func (r *resolver) id(ids map[string]string, name string) string {
	id, ok := ids[name]
	if !ok && name != "" && r.err == nil {
		r.err = errs.E(errs.Internal, "demo dataset: no record named %q", name)
	}
	return id
}

// markedText removes the [[ and ]] marks from text and returns the byte
// spans, in the unmarked text, of what they enclosed. It fails unless
// there are exactly want well-formed marked spans.
func markedText(marked string, want int) (string, []store.Span, error) {
	var b strings.Builder
	var spans []store.Span
	rest := marked
	for {
		before, after, found := strings.Cut(rest, "[[")
		b.WriteString(before)
		if !found {
			break
		}
		inner, tail, ok := strings.Cut(after, "]]")
		if !ok || strings.Contains(inner, "[[") {
			return "", nil, fmt.Errorf("unbalanced [[ ]] after %q", b.String())
		}
		start := b.Len()
		b.WriteString(inner)
		spans = append(spans, store.Span{Start: start, End: b.Len()})
		rest = tail
	}
	if strings.Contains(b.String(), "]]") {
		return "", nil, fmt.Errorf("stray ]]")
	}
	if len(spans) != want {
		return "", nil, fmt.Errorf("%d marked statements, want %d", len(spans), want)
	}
	return b.String(), spans, nil
}
