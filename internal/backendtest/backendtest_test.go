package backendtest

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// An invented package's tests: some open a store directly, some through
// helpers, some not at all.
const source = `package x_test

func newFixture(t *testing.T) *fixture { return &fixture{db: backendtest.Open(t)} }

func newDemo(t *testing.T) *fixture { f := newFixture(t); load(f); return f }

func TestDirect(t *testing.T) { db := backendtest.Open(t); _ = db }

func TestThroughHelper(t *testing.T) { newFixture(t) }

func TestThroughTwoHelpers(t *testing.T) { newDemo(t) }

func TestNoStore(t *testing.T) { bolt.Open("x.db", nil) }

func TestOtherOpen(t *testing.T) { other.Open(t) }

func TestPostgres(t *testing.T) { backendtest.Run(t, TestDirect) }
`

func TestTestsCalling(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x_test.go"), []byte(source), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte("package x\n\nfunc TestNotATestFile() { backendtest.Open(nil) }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := testsCalling(dir, "backendtest.Open")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"TestDirect", "TestThroughHelper", "TestThroughTwoHelpers"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestOnPostgres(t *testing.T) {
	if OnPostgres(t) {
		t.Errorf("%s is not under %s", t.Name(), Name)
	}
	t.Run(Name, func(t *testing.T) {
		if OnPostgres(t) { // TestOnPostgres/TestPostgres
			t.Errorf("%s is not under %s", t.Name(), Name)
		}
	})
}

func TestFuncName(t *testing.T) {
	if got := FuncName(TestFuncName); got != "TestFuncName" {
		t.Errorf("FuncName = %q", got)
	}
}
