package main

import (
	"flag"
	"io"
	"time"

	"github.com/quotedb/quotedb/internal/progress"
)

// progressOpts are the flags that shape a long command's progress report.
type progressOpts struct {
	quiet *bool
	every *time.Duration
}

// progressFlags adds --quiet and --progress-every to fs.
func progressFlags(fs *flag.FlagSet) progressOpts {
	return progressOpts{
		quiet: fs.Bool("quiet", false, "report no progress on stderr"),
		every: fs.Duration("progress-every", progress.DefaultInterval, "when stderr is not a terminal, write a progress line this often"),
	}
}

// start begins the progress report of label on stderr: a bar on a
// terminal, a plain line every --progress-every otherwise.
func (p progressOpts) start(stderr io.Writer, label, unit string, total int64) *progress.Meter {
	return progress.Start(stderr, label, unit, total, progress.Options{Quiet: *p.quiet, Interval: *p.every})
}
