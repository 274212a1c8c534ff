package progress

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls until out holds a line matching re, or fails after a while.
func waitFor(t *testing.T, out *syncBuffer, re *regexp.Regexp) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !re.MatchString(out.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("no line matching %s in %q", re, out.String())
		}
		time.Sleep(time.Millisecond)
	}
}

var lineRE = regexp.MustCompile(`(?m)^import: 300 records of 1000 \(30%\), \d+/s, [0-9.]+m?s elapsed, ETA \d+\S*s$`)

func TestPlainLines(t *testing.T) {
	var out syncBuffer
	m := Start(&out, "import", "records", 1000, Options{Interval: time.Millisecond})
	m.Add(300)
	waitFor(t, &out, lineRE)
	m.Stop()
	m.Stop() // twice is fine
	n := strings.Count(out.String(), "\n")
	time.Sleep(10 * time.Millisecond)
	if strings.Count(out.String(), "\n") != n {
		t.Error("lines written after Stop")
	}
}

func TestQuiet(t *testing.T) {
	var out syncBuffer
	m := Start(&out, "import", "records", 1000, Options{Interval: time.Millisecond, Quiet: true})
	m.Add(300)
	time.Sleep(20 * time.Millisecond)
	m.Stop()
	if out.String() != "" {
		t.Errorf("quiet meter wrote %q", out.String())
	}
	if m.Count() != 300 {
		t.Errorf("quiet meter counted %d, want 300", m.Count())
	}
}

func TestBar(t *testing.T) {
	var out syncBuffer
	yes := true
	m := Start(&out, "gen", "records", 1000, Options{Terminal: &yes})
	m.Add(500)
	waitFor(t, &out, regexp.MustCompile(`gen.*500/1000`))
	m.Stop()
}

func TestUnknownTotal(t *testing.T) {
	var out syncBuffer
	m := Start(&out, "export", "records", 0, Options{Interval: time.Millisecond})
	m.Add(7)
	waitFor(t, &out, regexp.MustCompile(`(?m)^export: 7 records, \d+/s, \S+ elapsed$`))
	m.Stop()
}

// TestTotalReaderEstimates: the total is estimated from the lines and
// bytes read, and the count is left to the records done.
func TestTotalReaderEstimates(t *testing.T) {
	text := strings.Repeat("0123456789\n", 100) // 1100 bytes, 100 lines
	m := Start(io.Discard, "import", "records", 0, Options{Quiet: true})
	r := TotalReader(strings.NewReader(text), m, int64(len(text)), nil)
	buf := make([]byte, 550)
	if _, err := io.ReadFull(r, buf); err != nil {
		t.Fatal(err)
	}
	if m.Count() != 0 || m.total.Load() != 100 {
		t.Errorf("half read: count %d, total %d; want 0 (no record done) and 100 lines", m.Count(), m.total.Load())
	}
	m.Add(50)
	var w bytes.Buffer
	lw := LineWriter(&w, m)
	lw.Write([]byte("a\nb\n"))
	if m.Count() != 52 {
		t.Errorf("after writing two lines: %d, want 52", m.Count())
	}
}

func TestNilMeter(t *testing.T) {
	var m *Meter
	m.Add(1)
	m.Set(2)
	m.SetTotal(3)
	m.Stop()
	if m.Count() != 0 {
		t.Error("nil meter counted")
	}
}
