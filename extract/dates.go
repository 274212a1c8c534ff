package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var monthNums = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

const monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`

var (
	reMonthDay   = regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	reDayMonth   = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `(?:,?\s+(\d{4})\b)?`)
	reMonthYear  = regexp.MustCompile(`\b` + monthRe + `(?:\s+of)?\s+(\d{4})\b`)
	reYear       = regexp.MustCompile(`\b(?:in|since|of|until|by|from|during|year)\s+((?:19|20)\d\d)\b`)
	reISO        = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	reRelative   = regexp.MustCompile(`(?i)\b(last|this|next|previous|past)\s+(year|month|week)\b|\b(yesterday|today|tonight)\b`)
	reWeekday    = regexp.MustCompile(`\b(?:on|last|this|Last|On)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reBareMonth  = regexp.MustCompile(`\b(?:in|since|until|by|from|during|In|Since)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	weekdayIndex = map[string]time.Weekday{"Sunday": 0, "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6}
)

func monthOf(s string) int { return monthNums[strings.ToLower(strings.TrimSuffix(s, "."))] }

// parseDocDate reads a partial date string back into a day (zero time when
// it is not a full date).
func parseDocDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// findDocDate looks for the document's dateline: a full date standing as a
// short paragraph of its own, preferring the last such paragraph (digests
// end with their date), then the first paragraphs.
func (a *analysis) findDocDate() string {
	try := func(p span) string {
		s := strings.TrimSpace(a.text[p.start:p.end])
		if len(strings.Fields(s)) > 6 {
			return ""
		}
		for _, c := range findDates(s, time.Time{}) {
			if len(c.From) == 10 {
				return c.From
			}
		}
		return ""
	}
	for i := len(a.paras) - 1; i >= 0 && i >= len(a.paras)-2; i-- {
		if d := try(a.paras[i]); d != "" {
			return d
		}
	}
	for i := 0; i < len(a.paras) && i < 3; i++ {
		if d := try(a.paras[i]); d != "" {
			return d
		}
	}
	return ""
}

// findDates returns the dates and periods that s mentions, in order of
// appearance, resolved against the document date ref (zero if unknown): a
// day without a year takes the latest year that does not put it after ref;
// "last year", "yesterday", "on Monday" count back from ref.
func findDates(s string, ref time.Time) []DateRange {
	ds := dateScan{s: s, ref: ref, taken: make([]bool, len(s)+1)}
	// The most specific patterns go first so that the words they take are
	// not read again by a looser one ("11 March 2022" is a day, not the
	// month "March 2022"; "in March 2022" is not the bare month "in March").
	ds.days()
	ds.monthsAndYears()
	if !ref.IsZero() {
		ds.bareMonths()
		ds.relativePeriods()
		ds.weekdays()
	}
	return ds.ordered()
}

// dateHit is one date found by findDates, at byte pos of the text.
type dateHit struct {
	pos int
	r   DateRange
}

// dateScan is the state of findDates over one text: the bytes already
// taken by a date and the dates found so far, in the order the patterns
// are tried.
type dateScan struct {
	s     string
	ref   time.Time
	taken []bool
	hits  []dateHit
}

// free reports whether no earlier date took any byte of [i, j), and if so
// takes them, so that each stretch of text is read as one date only.
func (ds *dateScan) free(i, j int) bool {
	for k := i; k < j; k++ {
		if ds.taken[k] {
			return false
		}
	}
	for k := i; k < j; k++ {
		ds.taken[k] = true
	}
	return true
}

// day formats year y, month m, day d as a full date, or returns "" when
// the month or day is out of range. A zero year is the latest year that
// does not put the day after the reference date; without a reference date
// such a day is dropped.
func (ds *dateScan) day(y, m, d int) string {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	if y == 0 {
		if ds.ref.IsZero() {
			return ""
		}
		y = ds.ref.Year()
		if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).After(ds.ref) {
			y--
		}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// single records the one-point period v found at pos; an empty v (a date
// that could not be resolved) is skipped.
func (ds *dateScan) single(pos int, v string) {
	if v != "" {
		ds.hits = append(ds.hits, dateHit{pos, DateRange{v, v}})
	}
}

// days finds the full days: ISO dates ("2022-03-11"), month before day
// ("March 11, 2022", "Mar. 11th") and day before month ("11 of March
// 2022"), the year optional in the last two.
func (ds *dateScan) days() {
	s := ds.s
	for _, m := range reISO.FindAllStringSubmatchIndex(s, -1) {
		if ds.free(m[0], m[1]) {
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			mo, _ := strconv.Atoi(s[m[4]:m[5]])
			d, _ := strconv.Atoi(s[m[6]:m[7]])
			ds.single(m[0], ds.day(y, mo, d))
		}
	}
	for _, m := range reMonthDay.FindAllStringSubmatchIndex(s, -1) {
		if ds.free(m[0], m[1]) {
			d, _ := strconv.Atoi(s[m[4]:m[5]])
			y := 0
			if m[6] >= 0 {
				y, _ = strconv.Atoi(s[m[6]:m[7]])
			}
			ds.single(m[0], ds.day(y, monthOf(s[m[2]:m[3]]), d))
		}
	}
	for _, m := range reDayMonth.FindAllStringSubmatchIndex(s, -1) {
		if ds.free(m[0], m[1]) {
			d, _ := strconv.Atoi(s[m[2]:m[3]])
			y := 0
			if m[6] >= 0 {
				y, _ = strconv.Atoi(s[m[6]:m[7]])
			}
			ds.single(m[0], ds.day(y, monthOf(s[m[4]:m[5]]), d))
		}
	}
}

// monthsAndYears finds a month with its year ("March 2022", "March of
// 2022") and a year after a preposition that makes it a date ("in 2019",
// "since 2020"); a bare number such as "2020 people" is not a year.
func (ds *dateScan) monthsAndYears() {
	s := ds.s
	for _, m := range reMonthYear.FindAllStringSubmatchIndex(s, -1) {
		if ds.free(m[0], m[1]) {
			y, _ := strconv.Atoi(s[m[4]:m[5]])
			ds.single(m[0], time.Date(y, time.Month(monthOf(s[m[2]:m[3]])), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
		}
	}
	for _, m := range reYear.FindAllStringSubmatchIndex(s, -1) {
		if ds.free(m[2], m[3]) {
			ds.single(m[2], s[m[2]:m[3]])
		}
	}
}

// bareMonths finds a month named without a year after a preposition ("in
// March"): the latest such month not after the reference date.
func (ds *dateScan) bareMonths() {
	s, ref := ds.s, ds.ref
	for _, m := range reBareMonth.FindAllStringSubmatchIndex(s, -1) {
		if ds.free(m[2], m[3]) {
			mo := monthOf(s[m[2]:m[3]])
			y := ref.Year()
			if mo > int(ref.Month()) {
				y--
			}
			ds.single(m[2], time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
		}
	}
}

// relativePeriods finds the days and periods named relative to the
// reference date: "yesterday", "today", "tonight", and "last",
// "previous", "past", "this" or "next" with "year", "month" or "week" (a
// week runs Monday to Sunday).
func (ds *dateScan) relativePeriods() {
	s, ref := ds.s, ds.ref
	for _, m := range reRelative.FindAllStringSubmatchIndex(s, -1) {
		if !ds.free(m[0], m[1]) {
			continue
		}
		if m[6] >= 0 {
			switch strings.ToLower(s[m[6]:m[7]]) {
			case "yesterday":
				ds.single(m[0], ref.AddDate(0, 0, -1).Format("2006-01-02"))
			default:
				ds.single(m[0], ref.Format("2006-01-02"))
			}
			continue
		}
		which, unit := strings.ToLower(s[m[2]:m[3]]), strings.ToLower(s[m[4]:m[5]])
		off := 0
		switch which {
		case "last", "previous", "past":
			off = -1
		case "next":
			off = 1
		}
		switch unit {
		case "year":
			ds.single(m[0], strconv.Itoa(ref.Year()+off))
		case "month":
			ds.single(m[0], ref.AddDate(0, off, 0).Format("2006-01"))
		case "week":
			from := ref.AddDate(0, 0, 7*off-int(ref.Weekday())+1)
			ds.hits = append(ds.hits, dateHit{m[0], DateRange{from.Format("2006-01-02"), from.AddDate(0, 0, 6).Format("2006-01-02")}})
		}
	}
}

// weekdays finds a weekday after "on", "last" or "this": the latest such
// day not after the reference date, except that "last Friday" said on a
// Friday is the week before.
func (ds *dateScan) weekdays() {
	s, ref := ds.s, ds.ref
	for _, m := range reWeekday.FindAllStringSubmatchIndex(s, -1) {
		if !ds.free(m[2], m[3]) {
			continue
		}
		wd := weekdayIndex[s[m[2]:m[3]]]
		back := (int(ref.Weekday()) - int(wd) + 7) % 7
		if back == 0 && strings.HasPrefix(strings.ToLower(s[m[0]:m[1]]), "last") {
			back = 7
		}
		ds.single(m[0], ref.AddDate(0, 0, -back).Format("2006-01-02"))
	}
}

// ordered returns the dates found in order of their position in the text;
// the sort is stable so that dates found at the same position keep the
// order in which the patterns were tried.
func (ds *dateScan) ordered() []DateRange {
	hits := ds.hits
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].pos < hits[j-1].pos; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := make([]DateRange, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.r)
	}
	return out
}
