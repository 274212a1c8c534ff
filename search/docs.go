package search

import (
	"bytes"
	"fmt"
	"strings"

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
	// fFacet repeats the terms of fFacts that StatementFacets counts, with
	// doc values, which counting reads for every statement matched: a
	// field of those terms alone is read in a fraction of the time.
	fFacet = "facet"
	fPairs = "pairs"
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
	facet := kw()
	facet.DocValues = true
	doc.AddFieldMappingsAt(fFacet, facet)
	doc.AddFieldMappingsAt(fPairs, kw())
	m.DefaultMapping = doc
	return m
}

const (
	textOptions    = index.IndexField | index.IncludeTermVectors
	keywordOptions = index.IndexField | index.SkipFreqNorm
	facetOptions   = keywordOptions | index.DocValues
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
	d.AddField(analyzed(document.NewTextFieldCustom(name, nil, []byte(value), textOptions, positionsOnly(nil))))
}

// positionsOnly is an analyzer that returns the tokens it holds, the
// analyzer's tokens of the text, without their byte offsets: a term vector
// then holds a word's position, which phrase searches need, and zeros
// where its offsets would be. Nothing reads them (highlights are made from
// the stored text, with Words), and without them the index is 7% smaller
// and a rebuild a few percent faster. A nil positionsOnly analyses the text
// it is given.
type positionsOnly analysis.TokenStream

func (p positionsOnly) Analyze(text []byte) analysis.TokenStream {
	tokens := analysis.TokenStream(p)
	if tokens == nil {
		tokens = analyzer.Analyze(text)
	}
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
	d.AddField(analyzed(document.NewTextFieldCustom(fFacet, nil, facetTerms(f), facetOptions, factsAnalyzer{})))
	tokens := analyzer.Analyze([]byte(s.Text))
	if p := functionPairs(tokens); len(p) > 0 {
		d.AddField(analyzed(document.NewTextFieldCustom(fPairs, nil, p, keywordOptions, factsAnalyzer{})))
	}
	d.AddField(analyzed(document.NewTextFieldCustom(fText, nil, []byte(s.Text), textOptions, positionsOnly(tokens))))
	return d
}

// facetTerms returns the terms of fFacts that are facets' (facetPrefix).
func facetTerms(f facts) []byte {
	out := make([]byte, 0, len(f))
	for t := range bytes.SplitSeq(f, []byte{' '}) {
		if isFacetTerm(t) {
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, t...)
		}
	}
	return out
}

// functionPairs returns the terms of fPairs for the analyzer's tokens of a
// statement's text, separated by spaces: every two adjacent words of which
// the first is a function word ("of expression", "not allow"), their
// folded forms joined by a "+".
//
// A phrase with such words is expensive: function words are in most
// statements, and a phrase search reads the position of every occurrence
// of its words. Its pairs are rare, and required beside the phrase they
// let the search skip to the few statements that have them all (see
// phraseQuery): "will not allow" over 1M generated statements, 14 → 5 ms.
// Phrases of other words are made of rarer words and need no help.
// Indexing every pair instead slowed rebuilding by 40%; these pairs, by a
// tenth or less.
func functionPairs(tokens analysis.TokenStream) []byte {
	var out []byte
	for i := 0; i < len(tokens); {
		j := i + 1 // tokens[i:j] are the forms of one word
		for j < len(tokens) && tokens[j].Position == tokens[i].Position {
			j++
		}
		k := j // tokens[j:k] are the forms of the next
		for k < len(tokens) && tokens[k].Position == tokens[j].Position {
			k++
		}
		if functionWords[string(tokens[i].Term)] {
			for _, a := range tokens[i:j] {
				for _, b := range tokens[j:k] {
					if len(out) > 0 {
						out = append(out, ' ')
					}
					out = append(append(append(out, a.Term...), '+'), b.Term...)
				}
			}
		}
		i = j
	}
	return out
}

// pairTerms returns the fPairs terms of two adjacent words, given their
// folded forms: none when the first is not a function word.
func pairTerms(a, b []string) []string {
	if !functionWords[a[0]] {
		return nil
	}
	var out []string
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+"+"+y)
		}
	}
	return out
}

// functionWords are the commonest words of English and Azerbaijani text,
// folded as the index folds them.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be been but by can could did do does for from had has
		have he her his i if in into is it its may must no nor not of on or our
		shall she should so than that the their them there these they this those
		to us was we were what when which who will with would you your
		bu da də ilə ki o olan olaraq ona onu onun və üçün bir ya həm`) {
		for _, f := range foldWord([]byte(w)) {
			functionWords[f] = true
		}
	}
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
