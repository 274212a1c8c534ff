package extract

// Interviews printed as questions and answers: "Q: …" then "A: …", or a
// transcript whose paragraphs open with a speaker's surname in capitals
// ("VEGA: …"). The answers are the interviewee's words, verbatim, though
// no quotation marks or reporting verb frame them.

import (
	"cmp"
	"strings"
	"unicode"
)

// interviewWindow is how far back, in bytes, from the first question the
// interviewee must have been named.
const interviewWindow = 2000

// interviewAnswers returns the answers of a question-and-answer interview
// and the paragraphs of a transcript labelled with a surname the text
// gives in full, each as a direct statement of that person.
func (a *analysis) interviewAnswers() []stmt {
	var out []stmt
	interviewee := "" // named before the first question
	for _, p := range a.paras {
		label, body := paragraphLabel(a.text[p.start:p.end])
		switch {
		case questionLabels[label]:
			if interviewee == "" {
				// "Q: Mrs Akhmetova, this spring …": whom the first
				// question addresses, else the latest person named
				interviewee = cmp.Or(a.addressedIn(p.end-len(body), p.end), a.intervieweeBefore(p.start))
			}
		case answerLabels[label] && interviewee != "":
			out = appendAnswer(out, p, body, interviewee)
		case label != "" && isUpperLabel(label):
			// "VEGA:" for Maria Vega, "HOST:" for whom "Host: Sevinj
			// Talibova" named
			if name := cmp.Or(a.personWithSurname(label, p.start), a.holderOfRole(strings.ToLower(label), p.start)); name != "" {
				out = appendAnswer(out, p, body, name)
			}
		}
	}
	return out
}

// intervieweeBefore returns the latest person named within
// interviewWindow before byte pos, in full or by a surname the text gave
// in full before ("We sat down with Marchetti"), passing over names
// written after "the": a personal name takes no article, a publication's
// does ("Mayor Teodora Lind spoke to the Albany Courier").
func (a *analysis) intervieweeBefore(pos int) string {
	for k := a.tokenAt(pos) - 1; k >= 0 && pos-a.toks[k].start <= interviewWindow; k-- {
		if !a.nameWord(k) || k > 0 && (a.nameWord(k-1) && a.paraAt(a.toks[k-1].start) == a.paraAt(a.toks[k].start) || a.toks[k-1].lower == "the") {
			continue // (not the first word of a name)
		}
		e, _ := a.nameStartingAt(k, len(a.toks))
		name := cleanName(a.joinTokens(k, e))
		if isOrgName(name) {
			continue
		}
		if k > 0 && (interviewerWords[a.toks[k-1].lower] || placePrepositionsBefore[a.toks[k-1].lower]) || e < len(a.toks) && interviewerVerbs[a.toks[e].lower] || strings.Contains(name, "\n") {
			// "Our correspondent Dilnoza Rakhimova spoke with her", "Helen
			// Wetherell met him": who asks; "in Sternau": a place
			continue
		}
		// a lone capitalised word opening a sentence names no one, unless
		// it is the surname of someone named in full before
		// ("Renwick-Sole, who …, spoke to the Gazette")
		if name = a.canonicalName(name, a.toks[k].start); strings.Contains(name, " ") && !isOrgName(name) && strings.ToUpper(name) != name {
			return name // (not a masthead in capitals: "STERNAU REVIEW")
		}
	}
	return ""
}

// addressedIn returns the full name of the person a question in bytes
// [start, end) opens by addressing ("Mrs Akhmetova, this spring …"), as
// the text named them in full before, or "".
func (a *analysis) addressedIn(start, end int) string {
	k := a.tokenAt(start)
	if k < 0 || k >= len(a.toks) {
		return ""
	}
	if honorifics[a.toks[k].lower] {
		k++
		if k < len(a.toks) && a.toks[k].text == "." {
			k++
		}
	}
	if k >= len(a.toks) || a.toks[k].start >= end || !a.nameWord(k) {
		return ""
	}
	e, _ := a.nameStartingAt(k, len(a.toks))
	if e >= len(a.toks) || a.toks[e].text != "," {
		return ""
	}
	if name := a.canonicalName(cleanName(a.joinTokens(k, e)), start); strings.Contains(name, " ") && !isOrgName(name) {
		return name
	}
	return ""
}

// appendAnswer adds the words of paragraph p after its label (body, a
// suffix of the paragraph's text) as a direct statement of name, when
// they are words enough to be a statement.
func appendAnswer(out []stmt, p span, body, name string) []stmt {
	start := p.end - len(body)
	body = strings.TrimRight(body, " \t\r\n")
	if len(strings.Fields(body)) < 3 {
		return out
	}
	return append(out, stmt{start: start, end: start + len(body), kind: Direct, sp: speakerRef{name: name, person: true}, conf: 0.6})
}

// paragraphLabel splits a paragraph that opens with a label and a colon
// ("Q:", "A:", "VEGA:") into the label and the words after it; label is
// empty when the paragraph has none.
func paragraphLabel(text string) (label, body string) {
	head, rest, ok := strings.Cut(text, ":")
	if !ok || len(head) == 0 || len(head) > 30 || strings.ContainsAny(head, "\n.,\"“”") {
		return "", text
	}
	return strings.TrimSpace(head), strings.TrimLeft(rest, " \t")
}

// isUpperLabel reports whether label is a word or two in capitals, as a
// transcript writes its speakers.
func isUpperLabel(label string) bool {
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, r := range label {
		if unicode.IsLower(r) {
			return false
		}
	}
	return len([]rune(label)) >= 2
}

// personWithSurname returns the full name of the latest person the text
// names before byte pos whose last words are label, folded ("VEGA" for
// Maria Vega), or "".
func (a *analysis) personWithSurname(label string, pos int) string {
	if name := a.fullerName(label, pos); name != label {
		return name
	}
	return ""
}
