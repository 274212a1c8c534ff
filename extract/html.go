package extract

import (
	"html"
	"strings"
)

// blockTags end a paragraph: they become a blank line in the extracted text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "blockquote": true,
	"tr": true, "table": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "title": true, "pre": true,
	"hr": true, "dd": true, "dt": true, "aside": true, "main": true, "nav": true,
}

// skipTags have content that is not document text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true}

// Separators stripHTML puts into its intermediate text; neither can occur in
// decoded text because control characters are turned into spaces first.
const (
	sepPara = '\x00'
	sepLine = '\x01'
)

// stripHTML returns the text content of an HTML document: tags removed,
// character references decoded, block elements separated by a blank line,
// <br> turned into a line break and whitespace runs collapsed to one space.
func stripHTML(s string) string {
	var b strings.Builder
	text := func(raw string) {
		t := html.UnescapeString(raw)
		t = strings.Map(func(r rune) rune {
			if r < 0x20 || r == '\u00a0' {
				return ' '
			}
			return r
		}, t)
		b.WriteString(t)
	}
	skipping := ""
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			if skipping == "" {
				text(s[i : i+j])
			}
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			j := strings.Index(s[i+4:], "-->")
			if j < 0 {
				break
			}
			i += 4 + j + 3
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			text(s[i:])
			break
		}
		tag := s[i+1 : i+j]
		i += j + 1
		closing := strings.HasPrefix(tag, "/")
		name := strings.ToLower(strings.TrimLeft(tag, "/!?"))
		if k := strings.IndexAny(name, " \t\r\n/"); k >= 0 {
			name = name[:k]
		}
		switch {
		case skipping != "":
			if closing && name == skipping {
				skipping = ""
			}
		case skipTags[name] && !closing:
			skipping = name
		case name == "br":
			b.WriteByte(sepLine)
		case blockTags[name]:
			b.WriteByte(sepPara)
		}
	}
	// Assemble: collapse spaces, then turn separator runs into line breaks.
	var out strings.Builder
	pending := 0 // 0 none, 1 line break, 2 paragraph break
	space := false
	for _, r := range b.String() {
		switch {
		case r == sepPara:
			pending = 2
			space = false
		case r == sepLine:
			pending = max(pending, 1)
			space = false
		case r == ' ' || r == '\t':
			space = true
		default:
			if out.Len() > 0 {
				switch {
				case pending == 2:
					out.WriteString("\n\n")
				case pending == 1:
					out.WriteString("\n")
				case space:
					out.WriteByte(' ')
				}
			}
			pending, space = 0, false
			out.WriteRune(r)
		}
	}
	return out.String()
}
