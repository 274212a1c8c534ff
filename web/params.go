package web

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// params are the state of a statement list (the search page, its
// downloads), all in the URL's query:
//
//	q        words, "a phrase", prefix*, fuzzy~, -excluded
//	speaker  speaker ids        org    organisation ids (members at the time)
//	topic    topic ids (with subtopics)
//	kind     DIRECT, INDIRECT   status UNVERIFIED, VERIFIED, …
//	from, to the date said: YYYY, YYYY-MM or YYYY-MM-DD
//	after, before  the cursor of the page
type params struct {
	Q                                       string
	Speakers, Orgs, Topics, Kinds, Statuses []string
	From, To                                string
	After, Before                           string
}

const (
	maxQueryBytes = 1000
	maxValues     = 20
)

// parseParams reads the params of a request's query and the statement
// filter they select; malformed values are errs.Invalid.
func parseParams(v url.Values) (params, store.StatementFilter, error) {
	p := params{
		Q: strings.TrimSpace(v.Get("q")), Speakers: values(v, "speaker"), Orgs: values(v, "org"), Topics: values(v, "topic"),
		Kinds: values(v, "kind"), Statuses: values(v, "status"),
		From: strings.TrimSpace(v.Get("from")), To: strings.TrimSpace(v.Get("to")), After: v.Get("after"), Before: v.Get("before"),
	}
	var f store.StatementFilter
	if len(p.Q) > maxQueryBytes {
		return p, f, errs.E(errs.TooLarge, "a search may be at most %d bytes long", maxQueryBytes)
	}
	for _, vs := range [][]string{p.Speakers, p.Orgs, p.Topics, p.Kinds, p.Statuses} {
		if len(vs) > maxValues {
			return p, f, errs.E(errs.TooLarge, "at most %d values of one filter", maxValues)
		}
	}
	f.SpeakerIDs, f.OrganisationIDs, f.TopicIDs = p.Speakers, p.Orgs, p.Topics
	for _, k := range p.Kinds {
		f.Kinds = append(f.Kinds, store.StatementKind(k))
	}
	for _, s := range p.Statuses {
		f.Statuses = append(f.Statuses, store.Status(s))
	}
	var err error
	if f.Said, err = dateRange(p.From, p.To); err != nil {
		return p, f, err
	}
	return p, f, nil
}

// dateRange parses a period given as two partial dates, either empty.
func dateRange(from, to string) (partialdate.Range, error) {
	var r partialdate.Range
	var err error
	if from != "" {
		if r.From, err = partialdate.Parse(from); err != nil {
			return r, errs.Wrap(errs.Invalid, err, fmt.Sprintf("the date from %q is not YYYY, YYYY-MM or YYYY-MM-DD", from))
		}
	}
	if to != "" {
		if r.To, err = partialdate.Parse(to); err != nil {
			return r, errs.Wrap(errs.Invalid, err, fmt.Sprintf("the date to %q is not YYYY, YYYY-MM or YYYY-MM-DD", to))
		}
	}
	if err := r.Validate(); err != nil {
		return r, errs.Wrap(errs.Invalid, err, fmt.Sprintf("the period from %s to %s is not valid", from, to))
	}
	return r, nil
}

// values returns the non-empty values of a key, without repeats.
func values(v url.Values, key string) []string {
	var out []string
	for _, x := range v[key] {
		if x = strings.TrimSpace(x); x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func (p params) values() url.Values {
	v := url.Values{}
	set := func(k, x string) {
		if x != "" {
			v.Set(k, x)
		}
	}
	set("q", p.Q)
	v["speaker"], v["org"], v["topic"], v["kind"], v["status"] = p.Speakers, p.Orgs, p.Topics, p.Kinds, p.Statuses
	set("from", p.From)
	set("to", p.To)
	set("after", p.After)
	set("before", p.Before)
	for k, x := range v {
		if len(x) == 0 {
			delete(v, k)
		}
	}
	return v
}

// url returns the address of path with these params.
func (p params) url(path string) string {
	if q := p.values().Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// firstPage returns the params without a page cursor.
func (p params) firstPage() params {
	p.After, p.Before = "", ""
	return p
}

// toggle returns the first page of these params with value added to, or,
// when there, removed from the filter of key.
func (p params) toggle(key, value string) params {
	p = p.firstPage()
	field := map[string]*[]string{"speaker": &p.Speakers, "org": &p.Orgs, "topic": &p.Topics, "kind": &p.Kinds, "status": &p.Statuses}[key]
	cur := slices.Clone(*field)
	if i := slices.Index(cur, value); i >= 0 {
		*field = slices.Delete(cur, i, i+1)
	} else {
		*field = append(cur, value)
	}
	return p
}

func (p params) has(key, value string) bool {
	field := map[string][]string{"speaker": p.Speakers, "org": p.Orgs, "topic": p.Topics, "kind": p.Kinds, "status": p.Statuses}[key]
	return slices.Contains(field, value)
}

// period returns the first page of these params with the date range set.
func (p params) period(from, to string) params {
	p = p.firstPage()
	p.From, p.To = from, to
	return p
}
