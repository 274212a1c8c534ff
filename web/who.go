package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/quotedb/quotedb/errs"
	"github.com/quotedb/quotedb/service"
	"github.com/quotedb/quotedb/store"
)

// maxWhoStatements bounds the statements /who groups; the search page
// with the same filter lists them all.
const maxWhoStatements = 500

type option struct {
	Value, Label string
	Selected     bool
}

type speakerGroup struct {
	Name, URL string
	Rows      []row
}

type whoData struct {
	Orgs, Topics []option
	From, To     string
	Asked        bool
	Groups       []speakerGroup
	Count        int
	More         bool
	// All is the search page with the same filter; CSV downloads it.
	All, CSV, JSONL string
	Error           string
}

// whoPage answers who said what: the statements of the members of an
// organisation (at the time they spoke) on a topic or its subtopics in a
// period, grouped by speaker, the most prolific first. org and topic are
// ids, or names as the API's organisationNames and topicNames take them.
func (s *site) whoPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	org, topic := strings.TrimSpace(q.Get("org")), strings.TrimSpace(q.Get("topic"))
	d := whoData{From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	d.Asked = org != "" || topic != "" || d.From != "" || d.To != ""
	status := http.StatusOK
	err := s.fillWho(r.Context(), &d, org, topic)
	if err != nil {
		k := errs.KindOf(err)
		if k != errs.Invalid && k != errs.NotFound && k != errs.TooLarge {
			s.fail(w, r, err)
			return
		}
		d.Error, d.Groups, status = errs.Message(err), nil, k.HTTPStatus()
	}
	s.render(w, r, status, "who", "Who said what", "who", d)
}

func (s *site) fillWho(ctx context.Context, d *whoData, org, topic string) error {
	var f store.StatementFilter
	var err error
	if f.Said, err = dateRange(d.From, d.To); err != nil {
		return err
	}
	var names service.Names
	err = s.view(ctx, func(tx store.Tx) error {
		if org != "" {
			if o, err := tx.Organisation(org); err == nil {
				f.OrganisationIDs = []string{o.ID}
			} else {
				names.Organisations = []string{org}
			}
		}
		if topic != "" {
			if t, err := tx.Topic(topic); err == nil {
				f.TopicIDs = []string{t.ID}
			} else {
				names.Topics = []string{topic}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	resolveErr := s.svc.ResolveNames(ctx, &f, names)
	err = s.view(ctx, func(tx store.Tx) error {
		if err := s.whoOptions(tx, d, f); err != nil {
			return err
		}
		if resolveErr != nil || !d.Asked {
			return resolveErr
		}
		c, err := tx.ListStatements(f, store.Page{First: maxWhoStatements})
		if err != nil {
			return err
		}
		rows, err := loadRows(tx, c.Items, nil)
		if err != nil {
			return err
		}
		d.Count, d.More, d.Groups = len(rows), c.HasNext, groupBySpeaker(rows)
		return nil
	})
	if err != nil {
		return err
	}
	p := params{Orgs: f.OrganisationIDs, Topics: f.TopicIDs, From: d.From, To: d.To}
	d.All, d.CSV, d.JSONL = p.url("/"), p.url("/export.csv"), p.url("/export.jsonl")
	return nil
}

// whoOptions lists the organisations and topics to choose from, those of
// f selected; topics as a tree, subtopics indented under their parents.
func (s *site) whoOptions(tx store.Tx, d *whoData, f store.StatementFilter) error {
	orgs, err := tx.ListOrganisations(store.OrganisationFilter{}, store.Page{First: store.MaxPageSize})
	if err != nil {
		return err
	}
	slices.SortFunc(orgs.Items, func(a, b *store.Organisation) int {
		return cmp.Compare(strings.ToLower(cmpOr(a.ShortName, a.Name)), strings.ToLower(cmpOr(b.ShortName, b.Name)))
	})
	for _, o := range orgs.Items {
		d.Orgs = append(d.Orgs, option{Value: o.ID, Label: orgName(o), Selected: slices.Contains(f.OrganisationIDs, o.ID)})
	}
	topics, err := tx.ListTopics(store.TopicFilter{}, store.Page{First: store.MaxPageSize})
	if err != nil {
		return err
	}
	children := map[string][]*store.Topic{}
	for _, t := range topics.Items {
		children[t.ParentID] = append(children[t.ParentID], t)
	}
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		for _, t := range children[parent] {
			d.Topics = append(d.Topics, option{Value: t.ID, Label: strings.Repeat("\u00a0\u00a0", depth) + t.Name, Selected: slices.Contains(f.TopicIDs, t.ID)})
			if depth < 10 {
				walk(t.ID, depth+1)
			}
		}
	}
	walk("", 0)
	return nil
}

// groupBySpeaker groups rows by who spoke, keeping each group in date
// order, the groups with the most statements first.
func groupBySpeaker(rows []row) []speakerGroup {
	var groups []speakerGroup
	at := map[string]int{}
	for _, r := range rows {
		key, name, url := "", r.SpeakerName(), ""
		switch {
		case r.Speaker != nil:
			key, url = r.Speaker.ID, "/speakers/"+r.Speaker.ID
		case r.S.ByOrganisation && r.Org != nil:
			key, url = r.Org.ID, "/organisations/"+r.Org.ID
		}
		i, ok := at[key]
		if !ok {
			i = len(groups)
			at[key] = i
			groups = append(groups, speakerGroup{Name: name, URL: url})
		}
		groups[i].Rows = append(groups[i].Rows, r)
	}
	slices.SortStableFunc(groups, func(a, b speakerGroup) int { return cmp.Compare(len(b.Rows), len(a.Rows)) })
	return groups
}
