package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TopicName gives the short name of the topic a section heading announces:
// the heading's first sentence or segment, without a leading article,
// parenthetical qualifiers or closing punctuation. A digest's heading often
// adds a comment to its subject ("The Economy. Prices Rise Again.", "Media:
// two more arrests", "(Lack of) Press Freedom"); the subject alone is what
// statements from other documents share, so it is what a topic is named and
// matched by. The heading itself is returned, trimmed, when nothing would
// remain.
func TopicName(heading string) string {
	h := strings.Join(strings.Fields(heading), " ")
	name := firstSegment(dropEnumeration(h))
	name = dropParentheticals(name)
	name = strings.Join(strings.Fields(name), " ")
	name = dropLeadingArticle(name)
	name = strings.TrimRight(name, ".,;:!?…-–— ")
	if !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return strings.TrimSpace(h)
	}
	return name
}

// dropEnumeration returns h without the number or letter that numbers a
// section ("1. Human Rights", "2) Economy", "IV. Foreign Policy", "A.
// Media"), when words follow it.
func dropEnumeration(h string) string {
	first, rest, ok := strings.Cut(h, " ")
	if !ok || rest == "" {
		return h
	}
	mark := strings.TrimRight(first, ".)")
	if len(mark) == len(first) || mark == "" {
		return h
	}
	numeral := strings.Trim(mark, "0123456789") == "" || strings.Trim(mark, "IVXLC") == "" || utf8.RuneCountInString(mark) == 1 && unicode.IsUpper([]rune(mark)[0])
	if !numeral {
		return h
	}
	return rest
}

// firstSegment returns h up to the end of its first sentence (a full stop,
// question or exclamation mark followed by a space and a capital), its
// first colon followed by a space, or its first dash set off by spaces.
func firstSegment(h string) string {
	end := len(h)
	for _, sep := range []string{": ", " – ", " — ", " - "} {
		if i := strings.Index(h, sep); i > 0 && i < end {
			end = i
		}
	}
	for i := 0; i+2 < end; i++ {
		switch h[i] {
		case '.', '?', '!':
			if h[i+1] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(h[i+2:])
			if unicode.IsUpper(r) && !abbreviationBefore(h[:i]) {
				end = i
			}
		}
	}
	return h[:end]
}

// abbreviationBefore reports whether the word ending s is a single letter
// ("U.S. Policy", "J. Smith"), whose full stop ends no sentence.
func abbreviationBefore(s string) bool {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return utf8.RuneCountInString(s[i+1:]) == 1
}

// dropParentheticals removes the parts of s in round brackets.
func dropParentheticals(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dropLeadingArticle removes an English definite or indefinite article
// from the start of a name: "The Economy" is the topic Economy.
func dropLeadingArticle(s string) string {
	for _, art := range []string{"The ", "the ", "A ", "An "} {
		if rest, ok := strings.CutPrefix(s, art); ok && rest != "" {
			return rest
		}
	}
	return s
}
