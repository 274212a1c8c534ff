package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// findHeadings marks the paragraphs that are section headings and gives
// every paragraph the heading it stands under. A heading is a short
// paragraph (at most 14 words) that does not open with a quotation mark and
// either has no closing sentence punctuation or is written in title case;
// in a document with two or more of them, so is a topic and a summary in
// sentence case (see isSectionLine). The line crediting a pull quote is
// set apart but names no topic. A first paragraph set off by two or more
// blank lines is a masthead, not a topic. A single paragraph is never a
// heading. A date standing alone (a
// dateline under a heading: "March 14, 2022") is set apart as a heading is,
// but names no topic: the paragraphs after it stay under the heading before.
func (a *analysis) findHeadings() {
	a.heading = make([]bool, len(a.paras))
	a.topicOf = make([]string, len(a.paras))
	topic := ""
	sectionLine := make([]bool, len(a.paras))
	sectionLines := 0
	for i, p := range a.paras {
		if sectionLine[i] = isSectionLine(a.text[p.start:p.end]); sectionLine[i] {
			sectionLines++
		}
	}
	for i, p := range a.paras {
		s := a.text[p.start:p.end]
		if i > 0 && a.creditLine(i) {
			// "Tural Ahmadli, chairman of the Civic Unity Party" under a
			// pull quote: who said it, no topic
			a.heading[i] = true
			a.topicOf[i] = topic
			continue
		}
		if sectionLines >= 2 && sectionLine[i] {
			// "Political trials. The prosecutor demands nine years.": a
			// digest's section heading in sentence case, one of several
			a.heading[i] = true
			topic = strings.TrimSpace(s)
			a.topicOf[i] = topic
			continue
		}
		if len(a.paras) > 1 && isFurniture(s) {
			// "Story continues below advertisement": the page's, not
			// the article's; the paragraphs after it stay under the
			// heading before
			a.heading[i] = true
			a.topicOf[i] = topic
			continue
		}
		if len(a.paras) > 1 && isTeaser(s) {
			// a link to another article ("READ MORE: …"): neither
			// statements nor a topic
			a.heading[i] = true
		} else if len(a.paras) > 1 && (a.isHeadingText(s) || i == 0 && isTitleText(s)) {
			a.heading[i] = true
			if isDateLine(s) {
				a.topicOf[i] = topic
				continue
			}
			topic = strings.TrimSpace(s)
			if i == 0 && len(a.paras) > 1 && strings.Count(a.text[p.end:a.paras[1].start], "\n") >= 3 {
				topic = "" // a masthead set off by blank lines
			}
		}
		a.topicOf[i] = topic
	}
}

// isSectionLine reports whether paragraph s is a line of two sentences, a
// topic of a few words with no verb and a summary ("Political trials. The
// prosecutor demands nine years for the journalist."), as digests head
// their sections in sentence case.
func isSectionLine(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "\n") || !strings.HasSuffix(s, ".") || len(strings.Fields(s)) > sectionLineWords {
		return false
	}
	topic, rest, ok := strings.Cut(s, ". ")
	if !ok || strings.Contains(strings.TrimSuffix(rest, "."), ". ") {
		return false
	}
	ws := strings.Fields(topic)
	t, _ := utf8.DecodeRuneInString(topic)
	r, _ := utf8.DecodeRuneInString(rest)
	if len(ws) == 0 || len(ws) > 5 || !unicode.IsUpper(t) || !unicode.IsUpper(r) {
		return false
	}
	if end := strings.ToLower(ws[len(ws)-1]); honorifics[end] || utf8.RuneCountInString(end) == 1 || nameAbbreviations[end] {
		return false // "Coun. Ann Roe said …", "J. Smith": the full stop of an abbreviation
	}
	for _, w := range ws {
		w = strings.ToLower(strings.Trim(w, "()[]“”\"'‘’,:;"))
		if _, cue := cueVerbs[w]; cue || copulas[w] || thereVerbs[w] || isPronounSubject(w) {
			return false // "He left.", "Turnout was low.": a sentence, not a topic
		}
	}
	return true
}

// sectionLineWords bounds a section heading in sentence case.
const sectionLineWords = 24

// creditLine reports whether paragraph i is the line that credits the
// pull quote before it: a name and a role after a comma, with no closing
// punctuation, under a paragraph that is all quotation.
func (a *analysis) creditLine(i int) bool {
	prev := strings.TrimSpace(a.text[a.paras[i-1].start:a.paras[i-1].end])
	s := strings.TrimSpace(a.text[a.paras[i].start:a.paras[i].end])
	if prev == "" || s == "" || strings.Contains(s, "\n") || !strings.Contains(s, ",") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(prev)
	last, _ := utf8.DecodeLastRuneInString(prev)
	end, _ := utf8.DecodeLastRuneInString(s)
	return isOpeningMark(string(first)) && (last == '”' || last == '"') && (unicode.IsLetter(end) || end == ')')
}

// creditedQuotation reports whether s, which opens with a quotation
// mark, is a quoted sentence with its speaker after it ("“We will not be
// silenced.” — Ann Roe"): the quotation closes with sentence punctuation
// inside its marks, or a dash follows it. A quoted title in a heading
// ("“Stop the War” Rally Draws Thousands") is neither.
func creditedQuotation(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	c := strings.IndexAny(s[size:], "”\"")
	if c < 0 {
		return false
	}
	inner, rest := s[size:size+c], strings.TrimSpace(s[size+c+1:])
	if strings.HasPrefix(s[size+c:], "”") {
		rest = strings.TrimSpace(s[size+c+len("”"):])
	}
	if rest == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(inner)
	first, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(".!?", last) || first == '—' || first == '–' || first == '-'
}

// isFurniture reports whether paragraph s is one of the pageFurniture
// lines a web page puts between an article's paragraphs, or a byline.
func isFurniture(s string) bool {
	if isByline(s) {
		return true
	}
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), ".:…"))
	return pageFurniture[strings.Join(strings.Fields(s), " ")]
}

// isByline reports whether paragraph s names the article's author: "By"
// and a capitalised name, maybe with their role or outlet, in a few words
// and no sentence ("By Ann Roe, Staff Reporter"). The author is no one the
// article reports on.
func isByline(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 8 || ws[0] != "By" || strings.ContainsAny(s, "“”\"!?") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ws[1])
	return unicode.IsUpper(r)
}

// teaserWords bounds the title of a link to another article, which may
// be longer than a heading.
const teaserWords = 30

// isTeaser reports whether paragraph s is a label in capitals or one of
// the teaserLabels, a colon and a title with no closing punctuation: a link to another article
// ("SEE ALSO: Ferry to stop"), not part of this one.
func isTeaser(s string) bool {
	s = strings.TrimSpace(s)
	label, title, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(title) == "" || strings.ContainsAny(s[len(s)-1:], ".!?;,”\"") {
		return false
	}
	if teaserLabels[strings.ToLower(strings.TrimSpace(label))] {
		return len(strings.Fields(title)) <= teaserWords // "Related: …", "Read more: …"
	}
	letters := 0
	for _, r := range label {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r != ' ':
			return false
		}
	}
	return letters >= 2 && len(strings.Fields(title)) <= teaserWords
}

// endsWithCredit reports whether s ends with a parenthesised credit, a
// label and a colon or a slash ("(Photo: …)", "(Reuters/…)"): a caption
// under a picture, not a heading.
func endsWithCredit(s string) bool {
	if !strings.HasSuffix(s, ")") {
		return false
	}
	open := strings.LastIndex(s, "(")
	return open >= 0 && strings.ContainsAny(s[open:], ":/")
}

// isTitleText reports whether s, the first paragraph of a document with
// more after it, is its title: a line of up to titleWords words with no
// full stop or other mark at its end ("Measles cases climb to 11 as
// health unit urges parents to check records"), longer than a section
// heading may be.
func isTitleText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.Contains(s, "\n") || len(strings.Fields(s)) > titleWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(last) || unicode.IsDigit(last)
}

// titleWords bounds a document's title; headlines run longer than section
// headings but not to a paragraph's length.
const titleWords = 25

func (a *analysis) isHeadingText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if isOpeningMark(string(r)) && !strings.ContainsAny(s[1:], "”\"’'") {
		return false
	}
	if isQuoteMark(string(r)) && r != '“' && r != '"' {
		return false
	}
	if isOpeningMark(string(r)) && creditedQuotation(s) {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) > 14 || endsWithCredit(s) {
		return false
	}
	last, n := utf8.DecodeLastRuneInString(s)
	if isQuoteMark(string(last)) && !isQuoteMark(string(r)) {
		// "Tessaquin Nation calls land deal ‘a broken promise’": a
		// quoted phrase closes a headline, with no full stop before its
		// mark, where a sentence closes its quotation with one
		before, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
		return !strings.ContainsRune(".!?,;:…", before)
	}
	if last == '…' || isQuoteMark(string(last)) || isQuoteMark(string(r)) && r != '“' {
		return false
	}
	if !strings.ContainsRune(".!?:;,", last) {
		return true
	}
	caps, content := 0, 0
	for _, w := range ws {
		w = strings.Trim(w, "()[]“”\"'‘’.,:;")
		if w == "" || minorWords[strings.ToLower(w)] {
			continue
		}
		content++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return last != ':' && content > 0 && caps*4 >= content*3 && strings.Count(s, ". ") <= 1
}

// minorWords stay lower case in title case.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true,
	"as": true, "from": true, "into": true, "against": true, "over": true, "nor": true,
	"it": true, "its": true, "is": true, "vs": true,
}

// reTime matches a time of day, as datelines give it ("10:30", "9.15 pm").
var reTime = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\b`)

// datelineWords may stand beside a date in a dateline.
var datelineWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "updated": true, "published": true, "posted": true,
	"on": true, "at": true, "gmt": true, "utc": true,
}

// isDateLine reports whether s is a date and nothing else that could name
// a topic: a date, with perhaps its weekday, a time, or "Updated".
func isDateLine(s string) bool {
	found := false
	for _, re := range []*regexp.Regexp{reISO, reMonthDay, reDayMonth, reMonthYear, reTime} {
		s = re.ReplaceAllStringFunc(s, func(string) string { found = true; return " " })
	}
	if !found {
		return false
	}
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !datelineWords[strings.ToLower(w)] && !isYear(w) {
			return false
		}
	}
	return true
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}
