package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

// statementList is a page of statements, newest first, with the address
// of the page of older ones and of the full list on the search page.
type statementList struct {
	Rows       []row
	Older      string
	All, CSV   string
	JSONL      string
	Total      int
	Newest     string
	PagedAfter bool
}

// listNewest fills a statementList of the statements of f for a page at
// path whose older pages are path?before=cursor (keeping keep).
func (s *site) listNewest(ctx context.Context, r *http.Request, f store.StatementFilter, path string, p params) (statementList, error) {
	before := r.URL.Query().Get("before")
	var l statementList
	c, err := s.newestFirst(ctx, f, before, true)
	if err != nil {
		return l, err
	}
	l.Total, l.PagedAfter = c.Total, before != ""
	if err := s.view(ctx, func(tx store.Tx) error {
		l.Rows, err = loadRows(tx, c.Items, nil)
		return err
	}); err != nil {
		return l, err
	}
	q := r.URL.Query()
	if c.HasPrevious {
		q.Set("before", c.Cursors[len(c.Cursors)-1])
		l.Older = path + "?" + q.Encode()
	}
	q.Del("before")
	l.Newest = path
	if e := q.Encode(); e != "" {
		l.Newest += "?" + e
	}
	l.All, l.CSV, l.JSONL = p.url("/"), p.url("/export.csv"), p.url("/export.jsonl")
	return l, nil
}

type affiliationRow struct {
	A   *store.Affiliation
	Org *store.Organisation
}

type speakerData struct {
	Sp     *store.Speaker
	Affs   []affiliationRow
	Topics []facetItem
	List   statementList
}

func (s *site) speakerPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var d speakerData
	err := s.view(ctx, func(tx store.Tx) error {
		var err error
		if d.Sp, err = tx.Speaker(r.PathValue("id")); err != nil {
			return err
		}
		affs, err := tx.AffiliationsOf([]string{d.Sp.ID})
		if err != nil {
			return err
		}
		var ids []string
		for _, a := range affs[0] {
			ids = append(ids, a.OrganisationID)
		}
		orgs, err := tx.OrganisationsByID(ids)
		for i, a := range affs[0] {
			d.Affs = append(d.Affs, affiliationRow{a, orgs[i]})
		}
		return err
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.StatementFilter{SpeakerIDs: []string{d.Sp.ID}}
	if d.List, err = s.listNewest(ctx, r, f, "/speakers/"+d.Sp.ID, params{Speakers: f.SpeakerIDs}); err != nil {
		s.fail(w, r, err)
		return
	}
	if d.Topics, err = s.topTopics(ctx, f); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "speaker", d.Sp.Name, "", d)
}

// topTopics returns the topics with most statements of f, each linking to
// the search page of those statements; none without a search index.
func (s *site) topTopics(ctx context.Context, f store.StatementFilter) ([]facetItem, error) {
	if s.Search == nil {
		return nil, nil
	}
	fr, err := s.Search.StatementFacets(ctx, "", f, facetSize)
	if errs.Is(err, errs.Unavailable) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []facetItem
	err = s.view(ctx, func(tx store.Tx) error {
		names, err := recordNames(tx, nil, nil, fr.Counts[search.FacetTopic])
		for _, c := range fr.Counts[search.FacetTopic] {
			p := params{Speakers: f.SpeakerIDs, Orgs: f.OrganisationIDs, Topics: []string{c.Value}}
			out = append(out, facetItem{Label: names[c.Value], Count: c.Count, URL: p.url("/")})
		}
		return err
	})
	return out, err
}

type memberRow struct {
	Sp   *store.Speaker
	Role string
	From partialdate.Date
	To   partialdate.Date
}

type orgData struct {
	Org     *store.Organisation
	At      string
	Members []memberRow
	List    statementList
	Error   string
}

func (s *site) organisationPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d := orgData{At: strings.TrimSpace(r.URL.Query().Get("at"))}
	at := partialdate.FromTime(timeNow())
	if d.At != "" {
		var err error
		if at, err = partialdate.Parse(d.At); err != nil {
			d.Error = "The date " + d.At + " is not YYYY, YYYY-MM or YYYY-MM-DD; members today are shown."
			at = partialdate.FromTime(timeNow())
		}
	} else {
		d.At = at.String()
	}
	err := s.view(ctx, func(tx store.Tx) error {
		var err error
		if d.Org, err = tx.Organisation(r.PathValue("id")); err != nil {
			return err
		}
		c, err := tx.ListAffiliations(store.AffiliationFilter{OrganisationID: d.Org.ID, At: at}, store.Page{First: store.MaxPageSize})
		if err != nil {
			return err
		}
		var ids []string
		for _, a := range c.Items {
			ids = append(ids, a.SpeakerID)
		}
		sps, err := tx.SpeakersByID(ids)
		for i, a := range c.Items {
			if sps[i] != nil {
				d.Members = append(d.Members, memberRow{sps[i], a.Role, a.Start, a.End})
			}
		}
		return err
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.StatementFilter{OrganisationIDs: []string{d.Org.ID}}
	if d.List, err = s.listNewest(ctx, r, f, "/organisations/"+d.Org.ID, params{Orgs: f.OrganisationIDs}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "organisation", d.Org.Name, "", d)
}

type topicData struct {
	T         *store.Topic
	Ancestors []*store.Topic
	Subtopics []*store.Topic
	List      statementList
}

func (s *site) topicPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var d topicData
	err := s.view(ctx, func(tx store.Tx) error {
		var err error
		if d.T, err = tx.Topic(r.PathValue("id")); err != nil {
			return err
		}
		for id, n := d.T.ParentID, 0; id != "" && n < 20; n++ {
			p, err := tx.Topic(id)
			if err != nil {
				return err
			}
			d.Ancestors = append([]*store.Topic{p}, d.Ancestors...)
			id = p.ParentID
		}
		c, err := tx.ListTopics(store.TopicFilter{ParentID: d.T.ID}, store.Page{First: store.MaxPageSize})
		if err == nil {
			d.Subtopics = c.Items
		}
		return err
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.StatementFilter{TopicIDs: []string{d.T.ID}}
	if d.List, err = s.listNewest(ctx, r, f, "/topics/"+d.T.ID, params{Topics: f.TopicIDs}); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "topic", d.T.Name, "", d)
}
