package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Separators stripHTML puts into its intermediate text; neither can occur in
// decoded text because control characters are turned into spaces first.
const (
	sepPara = '\x00'
	sepLine = '\x01'
)

// stripHTML returns the text content of an HTML document, read with
// golang.org/x/net/html's tokenizer: tags removed, character references
// decoded, block elements separated by a blank line, <br> turned into a
// line break and whitespace runs collapsed to one space. The page's
// furniture (navigation, header and footer, forms, scripts, and blocks
// whose class, id or role says they are menus, share buttons, newsletter
// sign-ups or related links) is dropped whole, so that it yields no
// statements.
func stripHTML(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	// Inside a dropped element, skipping names it and skipDepth counts the
	// elements of that name open inside it: the drop ends at its own end
	// tag, whatever other tags inside are left unclosed.
	skipping, skipDepth := "", 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return assembleText(b.String())
		}
		tok := z.Token()
		switch {
		case tt == html.TextToken:
			if skipping == "" {
				writeHTMLText(&b, tok.Data)
			}
		case skipping != "":
			switch {
			case tok.Data != skipping || tt == html.SelfClosingTagToken:
			case tt == html.StartTagToken:
				skipDepth++
			case tt == html.EndTagToken:
				if skipDepth--; skipDepth == 0 {
					skipping = ""
				}
			}
		case tt == html.StartTagToken && !voidElements[tok.DataAtom] && isBoilerplate(tok):
			skipping, skipDepth = tok.Data, 1
		case tt == html.StartTagToken, tt == html.EndTagToken, tt == html.SelfClosingTagToken:
			writeSeparator(&b, tok.DataAtom)
		}
	}
}

func writeHTMLText(b *strings.Builder, t string) {
	b.WriteString(strings.Map(func(r rune) rune {
		if r < 0x20 || r == '\u00a0' {
			return ' '
		}
		return r
	}, t))
}

func writeSeparator(b *strings.Builder, a atom.Atom) {
	switch {
	case a == atom.Br:
		b.WriteByte(sepLine)
	case htmlBlockElements[a]:
		b.WriteByte(sepPara)
	}
}

// isBoilerplate reports whether an element is page furniture rather than
// the document: by its tag, its ARIA role, or a word of its class or id.
func isBoilerplate(tok html.Token) bool {
	if htmlSkipElements[tok.DataAtom] {
		return true
	}
	for _, attr := range tok.Attr {
		switch attr.Key {
		case "role":
			if htmlSkipRoles[strings.ToLower(strings.TrimSpace(attr.Val))] {
				return true
			}
		case "class", "id":
			words := strings.FieldsFunc(strings.ToLower(attr.Val), func(r rune) bool { return r < 'a' || r > 'z' })
			for _, w := range words {
				if htmlSkipClassWords[w] {
					return true
				}
			}
		case "hidden", "aria-hidden":
			if attr.Key == "hidden" || attr.Val == "true" {
				return true
			}
		}
	}
	return false
}

// assembleText collapses spaces and turns separator runs into line breaks.
func assembleText(s string) string {
	var out strings.Builder
	pending := 0 // 0 none, 1 line break, 2 paragraph break
	space := false
	for _, r := range s {
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
