package bolt

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPendingWritesSorted checks the order of held-back writes against a
// plain stable sort by key, with keys that share the bytes a sort handle
// holds or are shorter, repeated keys and more writes than a chunk holds;
// with values and deletes, and with keys alone (which the handles hold).
func TestPendingWritesSorted(t *testing.T) {
	// The larger number is sorted by radixSort's distribution first.
	for _, n := range []int{3*opChunk + 17, radixMin + 17} {
		for _, keysOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d %s", n, map[bool]string{false: "writes", true: "keys"}[keysOnly]), func(t *testing.T) {
				testPendingWritesSorted(t, keysOnly, n)
			})
		}
	}
}

func testPendingWritesSorted(t *testing.T, keysOnly bool, n int) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{0, 1, 'a', 'b', 0xff}
	var p pendingWrites
	var want []bulkOp
	for i := range n {
		key := make([]byte, r.IntN(12)+1)
		for j := range key {
			key[j] = alphabet[r.IntN(len(alphabet))]
		}
		switch i % 4 { // prefixes as long as, or longer than, the sort's handles hold
		case 1:
			key = append([]byte("sixteen bytes ..."), key...)
		case 2:
			key = append([]byte("thirty-two bytes and then some ..."), key...)
		case 3:
			key = append([]byte("sixteen bytes ..\x00"), key...)
		}
		op := bulkOp{key: key, val: []byte{byte(i)}, del: i%7 == 0}
		if keysOnly {
			key = key[:min(len(key), handleBytes-r.IntN(2))]
			op = bulkOp{key: key}
		}
		p.add(op)
		op.seq = i
		want = append(want, op)
	}
	slices.SortStableFunc(want, func(x, y bulkOp) int { return bytes.Compare(x.key, y.key) })
	p.sort()
	got := slices.Collect(p.ops())
	if p.long == keysOnly {
		t.Errorf("long = %v with keysOnly %v", p.long, keysOnly)
	}
	if len(got) != len(want) {
		t.Fatalf("%d writes, want %d", len(got), len(want))
	}
	for i := range got {
		if !bytes.Equal(got[i].key, want[i].key) || got[i].seq != want[i].seq ||
			!bytes.Equal(got[i].val, want[i].val) || got[i].del != want[i].del {
			t.Fatalf("write %d: key %q seq %d, want key %q seq %d", i, got[i].key, got[i].seq, want[i].key, want[i].seq)
		}
	}
}
