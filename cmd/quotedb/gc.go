package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target serve and reindex run with
// unless GOGC says otherwise.
//
// A rebuild of the search index makes garbage fast and, at Go's default of
// 100, spends a fifth of its time collecting it (1M statements: 22,000 a
// second at 100, 24,000 at 400); serve rebuilds the index when it is
// missing or behind. The heap of a server is otherwise small, the database
// and the index being memory-mapped files outside it, so that at 100 it is
// collected after every few megabytes of garbage. At 400 the heap grows to
// five times what is live rather than twice: tens of megabytes for a
// server, a few gigabytes during a rebuild of 1M statements.
const gcPercent = 400

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
