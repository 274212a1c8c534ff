package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/quotedb/quotedb/server"
	"github.com/quotedb/quotedb/store"
)

func get(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// TestSecurityHeaders checks the headers on pages, the API, assets and
// errors alike.
func TestSecurityHeaders(t *testing.T) {
	s := startSite(t)
	for _, path := range []string{"/", "/who", "/verify", "/ingest", "/graphiql", "/graphiql/assets/init.js", "/assets/style.css", "/nope", "/healthz",
		"/graphql?query=" + url.QueryEscape("{ statements { totalCount } }")} {
		res, _ := get(t, http.DefaultClient, s.URL+path)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") ||
			strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
		if h.Get("X-Frame-Options") != "DENY" || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

// TestPagesHaveNoInlineScript keeps every page within script-src 'self':
// scripts come from files, never inline or in attributes.
func TestPagesHaveNoInlineScript(t *testing.T) {
	s := startSite(t)
	inline := regexp.MustCompile(`(?i)<script(?:\s[^>]*)?>\s*[^<\s]|\son[a-z]+\s*=|javascript:|\sstyle\s*=`)
	for _, path := range []string{"/", "/?q=Ukraine", "/who?org=APFP&topic=War+in+Ukraine&from=2022-03&to=2022-03", "/verify?quote=war", "/ingest", "/graphiql", "/signin"} {
		res, body := get(t, http.DefaultClient, s.URL+path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
		if m := inline.FindString(body); m != "" {
			t.Errorf("%s: inline script or style: %q", path, m)
		}
		if !strings.Contains(res.Header.Get("Content-Type"), "charset=utf-8") {
			t.Errorf("%s: %s", path, res.Header.Get("Content-Type"))
		}
	}
}

// TestSearchByName answers the seed question from the URL alone, names
// rather than ids, and shows Azerbaijani spellings as stored.
func TestWhoByNames(t *testing.T) {
	s := startSite(t)
	res, body := get(t, http.DefaultClient, s.URL+"/who?org=APFP&topic=War+in+Ukraine&from=2022-03&to=2022-03")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%d\n%s", res.StatusCode, body)
	}
	for _, want := range []string{"Orkhan Salimli", "Farid Gasimli", "4 statements", "by 2 speakers"} {
		if !strings.Contains(body, want) {
			t.Errorf("the answer lacks %q", want)
		}
	}
	res, body = get(t, http.DefaultClient, s.URL+"/who?org=No+Such+Party")
	if res.StatusCode != http.StatusNotFound || !strings.Contains(body, "No Such Party") {
		t.Errorf("an unknown organisation: %d", res.StatusCode)
	}
	_, body = get(t, http.DefaultClient, s.URL+"/?q=Səlimli")
	if !regexp.MustCompile(`Statements by <a href="/\?speaker=[0-9a-f-]+">Orkhan Salimli</a>`).MatchString(body) {
		t.Errorf("searching by an Azerbaijani spelling does not lead to the speaker")
	}
}

func TestBadParams(t *testing.T) {
	s := startSite(t)
	for _, path := range []string{"/?from=2022-13", "/?q=" + strings.Repeat("x", 2000), "/?from=2023&to=2022", "/?kind=SUNG&q=war", "/who?from=March", "/verify?quote=war&date=yesterday"} {
		res, body := get(t, http.DefaultClient, s.URL+path)
		if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, `class="error"`) {
			t.Errorf("%.40s: %d, want 400 with a message", path, res.StatusCode)
		}
	}
	if res, _ := get(t, http.DefaultClient, s.URL+"/speakers/not-a-uuid"); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad id: %d", res.StatusCode)
	}
	if res, _ := get(t, http.DefaultClient, s.URL+"/speakers/01890a5d-ac96-774b-bcce-b302099a8057"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown speaker: %d", res.StatusCode)
	}
}

// TestExports checks that the downloads hold what the page lists, with the
// same filters: CSV by RFC 4180 in UTF-8, and JSON Lines.
func TestExports(t *testing.T) {
	s := startSite(t)
	ctx := context.Background()
	var speakerID string
	var want int
	s.Store.View(ctx, func(tx store.Tx) error {
		c, _ := tx.ListSpeakers(store.SpeakerFilter{Name: "Salimli"}, store.Page{First: 1})
		speakerID = c.Items[0].ID
		l, err := tx.ListStatements(store.StatementFilter{SpeakerIDs: []string{speakerID}}, store.Page{First: 1, Count: true})
		want = l.Total
		return err
	})
	q := "speaker=" + speakerID
	res, body := get(t, http.DefaultClient, s.URL+"/export.csv?"+q)
	if res.Header.Get("Content-Type") != "text/csv; charset=utf-8; header=present" || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("CSV headers: %v", res.Header)
	}
	if !strings.HasSuffix(body, "\r\n") || strings.Count(body, "\r\n") < want+1 {
		t.Errorf("CSV lines must end in CRLF")
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != want+1 {
		t.Fatalf("CSV has %d rows, the speaker %d statements", len(recs)-1, want)
	}
	for _, r := range recs[1:] {
		if r[3] != speakerID || r[2] != "Orkhan Salimli" {
			t.Errorf("a row of another speaker: %q", r)
		}
	}
	res, body = get(t, http.DefaultClient, s.URL+"/export.jsonl?"+q)
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "application/jsonl") {
		t.Errorf("JSON Lines type: %s", res.Header.Get("Content-Type"))
	}
	sc := bufio.NewScanner(strings.NewReader(body))
	n := 0
	for sc.Scan() {
		var e struct {
			ID      string
			Text    string
			Speaker struct{ ID, Name string }
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.Speaker.ID != speakerID || e.Text == "" {
			t.Errorf("line %d: %v %+v", n, err, e)
		}
		n++
	}
	if n != want {
		t.Errorf("JSON Lines has %d lines, want %d", n, want)
	}
	// A search's download has its hits, and the same count as its page.
	_, page := get(t, http.DefaultClient, s.URL+"/?q=Ukraine")
	_, body = get(t, http.DefaultClient, s.URL+"/export.csv?q=Ukraine")
	recs, _ = csv.NewReader(strings.NewReader(body)).ReadAll()
	if shown := strings.Count(page, `<li class="statement">`); len(recs)-1 != shown || shown == 0 {
		t.Errorf("search download has %d rows, its page %d", len(recs)-1, shown)
	}
}

// form posts a multipart form, as the ingest page does.
func form(t *testing.T, c *http.Client, u string, fields map[string]string, header http.Header) (*http.Response, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, u, &b)
	req.Header.Set("Content-Type", w.FormDataContentType())
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(body)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// TestIngestForms checks the ingest forms: the editor token, the
// anti-forgery token and origin checks, preview then store, and that a
// text changed between the two is refused.
func TestIngestForms(t *testing.T) {
	s := startSite(t)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	_, page := get(t, c, s.URL+"/ingest")
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the ingest form has no anti-forgery token")
	}
	csrfTok := m[1]
	text := "Quay notes\n\n\"The lighthouse must stay lit all winter,\" Tovin Arkwell of the Coast Guild said on Monday.\n"
	doc := map[string]string{"csrf": csrfTok, "token": s.Editor, "text": text, "date": "2024-01-08"}

	// Without the anti-forgery token, or from another site: refused.
	noCSRF := map[string]string{"token": s.Editor, "text": text}
	if res, _ := form(t, c, s.URL+"/ingest", noCSRF, nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("without the CSRF token: %d", res.StatusCode)
	}
	if res, _ := form(t, c, s.URL+"/ingest", doc, http.Header{"Sec-Fetch-Site": {"cross-site"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site: %d", res.StatusCode)
	}
	if res, _ := form(t, c, s.URL+"/ingest", doc, http.Header{"Origin": {"https://attacker.example"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("another origin: %d", res.StatusCode)
	}
	// A bad editor token.
	bad := map[string]string{"csrf": csrfTok, "token": "qdb_not-a-real-token", "text": text}
	if res, body := form(t, &http.Client{Jar: jar}, s.URL+"/ingest", bad, nil); res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `class="error"`) {
		t.Errorf("a bad token: %d", res.StatusCode)
	}
	countBefore := statementCount(t, s)
	res, body := form(t, c, s.URL+"/ingest", doc, nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Tovin Arkwell") || !strings.Contains(body, `id="confirm"`) {
		t.Fatalf("preview: %d\n%s", res.StatusCode, body)
	}
	if statementCount(t, s) != countBefore {
		t.Fatal("the preview stored something")
	}
	confirm := map[string]string{}
	for _, m := range regexp.MustCompile(`<input type="hidden" name="([^"]+)" value="([^"]*)">`).FindAllStringSubmatch(body, -1) {
		confirm[m[1]] = htmlUnescape(m[2])
	}
	// A text changed after the preview is refused.
	tampered := map[string]string{}
	for k, v := range confirm {
		tampered[k] = v
	}
	tampered["hash"] = strings.Repeat("0", 64)
	if res, _ := form(t, c, s.URL+"/ingest/confirm", tampered, nil); res.StatusCode != http.StatusConflict {
		t.Errorf("a text other than the one previewed: %d", res.StatusCode)
	}
	// The token is kept in the cookie: the confirmation needs no field.
	res, body = form(t, c, s.URL+"/ingest/confirm", confirm, nil)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Stored") {
		t.Fatalf("confirm: %d\n%s", res.StatusCode, body)
	}
	if got := statementCount(t, s); got <= countBefore {
		t.Errorf("nothing stored: %d statements before and after", got)
	}
	var src *store.Source
	s.Store.View(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListSources(store.SourceFilter{Title: "Quay notes"}, store.Page{First: 1})
		if err == nil && len(c.Items) == 1 {
			src = c.Items[0]
		}
		return err
	})
	if src == nil || src.Text != text {
		t.Errorf("the source stored is not the text previewed byte for byte: %+v", src)
	}
}

func htmlUnescape(s string) string {
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#43;", "+", "&#61;", "=")
	return r.Replace(s)
}

func statementCount(t *testing.T, s *site) int {
	t.Helper()
	var n int
	err := s.Store.View(context.Background(), func(tx store.Tx) error {
		c, err := tx.ListStatements(store.StatementFilter{}, store.Page{First: 1, Count: true})
		if err == nil {
			n = c.Total
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestEscaping shows a name with markup as text.
func TestEscaping(t *testing.T) {
	s := startSite(t)
	var id string
	err := s.Store.Update(context.Background(), func(tx store.Tx) error {
		sp := &store.Speaker{Name: `Evil <script>alert(1)</script> Name`}
		if err := tx.CreateSpeaker(sp); err != nil {
			return err
		}
		st := &store.Statement{Text: `He wrote <img src=x onerror=alert(1)> "quoted".`, Kind: store.Direct, SpeakerID: sp.ID, Status: store.Unverified}
		id = sp.ID
		return tx.CreateStatement(st)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/speakers/" + id, "/?q=onerror", "/?speaker=" + id} {
		_, body := get(t, http.DefaultClient, s.URL+path)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: markup from the data is not escaped", path)
		}
	}
}

// TestAuthReads checks that with reads behind tokens the pages ask for
// one, and that signing in with one opens them.
func TestAuthReads(t *testing.T) {
	s := startSite(t)
	srv := httptest.NewServer(server.New(server.Config{Store: s.Store, AuthReads: true}))
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	for _, path := range []string{"/", "/who", "/export.csv", "/graphiql"} {
		res, body := get(t, c, srv.URL+path)
		if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `name="token"`) {
			t.Errorf("%s without a token: %d", path, res.StatusCode)
		}
	}
	_, page := get(t, c, srv.URL+"/signin?next=/who")
	csrfTok := csrfRE.FindStringSubmatch(page)[1]
	res, _ := form(t, c, srv.URL+"/signin", map[string]string{"csrf": csrfTok, "token": "qdb_wrong", "next": "/who"}, nil)
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a wrong token: %d", res.StatusCode)
	}
	res, body := form(t, c, srv.URL+"/signin", map[string]string{"csrf": csrfTok, "token": s.Editor, "next": "/who"}, nil)
	if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/who" || !strings.Contains(body, "Signed in as desk-editor") {
		t.Errorf("after signing in: %d at %s", res.StatusCode, res.Request.URL)
	}
	if res, _ := get(t, c, srv.URL+"/export.csv"); res.StatusCode != http.StatusOK {
		t.Errorf("a download after signing in: %d", res.StatusCode)
	}
	// A bearer token works as well as the cookie.
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer "+s.Editor)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("with a bearer token: %v %v", err, res)
	} else {
		res.Body.Close()
	}
}

// TestMetricsRoutes keeps the metrics' route labels few: one per page,
// whatever the id.
func TestMetricsRoutes(t *testing.T) {
	s := startSite(t)
	for _, p := range []string{"/speakers/" + "01890a5d-ac96-774b-bcce-b302099a8057", "/speakers/01890a5d-ac96-774b-bcce-b302099a8058", "/assets/style.css", "/who"} {
		get(t, http.DefaultClient, s.URL+p)
	}
	_, body := get(t, http.DefaultClient, s.URL+"/metrics")
	for _, want := range []string{`route="/speakers/{id}",status="404"} 2`, `route="/assets/",status="200"} 1`, `route="/who",status="200"} 1`} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
