package pg

// SetBulkRecordsMax makes loads and restores write every n records, so
// that tests cross several writes with a few records; it returns the
// function that restores the default.
func SetBulkRecordsMax(n int) (restore func()) {
	old := bulkRecordsMax
	bulkRecordsMax = n
	return func() { bulkRecordsMax = old }
}
