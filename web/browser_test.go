package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/quotedb/quotedb/auth"
	"github.com/quotedb/quotedb/demo"
	"github.com/quotedb/quotedb/search"
	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
	"github.com/quotedb/quotedb/store/bolt"
)

// site is quotedb as `serve --demo` runs it: the demo dataset in a bolt
// file, its search index, the whole handler, on a real HTTP server.
type site struct {
	URL    string
	Store  *bolt.Store
	Editor string // an editor token's secret
}

func startSite(t *testing.T) *site {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "quotedb.db")
	st, err := bolt.Open(db, &bolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := demo.Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	ix := search.Open(st, search.DirFor(db), search.Options{Log: slog.New(slog.DiscardHandler)})
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := ix.WaitCurrent(wctx); err != nil {
		t.Fatal(err)
	}
	secret, _, err := auth.Create(ctx, st, "desk-editor", store.Editor)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Store: st, Search: ix, Followers: []server.Follower{ix}}))
	t.Cleanup(func() {
		srv.Close()
		ix.Close()
		st.Close()
	})
	return &site{URL: srv.URL, Store: st, Editor: secret}
}

// chromium returns the path of Debian's Chromium, skipping the test when it
// is missing, except under CI=true, where its absence fails the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is not installed (apt-get install chromium); the browser tests must run in CI")
	}
	t.Skip("Chromium is not installed (apt-get install chromium); skipping the browser tests")
	return ""
}

// tab is a browser tab whose every request to another origin than the
// site's fails, and is recorded as a failure of the test.
type tab struct {
	ctx     context.Context
	mu      sync.Mutex
	foreign []string
	errors  []string
}

func openBrowser(t *testing.T, origin string) *tab {
	t.Helper()
	path := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-gpu", true), chromedp.Flag("lang", "en-GB"))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	tb := &tab{ctx: ctx}
	// The first Run starts the browser and must not have a deadline.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	logs := chromedp.Events(ctx, cdplog.EntryAdded)
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			u, perr := url.Parse(ev.Request.URL)
			if perr == nil && (u.Scheme+"://"+u.Host == origin || u.Scheme == "data") {
				chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			tb.mu.Lock()
			tb.foreign = append(tb.foreign, ev.Request.URL)
			tb.mu.Unlock()
			chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.errors = append(tb.errors, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
			tb.mu.Unlock()
		}
	}()
	// Errors the browser logs: Content-Security-Policy violations among
	// them. The requests this tab blocks on purpose are not the pages'.
	go func() {
		for ev, err := range logs {
			if err != nil {
				return
			}
			if e := ev.Entry; e.Level == cdplog.EntryLevelError && !strings.Contains(e.Text, "ERR_BLOCKED_BY_CLIENT") {
				tb.mu.Lock()
				tb.errors = append(tb.errors, string(e.Source)+": "+e.Text+" "+e.URL)
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, u := range tb.foreign {
			t.Errorf("a page requested another origin: %s", u)
		}
		for _, e := range tb.errors {
			t.Errorf("a page threw: %s", e)
		}
	})
	return tb
}

// do runs steps with a deadline.
func (tb *tab) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitURL waits until the tab's address contains part.
func (tb *tab) waitURL(t *testing.T, part string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === 'complete' ? location.href : ''`))
		cancel()
		if err == nil && strings.Contains(loc, part) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not reach an address with %q (at %q, %v)", part, loc, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func run[T any](t *testing.T, tb *tab, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// TestBrowser drives the pages in headless Chromium against the demo
// dataset: search narrowed by a facet, a speaker's page, the statement's
// span highlighted in its source, a verification, a CSV download, an
// ingest with an editor token, who said what, and GraphiQL rendering its
// editor with no request leaving the server's origin.
func TestBrowser(t *testing.T) {
	s := startSite(t)
	tb := openBrowser(t, s.URL)
	shots := os.Getenv("QUOTEDB_SCREENSHOTS")
	if shots != "" && !filepath.IsAbs(shots) {
		// Relative to the module's root, where the README runs the
		// command; tests run in the package's directory.
		shots = filepath.Join("..", shots)
	}
	shot := func(name string) {
		if shots == "" {
			return
		}
		png := run(t, tb, "screenshot "+name, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	t.Run("search with a facet", func(t *testing.T) {
		tb.do(t, "search", chromedp.Navigate(s.URL+"/"),
			chromedp.SendKeys(chromedp.CSS("#q"), "Ukraine"),
			chromedp.Submit(chromedp.CSS("#q")))
		// The landing page has facets too: wait for the results' page.
		tb.waitURL(t, "q=Ukraine")
		tb.do(t, "results", chromedp.WaitVisible(chromedp.CSS(".facets")))
		if got := run(t, tb, "query kept", chromedp.Value(chromedp.CSS("#q"))); got != "Ukraine" {
			t.Errorf("search box holds %q after searching", got)
		}
		all := run(t, tb, "results", chromedp.Evaluate[int](`document.querySelectorAll('.results .statement').length`))
		// The first speaker facet: its name and count.
		label := run(t, tb, "facet", chromedp.Evaluate[string](`document.querySelector('.facet a').firstChild.textContent.trim()`))
		count := run(t, tb, "facet count", chromedp.Evaluate[string](`document.querySelector('.facet a .count').textContent`))
		tb.do(t, "choose facet", chromedp.Click(chromedp.CSS(".facet a")), chromedp.WaitVisible(chromedp.CSS(".chips")))
		loc := run(t, tb, "location", chromedp.Location())
		if !strings.Contains(loc, "speaker=") || !strings.Contains(loc, "q=Ukraine") {
			t.Errorf("the narrowed search is not in its URL: %s", loc)
		}
		speakers := run(t, tb, "speakers", chromedp.Evaluate[[]string](`[...document.querySelectorAll('.results .statement .speaker')].map(e => e.textContent.trim())`))
		if len(speakers) == 0 || len(speakers) > all {
			t.Fatalf("after the facet: %d results of %d", len(speakers), all)
		}
		for _, sp := range speakers {
			if sp != label {
				t.Errorf("facet %q lists a statement of %q", label, sp)
			}
		}
		if want := strings.TrimSpace(count); want != itoa(len(speakers)) {
			t.Errorf("facet counted %s, the narrowed search lists %d", want, len(speakers))
		}
		shot("search")
	})

	t.Run("speaker page", func(t *testing.T) {
		tb.do(t, "open speaker", chromedp.Navigate(s.URL+"/?q=shelled"), chromedp.WaitVisible(chromedp.CSS(".statement a.speaker")))
		name := run(t, tb, "name", chromedp.Text(chromedp.CSS(".statement a.speaker")))
		tb.do(t, "click", chromedp.Click(chromedp.CSS(".statement a.speaker")), chromedp.WaitVisible(chromedp.CSS("#affs")))
		if h1 := run(t, tb, "h1", chromedp.Text(chromedp.CSS("h1"))); h1 != name {
			t.Errorf("speaker page title %q, want %q", h1, name)
		}
		affs := run(t, tb, "affiliations", chromedp.Evaluate[int](`document.querySelectorAll('.timeline li').length`))
		sts := run(t, tb, "statements", chromedp.Evaluate[int](`document.querySelectorAll('.statement').length`))
		if affs == 0 || sts == 0 {
			t.Errorf("speaker page shows %d affiliations and %d statements", affs, sts)
		}
		shot("speaker")
	})

	t.Run("statement span highlighted", func(t *testing.T) {
		tb.do(t, "open statement", chromedp.Navigate(s.URL+"/?q=shelled"), chromedp.Click(chromedp.CSS(".statement a.text")),
			chromedp.WaitVisible(chromedp.CSS(".document mark#span")))
		verbatim := run(t, tb, "verbatim", chromedp.Evaluate[string](`document.querySelector('blockquote.verbatim').textContent.trim()`))
		marked := run(t, tb, "mark", chromedp.Evaluate[string](`document.querySelector('.document mark#span').textContent`))
		if marked != verbatim {
			t.Errorf("the highlighted span is %q, the statement %q", marked, verbatim)
		}
		// The mark stands inside the rest of the document.
		before := run(t, tb, "before", chromedp.Evaluate[int](`document.querySelector('.document').textContent.indexOf(document.querySelector('#span').textContent)`))
		if before <= 0 {
			t.Errorf("the span is not inside its document (at %d)", before)
		}
		first := run(t, tb, "first", chromedp.Evaluate[int](`document.querySelectorAll('.appearances .first').length`))
		if first != 1 {
			t.Errorf("%d appearances marked first, want 1", first)
		}
		shot("statement")
	})

	t.Run("verify a quote", func(t *testing.T) {
		tb.do(t, "verify", chromedp.Navigate(s.URL+"/verify"),
			chromedp.SendKeys(chromedp.CSS("#quote"), "Azerbaijan cannot stay quiet while Ukrainian cities are being shelled"),
			chromedp.SendKeys(chromedp.CSS("#speaker"), "Salimli"),
			chromedp.Click(chromedp.CSS(".verify button")),
			chromedp.WaitVisible(chromedp.CSS(".verdicts")))
		badge := run(t, tb, "badge", chromedp.Text(chromedp.CSS(".verdict .badge")))
		if !strings.EqualFold(badge, "paraphrase") {
			t.Errorf("verdict %q, want paraphrase", badge)
		}
		diffs := run(t, tb, "diffs", chromedp.Evaluate[[]string](`[...document.querySelector('.verdict').querySelectorAll('mark.diff')].map(e => e.textContent)`))
		if !slices.Contains(diffs, "quiet") || !slices.Contains(diffs, "silent") {
			t.Errorf("words marked as differing: %q, want quiet and silent", diffs)
		}
		shot("verify")
	})

	t.Run("CSV download", func(t *testing.T) {
		dir := t.TempDir()
		progress := chromedp.Events(tb.ctx, browser.DownloadProgress)
		yes := true
		if _, err := chromedp.Call(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
			t.Fatal(err)
		}
		tb.do(t, "search", chromedp.Navigate(s.URL+"/?q=Ukraine"), chromedp.WaitVisible(chromedp.CSS(".downloads")))
		shown := run(t, tb, "results", chromedp.Evaluate[int](`document.querySelectorAll('.results .statement').length`))
		tb.do(t, "download", chromedp.Click(chromedp.CSS(`.results .downloads a[href^="/export.csv"]`)))
		ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
		defer cancel()
		var file string
		for ev, err := range progress {
			if err != nil {
				t.Fatalf("waiting for the download: %v", err)
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				file = filepath.Join(dir, ev.GUID)
				break
			}
			if ev.State == browser.DownloadProgressStateCanceled {
				t.Fatal("download cancelled")
			}
			if ctx.Err() != nil {
				t.Fatal("download took too long")
			}
		}
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(body, []byte("\r\n")) {
			t.Errorf("CSV lines do not end in CRLF (RFC 4180)")
		}
		recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("the download is not CSV: %v", err)
		}
		if len(recs) != shown+1 || recs[0][0] != "id" {
			t.Errorf("CSV has %d lines (header %q), the page lists %d statements", len(recs), recs[0], shown)
		}
	})

	t.Run("ingest with a token", func(t *testing.T) {
		text := "Harbour Council notes\n\nThe ferry timetable will change in spring, Mira Quellstone of the Harbour Union said on Tuesday. " +
			"\"Nobody on the islands should wait three hours for a boat,\" Quellstone said.\n"
		tb.do(t, "preview", chromedp.Navigate(s.URL+"/ingest"),
			chromedp.SendKeys(chromedp.CSS("#token"), s.Editor),
			chromedp.SetValue(chromedp.CSS("#text"), text),
			chromedp.SetValue(chromedp.CSS("#date"), "2024-04-02"),
			chromedp.Click(chromedp.CSS("#preview")),
			chromedp.WaitVisible(chromedp.CSS("#confirm")))
		preview := run(t, tb, "preview", chromedp.Text(chromedp.CSS("main")))
		if !strings.Contains(preview, "Mira Quellstone") || !strings.Contains(strings.ToLower(preview), "new") {
			t.Errorf("the preview does not show the new speaker:\n%s", preview)
		}
		shot("ingest")
		tb.do(t, "confirm", chromedp.Click(chromedp.CSS("#confirm")), chromedp.WaitVisible(chromedp.CSS(`[role="status"]`)))
		status := run(t, tb, "status", chromedp.Text(chromedp.CSS(`[role="status"]`)))
		if !strings.Contains(status, "Stored") {
			t.Errorf("after confirming: %q", status)
		}
		tb.do(t, "find it", chromedp.Navigate(s.URL+"/?q=timetable"), chromedp.WaitVisible(chromedp.CSS(".results")))
		if n := run(t, tb, "found", chromedp.Evaluate[int](`document.querySelectorAll('.results .statement').length`)); n == 0 {
			t.Error("the ingested statement is not found by search")
		}
	})

	t.Run("who said what", func(t *testing.T) {
		tb.do(t, "ask", chromedp.Navigate(s.URL+"/who"), chromedp.WaitVisible(chromedp.CSS("#org")))
		org := run(t, tb, "org option", chromedp.Evaluate[string](`[...document.querySelectorAll('#org option')].find(o => o.textContent.includes('(APFP)')).value`))
		topic := run(t, tb, "topic option", chromedp.Evaluate[string](`[...document.querySelectorAll('#topic option')].find(o => o.textContent.trim() === 'War in Ukraine').value`))
		tb.do(t, "submit", chromedp.SetValue(chromedp.CSS("#org"), org), chromedp.SetValue(chromedp.CSS("#topic"), topic),
			chromedp.SendKeys(chromedp.CSS("#from"), "2022-03"), chromedp.SendKeys(chromedp.CSS("#to"), "2022-03"),
			chromedp.Click(chromedp.CSS(".who button")), chromedp.WaitVisible(chromedp.CSS("#answer")))
		groups := run(t, tb, "groups", chromedp.Evaluate[[]string](`[...document.querySelectorAll('.group h3 a')].map(a => a.textContent)`))
		if !slices.Contains(groups, "Orkhan Salimli") || !slices.Contains(groups, "Farid Gasimli") {
			t.Errorf("APFP members on the war in Ukraine in March 2022: %q", groups)
		}
		shot("who")
		// On a phone the page fits the screen's width: no sideways scrolling.
		for _, path := range []string{"/who" + strings.TrimPrefix(run(t, tb, "location", chromedp.Location()), s.URL+"/who"), "/?q=Ukraine", "/verify?quote=war"} {
			tb.do(t, "phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)), chromedp.Navigate(s.URL+path),
				chromedp.WaitVisible(chromedp.CSS("main")))
			if over := run(t, tb, "overflow", chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`)); over > 0 {
				t.Errorf("%s is %d px wider than a phone's screen", path, over)
			}
			if path == "/?q=Ukraine" {
				shot("search-phone")
			}
		}
		tb.do(t, "desktop again", chromedp.EmulateViewport(1280, 900))
	})

	t.Run("GraphiQL offline", func(t *testing.T) {
		tb.do(t, "GraphiQL", chromedp.Navigate(s.URL+"/graphiql"),
			chromedp.WaitVisible(chromedp.CSS(".graphiql-container")),
			chromedp.WaitVisible(chromedp.CSS(".graphiql-query-editor .CodeMirror")))
		shot("graphiql")
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
