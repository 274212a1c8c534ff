package lines

import (
	"bytes"
	"testing"
)

// TestCopyOutlivesTheSource checks that copies keep their bytes when the
// source is overwritten, that an append to one does not reach the next,
// and that a line longer than a block gets a block of its own.
func TestCopyOutlivesTheSource(t *testing.T) {
	var b Blocks
	src := []byte("first line")
	one := b.Copy(src)
	copy(src, "XXXXXXXXXX")
	two := b.Copy([]byte("second"))
	_ = append(one, '!') // must not write into two: one's capacity ends with it
	if string(one) != "first line" || string(two) != "second" {
		t.Errorf("copies %q and %q", one, two)
	}
	long := bytes.Repeat([]byte("x"), blockSize+1)
	if got := b.Copy(long); !bytes.Equal(got, long) {
		t.Errorf("a long line of %d bytes came back as %d", len(long), len(got))
	}
}
