package graph

import (
	"github.com/quotedb/quotedb/extract"
	"github.com/quotedb/quotedb/graph/model"
	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/store"
)

// document translates a GraphQL document input, bounded by the configured
// document size.
func (r *Resolver) document(in model.DocumentInput) ingest.Document {
	format := extract.PlainText
	switch deref(in.Format.Value()) {
	case model.DocumentFormatMarkdown:
		format = extract.Markdown
	case model.DocumentFormatHTML:
		format = extract.HTML
	}
	return ingest.Document{
		Text:        in.Text,
		Format:      format,
		Title:       deref(in.Title.Value()),
		URL:         deref(in.URL.Value()),
		ArchivedURL: deref(in.ArchivedURL.Value()),
		Publisher:   deref(in.Publisher.Value()),
		Date:        deref(in.Date.Value()),
		Language:    deref(in.Language.Value()),
		MaxBytes:    r.MaxDocumentBytes,
	}
}

// preview translates an ingest plan for review.
func preview(p *ingest.Plan) *model.DocumentPreview {
	out := &model.DocumentPreview{
		ExistingSource: p.Existing,
		Title:          p.Source.Title,
		Published:      &p.Source.Published,
		ContentHash:    p.Source.ContentHash,
		Text:           p.Source.Text,
		Statements:     []*model.PreviewStatement{},
		Affiliations:   []*model.PreviewAffiliation{},
	}
	names := map[string]string{}
	out.Speakers = previewRecords(p.Speakers, names, func(s *store.Speaker) (string, string, []string) { return s.ID, s.Name, s.Aliases })
	out.Organisations = previewRecords(p.Organisations, names, func(o *store.Organisation) (string, string, []string) {
		if o.ShortName != "" {
			return o.ID, o.ShortName, append([]string{o.Name}, o.Aliases...)
		}
		return o.ID, o.Name, o.Aliases
	})
	out.Topics = previewRecords(p.Topics, names, func(t *store.Topic) (string, string, []string) { return t.ID, t.Name, t.Aliases })
	for _, a := range p.Affiliations {
		out.Affiliations = append(out.Affiliations, &model.PreviewAffiliation{
			SpeakerName: names[a.SpeakerID], OrganisationName: names[a.OrganisationID], Role: optional(a.Role),
		})
	}
	for i, st := range p.Statements {
		ps := &model.PreviewStatement{
			Text:             st.Text,
			Kind:             st.Kind,
			Span:             st.Span,
			SpeakerName:      optional(names[st.SpeakerID]),
			UnnamedSource:    optional(p.Unnamed[i]),
			OrganisationName: optional(names[st.OrganisationID]),
			ByOrganisation:   st.ByOrganisation,
			Heading:          optional(st.Heading),
			Role:             optional(st.Role),
			Cue:              optional(st.Cue),
			Said:             &st.Said,
			Covers:           []*store.Coverage{},
			Confidence:       st.Confidence,
		}
		if len(st.TopicIDs) > 0 {
			ps.TopicName = optional(names[st.TopicIDs[0]])
		}
		for j := range st.Covers {
			ps.Covers = append(ps.Covers, &st.Covers[j])
		}
		out.Statements = append(out.Statements, ps)
	}
	return out
}

// previewRecords translates the records a plan refers to, noting each one's
// display name by id in names.
func previewRecords[T any](refs []*ingest.Ref[T], names map[string]string, describe func(*T) (id, name string, aliases []string)) []*model.PreviewRecord {
	out := []*model.PreviewRecord{}
	for _, r := range refs {
		id, name, aliases := describe(r.Record)
		pr := &model.PreviewRecord{Name: name, New: r.New, Changed: r.Changed, Aliases: aliases}
		if pr.Aliases == nil {
			pr.Aliases = []string{}
		}
		if !r.New {
			pr.Existing = r.Record
		}
		names[id] = name
		out = append(out, pr)
	}
	return out
}

// ingestResult translates what ingesting stored.
func ingestResult(p *ingest.Plan, src *store.Source, created bool) *model.IngestResult {
	res := &model.IngestResult{Source: src, Created: created, NewSpeakers: []*store.Speaker{}, NewOrganisations: []*store.Organisation{}, NewTopics: []*store.Topic{}}
	if !created {
		return res
	}
	res.StatementCount = len(p.Statements)
	for _, r := range p.Speakers {
		if r.New {
			res.NewSpeakers = append(res.NewSpeakers, r.Record)
		}
	}
	for _, r := range p.Organisations {
		if r.New {
			res.NewOrganisations = append(res.NewOrganisations, r.Record)
		}
	}
	for _, r := range p.Topics {
		if r.New {
			res.NewTopics = append(res.NewTopics, r.Record)
		}
	}
	return res
}
