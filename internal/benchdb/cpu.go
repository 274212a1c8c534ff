package benchdb

import (
	"testing"
	"time"
)

// ReportCPU starts counting the CPU time (user and system, every thread of
// the process) that the benchmark uses; the function it returns, called after
// the loop, reports it per operation as cpu-µs/op. On a machine shared with
// other work this is steadier than ns/op, which counts waiting too. Where the
// process's CPU time cannot be read it reports nothing.
func ReportCPU(b *testing.B) func() {
	start, ok := processCPU()
	return func() {
		end, ok2 := processCPU()
		if !ok || !ok2 || b.N == 0 {
			return
		}
		b.ReportMetric(float64((end-start)/time.Nanosecond)/1000/float64(b.N), "cpu-µs/op")
	}
}
