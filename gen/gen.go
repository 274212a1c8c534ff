// Package gen generates realistic quotedb datasets of any size, for
// benchmarks, load tests and demos at scale. The same Config always gives
// the same records, byte for byte.
//
// The shape follows news coverage: a few speakers say most of what is
// quoted (statements per speaker follow a Zipf law); speakers have aliases
// (transliterations, initials) and move between organisations over the
// years; topics form a two-level hierarchy of uneven popularity; sources
// are articles of media organisations, a tenth of them with their full
// text (the statements they contain, at their byte spans), the rest known
// by URL only, as in quotation corpora; statements are 40 to 600 bytes
// long, more of them in recent years, mostly dated to the day.
//
// Records come in the dependency order of store.RecordTypes, so that the
// output of WriteJSONL is a dump that quotedb import reads.
package gen

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// Config says what to generate.
type Config struct {
	// Statements is the number of statements; the other record counts
	// follow from it (see Counts).
	Statements int
	// Seed selects the dataset: equal seeds give equal output.
	Seed uint64
}

// Counts are the numbers of records a Config generates.
type Counts struct {
	Organisations, Speakers, Topics, Sources, Affiliations, Statements int
}

// statementsPerSource is the mean number of statements an article yields.
const statementsPerSource = 8

// Years spanned by statement dates.
const (
	firstYear = 2000
	lastYear  = 2025
)

// epoch is when the generated records were notionally entered: CreatedAt
// and the time part of the UUIDv7 ids count up from it, a millisecond a
// record.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// CountsOf returns how many records of each type cfg generates, except
// affiliations, which depend on the draws (1 to 3 per speaker).
func CountsOf(cfg Config) Counts {
	n := max(cfg.Statements, 0)
	c := Counts{Statements: n}
	c.Speakers = max(20, n/40)
	c.Organisations = max(8, c.Speakers/25)
	c.Topics = len(topicTree)
	c.Sources = max(1, (n+statementsPerSource-1)/statementsPerSource)
	return c
}

// Generate calls emit with every record of the dataset, in dependency
// order, and stops at emit's first error, returning it. It returns
// ctx.Err() when ctx is done first.
func Generate(ctx context.Context, cfg Config, emit func(store.Record) error) error {
	if cfg.Statements < 0 {
		return errs.E(errs.Invalid, "number of statements must not be negative")
	}
	g := newGenerator(cfg)
	return g.run(ctx, emit)
}

// WriteJSONL writes the dataset to w as JSON Lines in the format of
// quotedb export, and returns the number of records written.
func WriteJSONL(ctx context.Context, cfg Config, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	err := Generate(ctx, cfg, func(rec store.Record) error {
		n++
		return enc.Encode(rec)
	})
	return n, err
}

type generator struct {
	cfg    Config
	counts Counts
	r      *rand.Rand
	clock  int64 // milliseconds after epoch of the next record

	orgs     []*store.Organisation
	media    []*store.Organisation
	speakers []*store.Speaker
	topics   []*store.Topic
	affs     [][]*store.Affiliation // by speaker index
	sources  []string               // source ids, by article
	// speakerCDF and topicCDF are the cumulative Zipf weights of speakers
	// and topics, for drawing by popularity.
	speakerCDF, topicCDF []float64
}

func newGenerator(cfg Config) *generator {
	return &generator{
		cfg:    cfg,
		counts: CountsOf(cfg),
		r:      rand.New(rand.NewPCG(cfg.Seed, 0x71_0a_7e_db)),
	}
}

// stamp gives a new record its id and timestamps.
func (g *generator) stamp(id *string, created, updated *time.Time, r *rand.Rand) {
	ms := g.clock
	g.clock++
	t := epoch.Add(time.Duration(ms) * time.Millisecond)
	*created, *updated = t, t
	*id = uuidV7(t, r)
}

// uuidV7 builds a version 7 UUID from t and random bits drawn from r.
func uuidV7(t time.Time, r *rand.Rand) string {
	var u uuid.UUID
	ms := uint64(t.UnixMilli())
	u[0], u[1], u[2], u[3], u[4], u[5] = byte(ms>>40), byte(ms>>32), byte(ms>>24), byte(ms>>16), byte(ms>>8), byte(ms)
	binary.BigEndian.PutUint64(u[8:], r.Uint64())
	binary.BigEndian.PutUint16(u[6:], uint16(r.Uint32()))
	u[6] = u[6]&0x0f | 0x70 // version 7
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u.String()
}

func (g *generator) run(ctx context.Context, emit func(store.Record) error) error {
	steps := []func(func(store.Record) error) error{
		g.emitOrganisations, g.emitSpeakers, g.emitTopics, g.emitSources, g.emitAffiliations, g.emitStatements,
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := step(func(rec store.Record) error {
			if g.clock%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			return emit(rec)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// zipfCDF returns cumulative weights 1/(i+1)^s for n items.
func zipfCDF(n int, s float64) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for i := range n {
		sum += 1 / math.Pow(float64(i+1), s)
		cdf[i] = sum
	}
	return cdf
}

// draw picks an index by the cumulative weights cdf.
func draw(r *rand.Rand, cdf []float64) int {
	x := r.Float64() * cdf[len(cdf)-1]
	lo, hi := 0, len(cdf)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cdf[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// randomDate draws a statement date: years weighted towards recent ones
// (coverage grows), mostly known to the day, some to the month or year.
func randomDate(r *rand.Rand) partialdate.Date {
	span := lastYear - firstYear + 1
	// Weight year i by i+5: the latest years hold about five times as much
	// as the first.
	total := span*(span+1)/2 + 5*span
	x := r.IntN(total)
	y := 0
	for ; y < span-1; y++ {
		x -= y + 1 + 5
		if x < 0 {
			break
		}
	}
	d := partialdate.Date{Year: firstYear + y, Month: 1 + r.IntN(12)}
	switch p := r.IntN(100); {
	case p < 1:
		d.Month = 0
	case p < 6:
	default:
		d.Day = 1 + r.IntN(daysIn(d.Year, d.Month))
	}
	return d
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (g *generator) emitOrganisations(emit func(store.Record) error) error {
	usedName, usedShort := map[string]bool{}, map[string]bool{}
	for i := range g.counts.Organisations {
		kind := orgKinds[i%len(orgKinds)]
		var name string
		for {
			name = orgName(g.r, kind)
			if !usedName[strings.ToLower(name)] {
				break
			}
			name += fmt.Sprintf(" %d", i)
			if !usedName[strings.ToLower(name)] {
				break
			}
		}
		usedName[strings.ToLower(name)] = true
		short := acronym(name)
		for n := 2; usedShort[strings.ToLower(short)]; n++ {
			short = fmt.Sprintf("%s%d", acronym(name), n)
		}
		usedShort[strings.ToLower(short)] = true
		o := &store.Organisation{Name: name, ShortName: short, Kind: kind}
		if g.r.IntN(4) == 0 {
			o.Aliases = []string{strings.ToUpper(short[:1]) + strings.ToLower(short[1:]) + " " + kindWord[kind]}
		}
		if g.r.IntN(3) == 0 {
			o.QID = fmt.Sprintf("Q%d", 100000+g.r.IntN(90000000))
		}
		g.stamp(&o.ID, &o.CreatedAt, &o.UpdatedAt, g.r)
		g.orgs = append(g.orgs, o)
		if kind == store.Media {
			g.media = append(g.media, o)
		}
		if err := emit(store.Record{Type: store.OrganisationType, Organisation: o}); err != nil {
			return err
		}
	}
	return nil
}

func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w == "of" || w == "for" || w == "and" || w == "the" {
			continue
		}
		r := []rune(w)[0]
		b.WriteString(strings.ToUpper(string(r)))
	}
	return b.String()
}

func (g *generator) emitSpeakers(emit func(store.Record) error) error {
	used := map[string]bool{}
	for range g.counts.Speakers {
		var first, last, name string
		for try := 0; ; try++ {
			first, last = personName(g.r)
			name = first + " " + last
			if try > 3 {
				name = first + " " + pick(g.r, middleInitials) + " " + last
			}
			if !used[name] {
				break
			}
		}
		used[name] = true
		s := &store.Speaker{Name: name}
		// A spelling that folds like the name adds nothing for lookups
		// and the store drops it.
		if a := asciiFold(name); textfold.Fold(a) != textfold.Fold(name) && g.r.IntN(2) == 0 {
			s.Aliases = append(s.Aliases, a)
		}
		if g.r.IntN(4) == 0 {
			s.Aliases = append(s.Aliases, string([]rune(first)[0])+". "+last)
		}
		if g.r.IntN(3) == 0 {
			s.Description = pick(g.r, descriptions)
		}
		if g.r.IntN(5) == 0 {
			s.QID = fmt.Sprintf("Q%d", 100000+g.r.IntN(90000000))
		}
		g.stamp(&s.ID, &s.CreatedAt, &s.UpdatedAt, g.r)
		g.speakers = append(g.speakers, s)
		if err := emit(store.Record{Type: store.SpeakerType, Speaker: s}); err != nil {
			return err
		}
	}
	g.speakerCDF = zipfCDF(len(g.speakers), 1.0)
	return nil
}

func (g *generator) emitTopics(emit func(store.Record) error) error {
	var parent *store.Topic
	for _, n := range topicTree {
		t := &store.Topic{Name: strings.TrimPrefix(n, "  ")}
		if strings.HasPrefix(n, "  ") {
			t.ParentID = parent.ID
		}
		t.Slug = store.Slug(t.Name)
		if a, ok := topicAliases[t.Name]; ok {
			t.Aliases = []string{a}
		}
		g.stamp(&t.ID, &t.CreatedAt, &t.UpdatedAt, g.r)
		if t.ParentID == "" {
			parent = t
		}
		g.topics = append(g.topics, t)
		if err := emit(store.Record{Type: store.TopicType, Topic: t}); err != nil {
			return err
		}
	}
	g.topicCDF = zipfCDF(len(g.topics), 0.8)
	return nil
}

// article is what the generator knows of one source before emitting it:
// its statements are drawn from its own random stream, so that they come
// out the same when the statements are emitted after all sources.
type article struct {
	src   *store.Source
	stmts []*store.Statement
}

// articleRand returns the random stream of source i.
func (g *generator) articleRand(i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed^0x5eed, uint64(i)))
}

// statementsOf returns how many statements source i holds: the remainder
// of the total is spread over the first sources.
func (g *generator) statementsOf(i int) int {
	n, k := g.counts.Statements, g.counts.Sources
	per := n / k
	if i < n%k {
		per++
	}
	return per
}

// buildArticle draws source i and its statements. The ids and timestamps
// of the statements are left for emitStatements, which stamps them in the
// order they are emitted.
func (g *generator) buildArticle(i int) article {
	r := g.articleRand(i)
	src := g.articleSource(r, i)
	withText := r.IntN(10) == 0
	var text strings.Builder
	a := article{src: src}
	for range g.statementsOf(i) {
		st, sp := g.drawStatement(r, src)
		if withText {
			quoteInText(&text, r, sp, st)
		}
		a.stmts = append(a.stmts, st)
	}
	if withText {
		src.Text = text.String()
		src.ContentHash = store.ContentHash(src.Text)
	}
	return a
}

// articleSource draws the record of source i, without its text: the
// text is built from the statements, which are drawn after it from the
// same stream r.
func (g *generator) articleSource(r *rand.Rand, i int) *store.Source {
	published := randomDate(r)
	if published.Day == 0 {
		published.Month, published.Day = max(published.Month, 1), 1+r.IntN(28)
	}
	pub := pick(r, g.media)
	src := &store.Source{
		Title:       titleCase(words(r, 4+r.IntN(8))),
		PublisherID: pub.ID,
		Published:   published,
		Language:    "en",
	}
	if r.IntN(6) == 0 {
		src.Language = "az"
	}
	src.URL = fmt.Sprintf("https://%s.example/%04d/%02d/%s-%d", strings.ToLower(pub.ShortName), published.Year, published.Month, store.Slug(src.Title), i)
	if r.IntN(3) == 0 {
		src.ArchivedURL = "https://archive.example/" + src.URL[len("https://"):]
	}
	return src
}

// drawStatement draws one statement of src from r and returns it with its
// speaker, whose name the article's text quotes it under. Its SourceID is
// left for emitStatements, like its id.
func (g *generator) drawStatement(r *rand.Rand, src *store.Source) (*store.Statement, *store.Speaker) {
	si := draw(r, g.speakerCDF)
	sp := g.speakers[si]
	said := saidDate(r, src.Published)
	st := &store.Statement{
		Text:      sentences(r),
		Kind:      store.Direct,
		SpeakerID: sp.ID,
		Cue:       pick(r, cues),
		Said:      said,
		Language:  src.Language,
		SourceID:  "", // set by emitStatements
	}
	if r.IntN(10) < 3 {
		st.Kind = store.Indirect
	}
	st.Status = drawStatus(r)
	if r.IntN(5) == 0 && g.affs != nil {
		// The organisation and role as the article states them (known
		// once affiliations are drawn; the draws are the same without).
		if aff := store.AffiliationAt(g.affs[si], said); aff != nil {
			st.OrganisationID, st.Role = aff.OrganisationID, aff.Role
		}
	}
	nt := 1 + r.IntN(3)
	for range nt {
		if id := g.topics[draw(r, g.topicCDF)].ID; !slices.Contains(st.TopicIDs, id) {
			st.TopicIDs = append(st.TopicIDs, id)
		}
	}
	if r.IntN(10) == 0 {
		y := said.Year - r.IntN(3)
		m := 1 + r.IntN(12)
		st.Covers = []store.Coverage{{
			Range: partialdate.Range{From: partialdate.Date{Year: y, Month: m}, To: partialdate.Date{Year: y, Month: m}},
			Label: "in " + time.Month(m).String() + fmt.Sprintf(" %d", y),
		}}
	}
	if r.IntN(5) < 3 {
		st.Confidence = float64(50+r.IntN(50)) / 100
	}
	return st, sp
}

// saidDate draws when a statement reported on published was said: mostly
// that day, sometimes days before, rarely years before.
func saidDate(r *rand.Rand, published partialdate.Date) partialdate.Date {
	said := published
	if r.IntN(4) == 0 {
		// Reported some days after it was said.
		t := time.Date(published.Year, time.Month(published.Month), published.Day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -r.IntN(10))
		said = partialdate.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	if r.IntN(50) == 0 {
		said = randomDate(r) // an old quote dug up
	}
	return said
}

// drawStatus draws a statement's status: in 100, 87 unverified, 8
// verified, 3 disputed, 1 misattributed and 1 retracted, so that filters
// on status find a few of each.
func drawStatus(r *rand.Rand) store.Status {
	switch p := r.IntN(100); {
	case p < 8:
		return store.Verified
	case p < 11:
		return store.Disputed
	case p < 12:
		return store.Misattributed
	case p < 13:
		return store.Retracted
	}
	return store.Unverified
}

// quoteInText appends st to an article's text, quoted after its speaker's
// name and cue and followed by a paragraph of other text, and sets st's
// span to where its text lands.
func quoteInText(text *strings.Builder, r *rand.Rand, sp *store.Speaker, st *store.Statement) {
	fmt.Fprintf(text, "%s %s: “", sp.Name, st.Cue)
	st.Span = &store.Span{Start: text.Len(), End: text.Len() + len(st.Text)}
	text.WriteString(st.Text)
	text.WriteString("”\n\n")
	text.WriteString(sentences(r))
	text.WriteString("\n\n")
}

func (g *generator) emitSources(emit func(store.Record) error) error {
	if len(g.media) == 0 {
		g.media = g.orgs
	}
	for i := range g.counts.Sources {
		s := g.buildArticle(i).src
		g.stamp(&s.ID, &s.CreatedAt, &s.UpdatedAt, g.r)
		g.sources = append(g.sources, s.ID)
		if err := emit(store.Record{Type: store.SourceType, Source: s}); err != nil {
			return err
		}
	}
	return nil
}

// emitAffiliations gives each speaker one to three affiliations in
// succession from some year between 1995 and 2009; all but the last end,
// and the last is current for three speakers in four.
func (g *generator) emitAffiliations(emit func(store.Record) error) error {
	g.affs = make([][]*store.Affiliation, len(g.speakers))
	for si, sp := range g.speakers {
		n := 1 + g.r.IntN(3)
		year := 1995 + g.r.IntN(15)
		for k := 0; k < n && year <= lastYear; k++ {
			a := &store.Affiliation{
				SpeakerID:      sp.ID,
				OrganisationID: pick(g.r, g.orgs).ID,
				Role:           pick(g.r, roles),
				Start:          partialdate.Date{Year: year, Month: 1 + g.r.IntN(12)},
			}
			if g.r.IntN(10) == 0 {
				a.Start.Month = 0
			}
			year += 2 + g.r.IntN(10)
			if (k < n-1 || g.r.IntN(4) == 0) && year-1 <= lastYear {
				a.End = partialdate.Date{Year: year - 1, Month: 1 + g.r.IntN(12)}
			}
			g.stamp(&a.ID, &a.CreatedAt, &a.UpdatedAt, g.r)
			g.affs[si] = append(g.affs[si], a)
			if err := emit(store.Record{Type: store.AffiliationType, Affiliation: a}); err != nil {
				return err
			}
			if a.End.IsZero() {
				break
			}
		}
	}
	return nil
}

// emitStatements redraws each article, now that the affiliations that
// give statements their organisation are known, and emits its statements.
func (g *generator) emitStatements(emit func(store.Record) error) error {
	for i := range g.counts.Sources {
		a := g.buildArticle(i)
		for _, st := range a.stmts {
			st.SourceID = g.sources[i]
			g.stamp(&st.ID, &st.CreatedAt, &st.UpdatedAt, g.r)
			if err := emit(store.Record{Type: store.StatementType, Statement: st}); err != nil {
				return err
			}
		}
	}
	return nil
}

// Load writes the dataset of cfg into s in one transaction, by s's Load
// when s is a store.Loader and by Update otherwise, calling seen, when it
// is not nil, with each record after it is put. It commits only when
// every record is put, and writes nothing when it returns an error: the
// first error of Generate, Put or seen.
func Load(ctx context.Context, cfg Config, s store.Store, seen func(store.Record) error) error {
	put := func(p store.Putter) error {
		return Generate(ctx, cfg, func(rec store.Record) error {
			if _, err := p.Put(rec); err != nil {
				return err
			}
			if seen != nil {
				return seen(rec)
			}
			return nil
		})
	}
	if l, ok := s.(store.Loader); ok {
		return l.Load(ctx, put)
	}
	return s.Update(ctx, func(tx store.Tx) error { return put(tx) })
}

// Statement draws one more statement of the kind Generate makes, by one
// of speakerIDs on one to three of topicIDs, both of which must not be
// empty, from r alone: tests use it to write more statements into a
// generated database. Its status is any of store.Statuses; its ID,
// timestamps and source are left for the store to assign or leave empty.
func Statement(r *rand.Rand, speakerIDs, topicIDs []string) *store.Statement {
	st := &store.Statement{
		Text:      sentences(r),
		Kind:      store.Direct,
		SpeakerID: pick(r, speakerIDs),
		Cue:       pick(r, cues),
		Said:      randomDate(r),
		Language:  "en",
		Status:    store.Statuses[r.IntN(len(store.Statuses))],
	}
	if r.IntN(10) < 3 {
		st.Kind = store.Indirect
	}
	for range 1 + r.IntN(3) {
		if id := pick(r, topicIDs); !slices.Contains(st.TopicIDs, id) {
			st.TopicIDs = append(st.TopicIDs, id)
		}
	}
	return st
}

// Vocabulary returns the words generated texts are made of, each once, in
// a fixed order: benchmarks and tests build their queries from it.
func Vocabulary() []string {
	var out []string
	for _, w := range vocabulary {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}
