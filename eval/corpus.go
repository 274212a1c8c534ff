package eval

import (
	"os"
	"path/filepath"
)

// CorpusDir returns the evaluation corpus directory: $QUOTEDB_CORPUS if
// set, else the first "shared/corpus" found walking up from the working
// directory (the corpus lives next to the repository). It returns "" when
// there is none.
func CorpusDir() string {
	if d := os.Getenv("QUOTEDB_CORPUS"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
