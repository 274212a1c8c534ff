package verify

import "testing"

func TestStem(t *testing.T) {
	groups := [][]string{
		{"use", "used", "uses", "using"},
		{"move", "moved", "moves", "moving"},
		{"policy", "policies"},
		{"carry", "carried", "carries"},
		{"stop", "stopped", "stopping", "stops"},
		{"agree", "agreed", "agrees"},
		{"port", "ports"},
	}
	for _, g := range groups {
		for _, w := range g[1:] {
			if stem(w) != stem(g[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q: want them equal", w, stem(w), g[0], stem(g[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"bus", "bu"}, {"press", "pres"}, {"is", "i"}, {"port", "portion"}} {
		if stem(pair[0]) == stem(pair[1]) {
			t.Errorf("stem(%q) = stem(%q) = %q", pair[0], pair[1], stem(pair[0]))
		}
	}
}

func TestAlign(t *testing.T) {
	words := func(s string) []string { return newText(s).words }
	tests := []struct {
		q, s     string
		min, max float64
	}{
		{"the cartel may use the port to draw eyes from the border", "The port can be used by the cartel to move attention from the border", 0.5, 0.8},
		{"the port is used by the cartel", "The port is used by the cartel", 1, 1},
		{"harvest records in the north", "The port can be used by the cartel to move attention from the border", 0, 0},
	}
	for _, tt := range tests {
		sim, lo, hi := align(words(tt.q), words(tt.s))
		if sim < tt.min || sim > tt.max || lo > hi {
			t.Errorf("align(%q, %q) = %.2f [%d, %d), want %.2f to %.2f", tt.q, tt.s, sim, lo, hi, tt.min, tt.max)
		}
	}
}
