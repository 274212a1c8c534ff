package bolt

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestLatestWriteSeqs: latestWrite finds the last write of each 8-byte
// key as a plain map does, with keys in the ascending run the change log
// writes, rewritten, before it, past its end and in gaps.
func TestLatestWriteSeqs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var l latestWrite
	want := map[uint64]int{}
	next := uint64(1000)
	for i := range 20000 {
		var k uint64
		switch n := r.IntN(10); {
		case n < 6:
			k, next = next, next+1 // the run
		case n < 8:
			k = 1000 + r.Uint64N(next-1000+1) // written, or the next one
		case n < 9:
			k = r.Uint64N(1000) // before the run
		default:
			k = next + 1 + r.Uint64N(50) // past its end
		}
		l.set(binary.BigEndian.AppendUint64(nil, k), i)
		want[k] = i
	}
	if len(l.run) == 0 {
		t.Fatal("no run")
	}
	for k := range next + 60 {
		got, ok := l.get(binary.BigEndian.AppendUint64(nil, k))
		if w, wok := want[k]; ok != wok || got != w {
			t.Fatalf("key %d: %d %v, want %d %v", k, got, ok, w, wok)
		}
	}
}
