// Package jsonld describes a statement as schema.org JSON-LD, the markup
// fact-checkers publish and search engines and fact-check archives read.
//
// A statement becomes a schema.org Claim: its text, the date it was said and
// its language; its speaker as the author, a Person with alternateName (the
// aliases), sameAs (Wikidata) and memberOf, one OrganizationRole per
// affiliation with roleName, startDate and endDate (or, for a statement an
// organisation made, that Organization as the author); its appearances (the
// near duplicates of store.Tx.Appearances that have a source) as
// CreativeWorks with url and archivedAt, the earliest also as
// firstAppearance; its topics under about, as DefinedTerms; and each claim
// review as a ClaimReview under review, with its Rating and its author
// Organization, pointing back at the Claim through itemReviewed.
//
// The document's @context is "https://schema.org". Records are named by
// "urn:uuid:" IRIs of their ids, which are UUIDs.
package jsonld

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/store"
)

// Context is the @context of the documents.
const Context = "https://schema.org"

// Input is everything the document of one statement says. Gather reads it
// from a store.
type Input struct {
	Statement *store.Statement
	Source    *store.Source  // the statement's own, or nil
	Speaker   *store.Speaker // nil for unnamed sources
	// Affiliations are the speaker's, by start date.
	Affiliations []*store.Affiliation
	Topics       []*store.Topic
	// Appearances are as store.Tx.Appearances returns them: earliest first.
	Appearances []store.Appearance
	Reviews     []*store.ClaimReview
	// Organisations holds, by id, every organisation the others name:
	// affiliations', reviewers', publishers' and the statement's own.
	Organisations map[string]*store.Organisation
}

// Gather reads the Input of the statement id in tx.
func Gather(tx store.Tx, id string) (*Input, error) {
	st, err := tx.Statement(id)
	if err != nil {
		return nil, err
	}
	in := &Input{Statement: st, Organisations: map[string]*store.Organisation{}}
	orgIDs := []string{st.OrganisationID}
	if st.SourceID != "" {
		if in.Source, err = tx.Source(st.SourceID); err != nil {
			return nil, err
		}
	}
	if st.SpeakerID != "" {
		if in.Speaker, err = tx.Speaker(st.SpeakerID); err != nil {
			return nil, err
		}
		affs, err := tx.AffiliationsOf([]string{st.SpeakerID})
		if err != nil {
			return nil, err
		}
		in.Affiliations = affs[0]
		for _, a := range in.Affiliations {
			orgIDs = append(orgIDs, a.OrganisationID)
		}
	}
	topics, err := tx.TopicsByID(st.TopicIDs)
	if err != nil {
		return nil, err
	}
	for _, t := range topics {
		if t != nil {
			in.Topics = append(in.Topics, t)
		}
	}
	if in.Appearances, err = tx.Appearances(id); err != nil {
		return nil, err
	}
	for _, a := range in.Appearances {
		if a.Source != nil {
			orgIDs = append(orgIDs, a.Source.PublisherID)
		}
	}
	reviews, err := tx.ReviewsOf([]string{id})
	if err != nil {
		return nil, err
	}
	in.Reviews = reviews[0]
	for _, r := range in.Reviews {
		orgIDs = append(orgIDs, r.ReviewerID)
	}
	var ids []string
	for _, o := range orgIDs {
		if o != "" && in.Organisations[o] == nil {
			in.Organisations[o] = &store.Organisation{} // placeholder, to dedupe
			ids = append(ids, o)
		}
	}
	orgs, err := tx.OrganisationsByID(ids)
	if err != nil {
		return nil, err
	}
	for i, o := range orgs {
		if o == nil {
			return nil, errs.E(errs.Internal, "organisation %s vanished", ids[i])
		}
		in.Organisations[ids[i]] = o
	}
	return in, nil
}

// node is a JSON-LD node object; fields are left out when empty.
type node = map[string]any

func set(n node, key string, v any) {
	switch x := v.(type) {
	case string:
		if x == "" {
			return
		}
	case []string:
		if len(x) == 0 {
			return
		}
	case []node:
		if len(x) == 0 {
			return
		}
	case node:
		if x == nil {
			return
		}
	}
	n[key] = v
}

// IRI returns the IRI that names a record in the documents.
func IRI(id string) string { return "urn:uuid:" + id }

// WikidataURL returns the Wikidata page of a QID.
func WikidataURL(qid string) string { return "https://www.wikidata.org/wiki/" + qid }

// Document returns the schema.org Claim of in as a JSON-LD document.
func Document(in *Input) node {
	st := in.Statement
	claim := node{"@context": Context, "@type": "Claim", "@id": IRI(st.ID), "identifier": st.ID}
	set(claim, "text", st.Text)
	said := st.Said
	if said.IsZero() && in.Source != nil {
		said = in.Source.Published
	}
	set(claim, "datePublished", said.String())
	lang := st.Language
	if lang == "" && in.Source != nil {
		lang = in.Source.Language
	}
	set(claim, "inLanguage", lang)
	switch {
	case in.Speaker != nil:
		claim["author"] = in.person()
	case st.ByOrganisation:
		claim["author"] = in.organization(st.OrganisationID)
	}
	var works []node
	for _, a := range in.Appearances {
		if a.Source != nil {
			works = append(works, in.work(a))
		}
	}
	if len(works) > 0 {
		claim["firstAppearance"] = works[0]
		claim["appearance"] = works
	}
	var about []node
	for _, t := range in.Topics {
		term := node{"@type": "DefinedTerm", "@id": IRI(t.ID), "name": t.Name, "termCode": t.Slug}
		set(term, "alternateName", t.Aliases)
		about = append(about, term)
	}
	set(claim, "about", about)
	var reviews []node
	for _, r := range in.Reviews {
		reviews = append(reviews, in.review(r, node{"@id": IRI(st.ID)}))
	}
	set(claim, "review", reviews)
	return claim
}

// review returns the ClaimReview node of r, reviewing item.
func (in *Input) review(r *store.ClaimReview, item node) node {
	rating := node{
		"@type":         "Rating",
		"ratingValue":   r.RatingValue,
		"bestRating":    r.BestRating,
		"worstRating":   r.WorstRating,
		"alternateName": r.RatingText,
	}
	review := node{
		"@type":         "ClaimReview",
		"@id":           IRI(r.ID),
		"url":           r.URL,
		"claimReviewed": in.Statement.Text,
		"itemReviewed":  item,
		"reviewRating":  rating,
		"author":        in.organization(r.ReviewerID),
	}
	set(review, "datePublished", r.Date.String())
	return review
}

// ClaimReview returns the review of in's statement with the given id as a
// JSON-LD document of its own, as fact-checkers publish it: a ClaimReview
// whose itemReviewed is the Claim, with its author and appearances. The
// Claim leaves out its other reviews. withContext adds the @context, which
// a document needs and an element of a DataFeed does not.
func ClaimReview(in *Input, reviewID string, withContext bool) (node, error) {
	i := slices.IndexFunc(in.Reviews, func(r *store.ClaimReview) bool { return r.ID == reviewID })
	if i < 0 {
		return nil, errs.E(errs.NotFound, "statement %s has no claim review %s", in.Statement.ID, reviewID)
	}
	claim := Document(in)
	delete(claim, "@context")
	delete(claim, "review")
	review := in.review(in.Reviews[i], claim)
	if withContext {
		review["@context"] = Context
	}
	return review, nil
}

// FeedHead and FeedTail enclose the elements of a DataFeed of claim
// reviews, as fact-check search engines read them; FeedItem is one element.
const (
	FeedHead = `{"@context":"` + Context + `","@type":"DataFeed","dataFeedElement":[`
	FeedTail = "]}\n"
)

// FeedItem returns a ClaimReview (from ClaimReview without context) as an
// element of a DataFeed: a DataFeedItem whose item it is.
func FeedItem(review node) node {
	return node{"@type": "DataFeedItem", "item": []node{review}}
}

// Encode writes v as compact JSON, keeping <, > and & of quoted text.
func Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return errs.Wrap(errs.Internal, err, "encoding JSON-LD")
	}
	return nil
}

// Marshal returns Document(in) as indented JSON.
func Marshal(in *Input) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // quoted text keeps its <, > and &
	enc.SetIndent("", "  ")
	if err := enc.Encode(Document(in)); err != nil {
		return nil, errs.Wrap(errs.Internal, err, "encoding JSON-LD")
	}
	return buf.Bytes(), nil
}

func (in *Input) person() node {
	sp := in.Speaker
	p := node{"@type": "Person", "@id": IRI(sp.ID), "name": sp.Name}
	set(p, "alternateName", sp.Aliases)
	set(p, "description", sp.Description)
	if sp.QID != "" {
		p["sameAs"] = WikidataURL(sp.QID)
	}
	var roles []node
	explicit := in.Statement.OrganisationID
	for _, a := range in.Affiliations {
		role := node{"@type": "OrganizationRole", "memberOf": in.organization(a.OrganisationID)}
		set(role, "roleName", a.Role)
		set(role, "startDate", a.Start.String())
		set(role, "endDate", a.End.String())
		roles = append(roles, role)
		if a.OrganisationID == explicit {
			explicit = ""
		}
	}
	if explicit != "" {
		// Given on the statement, without a period.
		role := node{"@type": "OrganizationRole", "memberOf": in.organization(explicit)}
		set(role, "roleName", in.Statement.Role)
		roles = append(roles, role)
	}
	set(p, "memberOf", roles)
	return p
}

func (in *Input) organization(id string) node {
	o := in.Organisations[id]
	if o == nil {
		return node{"@id": IRI(id)}
	}
	n := node{"@type": "Organization", "@id": IRI(o.ID), "name": o.Name}
	alt := o.Aliases
	if o.ShortName != "" {
		alt = append([]string{o.ShortName}, alt...)
	}
	set(n, "alternateName", alt)
	if o.QID != "" {
		n["sameAs"] = WikidataURL(o.QID)
	}
	return n
}

func (in *Input) work(a store.Appearance) node {
	src := a.Source
	w := node{"@type": "CreativeWork", "@id": IRI(src.ID), "name": src.Title}
	set(w, "url", src.URL)
	set(w, "archivedAt", src.ArchivedURL)
	set(w, "datePublished", src.Published.String())
	set(w, "inLanguage", src.Language)
	if src.PublisherID != "" {
		w["publisher"] = in.organization(src.PublisherID)
	}
	return w
}

// WriteFeed writes every claim review of tx to w as a DataFeed (FeedHead,
// one FeedItem a review, FeedTail) and returns their number; after an
// error what was written is an unterminated feed.
func WriteFeed(ctx context.Context, tx store.Tx, w io.Writer) (int, error) {
	if _, err := io.WriteString(w, FeedHead); err != nil {
		return 0, err
	}
	n := 0
	reviews := store.All(ctx, func(p store.Page) (*store.Conn[*store.ClaimReview], error) {
		return tx.ListClaimReviews(store.ClaimReviewFilter{}, p)
	})
	for cr, err := range reviews {
		if err != nil {
			return n, err
		}
		in, err := Gather(tx, cr.StatementID)
		if err != nil {
			return n, err
		}
		doc, err := ClaimReview(in, cr.ID, false)
		if err != nil {
			return n, err
		}
		if n > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return n, err
			}
		}
		if err := Encode(w, FeedItem(doc)); err != nil {
			return n, err
		}
		n++
	}
	_, err := io.WriteString(w, FeedTail)
	return n, err
}
