package store

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/google/uuid"
	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/textfold"
)

// The Normalize functions check the fields of one record on its own and
// bring it to the form every backend stores: names trimmed, aliases trimmed
// and deduplicated, defaults filled in, ids in canonical form. They return
// errs.Invalid errors naming the field. They do not check references to
// other records or uniqueness, which need the database: that is the
// backend's job. Statement text is never altered.

var qidPattern = regexp.MustCompile(`^Q[0-9]+$`)

// CanonicalID parses id as a UUID and returns its canonical lowercase form,
// or an errs.Invalid error naming what it is the id of.
func CanonicalID(what, id string) (string, error) {
	if isCanonicalID(id) {
		return id, nil // what u.String() below would make anew
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return "", errs.E(errs.Invalid, "%s id %q is not a UUID", what, id)
	}
	return u.String(), nil
}

// isCanonicalID reports whether id is a UUID in canonical form: eight,
// four, four, four and twelve lowercase hex digits, joined by hyphens.
// Almost every id a record holds is, and recognising it spares parsing
// and formatting it again (a bulk import checks millions).
func isCanonicalID(id string) bool {
	if len(id) != 36 || id[8] != '-' || id[13] != '-' || id[18] != '-' || id[23] != '-' {
		return false
	}
	hyphens := 0
	for i := range len(id) {
		switch idByte[id[i]] {
		case 0:
			return false
		case '-':
			hyphens++
		}
	}
	return hyphens == 4
}

// idByte holds the bytes of a canonical id: lowercase hex digits and '-'.
var idByte = func() (t [256]byte) {
	for _, c := range "0123456789abcdef-" {
		t[c] = byte(c)
	}
	return t
}()

// canonicalRef is CanonicalID for an optional reference: empty stays empty.
func canonicalRef(what string, id *string) error {
	if *id == "" {
		return nil
	}
	c, err := CanonicalID(what, *id)
	*id = c
	return err
}

// ContentHash returns the hex SHA-256 of a source text, or "" for no text.
func ContentHash(text string) string {
	if text == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Slug derives a topic slug from a name: its folded words in lowercase
// ASCII letters and digits, joined by hyphens ("Foreign Policy" →
// "foreign-policy", "Qarabağ" → "qarabag"). It is "" when the name has no
// such letter.
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range textfold.Fold(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	return b.String()
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// normName trims a required name and checks that it has something to fold,
// since uniqueness and lookups go by the folded form.
func normName(what string, name *string) error {
	*name = strings.TrimSpace(*name)
	if *name == "" {
		return errs.E(errs.Invalid, "%s is required", what)
	}
	if err := checkNameText(what, *name); err != nil {
		return err
	}
	if textfold.Fold(*name) == "" {
		return errs.E(errs.Invalid, "%s %q has no letter or digit", what, *name)
	}
	return nil
}

// MaxNameBytes bounds names, short names, aliases and titles. Names are
// keys of the name indexes, which bbolt limits to 32 KiB; no person's or
// organisation's name comes near this bound.
const MaxNameBytes = 1000

// checkNameText refuses a name past MaxNameBytes or with a control
// character (a NUL, a line break), which no name has and which would make
// it print or match unlike what it looks.
func checkNameText(what, name string) error {
	if len(name) > MaxNameBytes {
		return errs.E(errs.Invalid, "%s of %d bytes exceeds the limit of %d bytes", what, len(name), MaxNameBytes)
	}
	if i := strings.IndexFunc(name, unicode.IsControl); i >= 0 {
		return errs.E(errs.Invalid, "%s has a control character at byte %d", what, i)
	}
	return nil
}

// MaxURLBytes bounds URLs, and MaxTextBytes descriptions: far beyond any
// real one, short of what would bloat every record that carries them.
const (
	MaxURLBytes  = 4096
	MaxTextBytes = 10_000
)

// checkLen refuses a field longer than limit bytes, naming it.
func checkLen(what, value string, limit int) error {
	if len(value) > limit {
		return errs.E(errs.Invalid, "%s of %d bytes exceeds the limit of %d bytes", what, len(value), limit)
	}
	return nil
}

// checkLens runs checkLen over fields, stopping at the first refusal.
func checkLens(fields ...lenCheck) error {
	for _, f := range fields {
		if err := checkLen(f.what, f.value, f.limit); err != nil {
			return err
		}
	}
	return nil
}

type lenCheck struct {
	what, value string
	limit       int
}

// normAliases trims aliases and drops empty ones, those equal (folded) to
// one of names, and repeats, keeping the first spelling. An alias past
// MaxNameBytes or with a control character is refused.
func normAliases(what string, aliases []string, names ...string) ([]string, error) {
	seen := make(map[string]bool, len(aliases)+len(names))
	for _, n := range names {
		if n != "" {
			seen[textfold.Fold(n)] = true
		}
	}
	var out []string
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		if err := checkNameText(what, a); err != nil {
			return nil, err
		}
		f := textfold.Fold(a)
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, a)
	}
	return out, nil
}

// NormQIDs returns qids trimmed, or errs.Invalid naming one that is not a
// Wikidata id (Q followed by digits).
func NormQIDs(qids []string) ([]string, error) {
	out := make([]string, len(qids))
	for i, q := range qids {
		if err := normQID(&q); err != nil {
			return nil, err
		}
		if q == "" {
			return nil, errs.E(errs.Invalid, "a Wikidata id is empty")
		}
		out[i] = q
	}
	return out, nil
}

func normQID(qid *string) error {
	*qid = strings.TrimSpace(*qid)
	if err := checkLen("QID", *qid, MaxNameBytes); err != nil {
		return err
	}
	if *qid != "" && !qidPattern.MatchString(*qid) {
		return errs.E(errs.Invalid, "QID %q is not Q followed by digits", *qid)
	}
	return nil
}

func checkDate(what string, d partialdate.Date) error {
	if err := d.Validate(); err != nil {
		return errs.Wrap(errs.Invalid, err, what+" is not a valid date")
	}
	return nil
}

func checkRange(what string, r partialdate.Range) error {
	if err := r.Validate(); err != nil {
		return errs.Wrap(errs.Invalid, err, what+" is not a valid range")
	}
	return nil
}

// NormalizeSpeaker checks and normalizes a speaker.
func NormalizeSpeaker(s *Speaker) error {
	if err := canonicalRef("speaker", &s.ID); err != nil {
		return err
	}
	if err := normName("speaker name", &s.Name); err != nil {
		return err
	}
	var err error
	if s.Aliases, err = normAliases("speaker alias", s.Aliases, s.Name); err != nil {
		return err
	}
	s.Description = strings.TrimSpace(s.Description)
	if err := checkLen("speaker description", s.Description, MaxTextBytes); err != nil {
		return err
	}
	if err := normQID(&s.QID); err != nil {
		return err
	}
	return normCandidates(s)
}

// MaxQIDCandidates bounds the Wikidata ids a speaker may be.
const MaxQIDCandidates = 50

// normCandidates checks a speaker's QID candidates, dropping repeats and
// the chosen QID, and keeping their order.
func normCandidates(s *Speaker) error {
	if len(s.QIDCandidates) > MaxQIDCandidates {
		return errs.E(errs.Invalid, "a speaker has at most %d QID candidates, not %d", MaxQIDCandidates, len(s.QIDCandidates))
	}
	var out []string
	for _, q := range s.QIDCandidates {
		if err := normQID(&q); err != nil {
			return err
		}
		if q != "" && q != s.QID && !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	s.QIDCandidates = out
	return nil
}

// NormalizeOrganisation checks and normalizes an organisation; an empty
// kind becomes OTHER.
func NormalizeOrganisation(o *Organisation) error {
	if err := canonicalRef("organisation", &o.ID); err != nil {
		return err
	}
	if err := normName("organisation name", &o.Name); err != nil {
		return err
	}
	o.ShortName = strings.TrimSpace(o.ShortName)
	if err := checkNameText("organisation short name", o.ShortName); err != nil {
		return err
	}
	if o.ShortName != "" && textfold.Fold(o.ShortName) == "" {
		return errs.E(errs.Invalid, "organisation short name %q has no letter or digit", o.ShortName)
	}
	var err error
	if o.Aliases, err = normAliases("organisation alias", o.Aliases, o.Name, o.ShortName); err != nil {
		return err
	}
	if o.Kind == "" {
		o.Kind = OtherOrg
	}
	if !slices.Contains(OrgKinds, o.Kind) {
		return errs.E(errs.Invalid, "organisation kind %q is not one of %v", o.Kind, OrgKinds)
	}
	return normQID(&o.QID)
}

// NormalizeAffiliation checks and normalizes an affiliation.
func NormalizeAffiliation(a *Affiliation) error {
	if err := canonicalRef("affiliation", &a.ID); err != nil {
		return err
	}
	if a.SpeakerID == "" {
		return errs.E(errs.Invalid, "affiliation speaker is required")
	}
	if a.OrganisationID == "" {
		return errs.E(errs.Invalid, "affiliation organisation is required")
	}
	for _, ref := range []struct {
		what string
		id   *string
	}{{"speaker", &a.SpeakerID}, {"organisation", &a.OrganisationID}, {"source", &a.SourceID}} {
		if err := canonicalRef(ref.what, ref.id); err != nil {
			return err
		}
	}
	a.Role = strings.TrimSpace(a.Role)
	if err := checkLen("affiliation role", a.Role, MaxNameBytes); err != nil {
		return err
	}
	if err := checkDate("affiliation start", a.Start); err != nil {
		return err
	}
	if err := checkDate("affiliation end", a.End); err != nil {
		return err
	}
	if !a.Start.IsZero() && !a.End.IsZero() && a.End.Last().Key() < a.Start.First().Key() {
		return errs.E(errs.Invalid, "affiliation end %s is before its start %s", a.End, a.Start)
	}
	return nil
}

// NormalizeTopic checks and normalizes a topic; an empty slug is derived
// from the name.
func NormalizeTopic(t *Topic) error {
	if err := canonicalRef("topic", &t.ID); err != nil {
		return err
	}
	if err := normName("topic name", &t.Name); err != nil {
		return err
	}
	t.Slug = strings.TrimSpace(t.Slug)
	if err := checkLen("topic slug", t.Slug, MaxNameBytes); err != nil {
		return err
	}
	if t.Slug == "" {
		t.Slug = Slug(t.Name)
		if t.Slug == "" {
			return errs.E(errs.Invalid, "topic slug cannot be derived from name %q; give one", t.Name)
		}
	}
	if !slugPattern.MatchString(t.Slug) {
		return errs.E(errs.Invalid, "topic slug %q is not lowercase ASCII words joined by hyphens", t.Slug)
	}
	var err error
	if t.Aliases, err = normAliases("topic alias", t.Aliases, t.Name); err != nil {
		return err
	}
	if err := canonicalRef("parent topic", &t.ParentID); err != nil {
		return err
	}
	if t.ParentID != "" && t.ParentID == t.ID {
		return errs.E(errs.Invalid, "topic cannot be its own parent")
	}
	return nil
}

// NormalizeSource checks and normalizes a source and sets its content hash.
func NormalizeSource(s *Source) error {
	if err := canonicalRef("source", &s.ID); err != nil {
		return err
	}
	if err := normName("source title", &s.Title); err != nil {
		return err
	}
	if err := canonicalRef("publisher", &s.PublisherID); err != nil {
		return err
	}
	s.URL = strings.TrimSpace(s.URL)
	s.ArchivedURL = strings.TrimSpace(s.ArchivedURL)
	s.Language = strings.TrimSpace(s.Language)
	if err := checkLens(
		lenCheck{"source url", s.URL, MaxURLBytes},
		lenCheck{"source archived url", s.ArchivedURL, MaxURLBytes},
		lenCheck{"source language", s.Language, MaxNameBytes},
	); err != nil {
		return err
	}
	if err := checkDate("source published date", s.Published); err != nil {
		return err
	}
	s.ContentHash = ContentHash(s.Text)
	return nil
}

// DefaultMaxStatementBytes is the bound on a statement's text when the
// store is given none: far beyond any one statement (a long speech runs to
// a few thousand bytes), short of what makes indexing and searching slow.
const DefaultMaxStatementBytes = 64 << 10

// CheckStatementText refuses, with errs.TooLarge, a statement text longer
// than limit bytes; a limit of 0 is DefaultMaxStatementBytes.
func CheckStatementText(text string, limit int) error {
	if limit <= 0 {
		limit = DefaultMaxStatementBytes
	}
	if len(text) > limit {
		return errs.E(errs.TooLarge, "statement text of %d bytes exceeds the limit of %d bytes (max-statement-bytes)", len(text), limit)
	}
	return nil
}

// NormalizeStatement checks and normalizes a statement; an empty status
// becomes UNVERIFIED and repeated topics are dropped. The text is checked
// but never changed.
func NormalizeStatement(s *Statement) error {
	if err := canonicalRef("statement", &s.ID); err != nil {
		return err
	}
	if strings.TrimSpace(s.Text) == "" {
		return errs.E(errs.Invalid, "statement text is required")
	}
	if s.Kind != Direct && s.Kind != Indirect {
		return errs.E(errs.Invalid, "statement kind %q is not DIRECT or INDIRECT", s.Kind)
	}
	if s.Status == "" {
		s.Status = Unverified
	}
	if !slices.Contains(Statuses, s.Status) {
		return errs.E(errs.Invalid, "statement status %q is not one of %v", s.Status, Statuses)
	}
	for _, ref := range []struct {
		what string
		id   *string
	}{{"speaker", &s.SpeakerID}, {"organisation", &s.OrganisationID}, {"source", &s.SourceID}} {
		if err := canonicalRef(ref.what, ref.id); err != nil {
			return err
		}
	}
	var topics []string
	for _, id := range s.TopicIDs {
		c, err := CanonicalID("topic", id)
		if err != nil {
			return err
		}
		if !slices.Contains(topics, c) {
			topics = append(topics, c)
		}
	}
	s.TopicIDs = topics
	if s.ByOrganisation && (s.OrganisationID == "" || s.SpeakerID != "") {
		return errs.E(errs.Invalid, "a statement by an organisation names its organisation and no speaker")
	}
	s.Heading = strings.TrimSpace(s.Heading)
	s.Role = strings.TrimSpace(s.Role)
	s.Cue = strings.TrimSpace(s.Cue)
	s.Language = strings.TrimSpace(s.Language)
	s.Origin = strings.TrimSpace(s.Origin)
	if len(s.Origin) > MaxOriginBytes {
		return errs.E(errs.Invalid, "statement origin of %d bytes exceeds the limit of %d bytes", len(s.Origin), MaxOriginBytes)
	}
	if err := checkNameText("statement origin", s.Origin); err != nil {
		return err
	}
	if err := checkLens(
		lenCheck{"statement heading", s.Heading, MaxNameBytes},
		lenCheck{"statement role", s.Role, MaxNameBytes},
		lenCheck{"statement cue", s.Cue, MaxNameBytes},
		lenCheck{"statement language", s.Language, MaxNameBytes},
	); err != nil {
		return err
	}
	if err := checkDate("statement date said", s.Said); err != nil {
		return err
	}
	for i, c := range s.Covers {
		if c.Range.IsZero() {
			return errs.E(errs.Invalid, "statement coverage %d has no dates", i)
		}
		if err := checkRange("statement coverage", c.Range); err != nil {
			return err
		}
		s.Covers[i].Label = strings.TrimSpace(c.Label)
		if err := checkLen("statement coverage label", s.Covers[i].Label, MaxNameBytes); err != nil {
			return err
		}
	}
	if s.Span != nil {
		if s.SourceID == "" {
			return errs.E(errs.Invalid, "statement span needs a source")
		}
		if s.Span.Start < 0 || s.Span.End < s.Span.Start {
			return errs.E(errs.Invalid, "statement span [%d,%d) is not a byte range", s.Span.Start, s.Span.End)
		}
	}
	if !(s.Confidence >= 0 && s.Confidence <= 1) { // (NaN compares false both ways)
		return errs.E(errs.Invalid, "statement confidence %v is not between 0 and 1", s.Confidence)
	}
	return nil
}

// CheckSpan checks a statement's span against its source's text: within
// its bounds and, the statement text being given, equal to it byte for
// byte.
func CheckSpan(st *Statement, src *Source) error {
	if st.Span == nil {
		return nil
	}
	if st.Span.End > len(src.Text) {
		return errs.E(errs.Invalid, "statement span [%d,%d) is outside the source text of %d bytes", st.Span.Start, st.Span.End, len(src.Text))
	}
	if src.Text[st.Span.Start:st.Span.End] != st.Text {
		return errs.E(errs.Invalid, "statement span [%d,%d) does not hold the statement text", st.Span.Start, st.Span.End)
	}
	return nil
}

// NormalizeClaimReview checks and normalizes a claim review: the statement,
// reviewer, rating text and an absolute http(s) URL are required, the rating
// scale must not be empty (best ≠ worst) and the value must lie on it.
func NormalizeClaimReview(r *ClaimReview) error {
	if err := canonicalRef("claim review", &r.ID); err != nil {
		return err
	}
	if r.StatementID == "" {
		return errs.E(errs.Invalid, "claim review statement is required")
	}
	if r.ReviewerID == "" {
		return errs.E(errs.Invalid, "claim review reviewer is required")
	}
	if err := canonicalRef("statement", &r.StatementID); err != nil {
		return err
	}
	if err := canonicalRef("reviewer organisation", &r.ReviewerID); err != nil {
		return err
	}
	r.RatingText = strings.TrimSpace(r.RatingText)
	if r.RatingText == "" {
		return errs.E(errs.Invalid, "claim review rating text is required")
	}
	if err := checkLen("claim review rating text", r.RatingText, MaxNameBytes); err != nil {
		return err
	}
	for _, v := range []float64{r.RatingValue, r.BestRating, r.WorstRating} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errs.E(errs.Invalid, "claim review rating %v is not a finite number", v)
		}
	}
	if r.BestRating == r.WorstRating {
		return errs.E(errs.Invalid, "claim review best rating and worst rating are both %v; a scale needs two ends", r.BestRating)
	}
	if lo, hi := min(r.BestRating, r.WorstRating), max(r.BestRating, r.WorstRating); r.RatingValue < lo || r.RatingValue > hi {
		return errs.E(errs.Invalid, "claim review rating value %v is not between worst rating %v and best rating %v", r.RatingValue, r.WorstRating, r.BestRating)
	}
	r.URL = strings.TrimSpace(r.URL)
	if err := checkLen("claim review url", r.URL, MaxURLBytes); err != nil {
		return err
	}
	if err := CheckURL("claim review url", r.URL); err != nil {
		return err
	}
	return checkDate("claim review date", r.Date)
}

// CheckURL checks that u is an absolute http or https URL with a host.
func CheckURL(what, u string) error {
	if u == "" {
		return errs.E(errs.Invalid, "%s is required", what)
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return errs.E(errs.Invalid, "%s %q is not an absolute http or https URL", what, u)
	}
	return nil
}

// NormalizeRecord normalizes the payload of rec with the Normalize
// function of its type, as every backend does before putting a record,
// and returns the payload (nil when rec carries none). When ready is set,
// the payload is fit to be encoded: it normalized, has an id, and its
// times are in UTC; otherwise the backend's put reports what is wrong.
func NormalizeRecord(rec Record) (payload any, ready bool, err error) {
	switch rec.Type {
	case SpeakerType:
		payload, err = normalizeOne(rec.Speaker, NormalizeSpeaker)
	case OrganisationType:
		payload, err = normalizeOne(rec.Organisation, NormalizeOrganisation)
	case AffiliationType:
		payload, err = normalizeOne(rec.Affiliation, NormalizeAffiliation)
	case TopicType:
		payload, err = normalizeOne(rec.Topic, NormalizeTopic)
	case SourceType:
		payload, err = normalizeOne(rec.Source, NormalizeSource)
	case StatementType:
		payload, err = normalizeOne(rec.Statement, NormalizeStatement)
	case ClaimReviewType:
		payload, err = normalizeOne(rec.ClaimReview, NormalizeClaimReview)
	}
	if payload == nil || err != nil {
		return payload, false, err
	}
	m := MetaOf(payload)
	if *m.ID == "" {
		return payload, false, nil
	}
	*m.Created, *m.Updated = m.Created.UTC(), m.Updated.UTC()
	return payload, true, nil
}

func normalizeOne[T any](v *T, norm func(*T) error) (any, error) {
	if v == nil {
		return nil, nil
	}
	return v, norm(v)
}
