package extract_test

import (
	"fmt"
	"testing"

	"github.com/quotedb/quotedb/extract"
)

func TestTopicName(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Foreign policy", "Foreign policy"},
		{"The Economy. Prices Rise Again as the Currency Falls.", "Economy"},
		{"The Floods in the South. Relief Arrives Late.", "Floods in the South"},
		{"(Lack of) Press Freedom", "Press Freedom"},
		{"( Lack of ) Press Freedom and Rights", "Press Freedom and Rights"},
		{"Media: two more reporters arrested", "Media"},
		{"Elections – the opposition boycotts the vote", "Elections"},
		{"U.S. Policy in the Region", "U.S. Policy in the Region"},
		{"Talks resume.", "Talks resume"},
		{"  Post-war   situation \n", "Post-war situation"},
		{"“A video” by a soldier’s brother", "“A video” by a soldier’s brother"},
		{"What next? Analysts Disagree", "What next"},
		{"The", "The"},
		{"***", "***"},
		{"A", "A"},
		{"1. Human Rights", "Human Rights"},
		{"2) Economy. Prices Rise Again.", "Economy"},
		{"IV. Foreign Policy", "Foreign Policy"},
		{"B. Media: two more reporters arrested", "Media"},
		{"2022 Elections", "2022 Elections"},
		{"1.", "1"},
	}
	for _, tt := range tests {
		if got := extract.TopicName(tt.heading); got != tt.want {
			t.Errorf("TopicName(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

func ExampleTopicName() {
	fmt.Println(extract.TopicName("The War at Sea. Both Sides Claim Gains as Talks Stall."))
	// Output: War at Sea
}
