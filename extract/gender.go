package extract

import "strings"

// Grammatical gender of a person as the text shows it, used to pick the
// antecedent of "he" or "she" when two people alternate.
const (
	genderUnknown byte = 0
	genderMale    byte = 'm'
	genderFemale  byte = 'f'
)

// pronounGender gives the gender of subject and reflexive pronouns, the
// evidence taken after a mention ("his" and "her" are left out: they often
// belong to someone else, "Ann, her deputy, said").
var pronounGender = map[string]byte{
	"he": genderMale, "himself": genderMale, "she": genderFemale, "herself": genderFemale,
}

// objectPronounGender gives the gender of "him" and "her" as objects.
var objectPronounGender = map[string]byte{"him": genderMale, "her": genderFemale}

// honorificGender gives the gender an honorific before a name implies.
var honorificGender = map[string]byte{
	"mr": genderMale, "sir": genderMale, "mrs": genderFemale, "ms": genderFemale, "madam": genderFemale,
	"dame": genderFemale, "lord": genderMale, "lady": genderFemale, "baroness": genderFemale,
}

// genderedRoles are role nouns that tell a person's gender.
var genderedRoles = map[string]byte{
	"spokesman": genderMale, "chairman": genderMale, "councilman": genderMale, "husband": genderMale,
	"father": genderMale, "son": genderMale, "brother": genderMale, "uncle": genderMale,
	"king": genderMale, "prince": genderMale, "actor": genderMale, "grandfather": genderMale,
	"spokeswoman": genderFemale, "chairwoman": genderFemale, "councilwoman": genderFemale,
	"wife": genderFemale, "mother": genderFemale, "daughter": genderFemale, "sister": genderFemale,
	"aunt": genderFemale, "queen": genderFemale, "princess": genderFemale, "actress": genderFemale,
	"grandmother": genderFemale, "widow": genderFemale, "woman": genderFemale, "man": genderMale,
	"niece": genderFemale, "nephew": genderMale, "granddaughter": genderFemale, "grandson": genderMale,
}

// findGenders collects evidence of each person's gender: an honorific or
// a gendered role word right before a mention, else the first personal
// pronoun after it (outside quotations) before another person is named.
// Evidence is counted per full name; the majority wins.
func (a *analysis) findGenders() {
	votes := map[string]map[byte]int{}
	vote := func(name string, g byte) {
		if votes[name] == nil {
			votes[name] = map[byte]int{}
		}
		votes[name][g]++
	}
	for mi, m := range a.mentions {
		if !strings.Contains(m.name, " ") {
			continue
		}
		// a shorter form of a name established before ("Al Mnajer" after
		// "Mohammad Al Mnajer") is evidence for the full name
		name := a.fullerName(m.name, m.pos)
		i := a.tokenAt(m.pos)
		g, outright := a.genderBefore(i)
		if g == genderUnknown {
			g, outright = a.genderInApposition(a.nameEnd(i, m))
		}
		if g != genderUnknown && (outright || g == genderFemale) {
			// a title, a kin word or a feminine role word says it
			// outright, and outweighs the pronouns after the name, which
			// may be someone else's; a role word like "chairman" or
			// "spokesman" is said of women too, and tells nothing
			vote(name, g)
			vote(name, g)
			vote(name, g)
			continue
		}
		if g := a.firstPronounAfter(i, min(a.pronounLimit(mi), m.pos+600)); g != genderUnknown {
			vote(name, g)
		}
	}
	a.honorificVotes(vote)
	// a surname whose ending marks its bearer's gender ("Jafarova",
	// "Bekmukhanov") says it as an honorific would
	for _, m := range a.mentions {
		if ws := strings.Fields(m.name); m.person && len(ws) >= 2 {
			if g := surnameGender(ws[len(ws)-1]); g != genderUnknown {
				vote(m.name, g)
				vote(m.name, g)
				vote(m.name, g)
			}
		}
	}
	a.gender = map[string]byte{}
	for name, v := range votes {
		best, n, tie := genderUnknown, 0, false
		for g, c := range v {
			switch {
			case c > n:
				best, n, tie = g, c, false
			case c == n:
				tie = true
			}
		}
		if !tie {
			a.gender[name] = best
		}
	}
}

// honorificVotes votes for the gender an honorific says of the name
// after it ("Ms. Roe" counts for the full name), also when a title
// stands between ("Mr Justice Karl Orr").
func (a *analysis) honorificVotes(vote func(name string, g byte)) {
	for i := 0; i+2 < len(a.toks); i++ {
		g, ok := honorificGender[a.toks[i].lower]
		if !ok {
			continue
		}
		k := i + 1
		if a.toks[k].text == "." {
			k++
		}
		for k+1 < len(a.toks) && k < i+3 && a.toks[k].isCap() && isRoleWord(a.toks[k].lower) {
			k++ // "Lady Justice Anna Pell", "Mr Justice Karl Orr": a title after the honorific
		}
		if k < len(a.toks) && a.nameWord(k) {
			name := a.canonicalName(a.toks[k].text, a.toks[k].start)
			if e, _ := a.nameStartingAt(k, len(a.toks)); e > k+1 {
				name = a.fullerName(cleanName(a.joinTokens(k, e)), a.toks[k].start) // "Mr Justice Karl Orr"
			}
			vote(name, g)
			if k > i+1 && a.toks[i+1].text != "." {
				// a title between outweighs a pronoun after, as a title
				// before the name does: "Mr Justice Karl Orr agreed. “…,” she said"
				vote(name, g)
				vote(name, g)
			}
		}
	}
}

// firstPronounAfter returns the gender of the first personal pronoun
// after token i, outside quotations, before byte limit. A pronoun that
// opens the clause a reporting verb reports ("Paul Ng said she was
// bright") is often someone else: a later one, if any, is the evidence,
// unless it is in the same reported clause ("Ann Roe said she had not
// known he was ill").
func (a *analysis) firstPronounAfter(i, limit int) byte {
	weak, weakSent := genderUnknown, -1
	for k := i + 1; k < len(a.toks) && a.toks[k].start < limit; k++ {
		t := a.toks[k]
		g, ok := pronounGender[t.lower]
		if !ok || a.insideQuote(t.start) || a.sentOf[k] == weakSent {
			continue
		}
		if _, cue := cueVerbs[a.toks[k-1].lower]; cue && weak == genderUnknown {
			weak, weakSent = g, a.sentOf[k]
			continue
		}
		return g
	}
	return weak
}

// surnameGender returns the gender a surname's ending marks, in the
// languages that inflect surnames for it ("Jafarova" and "Jafarov",
// "Nowicka" is left alone), or genderUnknown.
func surnameGender(surname string) byte {
	w := strings.ToLower(surname)
	if len(w) < 5 {
		return genderUnknown
	}
	for _, e := range femaleSurnameEndings {
		if strings.HasSuffix(w, e) {
			return genderFemale
		}
	}
	for _, e := range maleSurnameEndings {
		if strings.HasSuffix(w, e) {
			return genderMale
		}
	}
	return genderUnknown
}

// genderBefore returns the gender shown by an honorific or a gendered role
// word right before token i, or a kin word before an apposition ("her
// husband, Tom Berg"); outright is set for an honorific or a kin word.
func (a *analysis) genderBefore(i int) (g byte, outright bool) {
	if g := a.honorificGenderBefore(i); g != genderUnknown {
		return g, true
	}
	k := i - 1
	if k >= 0 && a.toks[k].text == "." {
		k--
	}
	if k >= 1 && a.toks[k].text == "," && kinWords[a.toks[k-1].lower] && genderedRoles[a.toks[k-1].lower] != genderUnknown {
		k-- // an apposition: "her husband, Tom Berg"
	}
	if k < 0 || !a.toks[k].word {
		return genderUnknown, false
	}
	w := a.toks[k].lower
	return genderedRoles[w], kinWords[w]
}

// nameEnd returns the token after mention m, which starts at token i.
func (a *analysis) nameEnd(i int, m mention) int {
	end := m.pos + len(m.name)
	for i < len(a.toks) && a.toks[i].start < end {
		i++
	}
	return i
}

// genderInApposition returns the gender a gendered role or kin word
// at the head of an apposition after a name, starting at token i, says:
// "Ann Roe, the minister's niece,", "Ivo Rask, a deputy and the
// husband of …". The head is the word before "of", "and" or the end of
// the apposition; the words after "of" are someone else's ("a friend of
// the queen").
func (a *analysis) genderInApposition(i int) (g byte, outright bool) {
	if i >= len(a.toks) || a.toks[i].text != "," {
		return genderUnknown, false
	}
	inOf := false // in the "of" phrase after a head, someone else's words
	for k := i + 1; k+1 < len(a.toks) && k < i+14; k++ {
		t, next := a.toks[k], a.toks[k+1]
		switch {
		case !t.word || relativeWords[t.lower]:
			return genderUnknown, false
		case t.lower == "of":
			inOf = true
		case t.lower == "and":
			inOf = false
		case !inOf && (next.lower == "of" || next.lower == "and" || !next.word):
			if w := genderedRoles[t.lower]; w != genderUnknown && (kinWords[t.lower] || w == genderFemale) {
				return w, true
			}
		}
	}
	return genderUnknown, false
}

// pronounLimit returns the byte offset up to which the first personal
// pronoun after mention mi is evidence of its gender: up to the next
// person named. When another person is named in the same sentence, the
// first of them owns the pronouns of the next sentence ("Carla Moss met
// her counterpart, Ivo Rask. She said …": "she" is more likely the
// subject's), and the second only those of its own sentence.
func (a *analysis) pronounLimit(mi int) int {
	m := a.mentions[mi]
	si := a.sentOf[a.tokenAt(m.pos)]
	for k := mi - 1; k >= 0 && a.mentions[k].pos >= a.toks[a.sents[si].first].start; k-- {
		if a.mentions[k].person {
			return a.toks[a.sents[si].last-1].end // the second
		}
	}
	limit, shared := len(a.text), false
	for _, n := range a.mentions[mi+1:] {
		if !n.person {
			continue
		}
		if a.sentOf[a.tokenAt(n.pos)] != si {
			limit = n.pos
			break
		}
		shared = true
	}
	if shared && si+1 < len(a.sents) {
		limit = min(limit, a.toks[a.sents[si+1].last-1].end)
	}
	return limit
}
