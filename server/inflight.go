package server

import (
	"net/http"
	"strings"
)

// limitInflight lets at most n GraphQL requests run at once, the others
// waiting their turn in arrival order (or until their context ends): on a
// busy machine requests then finish in about the order they came, instead
// of all slowing down together as the scheduler shares the cores among
// them. Subscriptions (WebSocket, Server-Sent Events) last long and are
// not counted. n <= 0 lets every request run.
func limitInflight(n int, next http.Handler) http.Handler {
	if n <= 0 {
		return next
	}
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}
