package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target serve and reindex run with
// unless GOGC says otherwise.
//
// The heap of a server is small: the database and the search index are
// memory-mapped files, outside it. At Go's default of 100, a heap of a few
// megabytes is collected after every few megabytes of garbage, which is
// every few searches, and each collection takes one of the cores a search
// runs on (with two cores, search p99 at 1M statements goes from 18 to
// 22 ms). A rebuild of the search index makes garbage fast, and spends a
// fifth of its time collecting it at 100 (1M statements: 22,000 → 28,000
// a second at 400). At 400 the heap grows to five times what is live
// rather than twice: tens of megabytes for a server, a few gigabytes
// during a rebuild of 1M statements.
const gcPercent = 400

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
