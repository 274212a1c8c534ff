package extract

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestFindDatesForms pins each form of date findDates reads, with and
// without a document date, so that a reshuffle of its patterns shows.
func TestFindDatesForms(t *testing.T) {
	friday := time.Date(2022, 3, 11, 0, 0, 0, 0, time.UTC)
	day := func(s string) DateRange { return DateRange{s, s} }
	tests := []struct {
		name string
		text string
		ref  time.Time
		want []DateRange
	}{
		{"iso", "The pact was signed on 2021-06-30.", friday, []DateRange{day("2021-06-30")}},
		{"iso out of range", "Code 2022-13-40 is not a date.", friday, []DateRange{}},
		{"month day year", "Talks ended on March 3, 2021.", friday, []DateRange{day("2021-03-03")}},
		{"abbreviated month", "It opened Sept. 9th, 2020.", friday, []DateRange{day("2020-09-09")}},
		{"day of month, no year", "It began on the 14th of June.", friday, []DateRange{day("2021-06-14")}},
		{"day month, this year", "We met on 2 March.", friday, []DateRange{day("2022-03-02")}},
		{"month year and year", "Prices rose in March 2020 and again in 2021.", friday, []DateRange{day("2020-03"), day("2021")}},
		{"bare month", "Since June the mill is shut; it reopens in January.", friday, []DateRange{day("2021-06"), day("2022-01")}},
		{"yesterday and tonight", "Yesterday it rained and tonight it snows.", friday, []DateRange{day("2022-03-10"), day("2022-03-11")}},
		{"year and month", "Last year was dry; next month is wet.", friday, []DateRange{day("2021"), day("2022-04")}},
		{"weeks", "This week and last week.", friday, []DateRange{{"2022-03-07", "2022-03-13"}, {"2022-02-28", "2022-03-06"}}},
		{"weekdays", "On Friday, not last Friday, nor on Monday.", friday, []DateRange{day("2022-03-11"), day("2022-03-04"), day("2022-03-07")}},
		{"in order of appearance", "On Monday the 2020-01-05 report, from 2019, came out.", friday, []DateRange{day("2022-03-07"), day("2020-01-05"), day("2019")}},
		{"no document date", "On March 3 and in March 2020, yesterday, on Monday, in June.", time.Time{}, []DateRange{day("2020-03")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findDates(tt.text, tt.ref)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findDates(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestFindQuotesMarks pins how findQuotes reads each kind of quotation
// mark: curly, straight, German, guillemets, nested, apostrophes,
// quotations over paragraphs and lone closing marks.
func TestFindQuotesMarks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // each quotation's text, with its flags
	}{
		{"curly", "She said “We will stay” and left.", []string{"“We will stay”"}},
		{"nested", "“He told me ‘never again’ twice,” she said.", []string{"“He told me ‘never again’ twice,”", "‘never again’"}},
		{"straight", `He said "it is done" and "we go".`, []string{`"it is done"`, `"we go"`}},
		{"apostrophes", "The boys' shoes, don't 'stop' now.", []string{"'stop'"}},
		{"straight single after comma", "'It is over,' she said.", []string{"'It is over,'"}},
		{"german", "„Wir bleiben“, sagte sie.", []string{"„Wir bleiben“"}},
		{"guillemets", "«Nous restons», dit-elle.", []string{"«Nous restons»"}},
		{"over paragraphs", "“First part.\n\n“Second part,” he said.", []string{"“First part.\n\n“Second part,”"}},
		{"unclosed", "“Never closed.\n\nNext paragraph.", []string{"“Never closed. unclosed"}},
		{"missing open", "We stay.” He left.", []string{"” missingOpen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t.Context(), tt.text)
			var got []string
			for _, q := range a.quotes {
				s := tt.text[q.start:q.end]
				if q.unclosed {
					s += " unclosed"
				}
				if q.missingOpen {
					s += " missingOpen"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes in %q:\n got %s\nwant %s", tt.text, fmt.Sprintf("%q", got), fmt.Sprintf("%q", tt.want))
			}
		})
	}
}
