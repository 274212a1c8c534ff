package extract

import (
	"regexp"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|~~|` + "`" + `)([^*_~` + "`" + `\n]+?)(\*\*|__|\*|~~|` + "`" + `)`)
	mdLinePref = regexp.MustCompile(`^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+`)
	mdRule     = regexp.MustCompile(`^\s{0,3}([-*_]\s*){3,}$`)
)

// stripMarkdown returns the text of a Markdown document without its markup:
// heading, list and block-quote markers, emphasis, code ticks, link targets
// and horizontal rules are removed; line structure is kept, so headings stay
// short lines of their own.
func stripMarkdown(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if mdRule.MatchString(l) {
			lines[i] = ""
			continue
		}
		l = mdLinePref.ReplaceAllString(l, "")
		l = strings.TrimRight(l, "# ")
		l = mdLink.ReplaceAllString(l, "$1")
		for {
			m := mdEmphasis.ReplaceAllStringFunc(l, func(x string) string {
				sm := mdEmphasis.FindStringSubmatch(x)
				if sm[1] != sm[3] {
					return x
				}
				return sm[2]
			})
			if m == l {
				break
			}
			l = m
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
