package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// TestLimitInflight checks that with one slot a second request waits
// until the first has finished, that a request whose context ends while
// it waits never runs, and that a subscription is not held back.
func TestLimitInflight(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan string, 4)
	h := limitInflight(1, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- r.URL.Path
		if r.URL.Path == "/first" {
			<-release
		}
	}))
	var wg sync.WaitGroup
	wg.Go(func() { h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/first", nil)) })
	if got := <-entered; got != "/first" {
		t.Fatalf("entered %s first", got)
	}
	wg.Go(func() { h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/second", nil)) })

	// a request given up while it waits never runs
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/gone", nil).WithContext(ctx))

	// a subscription does not wait for a slot
	sub := httptest.NewRequest("GET", "/subscription", nil)
	sub.Header.Set("Upgrade", "websocket")
	h.ServeHTTP(httptest.NewRecorder(), sub)
	if got := <-entered; got != "/subscription" {
		t.Fatalf("entered %s while the only slot was taken", got)
	}

	close(release)
	wg.Wait()
	if got := <-entered; got != "/second" {
		t.Fatalf("entered %s after the first finished, want /second", got)
	}
	select {
	case got := <-entered:
		t.Fatalf("%s ran", got)
	default:
	}
}
