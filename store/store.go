// Package store defines how quotedb keeps its records: the Store and Tx
// interfaces that every backend implements, the records themselves, the
// filters and pages lists take, and the change log that followers read.
//
// Backends live in sub-packages (store/bolt is the embedded default); the
// conformance suite in store/storetest is what makes one a backend.
//
// Every write happens inside Store.Update: all the writes of one call commit
// together or not at all, with their index entries and change-log entries.
package store

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/quotedb/quotedb/partialdate"
)

// Store is a quotedb database.
type Store interface {
	// View runs fn in a read-only transaction that sees one consistent
	// snapshot. Write methods of its Tx fail with an Internal error.
	View(ctx context.Context, fn func(Tx) error) error
	// Update runs fn in a read-write transaction and commits when fn returns
	// nil; when fn returns an error, nothing fn wrote is kept and Update
	// returns that error. Change-log entries carry the actor of ctx
	// (WithActor).
	Update(ctx context.Context, fn func(Tx) error) error
	// Changes returns up to limit change-log entries with Seq > after, in
	// order.
	Changes(ctx context.Context, after uint64, limit int) ([]Change, error)
	// Head returns the seq of the newest change-log entry, 0 before any:
	// the position a follower must reach to hold every change committed
	// before the call.
	Head(ctx context.Context) (uint64, error)
	// Committed returns a channel that is closed at the next commit of a
	// write, for followers of the change log to wait on.
	Committed() <-chan struct{}
	// Close releases the database. Calls after Close fail.
	Close() error
}

// Tx is a transaction. Records returned by a Tx are copies the caller owns.
//
// Lookups by id of a missing record return an error of kind errs.NotFound;
// ids that are not UUIDs give errs.Invalid. Writes validate the record and
// its references (errs.Invalid, errs.NotFound) and uniqueness (errs.Conflict).
//
// Tx is composed of one interface per concern, as database/sql/driver
// composes a driver's: lookups by id (Getter), batch loads (BatchGetter),
// lists (Lister), a record's change log (HistoryReader), record writes
// (Writer and Putter) and API tokens (TokenTx). A helper that needs one
// concern can say so and be given any Tx.
//
// Unlike driver's, these are not optional: a backend implements all of Tx
// on its one transaction type, because every concern shares what the
// transaction holds (its snapshot, its change-log entries, its caches) and
// every caller may need any of them in one transaction. What a backend may
// lack is on Store instead, checked by type assertion: Loader for bulk
// loads, StatsReader for monitoring. The interfaces are split by concern
// rather than by record type: a per-type split would cut the methods that
// span types (TypeOf, Put, Appearances, ReviewsOf, the merges and the
// cascading deletes) away from any one home, and the seven types' methods
// are alike enough to read as one list.
type Tx interface {
	Getter
	BatchGetter
	Lister
	HistoryReader
	Writer
	Putter
	TokenTx
}

// Getter looks records up by id.
type Getter interface {
	Speaker(id string) (*Speaker, error)
	Organisation(id string) (*Organisation, error)
	Affiliation(id string) (*Affiliation, error)
	Topic(id string) (*Topic, error)
	Source(id string) (*Source, error)
	Statement(id string) (*Statement, error)
	ClaimReview(id string) (*ClaimReview, error)
	// TypeOf returns the type of the record with the given id.
	TypeOf(id string) (RecordType, error)
}

// BatchGetter loads the records of many ids, or related to many ids, at
// once, for batch loading.
type BatchGetter interface {
	// SpeakersByID and the like return the records for ids in the same
	// order, with nil for ids that name no record.
	SpeakersByID(ids []string) ([]*Speaker, error)
	OrganisationsByID(ids []string) ([]*Organisation, error)
	TopicsByID(ids []string) ([]*Topic, error)
	SourcesByID(ids []string) ([]*Source, error)
	StatementsByID(ids []string) ([]*Statement, error)
	// AffiliationsOf returns, for each speaker id, its affiliations ordered
	// by start date.
	AffiliationsOf(speakerIDs []string) ([][]*Affiliation, error)
	// ReviewsOf returns, for each statement id, its claim reviews ordered
	// by date and then id.
	ReviewsOf(statementIDs []string) ([][]*ClaimReview, error)
	// Appearances returns the near duplicates of a statement (see package
	// dedup), itself included, ordered by the date each appeared (its
	// source's published date, or else its date said; unknown dates last),
	// then by creation: the first is the first appearance. A statement too
	// short to compare (fewer than dedup.MinWords words) appears alone.
	Appearances(statementID string) ([]Appearance, error)
}

// Lister lists the records that match a filter, a page at a time (see
// Page and Conn). A list's scan stops when the transaction's context
// ends, with the error of Interrupted.
type Lister interface {
	ListSpeakers(f SpeakerFilter, p Page) (*Conn[*Speaker], error)
	ListOrganisations(f OrganisationFilter, p Page) (*Conn[*Organisation], error)
	ListAffiliations(f AffiliationFilter, p Page) (*Conn[*Affiliation], error)
	ListTopics(f TopicFilter, p Page) (*Conn[*Topic], error)
	ListSources(f SourceFilter, p Page) (*Conn[*Source], error)
	ListStatements(f StatementFilter, p Page) (*Conn[*Statement], error)
	ListClaimReviews(f ClaimReviewFilter, p Page) (*Conn[*ClaimReview], error)
	// SourceByHash returns the source whose text has the given content hash.
	SourceByHash(hash string) (*Source, error)
}

// HistoryReader reads the change log of one record.
type HistoryReader interface {
	// History returns the change-log entries of one record, oldest first;
	// they outlive the record.
	History(id string) ([]Change, error)
}

// Writer creates, updates, deletes and merges records, each write logged
// in the change log. In a read-only transaction its methods fail with an
// Internal error.
type Writer interface {
	// Create* store a new record, assigning its ID (when empty) and
	// timestamps, and fill those into the record passed.
	CreateSpeaker(*Speaker) error
	CreateOrganisation(*Organisation) error
	CreateAffiliation(*Affiliation) error
	CreateTopic(*Topic) error
	CreateSource(*Source) error
	CreateStatement(*Statement) error
	CreateClaimReview(*ClaimReview) error

	// Update* replace the stored record of the same ID with the one passed,
	// keeping CreatedAt and setting UpdatedAt; they fill both in.
	UpdateSpeaker(*Speaker) error
	UpdateOrganisation(*Organisation) error
	UpdateAffiliation(*Affiliation) error
	UpdateTopic(*Topic) error
	UpdateSource(*Source) error
	UpdateStatement(*Statement) error
	UpdateClaimReview(*ClaimReview) error

	// DeleteSpeaker deletes a speaker and their affiliations. A speaker
	// with statements gives errs.Conflict unless cascade is set, in which
	// case the statements are deleted too.
	DeleteSpeaker(id string, cascade bool) error
	// DeleteOrganisation deletes an organisation and its affiliations. One
	// that statements name, that publishes sources or that wrote claim
	// reviews gives errs.Conflict unless cascade is set, in which case those
	// statements lose the organisation, those sources the publisher, and
	// those reviews, which cannot stand without their author, are deleted.
	DeleteOrganisation(id string, cascade bool) error
	DeleteAffiliation(id string) error
	// DeleteTopic deletes a topic. One with statements or subtopics gives
	// errs.Conflict unless cascade is set, in which case it is detached
	// from its statements and its subtopics move to its parent.
	DeleteTopic(id string, cascade bool) error
	// DeleteSource deletes a source. One with statements gives
	// errs.Conflict unless cascade is set, in which case they are deleted
	// too; affiliations learnt from it lose the reference.
	DeleteSource(id string, cascade bool) error
	// DeleteStatement deletes a statement and its claim reviews, which
	// review nothing without it; every statement delete (by cascade too)
	// takes its reviews along, each logged in the change log.
	DeleteStatement(id string) error
	DeleteClaimReview(id string) error

	// MergeSpeakers moves drop's statements and affiliations to keep, adds
	// drop's name and aliases to keep's aliases, fills keep's empty
	// description and QID from drop's, and deletes drop.
	MergeSpeakers(keepID, dropID string) error
	// MergeOrganisations does the same for organisations: statements,
	// affiliations, published sources and claim reviews move to keep, and drop's name,
	// short name and aliases become keep's aliases.
	MergeOrganisations(keepID, dropID string) error
}

// Putter is the part of Tx that loads records: bulk loads use only these.
type Putter interface {
	TypeOf(id string) (RecordType, error)
	// Put stores a record exactly as given, timestamps included, creating or
	// replacing it; it reports whether anything changed. It is how imports
	// and replicas write: putting a record equal to the stored one changes
	// nothing and logs nothing.
	Put(rec Record) (changed bool, err error)
}

// TokenTx keeps the API tokens, which are not records: they have no
// change log and are not exported.
type TokenTx interface {
	// CreateToken stores a new API token, assigning its ID and CreatedAt.
	// Its name must be unique among all tokens, revoked ones included
	// (errs.Conflict), its role one of Roles and its hash 64 hex digits
	// (errs.Invalid).
	CreateToken(*Token) error
	// Tokens returns every token, revoked ones included, in order of
	// creation.
	Tokens() ([]*Token, error)
	// TokenByHash returns the token whose secret has the hash, revoked or
	// not; errs.NotFound when there is none.
	TokenByHash(hash string) (*Token, error)
	// RevokeToken revokes the token with the given name or id and returns
	// it; errs.NotFound when there is none. Revoking a revoked token
	// changes nothing.
	RevokeToken(nameOrID string) (*Token, error)
}

// Stats is what a monitor wants to know of a database.
type Stats struct {
	// SizeBytes is the space the database takes: the bbolt file, which
	// grows ahead of need and never shrinks, or the PostgreSQL database.
	SizeBytes int64
	// UsedBytes is how much of that holds data: for bbolt the file up to
	// its last page in use (pages freed below it count: writes reuse
	// them); for PostgreSQL, which reports no such figure, SizeBytes.
	UsedBytes int64
	// LastSeq is the seq of the last committed change, 0 before any.
	LastSeq uint64
}

// StatsReader is implemented by stores that report their Stats, as both
// backends do; the server's metrics need no more of a backend than this.
type StatsReader interface {
	Stats() (Stats, error)
}

// Loader is implemented by stores with a faster way to put many records in
// one transaction than Update: Load runs fn in a read-write transaction
// that commits when fn returns nil and writes nothing when it returns an
// error, as Update does, with the same checks and change-log entries for
// each record put.
type Loader interface {
	Load(ctx context.Context, fn func(Putter) error) error
}

// Record is one record of any type, as exported and imported.
type Record struct {
	Type         RecordType    `json:"type"`
	Speaker      *Speaker      `json:"speaker,omitempty"`
	Organisation *Organisation `json:"organisation,omitempty"`
	Affiliation  *Affiliation  `json:"affiliation,omitempty"`
	Topic        *Topic        `json:"topic,omitempty"`
	Source       *Source       `json:"source,omitempty"`
	Statement    *Statement    `json:"statement,omitempty"`
	ClaimReview  *ClaimReview  `json:"claimReview,omitempty"`
}

// Change is one entry of the change log: one record created, updated or
// deleted. Seq numbers are assigned at commit, start at 1 and have no gaps.
type Change struct {
	Seq    uint64          `json:"seq"`
	Time   time.Time       `json:"time"`
	Actor  string          `json:"actor,omitempty"`
	Op     Op              `json:"op"`
	Type   RecordType      `json:"type"`
	ID     string          `json:"id"`
	Before json.RawMessage `json:"before,omitempty"` // the record before; nil on create
	After  json.RawMessage `json:"after,omitempty"`  // the record after; nil on delete
}

type actorKey struct{}

// WithActor returns a context whose writes are logged as made by actor (a
// token's name, "import", "cli").
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// ActorFrom returns the actor set by WithActor, or "".
func ActorFrom(ctx context.Context) string {
	a, _ := ctx.Value(actorKey{}).(string)
	return a
}

// Page selects a window of a list, in the Relay cursor-connection manner:
// First items after the cursor After, or Last items before the cursor
// Before. With neither First nor Last, First is DefaultPageSize.
type Page struct {
	First  int
	After  string
	Last   int
	Before string
	// Count asks for Conn.Total, which costs a pass over every match.
	Count bool
	// Order is the order of the list: its own (OrderDefault) or another
	// that the list offers; others are refused with errs.Invalid. A cursor
	// is valid in the order that gave it, in either direction.
	Order Order
	// Desc reverses the order: latest date first, Z to A.
	Desc bool
}

// Order names the order of a list.
type Order uint8

const (
	// OrderDefault is the list's own order: statements by date said,
	// sources by date published, other records by id (creation), each
	// then by id.
	OrderDefault Order = iota
	// OrderName orders speakers and organisations by name, folded as for
	// name search (case and diacritics aside), then by id; names are
	// compared on their first NameOrderBytes bytes so folded.
	OrderName
	// OrderPublished orders statements by the date their source was
	// published, then by source, then by date said, then by id: a source's
	// statements stay together, in the order they were said. Statements
	// without a source, or whose source has no date, count as of unknown
	// date (first ascending, last descending); those without a source come
	// before those of any undated source. Its sort keys are PublishedLen
	// bytes long: the source's sort key (date published, id; zeros for no
	// source) and then the statement's (date said, id).
	OrderPublished
)

// PublishedLen is the length of a sort key in OrderPublished.
const PublishedLen = 2 * (4 + 16)

// NameOrderBytes is how much of a folded name OrderName compares.
const NameOrderBytes = 32

func (o Order) String() string {
	switch o {
	case OrderDefault:
		return "default"
	case OrderName:
		return "name"
	case OrderPublished:
		return "date published"
	}
	return "order " + strconv.Itoa(int(o))
}

const (
	// DefaultPageSize is the page size when a Page gives none.
	DefaultPageSize = 20
	// MaxPageSize bounds First and Last; more gives errs.TooLarge.
	MaxPageSize = 1000
)

// Conn is one page of a list in its stable order, with the cursor of each
// item.
type Conn[T any] struct {
	Items       []T
	Cursors     []string
	HasNext     bool
	HasPrevious bool
	// Total is the number of matches of the filter over all pages, when
	// Page.Count asked for it; otherwise -1.
	Total int
}

// Lists are ordered by a date and then by id; records without a date
// (speakers, organisations, topics, affiliations) by id alone, which, ids
// being UUIDv7, is the order of creation.

// SpeakerFilter selects speakers. Zero fields do not filter.
type SpeakerFilter struct {
	// Name matches speakers any of whose name or aliases has a word
	// sequence starting with it, ignoring case and diacritics.
	Name string
	// OrganisationID matches speakers with an affiliation to it.
	OrganisationID string
	// QIDs matches speakers with any of these Wikidata ids.
	QIDs []string
}

// OrganisationFilter selects organisations. Zero fields do not filter.
type OrganisationFilter struct {
	Name  string // as SpeakerFilter.Name, over name, short name and aliases
	Kinds []OrgKind
	QIDs  []string // any of these Wikidata ids
}

// AffiliationFilter selects affiliations. Zero fields do not filter.
type AffiliationFilter struct {
	SpeakerID      string
	OrganisationID string
	Role           string           // equal ignoring case
	At             partialdate.Date // held on (some day of) this date
}

// TopicFilter selects topics. Zero fields do not filter.
type TopicFilter struct {
	Name string // as SpeakerFilter.Name, over name, slug and aliases
	// ParentID matches the direct subtopics of a topic; RootsOnly matches
	// topics without a parent.
	ParentID  string
	RootsOnly bool
}

// SourceFilter selects sources, ordered by published date. Zero fields do
// not filter.
type SourceFilter struct {
	PublisherID string
	Published   partialdate.Range
	Title       string // substring, ignoring case and diacritics
	URL         string // equal, byte for byte
}

// StatementFilter selects statements, ordered by date said. Zero fields do
// not filter; the fields combine with AND, the ids within one field with OR.
type StatementFilter struct {
	SpeakerIDs []string
	// OrganisationIDs matches statements by speakers who were members when
	// speaking (an affiliation valid on the date said), or whose explicit
	// organisation is one of these.
	OrganisationIDs []string
	// TopicIDs matches statements on these topics or any of their
	// subtopics.
	TopicIDs  []string
	SourceIDs []string
	Kinds     []StatementKind
	Statuses  []Status
	// Said matches statements whose date said overlaps the range; a
	// statement of unknown date never matches.
	Said partialdate.Range
	// Covers matches statements covering a day or period that overlaps
	// the range.
	Covers partialdate.Range
	// TextContains matches statements whose text contains it, ignoring
	// case and diacritics.
	TextContains string
	// IDs, when not nil, keeps only the statements with these ids (none,
	// when empty); the other fields still decide. A caller that has the
	// candidates of a filter from elsewhere (the search index's for
	// TextContains) narrows the list to them, so that the statements
	// outside are skipped by their keys, unread.
	IDs []string
	// ExcludeIDs and ExcludeSpeakerIDs leave out these statements and the
	// statements of these speakers.
	ExcludeIDs        []string
	ExcludeSpeakerIDs []string
}

// ClaimReviewFilter selects claim reviews, ordered by id. Zero fields do
// not filter.
type ClaimReviewFilter struct {
	StatementID string
	ReviewerID  string
}
