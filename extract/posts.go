package extract

import (
	"regexp"
	"strings"
)

// postCredit is the credit line of a post embedded in an article: a dash,
// the author's name, their handle in parentheses and the date ("— Ann
// Roe (@annroe) January 15, 2019").
var postCredit = regexp.MustCompile(`[—–-]\s*([^\s(@—–][^(@—–\n]{0,80}?)\s*\(@\w{1,30}\)\s*\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}\s*$`)

// postTail is what ends an embedded post before its credit and is not its
// author's claim: links and hashtags.
var postTail = regexp.MustCompile(`(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+|#\w+))+\s*$`)

// embeddedPosts returns the posts embedded in the document: each
// paragraph that ends with a post's credit is, up to its links and
// hashtags, the words of the author the credit names.
func (a *analysis) embeddedPosts() []stmt {
	var out []stmt
	for pi, p := range a.paras {
		text := a.text[p.start:p.end]
		m := postCredit.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		name := cleanName(text[m[2]:m[3]])
		if strings.TrimSpace(text[:m[0]]) == "" && pi > 0 {
			// the credit on a line of its own: the post is the paragraph
			// before it
			p = a.paras[pi-1]
			text = a.text[p.start:p.end]
			m[0] = len(text)
		}
		body := strings.TrimRight(text[:m[0]], " \t")
		if t := postTail.FindStringIndex(body); t != nil {
			body = body[:t[0]]
		}
		body = strings.TrimRight(body, " \t")
		if len(strings.Fields(body)) < 4 || name == "" {
			continue
		}
		out = append(out, stmt{
			start: p.start, end: p.start + len(body), kind: Direct,
			sp: speakerRef{name: name, person: !isOrgName(name)}, cue: "posted", conf: 0.7,
		})
	}
	return out
}
