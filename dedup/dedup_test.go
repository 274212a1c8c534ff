package dedup

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/textfold"
)

func shareKey(a, b string) bool {
	kb := map[string]bool{}
	for _, k := range BandKeys(b) {
		kb[string(k)] = true
	}
	for _, k := range BandKeys(a) {
		if kb[string(k)] {
			return true
		}
	}
	return false
}

func TestNearDuplicates(t *testing.T) {
	const base = "Azerbaijan cannot stay silent while Ukrainian cities are being shelled. We lived through occupation ourselves, and we know what it means."
	tests := []struct {
		name    string
		a, b    string
		minSim  float64 // inclusive
		maxSim  float64 // inclusive
		collide bool
	}{
		{"identical", base, base, 1, 1, true},
		{"case, punctuation and quotes", base, `"AZERBAIJAN cannot stay silent, while Ukrainian cities are being shelled… we lived through occupation ourselves and we know what it means"`, 1, 1, true},
		{"diacritics and dotless i", "Əli Kərimli said the party will take part in the elections", "Ali Kerimli said the party will take part in the elections", 0.7, 1, true},
		{"one word changed at the end", base, strings.Replace(base, "means.", "meant.", 1), 0.85, 0.95, true},
		{"one word changed in the middle", base, strings.Replace(base, "shelled", "bombed", 1), 0.7, 0.8, true},
		{"another statement on the same topic", base, "The government should side with Ukraine in every international vote.", 0, 0.1, false},
		{"too short to compare", "No comment.", "No comment.", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sim := Similarity(tc.a, tc.b)
			if sim < tc.minSim || sim > tc.maxSim {
				t.Errorf("Similarity = %.3f, want in [%.2f, %.2f]", sim, tc.minSim, tc.maxSim)
			}
			if got := shareKey(tc.a, tc.b); got != tc.collide {
				t.Errorf("share a band key = %v, want %v", got, tc.collide)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"three words only", 0},
		{"four words are enough", 2},
		{"a b c a b c a b c", 3}, // repeats counted once
	}
	for _, tc := range tests {
		if got := len(Shingles(tc.text)); got != tc.want {
			t.Errorf("len(Shingles(%q)) = %d, want %d", tc.text, got, tc.want)
		}
	}
	if BandKeys("three words only") != nil {
		t.Error("a text without shingles has band keys")
	}
	keys := BandKeys("four words are enough")
	if len(keys) != Bands {
		t.Fatalf("got %d band keys, want %d", len(keys), Bands)
	}
	for i, k := range keys {
		if len(k) != KeyLen || int(k[0]) != i {
			t.Errorf("key %d = %x: want %d bytes starting with the band number", i, k, KeyLen)
		}
	}
}

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b []uint32
		want float64
	}{
		{nil, nil, 0},
		{[]uint32{1, 2, 3}, nil, 0},
		{[]uint32{1, 2, 3}, []uint32{1, 2, 3}, 1},
		{[]uint32{1, 2, 3}, []uint32{2, 3, 4}, 0.5},
		{[]uint32{1, 3, 5, 7}, []uint32{2, 4, 6, 7}, 1.0 / 7},
	}
	for _, tc := range tests {
		if got := Jaccard(tc.a, tc.b); got != tc.want {
			t.Errorf("Jaccard(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCollisionRate checks the banding against its design on many pairs of
// texts of known similarity: the share of pairs with a common key must be
// what 1-(1-J^Rows)^Bands predicts for their similarities, pairs near the
// threshold must almost always share a key (recall), and pairs far below
// rarely (which keeps candidate lists short).
func TestCollisionRate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string { return fmt.Sprintf("w%d", rng.IntN(1_000_000)) }
	const pairs = 400
	rate := func(changes int) (collided, predicted, meanSim float64) {
		hits := 0
		for range pairs {
			words := make([]string, 40)
			for i := range words {
				words[i] = word()
			}
			other := append([]string(nil), words...)
			for range changes {
				other[rng.IntN(len(other))] = word()
			}
			a, b := strings.Join(words, " "), strings.Join(other, " ")
			sim := Similarity(a, b)
			meanSim += sim / pairs
			predicted += (1 - math.Pow(1-math.Pow(sim, Rows), Bands)) / pairs
			if shareKey(a, b) {
				hits++
			}
		}
		return float64(hits) / pairs, predicted, meanSim
	}
	// One changed word in 40 removes up to 3 of 38 shingles: similarity
	// about 0.85; two changes: about 0.73, just above the threshold;
	// twelve: about 0.25.
	tests := []struct {
		changes  int
		min, max float64 // bounds on the share of pairs with a common key
	}{
		{1, 0.99, 1},
		{2, 0.95, 1},
		{12, 0, 0.15},
	}
	for _, tc := range tests {
		r, p, s := rate(tc.changes)
		if r < tc.min || r > tc.max {
			t.Errorf("similarity %.2f: %.3f of pairs share a key, want in [%.2f, %.2f]", s, r, tc.min, tc.max)
		}
		// Three standard deviations of the binomial share, at least 0.01.
		if tol := max(0.01, 3*math.Sqrt(p*(1-p)/pairs)); math.Abs(r-p) > tol {
			t.Errorf("similarity %.2f: %.3f of pairs share a key, banding formula predicts %.3f", s, r, p)
		}
	}
}

func ExampleSimilarity() {
	a := "The National Council will collect aid for Ukrainian refugees, and we invite every party to join us."
	b := "“The National Council will collect aid for Ukrainian refugees and we invite every party to join us”"
	c := "The National Council will collect aid for refugees from Ukraine, and we invite every party to join us."
	fmt.Printf("%.2f %.2f\n", Similarity(a, b), Similarity(a, c))
	// Output: 1.00 0.55
}

func BenchmarkBandKeys(b *testing.B) {
	text := "Azerbaijan cannot stay silent while Ukrainian cities are being shelled. We lived through occupation ourselves, and we know what it means."
	for b.Loop() {
		BandKeys(text)
	}
}

// TestShinglesAreFNV checks the shingle hashes against hash/fnv's FNV-1a:
// they are stored in the database, so they must not change.
func TestShinglesAreFNV(t *testing.T) {
	for _, text := range []string{
		"The minister said the bridge would open in spring.",
		"Ünïcode wörds, Straße and ÇAPITALS are folded first — then hashed.",
		"one two three four",
	} {
		words := textfold.Words(text)
		var want []uint32
		for i := 0; i+ShingleWords <= len(words); i++ {
			h := fnv.New32a()
			h.Write([]byte(strings.Join(words[i:i+ShingleWords], " ")))
			want = append(want, h.Sum32())
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if got := Shingles(text); !slices.Equal(got, want) {
			t.Errorf("Shingles(%q) = %v, want %v", text, got, want)
		}
	}
}

// ShinglesOfFolded of a folded text is Shingles of the text.
func TestShinglesOfFolded(t *testing.T) {
	for _, text := range []string{
		"The Harbour Board said on Monday that the new pier would open in May, not in March.",
		"ÕHTULEHT: „Valitsus ei kavatse makse tõsta“, ütles minister pressikonverentsil eile õhtul.",
		"too short",
	} {
		if got, want := ShinglesOfFolded(textfold.Fold(text)), Shingles(text); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}

// fieldShingles is ShinglesOfFolded as its doc says: the FNV-1a hashes
// (hash/fnv's) of strings.Fields' words, ShingleWords at a time.
func fieldShingles(folded string) []uint32 {
	words := strings.Fields(folded)
	if len(words) < MinWords {
		return nil
	}
	var out []uint32
	for i := 0; i+ShingleWords <= len(words); i++ {
		h := fnv.New32a()
		h.Write([]byte(strings.Join(words[i:i+ShingleWords], " ")))
		out = append(out, h.Sum32())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ShinglesOfFolded hashes any text's words as fieldShingles does, folded
// or not: spaces of every kind and runs of them, words of invalid UTF-8.
func FuzzShinglesOfFolded(f *testing.F) {
	for _, s := range []string{"", "a b c d", "  a\tb\n\nc\u00a0d\u2003e\u0085f  ", "one two three four five one two three",
		"x \xff y \xe2\x80 z w", "ab\u3000cd ef gh", textfold.Fold("Ünïcode wörds, Straße and ÇAPITALS are folded first")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ShinglesOfFolded(s), fieldShingles(s); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	})
}
