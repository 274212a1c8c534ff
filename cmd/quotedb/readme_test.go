package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quotedb/quotedb/internal/gqltest"
	"github.com/quotedb/quotedb/store/pg/pgtest"
)

// readmeBlock is a fenced code block of README.md.
type readmeBlock struct {
	lang, text string
	line       int // of the opening fence
}

var fenceRE = regexp.MustCompile("(?ms)^```([a-z]*)\n(.*?)^```")

func readmeBlocks(t *testing.T) []readmeBlock {
	t.Helper()
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []readmeBlock
	for _, m := range fenceRE.FindAllSubmatchIndex(raw, -1) {
		blocks = append(blocks, readmeBlock{
			lang: string(raw[m[2]:m[3]]),
			text: string(raw[m[4]:m[5]]),
			line: 1 + strings.Count(string(raw[:m[0]]), "\n"),
		})
	}
	return blocks
}

// The phases of TestReadmeExamples, in order: a new user's directory
// before the first start of the server, the demo server running, the
// server stopped again.
const (
	beforeServe = iota
	serving
	stopped
	notRun // by the loop over the blocks; why says what happens instead
)

// shellExample is how TestReadmeExamples runs the shell block containing
// match: in which phase, and what its output must contain. The block is
// run as written unless run is set.
type shellExample struct {
	match  string
	phase  int
	want   string
	corpus bool // reads ../shared/corpus
	curl   bool
	run    func(t *testing.T, env *readmeEnv, b readmeBlock) // instead of running the block
	why    string                                            // why run is set, or why the block is not run
}

func shellExamples() []shellExample {
	return []shellExample{
		// (before the first screen's entry, which would match them too)
		{match: "export QUOTEDB_STORE=", phase: stopped, run: runPostgresExample,
			why: "it needs a PostgreSQL server: it runs against a schema of QUOTEDB_TEST_POSTGRES's (skipped without one), its URL in place of the example's"},
		{match: "serve --demo --persisted-only manifest.json", phase: stopped, curl: true, run: runPersistedOnlyExample,
			why: "serve runs until stopped: the lines before it run first, then the server is started, the lines after it run against it, and it is stopped"},
		{match: "go run ./cmd/quotedb serve --demo", phase: notRun,
			why: "the first screen: its first command is the server the examples run against; its second, go test, is this test suite"},
		{match: "ADMIN_TOKEN=$(quotedb token create --role admin --name ops)", phase: beforeServe, want: "newsdesk"},
		{match: `speakers(filter: {name: \"selimli\"})`, phase: serving, want: "Orkhan Salimli", curl: true},
		{match: "/statements/$ID.jsonld", phase: serving, want: `"Claim"`, curl: true},
		{match: "quotedb token revoke stringer --token", phase: serving, want: `revoked editor token "stringer"`},
		{match: "quotedb backup /tmp/quotedb-2026-03-11.db", phase: serving, want: "is consistent", curl: true},
		{match: "Accept: text/event-stream", phase: serving, curl: true, run: runSubscriptionExample,
			why: "the subscription streams until stopped: it runs in the background until the event of a statement created meanwhile arrives"},
		{match: "quotedb restore --db quotedb.db --force /tmp/quotedb-2026-03-11.db", phase: stopped, want: "restored quotedb.db"},
		{match: "ingest --dry-run ../shared/corpus/cnis-2022-03-11.txt", phase: stopped, want: "with", corpus: true},
		{match: "eval --half check ../shared/corpus/news-dev.jsonl", phase: stopped, want: "F1", corpus: true},
		{match: "quotedb serve --max-complexity 20000", phase: stopped, run: runServeExample,
			why: "serve runs until stopped: it is started, must answer, and is stopped"},
		{match: `EXT="{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$H\"}}"`, phase: serving, want: "PERSISTED_QUERY_NOT_FOUND", curl: true},
		{match: "QUOTEDB_SCREENSHOTS=docs/screenshots go test ./web/", phase: notRun,
			why: "the web package's own tests, which go test ./... runs; the screenshots rewrite files of the repository"},
		{match: "-bench Pages -benchtime 200x ./web/", phase: notRun,
			why: "a benchmark over 100,000 generated statements: minutes on two cores (BenchmarkPages in package web)"},
		{match: "quotedb export --format csv --out /tmp/statements.csv", phase: stopped, want: "statements.csv (csv): organisation:"},
		{match: "quotedb gen --format quotebank --statements 1000", phase: stopped, want: `"numOccurrences":`},
		{match: "quotedb import --format claimreview /tmp/reviews.jsonld", phase: stopped, want: "unchanged; 0 not matched"},
		{match: "/claimreviews.jsonld | head -c 300", phase: serving, want: `"@type":"DataFeed"`, curl: true},
		{match: "time quotedb import --db /tmp/gen.db", phase: notRun,
			why: "imports of 200,000 statements: a minute or more on two cores"},
		{match: "bash bench/bench.sh", phase: notRun,
			why: "benchmarks and a load test of a million statements: minutes on two cores (bench/)"},
	}
}

// readmeEnv is where TestReadmeExamples runs the examples.
type readmeEnv struct {
	dir  string // the working directory, a new user's checkout
	tmp  string // stands for /tmp
	port string // stands for 8080
	env  []string
}

// command returns the shell command that runs a block: as written, but
// for the substitutions TestReadmeExamples documents.
func (e *readmeEnv) command(ctx context.Context, text string) *exec.Cmd {
	text = strings.NewReplacer("go run ./cmd/quotedb", "quotedb", "8080", e.port, "/tmp/", e.tmp+"/").Replace(text)
	cmd := exec.CommandContext(ctx, "sh", "-e", "-c", text)
	cmd.Dir = e.dir
	cmd.Env = e.env
	// The block's processes are a group of their own, so that a server a
	// block starts can be stopped with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	return cmd
}

// TestReadmeExamples runs the examples of README.md as a new user would,
// against the demo data, and fails when one breaks:
//
//   - every GraphQL block, over HTTP against `quotedb serve --demo`: each
//     must answer without errors, and each of its top-level fields must be
//     non-empty (a list, or a connection's nodes);
//   - every shell block, with sh -e in a new directory, in the order a
//     user follows them (tokens first, with the server stopped; then the
//     server; then what needs it stopped), each checked for the output it
//     promises (shellExamples);
//   - the CLI reference: every flag it shows is one its command takes.
//
// What differs from a user's shell, and why: `quotedb` is this test binary
// (TestMain makes it the command when called by that name), so that the
// examples need no separate build; `go run ./cmd/quotedb` is replaced by
// `quotedb`, the same program; the server listens on a free port, which
// replaces 8080 in the examples; /tmp/ is a temporary directory; ADMIN_TOKEN
// holds an admin token and ID a statement's id, as the README assumes.
// ../shared/corpus is linked into place when it exists beside the
// repository; the examples that read it are skipped when it does not.
// Blocks not run are the JavaScript client (it needs Node and graphql-ws),
// the JSON answer of the limits (checked to be JSON), and those
// shellExamples gives a reason for.
func TestReadmeExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs servers and commands: not in -short")
	}
	blocks := readmeBlocks(t)
	env := newReadmeEnv(t)
	examples := shellExamples()
	byPhase := map[int][]readmeBlock{}
	exampleOf := map[int]shellExample{} // by block line
	used := map[string]bool{}
	var graphqlBlocks []readmeBlock
	for _, b := range blocks {
		switch b.lang {
		case "graphql":
			graphqlBlocks = append(graphqlBlocks, b)
		case "sh":
			ex, ok := findExample(examples, b)
			if !ok {
				t.Errorf("README.md:%d: a shell block without a case in shellExamples (add one, saying what it must print):\n%s", b.line, b.text)
				continue
			}
			used[ex.match] = true
			exampleOf[b.line] = ex
			byPhase[ex.phase] = append(byPhase[ex.phase], b)
		case "json":
			if !json.Valid([]byte(b.text)) {
				t.Errorf("README.md:%d: not JSON:\n%s", b.line, b.text)
			}
		case "":
			checkCLIReference(t, b)
		case "js":
			// Needs Node and graphql-ws; see the test's comment.
		default:
			t.Errorf("README.md:%d: a block of language %q, which this test does not know", b.line, b.lang)
		}
	}
	for _, ex := range examples {
		if !used[ex.match] {
			t.Errorf("no shell block of README.md contains %q any more: update shellExamples", ex.match)
		}
	}

	for _, b := range byPhase[beforeServe] {
		runShellExample(t, env, b, exampleOf[b.line])
	}
	admin := strings.TrimSpace(mustRun(t, "", "token", "create", "--db", filepath.Join(env.dir, "quotedb.db"), "--role", "admin", "--name", "readme-test"))
	env.env = append(env.env, "ADMIN_TOKEN="+admin)

	stop := startFirstScreenServer(t, env)
	base := "http://127.0.0.1:" + env.port
	c := &gqltest.Client{T: t, URL: base + "/graphql"}
	var ids struct {
		Statements struct{ Nodes []struct{ ID string } }
	}
	c.Query(&ids, `{ statements(first: 1) { nodes { id } } }`, nil)
	env.env = append(env.env, "ID="+ids.Statements.Nodes[0].ID)
	for _, b := range graphqlBlocks {
		runGraphQLExample(t, c, b)
	}
	for _, b := range byPhase[serving] {
		runShellExample(t, env, b, exampleOf[b.line])
	}
	stop()
	for _, b := range byPhase[stopped] {
		runShellExample(t, env, b, exampleOf[b.line])
	}
}

func findExample(examples []shellExample, b readmeBlock) (shellExample, bool) {
	for _, ex := range examples {
		if strings.Contains(b.text, ex.match) {
			return ex, true
		}
	}
	return shellExample{}, false
}

// newReadmeEnv makes a new user's directory, with this binary as quotedb
// on the PATH and the shared corpus beside it when there is one.
func newReadmeEnv(t *testing.T) *readmeEnv {
	root := t.TempDir()
	e := &readmeEnv{dir: filepath.Join(root, "quotedb"), tmp: filepath.Join(root, "tmp"), port: freePort(t)}
	bin := filepath.Join(root, "bin")
	for _, d := range []string{e.dir, e.tmp, bin, filepath.Join(root, "shared")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, filepath.Join(bin, "quotedb")); err != nil {
		t.Fatal(err)
	}
	if corpus, err := filepath.Abs("../../../shared/corpus"); err == nil {
		if _, err := os.Stat(corpus); err == nil {
			if err := os.Symlink(corpus, filepath.Join(root, "shared", "corpus")); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "QUOTEDB_") && !strings.HasPrefix(kv, "PATH=") {
			e.env = append(e.env, kv)
		}
	}
	e.env = append(e.env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "QUOTEDB_ADDR=127.0.0.1:"+e.port)
	return e
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

func runShellExample(t *testing.T, env *readmeEnv, b readmeBlock, ex shellExample) {
	t.Run(fmt.Sprintf("README.md:%d", b.line), func(t *testing.T) {
		if ex.corpus {
			if _, err := os.Stat(filepath.Join(env.dir, "../shared/corpus")); err != nil {
				t.Skip("../shared/corpus is not beside the repository; this example reads it")
			}
		}
		if _, err := exec.LookPath("curl"); ex.curl && err != nil {
			t.Skip("this example uses curl, which is not installed")
		}
		if ex.run != nil {
			ex.run(t, env, b)
			return
		}
		ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
		defer cancel()
		out, err := env.command(ctx, b.text).CombinedOutput()
		if err != nil || !strings.Contains(string(out), ex.want) {
			t.Errorf("README.md:%d: %v; want output with %q:\n%s\n--- the example:\n%s", b.line, err, ex.want, out, b.text)
		}
	})
}

// startFirstScreenServer starts the server as the README's first command
// does and returns a function that stops it.
func startFirstScreenServer(t *testing.T, env *readmeEnv) func() {
	t.Helper()
	first := strings.SplitN(readmeFirstBlock(t), "\n", 2)[0]
	stop := startExampleServer(t, env, first)
	// Searches and quote checks are answered from the index once built.
	c := &gqltest.Client{T: t, URL: "http://127.0.0.1:" + env.port + "/graphql"}
	deadline := time.Now().Add(10 * time.Second)
	for {
		var d struct{ SearchStatements struct{ Fallback bool } }
		c.Query(&d, `{ searchStatements(query: "war") { fallback } }`, nil)
		if !d.SearchStatements.Fallback {
			return stop
		}
		if time.Now().After(deadline) {
			t.Fatal("the search index of the demo data was not built within 10 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func readmeFirstBlock(t *testing.T) string {
	for _, b := range readmeBlocks(t) {
		if b.lang == "sh" {
			return b.text
		}
	}
	t.Fatal("README.md has no shell block")
	return ""
}

// startExampleServer runs a serve command line in the background until it
// answers /readyz, and returns a function that stops it with SIGTERM.
func startExampleServer(t *testing.T, env *readmeEnv, line string) func() {
	t.Helper()
	cmd := env.command(context.Background(), line)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) // a server gone already is what Wait reports
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // best effort: the test fails anyway
			t.Errorf("%s did not stop on SIGTERM:\n%s", line, out.String())
		}
	}
	t.Cleanup(stop)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		res, err := http.Get("http://127.0.0.1:" + env.port + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return stop
			}
		}
		select {
		case err := <-done:
			t.Fatalf("%s exited: %v\n%s", line, err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("%s did not become ready:\n%s", line, out.String())
	return nil
}

// runServeExample starts a serve example, checks that it answers, and
// stops it.
func runServeExample(t *testing.T, env *readmeEnv, b readmeBlock) {
	stop := startExampleServer(t, env, b.text)
	c := &gqltest.Client{T: t, URL: "http://127.0.0.1:" + env.port + "/graphql"}
	var d struct{ Statements struct{ TotalCount int } }
	c.Query(&d, `{ statements { totalCount } }`, nil)
	if d.Statements.TotalCount == 0 {
		t.Errorf("README.md:%d: the server answers with no statements", b.line)
	}
	stop()
}

// readmePostgresURL is the database URL of the PostgreSQL example.
const readmePostgresURL = "postgres://quotedb:secret@localhost:5432/quotedb"

// runPostgresExample runs the PostgreSQL example against a new schema of
// the test server, and checks that the server it starts answers with the
// demo data.
func runPostgresExample(t *testing.T, env *readmeEnv, b readmeBlock) {
	t.Run("postgres", func(t *testing.T) {
		url, schema := pgtest.EmptySchema(t)
		text := strings.ReplaceAll(b.text, readmePostgresURL, pgtest.WithSchema(url, schema))
		if text == b.text {
			t.Fatalf("README.md:%d: the example no longer connects to %s", b.line, readmePostgresURL)
		}
		stop := startExampleServer(t, env, text)
		defer stop()
		c := &gqltest.Client{T: t, URL: "http://127.0.0.1:" + env.port + "/graphql"}
		var d struct{ Statements struct{ TotalCount int } }
		c.Query(&d, `{ statements { totalCount } }`, nil)
		if d.Statements.TotalCount == 0 {
			t.Errorf("README.md:%d: the server on PostgreSQL answers with no statements", b.line)
		}
	})
}

// runPersistedOnlyExample runs the trusted documents example: the lines
// before its serve line, the server, then the lines after it, which must
// run the listed document and refuse another.
func runPersistedOnlyExample(t *testing.T, env *readmeEnv, b readmeBlock) {
	before, after, ok := strings.Cut(b.text, "go run ./cmd/quotedb serve --demo --persisted-only manifest.json\n")
	if !ok {
		t.Fatalf("README.md:%d: no serve line", b.line)
	}
	if out, err := env.command(t.Context(), before).CombinedOutput(); err != nil {
		t.Fatalf("README.md:%d: %v\n%s", b.line, err, out)
	}
	stop := startExampleServer(t, env, "quotedb serve --demo --persisted-only manifest.json")
	defer stop()
	out, err := env.command(t.Context(), after).CombinedOutput()
	if err != nil {
		t.Fatalf("README.md:%d: %v\n%s", b.line, err, out)
	}
	for _, want := range []string{`"totalCount"`, "PERSISTED_QUERY_ONLY"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("README.md:%d: the output has no %s:\n%s", b.line, want, out)
		}
	}
}

// runSubscriptionExample runs the subscription example in the background
// and creates statements of an APFP member until its event arrives.
func runSubscriptionExample(t *testing.T, env *readmeEnv, b readmeBlock) {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	cmd := env.command(ctx, b.text)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait() // killed by cancel: its error says so
	defer cancel()
	events := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data:") {
				events <- sc.Text()
				return
			}
		}
		close(events)
	}()
	var admin string
	for _, kv := range env.env {
		if v, ok := strings.CutPrefix(kv, "ADMIN_TOKEN="); ok {
			admin = v
		}
	}
	c := &gqltest.Client{T: t, URL: "http://127.0.0.1:" + env.port + "/graphql", Header: http.Header{"Authorization": {"Bearer " + admin}}}
	var sp struct {
		Speakers struct{ Nodes []struct{ ID string } }
	}
	c.Query(&sp, `{ speakers(filter: {name: "Orkhan Salimli"}) { nodes { id } } }`, nil)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		c.Query(nil, `mutation($s: ID!, $t: String!) { createStatement(input: {speaker: $s, text: $t, kind: DIRECT, said: "2022-03-20"}) { id } }`,
			map[string]any{"s": sp.Speakers.Nodes[0].ID, "t": fmt.Sprintf("An invented statement for the README test, number %d.", i)})
		select {
		case ev, ok := <-events:
			if !ok || !strings.Contains(ev, "An invented statement for the README test") {
				t.Errorf("README.md:%d: the subscription gave %q", b.line, ev)
			}
			return
		case <-tick.C:
		case <-ctx.Done():
			t.Fatalf("README.md:%d: no event within 10 s", b.line)
		}
	}
}

// runGraphQLExample sends a GraphQL block as written ($name, where the
// block has it, is "səlimli", as its comment suggests).
func runGraphQLExample(t *testing.T, c *gqltest.Client, b readmeBlock) {
	t.Run(fmt.Sprintf("README.md:%d", b.line), func(t *testing.T) {
		var vars map[string]any
		if strings.Contains(b.text, "$name") {
			vars = map[string]any{"name": "səlimli"}
		}
		res := c.Do(b.text, vars)
		if len(res.Errors) > 0 || res.Status != http.StatusOK {
			t.Fatalf("README.md:%d: %d %+v\n%s", b.line, res.Status, res.Errors, b.text)
		}
		var data map[string]json.RawMessage
		if err := json.Unmarshal(res.Data, &data); err != nil || len(data) == 0 {
			t.Fatalf("README.md:%d: data %s: %v", b.line, res.Data, err)
		}
		for field, v := range data {
			if empty(v) {
				t.Errorf("README.md:%d: %s is empty on the demo data: %s", b.line, field, v)
			}
		}
		for fragment, want := range readmeWants {
			if strings.Contains(b.text, fragment) && !strings.Contains(string(res.Data), want) {
				t.Errorf("README.md:%d: the answer lacks %s, which the README says it gives:\n%s", b.line, want, res.Data)
			}
		}
	})
}

// readmeWants: what the answer of the GraphQL block containing the key
// must contain, as the README says.
var readmeWants = map[string]string{
	"verifyQuote(":               `"verdict":"MISATTRIBUTED","similarity":0.933`,
	`query: "pecekeepers"`:       `Russian \u003cmark\u003epeacekeepers\u003c/mark\u003e`,
	`facets(size: 3)`:            `{"facet":"speaker","value":`,
	`direction: DESC}, first: 3`: `{"said":"2022-03-09"`,
	`members(at: "2021-06-01")`:  `"Tural Mammadli"},"role":"member","start":"2012","end":"2021-12"`,
}

// empty reports whether a top-level answer is null, an empty list, or a
// connection without nodes or edges.
func empty(v json.RawMessage) bool {
	var list []json.RawMessage
	if json.Unmarshal(v, &list) == nil {
		return len(list) == 0
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(v, &obj) != nil {
		return string(v) == "null"
	}
	for _, k := range []string{"nodes", "edges"} {
		if inner, ok := obj[k]; ok {
			return empty(inner)
		}
	}
	return obj == nil
}

// checkCLIReference checks that each flag the CLI reference shows for a
// command is one the command's help lists.
func checkCLIReference(t *testing.T, b readmeBlock) {
	flagRE := regexp.MustCompile(`--([a-z][a-z-]*)`)
	for line := range strings.Lines(b.text) {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "quotedb" {
			t.Errorf("README.md:%d: not a command line of the CLI reference: %q", b.line, line)
			continue
		}
		var help strings.Builder
		if err := run(context.Background(), []string{f[1], "-h"}, strings.NewReader(""), io.Discard, &help); err != nil {
			t.Errorf("README.md:%d: quotedb %s -h: %v", b.line, f[1], err)
			continue
		}
		for _, m := range flagRE.FindAllStringSubmatch(line, -1) {
			if !strings.Contains(help.String(), "\n  -"+m[1]+" ") && !strings.Contains(help.String(), "\n  -"+m[1]+"\n") {
				t.Errorf("README.md:%d: the CLI reference gives quotedb %s --%s, which its help does not list", b.line, f[1], m[1])
			}
		}
	}
}
