package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quotedb/quotedb/ingest"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// childArgsEnv, when set in the environment of this test binary, makes it
// run the quotedb command line it holds (as JSON) instead of the tests:
// the crash tests start it as a subprocess to kill.
const childArgsEnv = "QUOTEDB_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	// Called by the name quotedb (through a link, as TestReadmeExamples
	// does), this binary is the command itself.
	if filepath.Base(os.Args[0]) == "quotedb" {
		main()
		os.Exit(0)
	}
	if args := os.Getenv(childArgsEnv); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := run(context.Background(), argv, os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "quotedb:", errorText(err))
			os.Exit(exitCode(err))
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// child starts this test binary as `quotedb args...` and returns it with a
// reader of its stdout.
func child(t *testing.T, args ...string) (*exec.Cmd, io.Reader) {
	t.Helper()
	argv, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgsEnv+"="+string(argv))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stdout
}

// crashSeed returns the seed of a crash test's random kill times: from
// QUOTEDB_CRASH_SEED to replay a failure, otherwise new, and logged.
func crashSeed(t *testing.T) uint64 {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("QUOTEDB_CRASH_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("QUOTEDB_CRASH_SEED: %v", err)
		}
	}
	t.Logf("seed %d (replay with QUOTEDB_CRASH_SEED=%d)", seed, seed)
	return seed
}

var (
	firstNames = []string{"Amina", "Rustam", "Leyla", "Farid", "Nigar", "Orkhan", "Sabina", "Tural", "Gunel", "Elvin", "Aysel", "Kamran"}
	lastNames  = []string{"Aliyeva", "Mammadov", "Huseynova", "Guliyev", "Hasanova", "Ismayilov", "Rzayeva", "Jafarov", "Karimova", "Abbasov", "Safarova", "Nabiyev"}
	parties    = []string{"Civic Renewal Party", "Green Future Party", "National Unity Party"}
)

// crashDocument is the text of a document with two speakers and three
// statements; n makes its text, and so its source, unique.
func crashDocument(n int) string {
	a := firstNames[n%12] + " " + lastNames[(n/12)%12]
	b := firstNames[(n+5)%12] + " " + lastNames[(n/12+7)%12]
	last := strings.Fields(a)[1]
	return fmt.Sprintf(`Council bulletin number %d

%s, a member of the %s, said the budget would not improve schools. "We will vote against it," %s said.

"The plan is sound and the numbers add up," said %s, the finance minister.

March %d, 2022
`, n, a, parties[n%3], last, b, 1+n%28)
}

var ackedRE = regexp.MustCompile(`^(.*): source (\S+) with (\d+) statements`)

// TestIngestSurvivesSIGKILL runs `quotedb ingest` over fresh documents in a
// subprocess and kills it with SIGKILL at random moments, many times. After
// each kill it reopens the database and verifies that every document the
// subprocess reported stored is there with all its statements, that no
// source is stored without all of its statements, and that the indexes and
// change log agree with the records (Check).
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills subprocesses; skipped in -short")
	}
	const kills, docsPerRun = 25, 8
	rng := rand.New(rand.NewPCG(crashSeed(t), 0))
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	ctx := context.Background()

	type ack struct {
		file, source string
		statements   int
	}
	var acked []ack
	var interrupted int
	yields := map[string]int{}
	for run := range kills {
		var files []string
		for i := range docsPerRun {
			path := filepath.Join(dir, fmt.Sprintf("doc-%d-%d.txt", run, i))
			if err := os.WriteFile(path, []byte(crashDocument(run*docsPerRun+i)), 0o600); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
		cmd, stdout := child(t, append([]string{"ingest", "--db", db}, files...)...)
		// Kill after a random number of acknowledged documents, plus a
		// random delay, so that kills land before, during and after
		// commits.
		killAfter := rng.IntN(docsPerRun)
		delay := time.Duration(rng.IntN(4000)) * time.Microsecond
		lines := bufio.NewScanner(stdout)
		seen := 0
		killed := false
		for lines.Scan() {
			if m := ackedRE.FindStringSubmatch(lines.Text()); m != nil {
				n, _ := strconv.Atoi(m[3])
				acked = append(acked, ack{m[1], m[2], n})
			}
			seen++
			if seen > killAfter && !killed {
				time.Sleep(delay)
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
		if !killed {
			// Killed before its first line, or it finished: kill to be sure.
			cmd.Process.Signal(syscall.SIGKILL)
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			interrupted++
		} else if err != nil {
			t.Fatalf("run %d: ingest failed without being killed: %v", run, err)
		}
		verifyAfterCrash(t, ctx, db, run, yields, func(tx store.Tx) {
			for _, a := range acked {
				src, err := tx.Source(a.source)
				if err != nil {
					t.Fatalf("run %d: acknowledged source %s of %s is gone: %v", run, a.source, a.file, err)
				}
				if n := statementsOf(t, tx, src.ID); n != a.statements {
					t.Fatalf("run %d: acknowledged source %s has %d statements, was stored with %d", run, a.source, n, a.statements)
				}
			}
		})
	}
	if len(acked) == 0 || interrupted < kills/2 {
		t.Fatalf("the kills did not test much: %d documents acknowledged, %d of %d runs killed mid-way", len(acked), interrupted, kills)
	}
	t.Logf("%d runs, %d killed mid-way, %d documents acknowledged", kills, interrupted, len(acked))
}

// verifyAfterCrash reopens the database after a kill and verifies it:
// Check passes, every source has exactly the statements its text yields
// (none half-stored), and then whatever else verify checks.
//
// yields caches the number of statements each source's text yields.
func verifyAfterCrash(t *testing.T, ctx context.Context, db string, run int, yields map[string]int, verify func(store.Tx)) {
	t.Helper()
	if _, err := os.Stat(db); os.IsNotExist(err) {
		return // killed before it created the file
	}
	s, err := bolt.Open(db, nil)
	if err != nil {
		t.Fatalf("run %d: reopening after the kill: %v", run, err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("run %d: database inconsistent after the kill: %v", run, err)
	}
	scratch, err := bolt.Open(filepath.Join(t.TempDir(), "scratch.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Close()
	err = s.View(ctx, func(tx store.Tx) error {
		p := store.Page{First: store.MaxPageSize}
		for {
			c, err := tx.ListSources(store.SourceFilter{}, p)
			if err != nil {
				return err
			}
			for _, src := range c.Items {
				want, ok := yields[src.ID]
				if !ok {
					plan, err := ingest.Prepare(ctx, scratch, ingest.Document{Text: src.Text, Title: src.Title})
					if err != nil {
						return err
					}
					want = len(plan.Statements)
					yields[src.ID] = want
				}
				if want == 0 {
					t.Fatalf("source %q yields no statements: the crash test's documents must have some to test that none is half stored", src.Title)
				}
				if n := statementsOf(t, tx, src.ID); n != want {
					t.Fatalf("run %d: source %q has %d statements, its text yields %d: half stored", run, src.Title, n, want)
				}
			}
			if !c.HasNext {
				break
			}
			p.After = c.Cursors[len(c.Cursors)-1]
		}
		verify(tx)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func statementsOf(t *testing.T, tx store.Tx, sourceID string) int {
	t.Helper()
	c, err := tx.ListStatements(store.StatementFilter{SourceIDs: []string{sourceID}}, store.Page{First: 1, Count: true})
	if err != nil {
		t.Fatal(err)
	}
	return c.Total
}

// TestImportSurvivesSIGKILL kills `quotedb import` of a large dump at
// random moments, each time into a new database: after the kill the
// database holds all of the dump or none of it, all of it when the
// subprocess reported success, and passes Check.
func TestImportSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills subprocesses; skipped in -short")
	}
	const kills, speakers = 8, 1000
	rng := rand.New(rand.NewPCG(crashSeed(t), 1))
	dir := t.TempDir()
	ctx := context.Background()

	src, err := bolt.Open(filepath.Join(dir, "src.db"), &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	err = src.Update(ctx, func(tx store.Tx) error {
		for i := range speakers {
			sp := &store.Speaker{Name: fmt.Sprintf("%s %s %d", firstNames[i%12], lastNames[i/12%12], i), Description: strings.Repeat("notes ", 20)}
			if err := tx.CreateSpeaker(sp); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	src.Close()
	dumpPath := filepath.Join(dir, "dump.jsonl")
	mustRun(t, "", "export", "--db", filepath.Join(dir, "src.db"), "--out", dumpPath)

	// A first, uninterrupted import tells how long one takes, so that the
	// kills land over the whole of it.
	start := time.Now()
	cmd, stdout := child(t, "import", "--db", filepath.Join(dir, "timing.db"), dumpPath)
	io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("import: %v", err)
	}
	took := time.Since(start)

	var all, none, killed int
	for run := range kills {
		db := filepath.Join(dir, fmt.Sprintf("import-%d.db", run))
		cmd, stdout := child(t, "import", "--db", db, dumpPath)
		delay := time.Duration(rng.Int64N(int64(took) * 3 / 2))
		timer := time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
		out, _ := io.ReadAll(stdout)
		err := cmd.Wait()
		timer.Stop()
		acknowledged := strings.Contains(string(out), fmt.Sprintf("read %d records", speakers))
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		} else if err != nil {
			t.Fatalf("run %d: import failed without being killed: %v", run, err)
		}
		var n int
		verifyAfterCrash(t, ctx, db, run, map[string]int{}, func(tx store.Tx) {
			c, err := tx.ListSpeakers(store.SpeakerFilter{}, store.Page{First: 1, Count: true})
			if err != nil {
				t.Fatal(err)
			}
			n = c.Total
		})
		switch {
		case n != 0 && n != speakers:
			t.Fatalf("run %d (killed after %v): %d of %d records imported", run, delay, n, speakers)
		case acknowledged && n != speakers:
			t.Fatalf("run %d: import reported success but %d records are there", run, n)
		case n == speakers:
			all++
		default:
			none++
		}
	}
	t.Logf("one import takes %v; %d kills: %d left all, %d left none", took, killed, all, none)
}
