package web

import (
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// row is a statement with the records a list shows beside it.
type row struct {
	S       *store.Statement
	Speaker *store.Speaker
	// Org and Role are the organisation and role at the time said: the
	// statement's own, or else from its speaker's affiliations then
	// (Inferred).
	Org       *store.Organisation
	Role      string
	Inferred  bool
	Source    *store.Source
	Publisher *store.Organisation
	Topics    []*store.Topic
	// Text is the statement's text, or the fragments a search matched
	// with the words in <mark>.
	Text template.HTML
}

// SpeakerName is the speaker's name, or for a statement of an
// organisation or an unnamed source what stands for one.
func (r row) SpeakerName() string {
	switch {
	case r.Speaker != nil:
		return r.Speaker.Name
	case r.S.ByOrganisation && r.Org != nil:
		return orgName(r.Org)
	}
	return "unnamed source"
}

// loadRows gathers, in one transaction, what the rows of sts show. hits,
// when given, are the search hits of the same statements, for highlights.
func loadRows(tx store.Tx, sts []*store.Statement, hits []search.StatementHit) ([]row, error) {
	var spIDs, orgIDs, srcIDs, topicIDs []string
	for _, s := range sts {
		spIDs = appendID(spIDs, s.SpeakerID)
		orgIDs = appendID(orgIDs, s.OrganisationID)
		srcIDs = appendID(srcIDs, s.SourceID)
		for _, t := range s.TopicIDs {
			topicIDs = appendID(topicIDs, t)
		}
	}
	speakers, err := tx.SpeakersByID(spIDs)
	if err != nil {
		return nil, err
	}
	affs, err := tx.AffiliationsOf(spIDs)
	if err != nil {
		return nil, err
	}
	sources, err := tx.SourcesByID(srcIDs)
	if err != nil {
		return nil, err
	}
	for _, a := range affs {
		for _, x := range a {
			orgIDs = appendID(orgIDs, x.OrganisationID)
		}
	}
	for _, src := range sources {
		if src != nil {
			orgIDs = appendID(orgIDs, src.PublisherID)
		}
	}
	orgs, err := tx.OrganisationsByID(orgIDs)
	if err != nil {
		return nil, err
	}
	topics, err := tx.TopicsByID(topicIDs)
	if err != nil {
		return nil, err
	}
	orgOf := byID(orgIDs, orgs)
	spOf, srcOf, topicOf := byID(spIDs, speakers), byID(srcIDs, sources), byID(topicIDs, topics)
	affOf := map[string][]*store.Affiliation{}
	for i, id := range spIDs {
		affOf[id] = affs[i]
	}
	out := make([]row, len(sts))
	for i, s := range sts {
		r := row{S: s, Speaker: spOf[s.SpeakerID], Org: orgOf[s.OrganisationID], Role: s.Role, Source: srcOf[s.SourceID]}
		if r.Org == nil && s.SpeakerID != "" {
			if a := store.AffiliationAt(affOf[s.SpeakerID], s.Said); a != nil {
				r.Org, r.Role, r.Inferred = orgOf[a.OrganisationID], a.Role, true
			}
		}
		if r.Source != nil {
			r.Publisher = orgOf[r.Source.PublisherID]
		}
		for _, t := range s.TopicIDs {
			if tp := topicOf[t]; tp != nil {
				r.Topics = append(r.Topics, tp)
			}
		}
		r.Text = template.HTML(template.HTMLEscapeString(s.Text))
		if hits != nil && len(hits[i].Highlights) > 0 {
			var parts []string
			for _, h := range hits[i].Highlights {
				parts = append(parts, h.HTML()) // escaped by Highlight.HTML
			}
			r.Text = template.HTML(strings.Join(parts, " "))
		}
		out[i] = r
	}
	return out, nil
}

func appendID(ids []string, id string) []string {
	if id == "" || slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

func byID[T any](ids []string, recs []*T) map[string]*T {
	m := make(map[string]*T, len(ids))
	for i, id := range ids {
		if recs[i] != nil {
			m[id] = recs[i]
		}
	}
	return m
}

func orgName(o *store.Organisation) string {
	if o == nil {
		return ""
	}
	if o.ShortName != "" && o.ShortName != o.Name {
		return o.Name + " (" + o.ShortName + ")"
	}
	return o.Name
}

var funcs = template.FuncMap{
	"orgName": orgName,
	"date": func(d partialdate.Date) string {
		if d.IsZero() {
			return "date unknown"
		}
		return d.String()
	},
	"lower":  strings.ToLower,
	"query":  url.QueryEscape,
	"joinSp": func(xs []string) string { return strings.Join(xs, ", ") },
	"add":    func(a, b int) int { return a + b },
	// plural gives "1 statement", "2 statements".
	"plural": func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return strconv.Itoa(n) + " " + word + "s"
	},
	"wikidata": func(qid string) string {
		return "https://www.wikidata.org/wiki/" + url.PathEscape(qid)
	},
}
