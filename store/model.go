package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/textfold"
)

// The records quotedb keeps. Every record has a UUIDv7 ID, assigned by the
// store on create, so that IDs sort by creation time. Timestamps are set by
// the store; a caller's values are kept only by Tx.Put.

// Speaker is a person, or an outlet or institution speaking as one, to whom
// statements are attributed.
type Speaker struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases,omitempty"` // other spellings and transliterations
	Description string   `json:"description,omitempty"`
	QID         string   `json:"qid,omitempty"` // Wikidata id, "Q" and digits
	// QIDCandidates are the Wikidata ids of homonyms the speaker may be,
	// when the data that named them could not tell which (Quotebank's qids
	// of a name): kept for a person to decide, never merged by themselves.
	QIDCandidates []string  `json:"qidCandidates,omitempty"`
	CreatedAt     time.Time `json:"createdAt"`
	UpdatedAt     time.Time `json:"updatedAt"`
}

// WikidataID is the speaker's QID, or nil when unknown.
func (s *Speaker) WikidataID() *string { return optional(s.QID) }

// WikidataID is the organisation's QID, or nil when unknown.
func (o *Organisation) WikidataID() *string { return optional(o.QID) }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// OrgKind classifies organisations.
type OrgKind string

const (
	Party     OrgKind = "PARTY"
	Media     OrgKind = "MEDIA"
	Govt      OrgKind = "GOVERNMENT"
	NGO       OrgKind = "NGO"
	ThinkTank OrgKind = "THINK_TANK"
	OtherOrg  OrgKind = "OTHER"
)

// OrgKinds lists the valid OrgKind values.
var OrgKinds = []OrgKind{Party, Media, Govt, NGO, ThinkTank, OtherOrg}

// Organisation is a party, outlet, ministry or other body that speakers
// belong to.
type Organisation struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	ShortName string    `json:"shortName,omitempty"` // acronym, e.g. "APFP"
	Aliases   []string  `json:"aliases,omitempty"`
	Kind      OrgKind   `json:"kind"`
	QID       string    `json:"qid,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Affiliation says that a speaker held a role in an organisation over a
// period. A zero End means the affiliation is current; a zero Start that its
// beginning is unknown.
type Affiliation struct {
	ID             string           `json:"id"`
	SpeakerID      string           `json:"speakerId"`
	OrganisationID string           `json:"organisationId"`
	Role           string           `json:"role,omitempty"`
	Start          partialdate.Date `json:"start,omitzero"`
	End            partialdate.Date `json:"end,omitzero"`
	SourceID       string           `json:"sourceId,omitempty"` // where it was learnt
	CreatedAt      time.Time        `json:"createdAt"`
	UpdatedAt      time.Time        `json:"updatedAt"`
}

// Period returns the days over which the affiliation held.
func (a *Affiliation) Period() partialdate.Range {
	return partialdate.Range{From: a.Start, To: a.End}
}

// ValidOn reports whether the affiliation held on (some day of) d.
func (a *Affiliation) ValidOn(d partialdate.Date) bool {
	return !d.IsZero() && a.Period().Overlaps(partialdate.Of(d))
}

// Topic is a subject statements are about. Topics form a hierarchy through
// ParentID.
type Topic struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Slug      string    `json:"slug"` // unique; derived from Name when empty on create
	Aliases   []string  `json:"aliases,omitempty"`
	ParentID  string    `json:"parentId,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Source is a document statements were found in.
type Source struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	PublisherID string           `json:"publisherId,omitempty"` // an Organisation
	URL         string           `json:"url,omitempty"`
	ArchivedURL string           `json:"archivedUrl,omitempty"`
	Published   partialdate.Date `json:"published,omitzero"`
	Language    string           `json:"language,omitempty"` // BCP 47 tag
	// ContentHash is the hex SHA-256 of Text, set by the store; sources with
	// text are unique by it.
	ContentHash string    `json:"contentHash,omitempty"`
	Text        string    `json:"text,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// StatementKind says whether a statement is quoted or reported.
type StatementKind string

const (
	Direct   StatementKind = "DIRECT"
	Indirect StatementKind = "INDIRECT"
)

// Status is where a statement stands in fact-checking.
type Status string

const (
	Unverified    Status = "UNVERIFIED"
	Verified      Status = "VERIFIED"
	Disputed      Status = "DISPUTED"
	Misattributed Status = "MISATTRIBUTED"
	Retracted     Status = "RETRACTED"
)

// Statuses lists the valid Status values.
var Statuses = []Status{Unverified, Verified, Disputed, Misattributed, Retracted}

// Span is a byte range [Start, End) in a source's UTF-8 text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Coverage is a day or period a statement is about, with the words that
// name it ("the rally on 8 March").
type Coverage struct {
	Range partialdate.Range `json:"range"`
	Label string            `json:"label,omitempty"`
}

// Statement is something a speaker said or wrote.
type Statement struct {
	ID string `json:"id"`
	// Text is the statement as it stands in its source, byte for byte. The
	// store never alters it.
	Text      string        `json:"text"`
	Kind      StatementKind `json:"kind"`
	SpeakerID string        `json:"speakerId,omitempty"` // empty for unnamed sources
	// OrganisationID and Role are the speaker's organisation and role when
	// speaking, when stated explicitly. When empty, readers derive them
	// from the speaker's affiliations valid on Said (see AffiliationAt).
	OrganisationID string `json:"organisationId,omitempty"`
	Role           string `json:"role,omitempty"`
	// ByOrganisation is true when the organisation itself is the source of
	// the statement (an outlet's report, an institution's statement), not
	// a person speaking for it: OrganisationID is then set and SpeakerID
	// empty.
	ByOrganisation bool `json:"byOrganisation,omitempty"`
	// Heading is the section heading the statement stood under in its
	// source, as written there. Its topic is usually named after it.
	Heading    string           `json:"heading,omitempty"`
	Cue        string           `json:"cue,omitempty"` // reporting verb: "argued", "wrote"
	Said       partialdate.Date `json:"said,omitzero"`
	Covers     []Coverage       `json:"covers,omitempty"`
	TopicIDs   []string         `json:"topicIds,omitempty"`
	SourceID   string           `json:"sourceId,omitempty"`
	Span       *Span            `json:"span,omitempty"` // in the source's text
	Language   string           `json:"language,omitempty"`
	Status     Status           `json:"status"`
	Confidence float64          `json:"confidence,omitempty"` // of an extracted attribution, 0..1
	// Origin names the dataset, and the part of it, that the statement
	// was imported from, as "dataset:part" ("quotebank:D" for a quote of
	// Quotebank's phase D), so that an export to that format gives it
	// back; empty for statements entered or extracted here. At most
	// MaxOriginBytes. It belongs to the statement, not to its source:
	// Quotebank's phase is the run of its pipeline that extracted and
	// attributed the quote, so it says where the attribution came from,
	// while the article at a url is the same whichever run read it, and
	// one source holds statements of several imports and of none.
	Origin    string    `json:"origin,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// MaxOriginBytes bounds Statement.Origin.
const MaxOriginBytes = 100

// CoversOverlapping reports whether s covers a day or period that overlaps
// r: what StatementFilter.Covers selects.
func (s *Statement) CoversOverlapping(r partialdate.Range) bool {
	return slices.ContainsFunc(s.Covers, func(c Coverage) bool { return c.Range.Overlaps(r) })
}

// TextContainsFolded reports whether s's text, folded with textfold.Fold,
// contains folded: what StatementFilter.TextContains selects, once folded.
func (s *Statement) TextContainsFolded(folded string) bool {
	return strings.Contains(textfold.Fold(s.Text), folded)
}

// AffiliationAt returns the affiliation among affs that held on d, preferring
// one with an explicit role and then the one that began latest, or nil when
// none did. It is how a statement without an explicit organisation gets the
// organisation and role of its speaker at the time.
func AffiliationAt(affs []*Affiliation, d partialdate.Date) *Affiliation {
	var best *Affiliation
	for _, a := range affs {
		if !a.ValidOn(d) {
			continue
		}
		if best == nil ||
			(best.Role == "") != (a.Role == "") && a.Role != "" ||
			(best.Role == "") == (a.Role == "") && a.Start.Compare(best.Start) > 0 {
			best = a
		}
	}
	return best
}

// ClaimReview is a fact-checker's published verdict on a statement: a
// textual rating ("False", "Misleading") with its place on the reviewer's
// numeric scale, which runs from WorstRating to BestRating (either may be
// the larger number).
type ClaimReview struct {
	ID          string           `json:"id"`
	StatementID string           `json:"statementId"`
	ReviewerID  string           `json:"reviewerId"` // the Organisation that published it
	RatingText  string           `json:"ratingText"`
	RatingValue float64          `json:"ratingValue"`
	BestRating  float64          `json:"bestRating"`
	WorstRating float64          `json:"worstRating"`
	URL         string           `json:"url"` // where the review is published
	Date        partialdate.Date `json:"date,omitzero"`
	CreatedAt   time.Time        `json:"createdAt"`
	UpdatedAt   time.Time        `json:"updatedAt"`
}

// Appearance is one statement of a cluster of near duplicates: the same
// words reported by several sources.
type Appearance struct {
	Statement *Statement
	Source    *Source // nil when the statement has none
	// Date is when it appeared: its source's published date, or else the
	// date said; zero when neither is known.
	Date partialdate.Date
	// First marks the first appearance, which Appearances puts first.
	First bool
	// Similarity is the Jaccard similarity of its word shingles with those
	// of the statement asked about, from dedup.Threshold to 1.
	Similarity float64
}

// RecordType names a kind of record, in change-log entries and exports.
type RecordType string

const (
	SpeakerType      RecordType = "speaker"
	OrganisationType RecordType = "organisation"
	AffiliationType  RecordType = "affiliation"
	TopicType        RecordType = "topic"
	SourceType       RecordType = "source"
	StatementType    RecordType = "statement"
	ClaimReviewType  RecordType = "claimReview"
)

// RecordTypes lists the record types in dependency order: a record refers
// only to records of types before its own (topics also to other topics).
var RecordTypes = []RecordType{OrganisationType, SpeakerType, TopicType, SourceType, AffiliationType, StatementType, ClaimReviewType}

// Op is what a change did to its record.
type Op string

const (
	Created Op = "CREATE"
	Updated Op = "UPDATE"
	Deleted Op = "DELETE"
)

// Meta points at the fields every record has: its id and its times.
type Meta struct {
	ID               *string
	Created, Updated *time.Time
}

// MetaOf points at the id and times of a record (*Speaker, *Organisation,
// *Affiliation, *Topic, *Source, *Statement or *ClaimReview); it panics on
// anything else, a programming error.
func MetaOf(rec any) Meta {
	switch r := rec.(type) {
	case *Speaker:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	case *Organisation:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	case *Affiliation:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	case *Topic:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	case *Source:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	case *Statement:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	case *ClaimReview:
		return Meta{&r.ID, &r.CreatedAt, &r.UpdatedAt}
	}
	panic(fmt.Sprintf("store: %T is not a record", rec))
}
