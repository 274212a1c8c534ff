// Package ingest turns a document into stored records: it runs the extractor,
// resolves the speakers, organisations and topics it names against what the
// store already holds, and writes the source with its statements in one
// transaction.
//
// Prepare does everything but the write, so that a journalist can review what
// would be stored; Apply writes a plan. Ingesting a document whose text is
// already stored (same content hash) writes nothing.
package ingest

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/extract"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/textfold"
)

// Document is a text to ingest, with what is known of it besides its text.
type Document struct {
	Text   string
	Format extract.Format
	Title  string // defaults to the first line of the text
	URL    string
	// ArchivedURL is a copy of URL in a web archive.
	ArchivedURL string
	// Publisher names the publishing organisation by id, name or short
	// name; an unknown name creates the organisation.
	Publisher string
	// Date is the publication date; when zero, the date the text gives
	// (a dateline) is used.
	Date     partialdate.Date
	Language string // BCP 47; defaults to "en"
	// MaxBytes bounds len(Text); 0 means DefaultMaxBytes. A longer text is
	// refused with errs.TooLarge before it is read.
	MaxBytes int
}

// DefaultMaxBytes is the limit on a document's text when Document gives
// none: far beyond any article, short of what would stall extraction.
const DefaultMaxBytes = 2 << 20

// Plan is what ingesting a document would store. New records carry the ids
// they will be stored under.
type Plan struct {
	Source store.Source
	// Existing is the stored source with the same text, when there is one;
	// then the plan stores nothing.
	Existing *store.Source

	Organisations []*Ref[store.Organisation]
	Speakers      []*Ref[store.Speaker]
	Topics        []*Ref[store.Topic]
	// Affiliations are those the text states ("Member of APFP …") that the
	// store does not have yet.
	Affiliations []store.Affiliation
	Statements   []store.Statement
	// Unnamed lists, by statement index, the phrase for a statement's
	// unnamed source ("activists"), which has no speaker record.
	Unnamed map[int]string
}

// Ref is a record the document refers to: stored already, or to be created.
type Ref[T any] struct {
	Record *T
	// New is true when the record is to be created; false when it is
	// stored already. Changed is true for a stored record the document
	// adds names to.
	New, Changed bool
}

// ErrEmpty is the cause of the error for a document without text.
var ErrEmpty = errors.New("document has no text")

// Prepare extracts the statements of doc and resolves what they refer to
// against s, without writing anything.
func Prepare(ctx context.Context, s store.Store, doc Document) (*Plan, error) {
	limit := doc.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(doc.Text) > limit {
		return nil, errs.E(errs.TooLarge, "document of %d bytes exceeds the limit of %d bytes", len(doc.Text), limit)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, &errs.Error{Kind: errs.Invalid, Msg: "document has no text", Err: ErrEmpty}
	}
	if err := doc.Date.Validate(); err != nil {
		return nil, errs.Wrap(errs.Invalid, err, "invalid document date")
	}
	in := extract.Document{Text: doc.Text, Format: doc.Format}
	if doc.Date.Precision() == partialdate.Day {
		in.Date = time.Date(doc.Date.Year, time.Month(doc.Date.Month), doc.Date.Day, 0, 0, 0, 0, time.UTC)
	}
	res, err := extract.ExtractContext(ctx, in)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	if err != nil {
		return nil, errs.E(errs.Invalid, "cannot read document: %v", err)
	}
	var p *Plan
	err = s.View(ctx, func(tx store.Tx) error {
		var err error
		p, err = plan(tx, doc, res)
		return err
	})
	return p, err
}

// planner builds a Plan in one read transaction.
type planner struct {
	tx   store.Tx
	plan *Plan
	res  *extract.Result
	// by folded name, the records already resolved, so that every mention
	// of one name maps to one record.
	orgs     map[string]*Ref[store.Organisation]
	speakers map[string]*Ref[store.Speaker]
	topics   map[string]*Ref[store.Topic]
}

func plan(tx store.Tx, doc Document, res *extract.Result) (*Plan, error) {
	p := &planner{
		tx: tx, res: res, plan: &Plan{Unnamed: map[int]string{}},
		orgs:     map[string]*Ref[store.Organisation]{},
		speakers: map[string]*Ref[store.Speaker]{},
		topics:   map[string]*Ref[store.Topic]{},
	}
	src := newSource(doc, res)
	existing, err := tx.SourceByHash(src.ContentHash)
	switch {
	case err == nil:
		p.plan.Source, p.plan.Existing = *existing, existing
		return p.plan, nil
	case !errs.Is(err, errs.NotFound):
		return nil, err
	}
	if doc.Publisher != "" {
		pub, err := p.publisher(doc.Publisher)
		if err != nil {
			return nil, err
		}
		src.PublisherID = pub.ID
	}
	p.plan.Source = src
	if err := p.affiliations(src.ID); err != nil {
		return nil, err
	}
	for i, q := range res.Quotes {
		st, err := p.statement(q, &src)
		if err != nil {
			return nil, err
		}
		if q.Speaker == "" && q.Source != "" {
			p.plan.Unnamed[i] = q.Source
		}
		p.plan.Statements = append(p.plan.Statements, st)
	}
	return p.plan, nil
}

// newSource is the source record of a document, before it is checked
// against those stored.
func newSource(doc Document, res *extract.Result) store.Source {
	src := store.Source{
		ID:          newID(),
		Title:       cmp.Or(doc.Title, firstLine(res.Text)),
		URL:         doc.URL,
		ArchivedURL: doc.ArchivedURL,
		Published:   doc.Date,
		Language:    cmp.Or(doc.Language, "en"),
		Text:        res.Text,
		ContentHash: store.ContentHash(res.Text),
	}
	if src.Published.IsZero() && res.Date != "" {
		// a date the extractor read that is no date leaves the source
		// undated, as a document without one is
		src.Published, _ = partialdate.Parse(res.Date)
	}
	return src
}

// affiliations records, for each person the document gives an
// organisation, that membership at the time of the source sourceID.
func (p *planner) affiliations(sourceID string) error {
	for _, sp := range p.res.Speakers {
		if sp.Organisation == "" {
			continue
		}
		if isOrg, err := p.organisationSpeaking(extract.Quote{Speaker: sp.Name, SpeakerIsOrg: sp.IsOrg}); err != nil {
			return err
		} else if isOrg != nil {
			continue
		}
		org, err := p.organisation(sp.Organisation)
		if err != nil {
			return err
		}
		speaker, err := p.speaker(sp.Name, sp)
		if err != nil {
			return err
		}
		if err := p.affiliation(speaker, org, sp.Role, sourceID); err != nil {
			return err
		}
	}
	return nil
}

// statement is the record of quote q of source src, resolved against the
// store: its speaker or organisation, its topic and the dates it covers.
func (p *planner) statement(q extract.Quote, src *store.Source) (store.Statement, error) {
	st := store.Statement{
		ID:         newID(),
		Text:       q.Text,
		Kind:       kind(q.Kind),
		Cue:        q.Cue,
		Role:       q.Role,
		SourceID:   src.ID,
		Span:       &store.Span{Start: q.Start, End: q.End},
		Language:   src.Language,
		Status:     store.Unverified,
		Confidence: q.Confidence,
	}
	// a statement without a date of its own was said when its source
	// was published
	st.Said, _ = partialdate.Parse(q.Date)
	if st.Said.IsZero() {
		st.Said = src.Published
	}
	for _, c := range q.Covers {
		if r, err := partialdate.ParseRange(c.From + ".." + c.To); err == nil {
			st.Covers = append(st.Covers, store.Coverage{Range: r})
		}
	}
	if err := p.attribute(&st, q); err != nil {
		return st, err
	}
	if q.Organisation != "" && !st.ByOrganisation {
		org, err := p.organisation(q.Organisation)
		if err != nil {
			return st, err
		}
		st.OrganisationID = org.ID
	}
	// A heading without a letter or digit ("***") is a separator, not a
	// topic.
	if textfold.Fold(q.Topic) != "" {
		st.Heading = q.Topic
		t, err := p.topic(q.Topic)
		if err != nil {
			return st, err
		}
		st.TopicIDs = []string{t.ID}
	}
	return st, nil
}

func kind(k extract.Kind) store.StatementKind {
	if k == extract.Direct {
		return store.Direct
	}
	return store.Indirect
}

func speakerOf(res *extract.Result, name string) extract.Speaker {
	for _, sp := range res.Speakers {
		if sp.Name == name {
			return sp
		}
	}
	return extract.Speaker{Name: name}
}

// publisher resolves the publisher given by id or name.
func (p *planner) publisher(ref string) (*store.Organisation, error) {
	if _, err := uuid.Parse(ref); err == nil {
		o, err := p.tx.Organisation(ref)
		if err != nil {
			return nil, err
		}
		return o, nil
	}
	return p.organisation(ref)
}

// organisation resolves an organisation by the name or acronym the text
// uses, with the other names the document establishes for it; the stored
// record gains those names as aliases. An unknown one is planned as new.
func (p *planner) organisation(name string) (*store.Organisation, error) {
	names := append([]string{name}, p.res.OrgAliases[name]...)
	if bare, ok := extract.WithoutCompanySuffix(name); ok {
		names = append(names, bare) // "Northwind Ltd" is the stored "Northwind"
	}
	for acronym, longNames := range p.res.OrgAliases {
		if slices.ContainsFunc(longNames, func(n string) bool { return textfold.Fold(n) == textfold.Fold(name) }) {
			names = append(names, acronym)
			names = append(names, longNames...)
		}
	}
	for _, n := range names {
		if ref := p.orgs[textfold.Fold(n)]; ref != nil {
			return ref.Record, p.addOrgNames(ref, names)
		}
	}
	var ref *Ref[store.Organisation]
	for _, n := range names {
		found, err := store.OrganisationsNamed(p.tx, n)
		if err != nil {
			return nil, err
		}
		if len(found) > 0 {
			ref = &Ref[store.Organisation]{Record: found[0]}
			break
		}
	}
	if ref == nil {
		o := &store.Organisation{ID: newID(), Name: longest(names), Kind: orgKind(names)}
		if isAcronym(name) {
			o.ShortName = name
		}
		ref = &Ref[store.Organisation]{Record: o, New: true}
	}
	p.plan.Organisations = append(p.plan.Organisations, ref)
	for _, n := range names {
		p.orgs[textfold.Fold(n)] = ref
	}
	return ref.Record, p.addOrgNames(ref, names)
}

// addOrgNames records on ref the names it lacks.
func (p *planner) addOrgNames(ref *Ref[store.Organisation], names []string) error {
	o := ref.Record
	for _, n := range names {
		known := append([]string{o.Name, o.ShortName}, o.Aliases...)
		if slices.ContainsFunc(known, func(k string) bool { return textfold.Fold(k) == textfold.Fold(n) }) {
			continue
		}
		if o.ShortName == "" && isAcronym(n) {
			o.ShortName = n
		} else {
			o.Aliases = append(o.Aliases, n)
		}
		ref.Changed = !ref.New
		p.orgs[textfold.Fold(n)] = ref
	}
	return nil
}

// speaker resolves a speaker by name; an unknown one is planned as new,
// described by the role and organisation the document gives.
func (p *planner) speaker(name string, desc extract.Speaker) (*store.Speaker, error) {
	key := textfold.Fold(name)
	if ref := p.speakers[key]; ref != nil {
		return ref.Record, nil
	}
	found, err := store.SpeakersNamed(p.tx, name)
	if err != nil {
		return nil, err
	}
	ref := &Ref[store.Speaker]{}
	if len(found) > 0 {
		ref.Record = found[0]
	} else {
		ref.Record = &store.Speaker{ID: newID(), Name: name, Description: describe(desc)}
		ref.New = true
	}
	p.plan.Speakers = append(p.plan.Speakers, ref)
	p.speakers[key] = ref
	return ref.Record, nil
}

// describe writes a new speaker's description from the document's
// descriptors: "member of APFP".
func describe(sp extract.Speaker) string {
	switch {
	case sp.Role != "" && sp.Organisation != "":
		return sp.Role + " of " + sp.Organisation
	case sp.Role != "":
		return sp.Role
	}
	return ""
}

// attribute sets who made st: the speaker the quote names, or, when that
// name is an organisation's (an outlet that reports, an institution that
// states), that organisation itself.
func (p *planner) attribute(st *store.Statement, q extract.Quote) error {
	if q.Speaker == "" {
		return nil
	}
	org, err := p.organisationSpeaking(q)
	if err != nil {
		return err
	}
	if org != nil {
		st.OrganisationID, st.ByOrganisation, st.Role = org.ID, true, ""
		return nil
	}
	sp, err := p.speaker(q.Speaker, speakerOf(p.res, q.Speaker))
	if err != nil {
		return err
	}
	st.SpeakerID = sp.ID
	return nil
}

// organisationSpeaking returns the organisation a quote's speaker is, or
// nil when the speaker is a person. The extractor tells outlets and
// institutions from people where the text shows it ("Acme Co. said");
// otherwise a name that is no stored speaker's but is an organisation's
// name or alias ("Azadliq newspaper reports …") is that organisation.
func (p *planner) organisationSpeaking(q extract.Quote) (*store.Organisation, error) {
	if q.SpeakerIsOrg {
		return p.organisation(q.Speaker)
	}
	if p.speakers[textfold.Fold(q.Speaker)] != nil {
		return nil, nil
	}
	people, err := store.SpeakersNamed(p.tx, q.Speaker)
	if err != nil || len(people) > 0 {
		return nil, err
	}
	if p.orgs[textfold.Fold(q.Speaker)] != nil {
		return p.organisation(q.Speaker)
	}
	orgs, err := store.OrganisationsNamed(p.tx, q.Speaker)
	if err != nil || len(orgs) == 0 {
		return nil, err
	}
	return p.organisation(q.Speaker)
}

// topic resolves a section heading to a topic: by the short name the
// heading gives (extract.TopicName: "The Floods in the South. Relief
// Arrives Late." is the topic "Floods in the South"), then by the whole
// heading, against the names and aliases of stored topics. An unknown one
// is planned as new under the short name.
func (p *planner) topic(heading string) (*store.Topic, error) {
	name := extract.TopicName(heading)
	key := textfold.Fold(name)
	if ref := p.topics[key]; ref != nil {
		return ref.Record, nil
	}
	var found []*store.Topic
	for _, n := range []string{name, heading} {
		var err error
		if found, err = store.TopicsNamed(p.tx, n); err != nil || len(found) > 0 {
			if err != nil {
				return nil, err
			}
			break
		}
	}
	ref := &Ref[store.Topic]{}
	if len(found) > 0 {
		ref.Record = found[0]
	} else {
		ref.Record = &store.Topic{ID: newID(), Name: name}
		ref.New = true
	}
	p.plan.Topics = append(p.plan.Topics, ref)
	p.topics[key] = ref
	return ref.Record, nil
}

// affiliation plans the affiliation the text states, unless the speaker
// already has one to that organisation. Its period is unknown: the text
// says only that it held when written.
func (p *planner) affiliation(sp *store.Speaker, org *store.Organisation, role, sourceID string) error {
	for _, a := range p.plan.Affiliations {
		if a.SpeakerID == sp.ID && a.OrganisationID == org.ID {
			return nil
		}
	}
	if !p.isNewSpeaker(sp.ID) {
		affs, err := p.tx.AffiliationsOf([]string{sp.ID})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(affs[0], func(a *store.Affiliation) bool { return a.OrganisationID == org.ID }) {
			return nil
		}
	}
	p.plan.Affiliations = append(p.plan.Affiliations, store.Affiliation{
		ID: newID(), SpeakerID: sp.ID, OrganisationID: org.ID, Role: role, SourceID: sourceID,
	})
	return nil
}

func (p *planner) isNewSpeaker(id string) bool {
	return slices.ContainsFunc(p.plan.Speakers, func(r *Ref[store.Speaker]) bool { return r.New && r.Record.ID == id })
}

// Apply stores a plan in one transaction and returns the source as stored,
// with created false when a source with the same text was stored already
// (by the plan's time or since), in which case nothing is written.
func Apply(ctx context.Context, s store.Store, p *Plan) (src *store.Source, created bool, err error) {
	if p.Existing != nil {
		return p.Existing, false, nil
	}
	err = s.Update(ctx, func(tx store.Tx) error {
		existing, lookupErr := tx.SourceByHash(p.Source.ContentHash)
		if lookupErr == nil {
			src = existing
			return nil
		}
		if !errs.Is(lookupErr, errs.NotFound) {
			return lookupErr
		}
		for _, o := range p.Organisations {
			var err error
			switch {
			case o.New:
				err = tx.CreateOrganisation(o.Record)
			case o.Changed:
				err = tx.UpdateOrganisation(o.Record)
			}
			if err != nil {
				return err
			}
		}
		for _, sp := range p.Speakers {
			if sp.New {
				if err := tx.CreateSpeaker(sp.Record); err != nil {
					return err
				}
			}
		}
		for _, t := range p.Topics {
			if t.New {
				if err := tx.CreateTopic(t.Record); err != nil {
					return err
				}
			}
		}
		source := p.Source
		if err := tx.CreateSource(&source); err != nil {
			return err
		}
		for i := range p.Affiliations {
			if err := tx.CreateAffiliation(&p.Affiliations[i]); err != nil {
				return err
			}
		}
		for i := range p.Statements {
			// A document of megabytes has tens of thousands of statements:
			// past the request's deadline, write none of them.
			if i%1000 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if err := tx.CreateStatement(&p.Statements[i]); err != nil {
				return err
			}
		}
		src, created = &source, true
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return src, created, nil
}

// Ingest plans and applies doc.
func Ingest(ctx context.Context, s store.Store, doc Document) (*Plan, *store.Source, bool, error) {
	p, err := Prepare(ctx, s, doc)
	if err != nil {
		return nil, nil, false, err
	}
	src, created, err := Apply(ctx, s, p)
	return p, src, created, err
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// firstLine returns the first line with a letter or digit, as a title.
func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if l := strings.TrimSpace(line); textfold.Fold(l) != "" {
			if len(l) > 200 {
				l = l[:200]
			}
			return strings.ToValidUTF8(l, "")
		}
	}
	return "untitled"
}

func longest(names []string) string {
	best := names[0]
	for _, n := range names {
		if len(n) > len(best) {
			best = n
		}
	}
	return best
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') && r != '-' {
			return false
		}
	}
	return true
}

// orgKind guesses an organisation's kind from the words of its names; an
// editor can correct it.
func orgKind(names []string) store.OrgKind {
	words := textfold.Words(strings.Join(names, " "))
	has := func(ws ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return slices.Contains(ws, w) })
	}
	switch {
	case has("party"):
		return store.Party
	case has("newspaper", "tv", "radio", "news", "agency", "times", "post", "press", "media", "journal", "gazette"):
		return store.Media
	case has("ministry", "government", "parliament", "president", "administration", "court", "prosecutor", "police"):
		return store.Govt
	case has("institute", "centre", "center", "studies"):
		return store.ThinkTank
	}
	return store.OtherOrg
}
