// Package lines holds what the bulk readers of line formats (JSON Lines,
// Quotebank) share.
package lines

// blockSize is the smallest block lines are copied into.
const blockSize = 256 << 10

// Blocks copies lines into shared blocks, so that a batch of lines read
// from a bufio.Scanner (whose buffer the next Scan reuses) costs an
// allocation per block rather than one per line. The zero value is ready.
type Blocks struct {
	buf []byte
}

// Copy returns a copy of l that stays valid after the next Scan; its
// capacity ends with it, so an append to it cannot run into the next line.
func (b *Blocks) Copy(l []byte) []byte {
	if cap(b.buf)-len(b.buf) < len(l) {
		b.buf = make([]byte, 0, max(blockSize, len(l)))
	}
	at := len(b.buf)
	b.buf = append(b.buf, l...)
	return b.buf[at:len(b.buf):len(b.buf)]
}
