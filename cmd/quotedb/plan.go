package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/store"
)

// planView is what `ingest --dry-run` shows of a plan: each statement with
// the names it would be stored under, and each record it refers to, new or
// resolved to a stored one. It is also the --json form.
type planView struct {
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	// Existing is the id of the stored source with the same text; then
	// nothing would be stored.
	Existing      string          `json:"existingSource,omitempty"`
	Statements    []statementView `json:"statements"`
	Speakers      []recordView    `json:"speakers"`
	Organisations []recordView    `json:"organisations"`
	Topics        []recordView    `json:"topics"`
	Affiliations  []affView       `json:"affiliations"`
}

type statementView struct {
	Text         string `json:"text"`
	Kind         string `json:"kind"`
	Speaker      string `json:"speaker,omitempty"`
	Unnamed      string `json:"unnamedSource,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	// ByOrganisation: the organisation itself made the statement.
	ByOrganisation bool   `json:"byOrganisation,omitempty"`
	Role           string `json:"role,omitempty"`
	Cue            string `json:"cue,omitempty"`
	Topic          string `json:"topic,omitempty"`
	Heading        string `json:"heading,omitempty"`
	Said           string `json:"said,omitempty"`
	Start          int    `json:"start"`
	End            int    `json:"end"`
}

// recordView is a record a plan refers to. Status is "new" (to be
// created), "resolved" (stored already) or "resolved, new names" (stored,
// and the document adds names to it).
type recordView struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	ID     string `json:"id"`
}

type affView struct {
	Speaker      string `json:"speaker"`
	Organisation string `json:"organisation"`
	Role         string `json:"role,omitempty"`
}

func viewPlan(p *ingest.Plan) planView {
	v := planView{Title: p.Source.Title, Published: p.Source.Published.String(),
		Statements: []statementView{}, Affiliations: []affView{}}
	if p.Existing != nil {
		v.Existing = p.Existing.ID
	}
	names := map[string]string{}
	v.Speakers = viewRefs(p.Speakers, names, func(s *store.Speaker) (string, string) { return s.ID, s.Name })
	v.Organisations = viewRefs(p.Organisations, names, func(o *store.Organisation) (string, string) {
		return o.ID, strings.TrimSpace(o.Name + shortName(o))
	})
	v.Topics = viewRefs(p.Topics, names, func(t *store.Topic) (string, string) { return t.ID, t.Name })
	for _, a := range p.Affiliations {
		v.Affiliations = append(v.Affiliations, affView{Speaker: names[a.SpeakerID], Organisation: names[a.OrganisationID], Role: a.Role})
	}
	for i, st := range p.Statements {
		sv := statementView{Text: st.Text, Kind: string(st.Kind), Speaker: names[st.SpeakerID], Unnamed: p.Unnamed[i],
			Organisation: names[st.OrganisationID], ByOrganisation: st.ByOrganisation, Role: st.Role, Cue: st.Cue,
			Heading: st.Heading, Said: st.Said.String()}
		if len(st.TopicIDs) > 0 {
			sv.Topic = names[st.TopicIDs[0]]
		}
		if st.Span != nil {
			sv.Start, sv.End = st.Span.Start, st.Span.End
		}
		v.Statements = append(v.Statements, sv)
	}
	return v
}

func shortName(o *store.Organisation) string {
	if o.ShortName == "" || o.ShortName == o.Name {
		return ""
	}
	return " (" + o.ShortName + ")"
}

func viewRefs[T any](refs []*ingest.Ref[T], names map[string]string, describe func(*T) (id, name string)) []recordView {
	out := []recordView{}
	for _, r := range refs {
		id, name := describe(r.Record)
		names[id] = name
		status := "resolved"
		switch {
		case r.New:
			status = "new"
		case r.Changed:
			status = "resolved, new names"
		}
		out = append(out, recordView{Name: name, Status: status, ID: id})
	}
	return out
}

// writePlan prints a plan for a person to review.
func writePlan(w io.Writer, path string, v planView) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %q", path, v.Title)
	if v.Published != "" {
		fmt.Fprintf(&b, ", published %s", v.Published)
	}
	b.WriteString("\n")
	if v.Existing != "" {
		fmt.Fprintf(&b, "  already stored as source %s: nothing would be written\n", v.Existing)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "\n%d statements\n", len(v.Statements))
	for i, st := range v.Statements {
		who := cmp.Or(st.Speaker, "(no source given)")
		switch {
		case st.Speaker == "" && st.Unnamed != "":
			who = st.Unnamed + " (unnamed)"
		case st.ByOrganisation:
			who = st.Organisation + " (the organisation)"
		case st.Organisation != "" || st.Role != "":
			who += " (" + strings.TrimSpace(st.Role+" "+prefixed("of ", st.Organisation)) + ")"
		}
		fmt.Fprintf(&b, "%3d. %s %s", i+1, who, cmp.Or(st.Cue, "—"))
		if st.Said != "" {
			fmt.Fprintf(&b, ", %s", st.Said)
		}
		if st.Topic != "" {
			fmt.Fprintf(&b, ", topic %s", st.Topic)
		}
		fmt.Fprintf(&b, "\n     %s %q [bytes %d-%d]\n", strings.ToLower(st.Kind), clip(st.Text, 160), st.Start, st.End)
	}
	for _, sec := range []struct {
		title string
		recs  []recordView
	}{{"speakers", v.Speakers}, {"organisations", v.Organisations}, {"topics", v.Topics}} {
		fmt.Fprintf(&b, "\n%s\n", sec.title)
		for _, r := range sec.recs {
			fmt.Fprintf(&b, "  %-22s %s\n", r.Status, r.Name)
		}
	}
	if len(v.Affiliations) > 0 {
		b.WriteString("\naffiliations to add\n")
		for _, a := range v.Affiliations {
			fmt.Fprintf(&b, "  %s: %s of %s\n", a.Speaker, cmp.Or(a.Role, "member"), a.Organisation)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writePlanJSON(w io.Writer, v planView) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
