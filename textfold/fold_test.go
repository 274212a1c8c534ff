package textfold_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/quotedb/quotedb/textfold"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Ali Karimli", "ali karimli"},
		{"Əli Kərimli", "eli kerimli"},
		{"KƏRİMLİ", "kerimli"},
		{"İlham Əliyev", "ilham eliyev"},
		// Azerbaijani lowercasing maps I to ı, which then folds to i.
		{"ISTANBUL", "istanbul"},
		{"İstanbul", "istanbul"},
		{"Şahin Çələbi", "sahin celebi"},
		{"Gülağa", "gulaga"},
		{"Fuad Qəhrəmanlı", "fuad qehremanli"},
		{"Müsavat", "musavat"},
		{"Ölkə", "olke"},
		{"Straße", "strasse"},
		// Decomposed input folds as the composed one does.
		{"S\u0327ahin", "sahin"},
		// Punctuation and space runs collapse to one space, trimmed at both ends.
		{"  «Azadlıq» — qəzeti!! ", "azadliq qezeti"},
		{"Popular-Front   Party,(APFP)", "popular front party apfp"},
		{"44-day war", "44 day war"},
		{"O’Neill", "o neill"},
		{"...", ""},
		// Letters replaced by ASCII are replaced under marks too.
		{"Ǣ ǿ", "ae o"},
		// Invalid UTF-8 separates words and does not stop the folding.
		{"\xf7ȯ\xffÇ", "o c"},
	}
	for _, tt := range tests {
		if got := textfold.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ali Kerimli", []string{"ali kerimli"}},
		{"Əli Kərimli", []string{"eli kerimli", "ali karimli"}},
		{"KƏRİMLİ", []string{"kerimli", "karimli"}},
		{"İlham Əliyev", []string{"ilham eliyev", "ilham aliyev"}},
		{"Fuad Qəhrəmanlı", []string{"fuad qehremanli", "fuad qahramanli"}},
		{"ISTANBUL", []string{"istanbul"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		if got := textfold.Keys(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Keys(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestKeysMatchTransliterations checks the point of Keys: a name written in
// Azerbaijani is found under both common English transliterations, and the
// transliterations fold to one of its keys.
func TestKeysMatchTransliterations(t *testing.T) {
	tests := []struct {
		name     string
		spelling []string
	}{
		{"Əli Kərimli", []string{"Eli Kerimli", "Ali Karimli", "ali karimli"}},
		{"KƏRİMLİ", []string{"Kerimli", "Karimli", "KARIMLI"}},
		{"İlham Əliyev", []string{"Ilham Eliyev", "Ilham Aliyev", "ILHAM ALIYEV"}},
	}
	for _, tt := range tests {
		keys := textfold.Keys(tt.name)
		for _, s := range tt.spelling {
			if f := textfold.Fold(s); !slices.Contains(keys, f) {
				t.Errorf("Fold(%q) = %q, not among Keys(%q) = %q", s, f, tt.name, keys)
			}
		}
	}
}

func TestWords(t *testing.T) {
	got := textfold.Words("  Şahin,  Çələbi: «Gülağa» ")
	if want := []string{"sahin", "celebi", "gulaga"}; !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
	if got := textfold.Words("—"); len(got) != 0 {
		t.Errorf("Words(dash) = %q, want none", got)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Əli Kərimli", "ISTANBUL", "Şahin Çələbi", "a--b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := textfold.Fold(s)
		// Folding is idempotent, so folded keys can be folded again safely.
		if again := textfold.Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, again, got)
		}
		if keys := textfold.Keys(s); keys[0] != got || len(keys) > 2 {
			t.Errorf("Keys(%q) = %q, want Fold first and at most two", s, keys)
		}
	})
}

func ExampleKeys() {
	fmt.Println(textfold.Keys("Əli Kərimli"))
	fmt.Println(textfold.Fold("ALI KARIMLI"), "|", textfold.Fold("İlham Əliyev"))
	// Output:
	// [eli kerimli ali karimli]
	// ali karimli | ilham eliyev
}

// TestConcurrentFolding folds from many goroutines at once; run with -race.
func TestConcurrentFolding(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := textfold.Fold("İLHAM Əliyev"); got != "ilham eliyev" {
					t.Errorf("Fold = %q", got)
					return
				}
			}
		})
	}
	wg.Wait()
}
