// Package backendtest runs a package's store-backed tests on PostgreSQL as
// well as on bbolt, without writing them twice.
//
// A package's tests open their store with Open. Each package lists the
// tests that should also run on PostgreSQL in one test named TestPostgres,
// which calls Run; under it, Open gives a PostgreSQL store (a schema of its
// own on the server QUOTEDB_TEST_POSTGRES names) instead of a bbolt file.
// Without that variable TestPostgres is skipped with a message, and fails
// under CI=true, as the store/pg tests do. Listed checks that no test that
// opens a store is forgotten.
package backendtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt/bolttest"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// Name is the name of the test that runs the others on PostgreSQL.
const Name = "TestPostgres"

// OnPostgres reports whether t runs under Run, on PostgreSQL. The test's
// name says it, rather than a package variable, so that tests running in
// parallel each get the backend they were started for.
func OnPostgres(t testing.TB) bool {
	return strings.HasPrefix(t.Name(), Name+"/")
}

// Open opens a new, empty store for t: a bbolt file, checked for
// consistency and closed when the test ends (see bolttest.Open), or under
// Run a PostgreSQL schema, dropped when the test ends (see pgtest.Open).
// Tests that need what only one backend has (the file's size, backups)
// assert its type.
func Open(t testing.TB) store.Store {
	t.Helper()
	if OnPostgres(t) {
		return pgtest.Open(t)
	}
	return bolttest.Open(t)
}

// Run runs each test as a subtest of t (named TestPostgres) on PostgreSQL;
// it skips t, or fails it under CI=true, when no server is given.
func Run(t *testing.T, tests ...func(*testing.T)) {
	t.Helper()
	if t.Name() != Name {
		t.Fatalf("backendtest.Run is called from %s, not %s: Open would not know the backend", t.Name(), Name)
	}
	pgtest.URL(t)
	for _, test := range tests {
		t.Run(FuncName(test), test)
	}
}

// FuncName is the unqualified name of the function fn.
func FuncName(fn any) string {
	name := runtime.FuncForPC(reflect.ValueOf(fn).Pointer()).Name()
	return name[strings.LastIndexByte(name, '.')+1:]
}

// Listed fails t unless every test function in the _test.go files of the
// current directory that opens a store through Open (directly or through
// other functions of those files) is either run on PostgreSQL (in tests)
// or in skipped, which gives the reason each one runs on bbolt alone. It
// also fails for a name in either list that is no such test, so that both
// lists stay true.
func Listed(t *testing.T, tests []func(*testing.T), skipped map[string]string) {
	t.Helper()
	using, err := testsCalling(".", "backendtest.Open")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, test := range tests {
		listed[FuncName(test)] = true
	}
	for _, name := range using {
		_, skip := skipped[name]
		switch {
		case listed[name] && skip:
			t.Errorf("%s is both run on PostgreSQL and skipped there", name)
		case !listed[name] && !skip:
			t.Errorf("%s opens a store but is neither run on PostgreSQL in %s nor skipped there with a reason", name, Name)
		}
	}
	for name := range listed {
		if !slices.Contains(using, name) {
			t.Errorf("%s is run on PostgreSQL but opens no store through backendtest.Open", name)
		}
	}
	for name, why := range skipped {
		if !slices.Contains(using, name) {
			t.Errorf("%s is skipped on PostgreSQL but opens no store through backendtest.Open", name)
		}
		if strings.TrimSpace(why) == "" {
			t.Errorf("%s is skipped on PostgreSQL without a reason", name)
		}
	}
}

// testsCalling returns the names of the Test functions in dir's _test.go
// files whose bodies call helper (package.Func), directly or through
// other functions of those files.
func testsCalling(dir, helper string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	calls := map[string][]string{} // function -> the functions it calls
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Recv != nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					if pkg, ok := n.X.(*ast.Ident); ok {
						calls[fn.Name.Name] = append(calls[fn.Name.Name], pkg.Name+"."+n.Sel.Name)
					}
				case *ast.Ident:
					calls[fn.Name.Name] = append(calls[fn.Name.Name], n.Name)
				}
				return true
			})
		}
	}
	reaches := map[string]bool{helper: true}
	for changed := true; changed; { // until no function newly reaches a helper
		changed = false
		for fn, callees := range calls {
			if !reaches[fn] && slices.ContainsFunc(callees, func(c string) bool { return reaches[c] }) {
				reaches[fn], changed = true, true
			}
		}
	}
	var out []string
	for fn := range calls {
		if reaches[fn] && strings.HasPrefix(fn, "Test") && fn != Name {
			out = append(out, fn)
		}
	}
	slices.Sort(out)
	return out, nil
}
