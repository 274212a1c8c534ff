// Package progress reports how far a long command has got: records done,
// rate, time elapsed and time left. On a terminal it draws a bar (with
// github.com/schollz/progressbar); elsewhere, as in logs, it writes a plain
// line every few seconds, so that a redirected stderr is not filled with
// redraws.
package progress

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// DefaultInterval is how often a plain line is written when stderr is not
// a terminal.
const DefaultInterval = 5 * time.Second

// redraw is how often the terminal bar is brought up to date: the counting
// itself is an atomic add, so that hot loops pay nothing for the drawing.
const redraw = 150 * time.Millisecond

// Options configure a Meter. The zero value reports.
type Options struct {
	// Quiet reports nothing.
	Quiet bool
	// Interval between plain lines; 0 or less means DefaultInterval.
	Interval time.Duration
	// Terminal forces the bar (true) or plain lines (false); nil decides
	// by whether the writer is a terminal.
	Terminal *bool
}

// Meter counts the units of work of one command and reports them. Its
// methods may be called from any goroutine; a nil Meter does nothing.
type Meter struct {
	label, unit string
	n, total    atomic.Int64
	start       time.Time
	stop        chan struct{}
	done        sync.WaitGroup
	once        sync.Once
}

// Start begins reporting on w the progress of the command named label,
// counting unit ("records", "bytes"); total is the expected count, or 0
// when unknown (no ETA then). Call Stop when the work ends.
func Start(w io.Writer, label, unit string, total int64, opt Options) *Meter {
	m := &Meter{label: label, unit: unit, start: time.Now(), stop: make(chan struct{})}
	m.total.Store(total)
	if opt.Quiet {
		return m
	}
	tty := isTerminal(w)
	if opt.Terminal != nil {
		tty = *opt.Terminal
	}
	m.done.Add(1)
	if tty {
		go m.drawBar(w)
	} else {
		every := opt.Interval
		if every <= 0 {
			every = DefaultInterval
		}
		go m.writeLines(w, every)
	}
	return m
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Add counts n more units done.
func (m *Meter) Add(n int64) {
	if m != nil {
		m.n.Add(n)
	}
}

// Set sets the units done so far.
func (m *Meter) Set(n int64) {
	if m != nil {
		m.n.Store(n)
	}
}

// SetTotal changes the expected count, for work whose size is estimated as
// it goes (records of a file read so far, by its bytes).
func (m *Meter) SetTotal(total int64) {
	if m != nil {
		m.total.Store(total)
	}
}

// Count returns the units done so far.
func (m *Meter) Count() int64 {
	if m == nil {
		return 0
	}
	return m.n.Load()
}

// Stop ends the reporting, clearing the bar; it may be called more than
// once.
func (m *Meter) Stop() {
	if m == nil {
		return
	}
	m.once.Do(func() { close(m.stop) })
	m.done.Wait()
}

// Line is the plain report of the progress so far, as written to logs:
// "import: 120000 records, 10234/s, 11.7s elapsed, ETA 8s".
func (m *Meter) Line() string {
	n, total := m.n.Load(), m.total.Load()
	elapsed := time.Since(m.start)
	rate := float64(n) / max(elapsed.Seconds(), 1e-9)
	s := fmt.Sprintf("%s: %d %s", m.label, n, m.unit)
	if total > 0 {
		s += fmt.Sprintf(" of %d (%.0f%%)", total, 100*float64(min(n, total))/float64(total))
	}
	s += fmt.Sprintf(", %.0f/s, %s elapsed", rate, elapsed.Round(100*time.Millisecond))
	if total > 0 && n > 0 && n < total {
		eta := time.Duration(float64(total-n) / rate * float64(time.Second))
		s += ", ETA " + eta.Round(time.Second).String()
	}
	return s
}

func (m *Meter) writeLines(w io.Writer, every time.Duration) {
	defer m.done.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			// A failed write to stderr has nowhere better to be reported.
			fmt.Fprintln(w, m.Line())
		}
	}
}

func (m *Meter) drawBar(w io.Writer) {
	defer m.done.Done()
	max := m.total.Load()
	if max <= 0 {
		max = -1 // a spinner: the total is unknown
	}
	bar := progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(m.label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(m.unit),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(redraw),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionFullWidth(),
	)
	t := time.NewTicker(redraw)
	defer t.Stop()
	update := func() {
		if total := m.total.Load(); total > 0 && total != bar.GetMax64() {
			bar.ChangeMax64(total)
		}
		// Errors only say the terminal went away; the work goes on.
		_ = bar.Set64(m.n.Load())
	}
	for {
		select {
		case <-m.stop:
			update()
			_ = bar.Clear() // the command's own summary follows
			return
		case <-t.C:
			update()
		}
	}
}

// TotalReader wraps r, a stream of lines of size bytes (0 when unknown),
// and sets m's total to the number of lines it holds at the mean line
// length read so far: an estimate good enough for an ETA when a record is a
// line. The count is left to the caller, who counts records done: lines
// are read ahead of them. consumed, when not nil, returns how many of the
// size bytes were read so far, for r decompressed from them; nil means r's
// own bytes.
func TotalReader(r io.Reader, m *Meter, size int64, consumed func() int64) io.Reader {
	c := &totalReader{r: r, m: m, size: size, consumed: consumed}
	if consumed == nil {
		c.consumed = func() int64 { return c.nBytes }
	}
	return c
}

type totalReader struct {
	r            io.Reader
	m            *Meter
	size, nBytes int64
	consumed     func() int64
	lines        int64
}

func (c *totalReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.nBytes += int64(n)
	c.lines += int64(bytes.Count(p[:n], []byte("\n")))
	if done := c.consumed(); c.size > 0 && done > 0 && c.lines > 0 {
		c.m.SetTotal(max(c.lines, c.lines*c.size/done))
	}
	return n, err
}

// ByteReader wraps r, counting the bytes read through it; N returns them.
type ByteReader struct {
	R io.Reader
	n atomic.Int64
}

func (c *ByteReader) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// N returns the bytes read so far.
func (c *ByteReader) N() int64 { return c.n.Load() }

// LineWriter wraps w, counting on m the lines written through it.
func LineWriter(w io.Writer, m *Meter) io.Writer { return &lineWriter{w: w, m: m} }

type lineWriter struct {
	w io.Writer
	m *Meter
}

func (c *lineWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.m.Add(int64(bytes.Count(p[:n], []byte("\n"))))
	return n, err
}

// ByteWriter wraps w, counting on m the bytes written through it.
func ByteWriter(w io.Writer, m *Meter) io.Writer { return &byteWriter{w: w, m: m} }

type byteWriter struct {
	w io.Writer
	m *Meter
}

func (c *byteWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.m.Add(int64(n))
	return n, err
}
