package web

import (
	"context"
	"net/http"
	"slices"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/store"
)

const (
	pageSize  = 20
	facetSize = 8
)

type facetItem struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type facetGroup struct {
	Label string
	Items []facetItem
}

// chip is a filter in force, with the address of the page without it.
type chip struct {
	Label, Remove string
}

type searchData struct {
	Q, From, To string
	Rows        []row
	// Total is the number of matches, -1 when unknown.
	Total    int
	Facets   []facetGroup
	Chips    []chip
	Fallback bool
	// Error is a message about a bad query, shown above the form.
	Error             string
	Next, First       string
	CSV, JSONL, Share string
	Hidden            []hiddenField
	Searched          bool
	// Named are the speakers and organisations whose names the words
	// match, each linking to the list of its statements.
	Named []chip
}

// hiddenField keeps a filter in force when the search box is submitted.
type hiddenField struct{ Name, Value string }

func (s *site) searchPage(w http.ResponseWriter, r *http.Request) {
	p, f, err := parseParams(r.URL.Query())
	d := searchData{Q: p.Q, From: p.From, To: p.To, Total: -1, Searched: p.Q != ""}
	if err != nil {
		d.Error = errs.Message(err)
		s.render(w, r, errs.KindOf(err).HTTPStatus(), "search", "Search", "search", d)
		return
	}
	if err := s.fillSearch(r.Context(), &d, p, f); err != nil {
		if k := errs.KindOf(err); k == errs.Invalid || k == errs.TooLarge || k == errs.NotFound {
			d.Error = errs.Message(err)
			s.render(w, r, k.HTTPStatus(), "search", "Search", "search", d)
			return
		}
		s.fail(w, r, err)
		return
	}
	title := "Search"
	if p.Q != "" {
		title = p.Q + " — search"
	}
	s.render(w, r, http.StatusOK, "search", title, "search", d)
}

func (s *site) fillSearch(ctx context.Context, d *searchData, p params, f store.StatementFilter) error {
	first := p.firstPage()
	d.CSV, d.JSONL, d.Share, d.First = first.url("/export.csv"), first.url("/export.jsonl"), p.url("/"), first.url("/")
	for _, k := range []struct {
		name string
		vs   []string
	}{{"speaker", p.Speakers}, {"org", p.Orgs}, {"topic", p.Topics}, {"kind", p.Kinds}, {"status", p.Statuses}} {
		for _, v := range k.vs {
			d.Hidden = append(d.Hidden, hiddenField{k.name, v})
		}
	}
	// The facets are counted while the page's statements are found: on a
	// broad search, counting takes the longer.
	facets := s.countFacets(ctx, p.Q, f)
	var sts []*store.Statement
	var hits []search.StatementHit
	if p.Q != "" {
		if s.Search == nil {
			return errs.E(errs.Unavailable, "search is not available on this server")
		}
		res, err := s.Search.SearchStatements(ctx, search.StatementQuery{Query: p.Q, Filter: f, First: pageSize, After: p.After})
		if err != nil {
			return err
		}
		d.Total, d.Fallback, hits = res.Total, res.Fallback, res.Hits
		for _, h := range res.Hits {
			sts = append(sts, h.Statement)
		}
		if res.HasNext {
			next := p
			next.After = res.Hits[len(res.Hits)-1].Cursor
			d.Next = next.url("/")
		}
	} else {
		c, err := s.newestFirst(ctx, f, p.Before, s.Search == nil)
		if err != nil {
			return err
		}
		sts, d.Total = c.Items, c.Total
		if c.HasPrevious {
			older := p.firstPage()
			older.Before = c.Cursors[len(c.Cursors)-1]
			d.Next = older.url("/")
		}
	}
	if p.Q != "" && p.After == "" {
		if err := s.named(ctx, d, p); err != nil {
			return err
		}
	}
	fr, err := facets()
	if err != nil {
		return err
	}
	if fr != nil && d.Total < 0 && !d.Fallback {
		d.Total = fr.Total
	}
	return s.view(ctx, func(tx store.Tx) error {
		var err error
		if d.Rows, err = loadRows(tx, sts, hits); err != nil {
			return err
		}
		if d.Chips, err = chips(tx, p); err != nil {
			return err
		}
		if fr != nil {
			d.Facets, err = facetGroups(tx, p, fr)
		}
		return err
	})
}

// countFacets starts counting the facets of a list and returns a func
// that waits for the counts: nil without a search index.
func (s *site) countFacets(ctx context.Context, q string, f store.StatementFilter) func() (*search.FacetResult, error) {
	if s.Search == nil {
		return func() (*search.FacetResult, error) { return nil, nil }
	}
	type result struct {
		fr  *search.FacetResult
		err error
	}
	ch := make(chan result, 1)
	go func() {
		fr, err := s.Search.StatementFacets(ctx, q, f, facetSize)
		if errs.Is(err, errs.Unavailable) {
			fr, err = nil, nil
		}
		ch <- result{fr, err}
	}()
	return func() (*search.FacetResult, error) {
		r := <-ch
		return r.fr, r.err
	}
}

// newestFirst returns a page of the statements of f, newest first, ending
// before the cursor before; with count, their total (a pass over them).
func (s *site) newestFirst(ctx context.Context, f store.StatementFilter, before string, count bool) (*store.Conn[*store.Statement], error) {
	var c *store.Conn[*store.Statement]
	err := s.view(ctx, func(tx store.Tx) error {
		var err error
		c, err = tx.ListStatements(f, store.Page{Last: pageSize, Before: before, Count: count})
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.Reverse(c.Items)
	slices.Reverse(c.Cursors)
	return c, nil
}

var facetLabels = map[search.Facet]string{
	search.FacetSpeaker: "Speaker", search.FacetOrganisation: "Organisation (at the time)", search.FacetTopic: "Topic",
	search.FacetYear: "Year", search.FacetKind: "Kind", search.FacetStatus: "Status",
}

var facetKeys = map[search.Facet]string{
	search.FacetSpeaker: "speaker", search.FacetOrganisation: "org", search.FacetTopic: "topic",
	search.FacetKind: "kind", search.FacetStatus: "status",
}

// facetGroups names the facet values and gives each the address of the
// page narrowed to it, or widened again when it is chosen.
func facetGroups(tx store.Tx, p params, fr *search.FacetResult) ([]facetGroup, error) {
	names, err := recordNames(tx, fr.Counts[search.FacetSpeaker], fr.Counts[search.FacetOrganisation], fr.Counts[search.FacetTopic])
	if err != nil {
		return nil, err
	}
	var out []facetGroup
	for _, fc := range search.Facets {
		g := facetGroup{Label: facetLabels[fc]}
		for _, c := range fr.Counts[fc] {
			it := facetItem{Label: c.Value, Count: c.Count}
			if n, ok := names[c.Value]; ok {
				it.Label = n
			}
			if fc == search.FacetYear {
				it.Active = p.From == c.Value && p.To == c.Value
				np := p.period(c.Value, c.Value)
				if it.Active {
					np = p.period("", "")
				}
				it.URL = np.url("/")
			} else {
				key := facetKeys[fc]
				it.Active = p.has(key, c.Value)
				it.URL = p.toggle(key, c.Value).url("/")
				if fc == search.FacetKind || fc == search.FacetStatus {
					it.Label = lowerWords(c.Value)
				}
			}
			g.Items = append(g.Items, it)
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}

// recordNames maps the ids of facet values to the names of their records.
func recordNames(tx store.Tx, speakers, orgs, topics []search.FacetCount) (map[string]string, error) {
	ids := func(cs []search.FacetCount) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Value)
		}
		return out
	}
	names := map[string]string{}
	sp, err := tx.SpeakersByID(ids(speakers))
	if err != nil {
		return nil, err
	}
	for _, x := range sp {
		if x != nil {
			names[x.ID] = x.Name
		}
	}
	os, err := tx.OrganisationsByID(ids(orgs))
	if err != nil {
		return nil, err
	}
	for _, x := range os {
		if x != nil {
			names[x.ID] = cmpOr(x.ShortName, x.Name)
		}
	}
	ts, err := tx.TopicsByID(ids(topics))
	if err != nil {
		return nil, err
	}
	for _, x := range ts {
		if x != nil {
			names[x.ID] = x.Name
		}
	}
	return names, nil
}

// chips lists the filters in force, named, each with the address of the
// page without it.
func chips(tx store.Tx, p params) ([]chip, error) {
	var out []chip
	var speakers, orgs, topics []search.FacetCount
	for _, id := range p.Speakers {
		speakers = append(speakers, search.FacetCount{Value: id})
	}
	for _, id := range p.Orgs {
		orgs = append(orgs, search.FacetCount{Value: id})
	}
	for _, id := range p.Topics {
		topics = append(topics, search.FacetCount{Value: id})
	}
	names, err := recordNames(tx, speakers, orgs, topics)
	if err != nil {
		return nil, err
	}
	add := func(key, prefix string, vs []string) {
		for _, v := range vs {
			label := v
			if n, ok := names[v]; ok {
				label = n
			} else if key == "kind" || key == "status" {
				label = lowerWords(v)
			}
			out = append(out, chip{Label: prefix + label, Remove: p.toggle(key, v).url("/")})
		}
	}
	add("speaker", "speaker: ", p.Speakers)
	add("org", "organisation: ", p.Orgs)
	add("topic", "topic: ", p.Topics)
	add("kind", "kind: ", p.Kinds)
	add("status", "status: ", p.Statuses)
	if p.From != "" || p.To != "" {
		out = append(out, chip{Label: "said " + cmpOr(p.From, "…") + " to " + cmpOr(p.To, "…"), Remove: p.period("", "").url("/")})
	}
	return out, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func lowerWords(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c == '_':
			b[i] = ' '
		case i > 0 && c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// maxNamed bounds the speakers and organisations a search names.
const maxNamed = 5

// named fills d.Named with the speakers and organisations whose names the
// search's words are, so that a search for a name leads to what its bearer
// said as well as to the statements that mention it.
func (s *site) named(ctx context.Context, d *searchData, p params) error {
	if s.Search == nil {
		return nil
	}
	sp, err := s.Search.SearchNames(ctx, store.SpeakerType, p.Q, maxNamed)
	if err != nil {
		if k := errs.KindOf(err); k == errs.Invalid || k == errs.Unavailable {
			return nil // the words are no name; the search says why if need be
		}
		return err
	}
	orgs, err := s.Search.SearchNames(ctx, store.OrganisationType, p.Q, maxNamed)
	if err != nil && errs.KindOf(err) != errs.Invalid && errs.KindOf(err) != errs.Unavailable {
		return err
	}
	return s.view(ctx, func(tx store.Tx) error {
		var spIDs, orgIDs []string
		for _, h := range sp {
			spIDs = append(spIDs, h.ID)
		}
		for _, h := range orgs {
			orgIDs = append(orgIDs, h.ID)
		}
		sps, err := tx.SpeakersByID(spIDs)
		if err != nil {
			return err
		}
		for _, x := range sps {
			if x != nil {
				d.Named = append(d.Named, chip{Label: x.Name, Remove: params{Speakers: []string{x.ID}}.url("/")})
			}
		}
		os, err := tx.OrganisationsByID(orgIDs)
		for _, x := range os {
			if x != nil {
				d.Named = append(d.Named, chip{Label: orgName(x), Remove: params{Orgs: []string{x.ID}}.url("/")})
			}
		}
		return err
	})
}
