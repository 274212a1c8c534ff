package benchdb

import (
	"slices"
	"testing"
	"time"
)

// ReportLatencies runs op b.N times, the i-th time with i, timing each run,
// and reports the 50th and 99th percentiles of the times (p50-ms, p99-ms):
// the figures the latency targets over these databases speak of.
func ReportLatencies(b *testing.B, op func(i int) error) {
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
