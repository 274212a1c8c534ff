package server_test

import (
	"testing"

	"github.com/quotedb/quotedb/internal/backendtest"
)

// onPostgres are the tests that run on PostgreSQL as well, under
// TestPostgres: every test of the GraphQL API that opens a store, but those
// in bboltOnly.
var onPostgres = []func(*testing.T){
	TestAdminExportStreamsWhatExportWrites,
	TestAdminManagesTokensThroughTheAPI,
	TestAdminRoutesSayAnAdminTokenIsNeeded,
	TestAppearancesAndRelated,
	TestAuthReads,
	TestAutomaticPersistedQueries,
	TestBadInput,
	TestCORS,
	TestClaimReviewJSONLD,
	TestClaimReviewMutations,
	TestConcurrentReadersAndWriters,
	TestDefaultLimitsAdmitIntrospection,
	TestGraphQLOverHTTP,
	TestHTTP,
	TestHistoryShowsWhoChangedAnAttribution,
	TestAnonymousBodyLimit,
	TestHostileRequests,
	TestIngestDocument,
	TestLimits,
	TestListsAndRemainingMutations,
	TestLoadersBatchReads,
	TestMerge,
	TestMutations,
	TestMutationsNeedATokenOfTheirRole,
	TestNameLookup,
	TestNestedLists,
	TestNode,
	TestOrderBy,
	TestPagination,
	TestPanicIsInternalError,
	TestQueryTokenLimit,
	TestRequestLog,
	TestRequestTimeLimit,
	TestSearchStatementsOverHTTP,
	TestSearchUnavailableWithoutIndex,
	TestSeedDigestHeadlineQuery,
	TestSeedDigestIntoDemo,
	TestSlowSubscriberIsDropped,
	TestStatementFilters,
	TestStatementsByDatePublished,
	TestWikidataIdCandidates,
	TestStatementJSONLD,
	TestSubscriptionBadInput,
	TestSubscriptionChangesAndReviews,
	TestSubscriptions,
	TestTrustedDocuments,
	TestVerifyQuoteOverHTTP,
	TestWhoHeldARoleOnADate,
	TestWhoSaidWhatOnATopicInAMonth,
	TestWikidataIDs,
}

// bboltOnly are the tests that open a store but run on bbolt alone, and why.
var bboltOnly = map[string]string{
	"TestAdminBackup":       "GET /admin/backup serves a copy of the bbolt file; PostgreSQL is backed up with its own tools",
	"TestMetrics":           "checks the file's size and bbolt's free pages against the metrics",
	"TestSchemaIsDescribed": "reads the schema, which is the same over every backend",
}

// TestPostgres runs the tests in onPostgres on PostgreSQL, each in a schema
// of its own on the server QUOTEDB_TEST_POSTGRES names.
func TestPostgres(t *testing.T) {
	backendtest.Run(t, onPostgres...)
}

// TestPostgresListsAreComplete: a new test that opens a store is either run
// on PostgreSQL or says why not.
func TestPostgresListsAreComplete(t *testing.T) {
	backendtest.Listed(t, onPostgres, bboltOnly)
}
