package search

import (
	"bytes"
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/quotedb/quotedb/partialdate"
	"github.com/quotedb/quotedb/store"
)

// Fields of the index. Every record is one document with the record's id.
// A statement's words are in fText, the names of a speaker, organisation or
// topic in fName. Everything the structured filters select on is in one
// keyword field, fFacts, as "name:value" terms computed when the record is
// indexed: one field of short terms costs far less to index than one field
// per fact, and numeric date fields (sixteen terms each) more still.
const (
	fText  = "text"
	fName  = "name"
	fFacts = "facts"
)

// Prefixes of the terms of fFacts.
const (
	factType    = "type:"    // the store.RecordType
	factSpeaker = "speaker:" // speaker id
	factOrg     = "org:"     // organisations at the time (see orgsAtTime)
	factTopic   = "topic:"   // topic ids with all their ancestors
	factSource  = "source:"
	factKind    = "kind:"
	factStatus  = "status:"
	// The date said: its year, month and day as far as known (YYYY,
	// YYYYMM, YYYYMMDD), and for a date known only to the year or month,
	// that date again under a prefix of its own; see saidQuery.
	factYear      = "y:"
	factMonth     = "m:"
	factDay       = "d:"
	factYearOnly  = "yo:"
	factMonthOnly = "mo:"
)

// indexMapping is the mapping the index is created with. Documents are
// built field by field (statementDoc, namedDoc), so the mapping only tells
// queries which analyzer each field has.
func indexMapping() mapping.IndexMapping {
	m := mapping.NewIndexMapping()
	m.DefaultAnalyzer = AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	doc := mapping.NewDocumentStaticMapping()
	text := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = AnalyzerName
		f.Store = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = factsAnalyzerName
		f.Store = false
		f.IncludeTermVectors = false
		f.DocValues = false
		f.IncludeInAll = false
		return f
	}
	doc.AddFieldMappingsAt(fText, text())
	doc.AddFieldMappingsAt(fName, text())
	doc.AddFieldMappingsAt(fFacts, kw())
	m.DefaultMapping = doc
	return m
}

const (
	textOptions    = index.IndexField | index.IncludeTermVectors
	keywordOptions = index.IndexField | index.SkipFreqNorm
)

const factsAnalyzerName = "quotedb_facts"

func init() {
	registry.RegisterAnalyzer(factsAnalyzerName, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
		return factsAnalyzer{}, nil
	})
}

// factsAnalyzer splits fFacts on spaces; its terms never contain one.
type factsAnalyzer struct{}

func (factsAnalyzer) Analyze(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	for start := 0; start < len(input); {
		end := bytes.IndexByte(input[start:], ' ')
		if end < 0 {
			end = len(input)
		} else {
			end += start
		}
		if end > start {
			out = append(out, &analysis.Token{Term: input[start:end], Start: start, End: end, Position: len(out) + 1, Type: analysis.AlphaNumeric})
		}
		start = end + 1
	}
	return out
}

// facts accumulates the terms of fFacts.
type facts []byte

func (f *facts) add(prefix, value string) {
	if value == "" {
		return
	}
	if len(*f) > 0 {
		*f = append(*f, ' ')
	}
	*f = append(*f, prefix...)
	*f = append(*f, value...)
}

func newDoc(id string, typ store.RecordType, f facts) *document.Document {
	d := document.NewDocument(id)
	f.add(factType, string(typ))
	d.AddField(analyzed(document.NewTextFieldCustom(fFacts, nil, f, keywordOptions, factsAnalyzer{})))
	return d
}

func textField(d *document.Document, name, value string) {
	d.AddField(analyzed(document.NewTextFieldCustom(name, nil, []byte(value), textOptions, positionsOnly{})))
}

// positionsOnly analyses text as the analyzer does, but leaves out the byte
// offsets of the words: a term vector then holds a word's position, which
// phrase searches need, and zeros where its offsets would be. Nothing
// reads them (highlights are made from the stored text, with Words), and
// without them the index is 7% smaller and a rebuild a few percent faster.
type positionsOnly struct{}

func (positionsOnly) Analyze(text []byte) analysis.TokenStream {
	tokens := analyzer.Analyze(text)
	for _, t := range tokens {
		t.Start, t.End = 0, 0
	}
	return tokens
}

// preAnalyzed is a field analyzed when its document was built, in the
// goroutine that built it, rather than by the index when the document is
// added: so that a rebuild analyzes documents while the index builder
// writes the previous ones, on another core.
type preAnalyzed struct{ *document.TextField }

func (preAnalyzed) Analyze() {}

func analyzed(f *document.TextField) preAnalyzed {
	f.Analyze()
	return preAnalyzed{f}
}

// statementFacts is what a statement document needs beyond the statement:
// derived from other records, and so re-derived when those change.
type statementFacts struct {
	orgs   []string // organisations at the time
	topics []string // topics with their ancestors
}

func statementDoc(s *store.Statement, sf statementFacts) *document.Document {
	f := make(facts, 0, 256)
	f.add(factSpeaker, s.SpeakerID)
	for _, o := range sf.orgs {
		f.add(factOrg, o)
	}
	for _, t := range sf.topics {
		f.add(factTopic, t)
	}
	f.add(factSource, s.SourceID)
	f.add(factKind, string(s.Kind))
	f.add(factStatus, string(s.Status))
	if d := s.Said; !d.IsZero() {
		f.add(factYear, yyyy(d))
		switch d.Precision() {
		case partialdate.Year:
			f.add(factYearOnly, yyyy(d))
		case partialdate.Month:
			f.add(factMonth, yyyymm(d))
			f.add(factMonthOnly, yyyymm(d))
		default:
			f.add(factMonth, yyyymm(d))
			f.add(factDay, yyyymmdd(d))
		}
	}
	d := newDoc(s.ID, store.StatementType, f)
	textField(d, fText, s.Text)
	return d
}

// orgsAtTime returns the organisations a statement counts for under
// store.StatementFilter.OrganisationIDs: its explicit organisation, and the
// organisation of every affiliation of its speaker that held on the date
// said.
func orgsAtTime(s *store.Statement, affs []*store.Affiliation) []string {
	var out []string
	if s.OrganisationID != "" {
		out = append(out, s.OrganisationID)
	}
	for _, a := range affs {
		if a.SpeakerID == s.SpeakerID && a.ValidOn(s.Said) {
			out = append(out, a.OrganisationID)
		}
	}
	return out
}

// namedDoc is the document of a speaker, organisation or topic: all its
// names in one field, each a separate value so that phrases do not run
// from one name into the next.
func namedDoc(id string, typ store.RecordType, names ...string) *document.Document {
	d := newDoc(id, typ, nil)
	for _, n := range names {
		if n != "" {
			textField(d, fName, n)
		}
	}
	return d
}

func speakerDoc(s *store.Speaker) *document.Document {
	return namedDoc(s.ID, store.SpeakerType, append([]string{s.Name}, s.Aliases...)...)
}

func organisationDoc(o *store.Organisation) *document.Document {
	return namedDoc(o.ID, store.OrganisationType, append([]string{o.Name, o.ShortName}, o.Aliases...)...)
}

func topicDoc(t *store.Topic) *document.Document {
	return namedDoc(t.ID, store.TopicType, append([]string{t.Name, t.Slug}, t.Aliases...)...)
}

// yyyy, yyyymm and yyyymmdd format the parts of a date as fixed-width
// digits, which sort as the dates do.
func yyyy(d partialdate.Date) string { return fmt.Sprintf("%04d", d.Year) }

func yyyymm(d partialdate.Date) string { return fmt.Sprintf("%04d%02d", d.Year, d.Month) }

func yyyymmdd(d partialdate.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, d.Month, d.Day)
}
