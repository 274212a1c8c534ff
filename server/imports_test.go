package server

import (
	"go/build"
	"strings"
	"testing"
)

// TestNoBackendImport keeps the server backend-neutral: what it needs of a
// store (its stats included) it takes through package store.
func TestNoBackendImport(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if strings.HasPrefix(imp, "github.com/quotedb/quotedb/store/") {
			t.Errorf("server imports the backend %s", imp)
		}
	}
}
