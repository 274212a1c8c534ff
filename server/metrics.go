package server

import (
	"bufio"
	"cmp"
	"context"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/quotedb/quotedb/graph"
	"github.com/quotedb/quotedb/store"
)

// maxOperationNames bounds the distinct operation names metrics keep apart:
// names are chosen by clients, and each one is a time series. Names past
// the bound are counted as "other".
const maxOperationNames = 200

// metrics are the server's Prometheus metrics, in a registry of their own.
type metrics struct {
	reg      *prometheus.Registry
	latency  *prometheus.HistogramVec
	errors   *prometheus.CounterVec
	requests *prometheus.CounterVec

	mu    sync.Mutex
	names map[string]bool
}

func newMetrics(stats func() (store.Stats, error), followers []Follower) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "quotedb_graphql_request_duration_seconds",
			Help:    "Time to answer a GraphQL request, by operation name and type.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12), // 0.5ms to ~12s
		}, []string{"operation", "type"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "quotedb_graphql_errors_total",
			Help: "GraphQL errors returned, by operation name and extensions.code.",
		}, []string{"operation", "code"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "quotedb_http_requests_total",
			Help: "HTTP requests answered, by route and status code.",
		}, []string{"route", "status"}),
		names: map[string]bool{},
	}
	m.reg.MustRegister(m.latency, m.errors, m.requests,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if stats != nil {
		m.reg.MustRegister(&storeCollector{stats: stats, followers: followers})
	}
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// observe records a GraphQL response; graph.NewHandler calls it.
func (m *metrics) observe(r *http.Request, info graph.ResponseInfo) {
	op := m.operationLabel(info)
	m.latency.WithLabelValues(op, cmp.Or(info.OperationType, "none")).Observe(info.Duration.Seconds())
	for _, code := range info.ErrorCodes {
		m.errors.WithLabelValues(op, cmp.Or(code, "NONE")).Inc()
	}
	if rec, ok := r.Context().Value(recordKey{}).(*requestRecord); ok {
		rec.operation, rec.errors = op, len(info.ErrorCodes)
	}
}

// operationLabel names the operation of a response for metrics: its name,
// "anonymous", "invalid" for requests refused before their operation was
// known, or "other" past maxOperationNames names.
func (m *metrics) operationLabel(info graph.ResponseInfo) string {
	switch {
	case info.OperationType == "":
		return "invalid"
	case info.OperationName == "":
		return "anonymous"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[info.OperationName] {
		if len(m.names) >= maxOperationNames {
			return "other"
		}
		m.names[info.OperationName] = true
	}
	return info.OperationName
}

// recordKey keys the requestRecord of a request in its context.
type recordKey struct{}

// requestRecord collects what the request log says of a request.
type requestRecord struct {
	status    int
	bytes     int64
	operation string
	errors    int
}

// recorder captures the status and size of a response.
type recorder struct {
	http.ResponseWriter
	rec *requestRecord
}

func (w *recorder) WriteHeader(status int) {
	if w.rec.status == 0 {
		w.rec.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.rec.status == 0 {
		w.rec.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.rec.bytes += int64(n)
	return n, err
}

func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush and Hijack pass through, for the streams of subscriptions
// (Server-Sent Events and WebSocket), whose transports look for them on the
// writer itself.
func (w *recorder) Flush() {
	if w.rec.status == 0 {
		w.rec.status = http.StatusOK
	}
	// A writer that cannot flush leaves the stream to be sent when the
	// handler returns; there is nothing better to do.
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if w.rec.status == 0 {
		w.rec.status = http.StatusSwitchingProtocols
	}
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// instrument logs a line per request and counts requests by route and
// status.
func (m *metrics) instrument(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &requestRecord{}
		r = r.WithContext(context.WithValue(r.Context(), recordKey{}, rec))
		next.ServeHTTP(&recorder{ResponseWriter: w, rec: rec}, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		route := r.URL.Path
		switch {
		case route == "/", route == "/graphql", route == "/graphiql", route == "/healthz", route == "/readyz", route == "/metrics",
			route == "/who", route == "/verify", route == "/ingest", route == "/ingest/confirm", route == "/export.csv", route == "/export.jsonl",
			route == "/claimreviews.jsonld":
		case strings.HasPrefix(route, "/claimreviews/"):
			route = "/claimreviews/{id}.jsonld"
		case strings.HasPrefix(route, "/statements/") && strings.HasSuffix(route, ".jsonld"):
			route = "/statements/{id}.jsonld" // one label for every id
		default:
			route = pageRoute(route)
		}
		m.requests.WithLabelValues(route, strconv.Itoa(rec.status)).Inc()
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		}
		if rec.operation != "" {
			attrs = append(attrs, slog.String("operation", rec.operation), slog.Int("errors", rec.errors))
		}
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		log.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// storeCollector reports the database's size, the change-log position and
// each follower's lag behind it, read at each scrape.
type storeCollector struct {
	stats     func() (store.Stats, error)
	followers []Follower
}

var (
	sizeDesc     = prometheus.NewDesc("quotedb_store_size_bytes", "Size of the database file.", nil, nil)
	usedDesc     = prometheus.NewDesc("quotedb_store_used_bytes", "Bytes of the database file up to its last page in use; the rest is room to grow.", nil, nil)
	positionDesc = prometheus.NewDesc("quotedb_changelog_position", "Seq of the last committed change.", nil, nil)
	lagDesc      = prometheus.NewDesc("quotedb_index_lag", "Changes committed that a follower of the change log has not applied yet.", []string{"follower"}, nil)
)

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- sizeDesc
	ch <- usedDesc
	ch <- positionDesc
	ch <- lagDesc
}

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	st, err := c.stats()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(sizeDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(sizeDesc, prometheus.GaugeValue, float64(st.SizeBytes))
	ch <- prometheus.MustNewConstMetric(usedDesc, prometheus.GaugeValue, float64(st.UsedBytes))
	ch <- prometheus.MustNewConstMetric(positionDesc, prometheus.GaugeValue, float64(st.LastSeq))
	for _, f := range c.followers {
		lag := float64(0)
		if seq := f.LastSeq(); seq < st.LastSeq {
			lag = float64(st.LastSeq - seq)
		}
		ch <- prometheus.MustNewConstMetric(lagDesc, prometheus.GaugeValue, lag, f.Name())
	}
}

// pageRoute labels a request for a page of a record by its route, one
// label for every id, or as "other".
func pageRoute(path string) string {
	for _, p := range []string{"/statements/", "/speakers/", "/organisations/", "/topics/", "/graphiql/assets/", "/assets/"} {
		if rest, ok := strings.CutPrefix(path, p); ok && rest != "" {
			if strings.HasSuffix(p, "assets/") {
				return p
			}
			return p + "{id}"
		}
	}
	return "other"
}
