package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"iter"
	"os"
	"slices"
)

// A page file is a new bbolt database file written page by page from
// sorted keys, without bbolt.
//
// Why this exists: bbolt builds its B+trees only through Bucket.Put. For a
// bulk load of a million statements, some twenty million keys, Put costs
// more than everything else the load does: each call seeks from the root,
// copies key and value into an in-memory node, and at commit every node
// is split and copied once more into pages. A new database has nothing to
// merge with, so its trees can be written straight from each bucket's
// keys in order: leaves packed full, branch levels over them, the buckets
// in the root, an empty freelist and the two meta pages, in bbolt's file
// format (version 2, the layout of go.etcd.io/bbolt/internal/common). The
// files it writes pass bbolt's Tx.Check and Store.Check (tests check
// both), and bbolt reads and writes them afterwards like any other.
//
// Nothing else in quotedb writes pages; keep it that way, and keep this
// file small.

const (
	pfPageSize   = 4096
	pfHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	pfElemSize   = 16 // leaf: flags, pos, ksize, vsize (u32); branch: pos, ksize (u32), pgid (u64)

	pfBranch   = 0x01
	pfLeaf     = 0x02
	pfMeta     = 0x04
	pfFreelist = 0x10

	pfBucketLeaf = 0x01 // a leaf element that is a bucket

	pfMagic   = 0xED0CDAED
	pfVersion = 2

	pfMaxKey = 32768 // bbolt's MaxKeySize
)

var ne = binary.NativeEndian // bbolt maps its structs onto the file

// pfKV is one element of a page.
type pfKV struct {
	key, val []byte
	flags    uint32
	pgid     uint64 // of the child, in branch pages
}

// pageWriter writes a database file: the buckets' pages in pgid order
// after three pages left for the meta pages and the freelist, which
// finish writes last.
type pageWriter struct {
	f    *os.File
	w    *fileQueue
	next uint64 // the next page's id
	buf  []byte
	root []pfKV // the buckets written
}

// newPageWriter starts writing a database file to f. Call close when
// done with it, whether finished or not.
func newPageWriter(f *os.File) (*pageWriter, error) {
	pw := &pageWriter{f: f, w: newFileQueue(f), next: 3}
	_, err := pw.w.Write(make([]byte, 3*pfPageSize))
	return pw, err
}

// close stops the pageWriter's writing, returning its first error.
func (pw *pageWriter) close() error { return pw.w.close() }

// bucket writes a top-level bucket holding kvs, sorted by key and
// unique, with sequence seq.
func (pw *pageWriter) bucket(name []byte, seq uint64, kvs iter.Seq2[[]byte, []byte]) error {
	up, err := pw.leaves(kvs)
	if err != nil {
		return fmt.Errorf("bucket %s: %w", name, err)
	}
	if len(up) == 0 {
		// An empty bucket is inline, as bbolt creates it: its header
		// followed by an empty leaf page.
		v := make([]byte, 16+pfHeaderSize)
		ne.PutUint64(v[8:], seq)
		ne.PutUint16(v[16+8:], pfLeaf)
		pw.root = append(pw.root, pfKV{key: name, val: v, flags: pfBucketLeaf})
		return nil
	}
	pg := up[0].pgid // a single leaf is the root
	if len(up) > 1 {
		if pg, err = pw.tree(up, false); err != nil {
			return fmt.Errorf("bucket %s: %w", name, err)
		}
	}
	v := make([]byte, 16)
	ne.PutUint64(v, pg)
	ne.PutUint64(v[8:], seq)
	pw.root = append(pw.root, pfKV{key: name, val: v, flags: pfBucketLeaf})
	return nil
}

// leaves writes kvs, sorted by key and unique, as leaf pages filled as
// they come, and returns the first key and the id of each page. kvs is
// not gathered first: a bucket's keys are as large as its pages.
func (pw *pageWriter) leaves(kvs iter.Seq2[[]byte, []byte]) ([]pfKV, error) {
	var up, page []pfKV
	size := pfHeaderSize
	flush := func() error {
		pg, err := pw.page(page, true)
		// The key may be in a block of keys that would stay otherwise.
		up = append(up, pfKV{key: bytes.Clone(page[0].key), pgid: pg})
		page, size = page[:0], pfHeaderSize
		return err
	}
	for k, v := range kvs {
		n := pfElemSize + len(k) + len(v)
		if len(page) > 0 && (size+n > pfPageSize || len(page) == 0xFFFF) {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		page = append(page, pfKV{key: k, val: v})
		size += n
	}
	if len(page) > 0 {
		return up, flush()
	}
	return up, nil
}

// finish writes the root bucket, the freelist (empty) and the meta pages.
func (pw *pageWriter) finish() error {
	slices.SortFunc(pw.root, func(a, b pfKV) int { return bytes.Compare(a.key, b.key) })
	rootPg, err := pw.tree(pw.root, true)
	if err != nil {
		return err
	}
	if err := pw.close(); err != nil {
		return err
	}
	head := make([]byte, 3*pfPageSize)
	for id := range uint64(2) {
		p := head[id*pfPageSize:]
		ne.PutUint64(p, id)
		ne.PutUint16(p[8:], pfMeta)
		m := p[pfHeaderSize:]
		ne.PutUint32(m[0:], pfMagic)
		ne.PutUint32(m[4:], pfVersion)
		ne.PutUint32(m[8:], pfPageSize)
		ne.PutUint64(m[16:], rootPg)
		ne.PutUint64(m[32:], 2)       // freelist page
		ne.PutUint64(m[40:], pw.next) // high-water mark
		ne.PutUint64(m[48:], id)      // txid: a meta page's id is txid % 2
		h := fnv.New64a()
		h.Write(m[:56]) // the meta up to its checksum
		ne.PutUint64(m[56:], h.Sum64())
	}
	fl := head[2*pfPageSize:]
	ne.PutUint64(fl, 2)
	ne.PutUint16(fl[8:], pfFreelist)
	_, err = pw.f.WriteAt(head, 0)
	return err
}

// tree writes the B+tree over kvs, sorted by key and unique: leaf
// elements, or the first keys and ids of the pages of the level below,
// and returns its root page.
func (pw *pageWriter) tree(kvs []pfKV, leaf bool) (uint64, error) {
	for {
		var up []pfKV
		for len(kvs) > 0 {
			n := pageFits(kvs, leaf)
			pg, err := pw.page(kvs[:n], leaf)
			if err != nil {
				return 0, err
			}
			up = append(up, pfKV{key: kvs[0].key, pgid: pg})
			kvs = kvs[n:]
		}
		if len(up) == 1 {
			return up[0].pgid, nil
		}
		kvs, leaf = up, false
	}
}

// pageFits returns how many of kvs (at least one) go on the next page:
// as many as fill it.
func pageFits(kvs []pfKV, leaf bool) int {
	size := pfHeaderSize
	for i, kv := range kvs {
		size += pfElemSize + len(kv.key)
		if leaf {
			size += len(kv.val)
		}
		if size > pfPageSize || i == 0xFFFF {
			return max(i, 1)
		}
	}
	return len(kvs)
}

// page writes kvs as one page (with overflow pages when one element is
// larger than a page) and returns its id.
func (pw *pageWriter) page(kvs []pfKV, leaf bool) (uint64, error) {
	size := pfHeaderSize + pfElemSize*len(kvs)
	for _, kv := range kvs {
		if len(kv.key) == 0 || len(kv.key) > pfMaxKey {
			return 0, fmt.Errorf("key of %d bytes", len(kv.key))
		}
		size += len(kv.key)
		if leaf {
			size += len(kv.val)
		}
	}
	pages := (size + pfPageSize - 1) / pfPageSize
	if cap(pw.buf) < pages*pfPageSize {
		pw.buf = make([]byte, pages*pfPageSize)
	}
	p := pw.buf[:pages*pfPageSize]
	id := pw.next
	pw.next += uint64(pages)
	flags := uint16(pfBranch)
	if leaf {
		flags = pfLeaf
	}
	ne.PutUint64(p, id)
	ne.PutUint16(p[8:], flags)
	ne.PutUint16(p[10:], uint16(len(kvs)))
	ne.PutUint32(p[12:], uint32(pages-1))
	off := pfHeaderSize + pfElemSize*len(kvs)
	for i, kv := range kvs {
		e := p[pfHeaderSize+pfElemSize*i:]
		pos := uint32(off - (pfHeaderSize + pfElemSize*i)) // from the element
		if leaf {
			ne.PutUint32(e, kv.flags)
			ne.PutUint32(e[4:], pos)
			ne.PutUint32(e[8:], uint32(len(kv.key)))
			ne.PutUint32(e[12:], uint32(len(kv.val)))
			off += copy(p[off:], kv.key)
			off += copy(p[off:], kv.val)
		} else {
			ne.PutUint32(e, pos)
			ne.PutUint32(e[4:], uint32(len(kv.key)))
			ne.PutUint64(e[8:], kv.pgid)
			off += copy(p[off:], kv.key)
		}
	}
	clear(p[off:]) // the rest of the buffer holds the previous page
	_, err := pw.w.Write(p)
	return id, err
}
