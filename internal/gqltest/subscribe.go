package gqltest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// Stream is one subscription: the results it has received come from Next.
type Stream struct {
	next  func(ctx context.Context) (Response, bool, error)
	close func()
}

// Next returns the next result of the subscription, or ok false when the
// server completed it. A server error ending the subscription comes back
// as a Response with Errors. It fails the test after a few seconds without
// anything.
func (s *Stream) Next(t testingT) (r Response, ok bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, ok, err := s.next(ctx)
	if err != nil {
		t.Fatalf("subscription: %v", err)
	}
	return r, ok
}

// Close ends the subscription from the client's side.
func (s *Stream) Close() { s.close() }

type testingT interface {
	Helper()
	Fatalf(format string, args ...any)
}

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// SubscribeWS opens a WebSocket to the endpoint with the
// graphql-transport-ws subprotocol, sends initPayload in its
// connection_init, and subscribes to query.
func (c *Client) SubscribeWS(initPayload map[string]any, query string, vars map[string]any) *Stream {
	c.T.Helper()
	ctx := context.Background()
	url := "ws" + strings.TrimPrefix(c.URL, "http")
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: c.Header, Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		c.T.Fatalf("websocket: %v", err)
	}
	if initPayload == nil {
		initPayload = map[string]any{}
	}
	p, _ := json.Marshal(initPayload)
	if err := wsjson.Write(ctx, conn, wsMessage{Type: "connection_init", Payload: p}); err != nil {
		c.T.Fatalf("connection_init: %v", err)
	}
	var ack wsMessage
	if err := wsjson.Read(ctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
		c.T.Fatalf("want connection_ack, got %+v (%v)", ack, err)
	}
	p, _ = json.Marshal(map[string]any{"query": query, "variables": vars})
	if err := wsjson.Write(ctx, conn, wsMessage{ID: "1", Type: "subscribe", Payload: p}); err != nil {
		c.T.Fatalf("subscribe: %v", err)
	}
	next := func(ctx context.Context) (Response, bool, error) {
		for {
			var m wsMessage
			if err := wsjson.Read(ctx, conn, &m); err != nil {
				return Response{}, false, err
			}
			switch m.Type {
			case "ping":
				if err := wsjson.Write(ctx, conn, wsMessage{Type: "pong"}); err != nil {
					return Response{}, false, err
				}
			case "pong", "ka":
			case "next":
				var r Response
				err := json.Unmarshal(m.Payload, &r)
				return r, true, err
			case "error":
				var r Response
				err := json.Unmarshal(m.Payload, &r.Errors)
				return r, true, err
			case "complete":
				return Response{}, false, nil
			default:
				return Response{}, false, fmt.Errorf("unexpected message %+v", m)
			}
		}
	}
	return &Stream{next: next, close: func() { conn.Close(websocket.StatusNormalClosure, "") }}
}

// SubscribeSSE subscribes to query over Server-Sent Events (a POST that
// accepts text/event-stream), in the protocol's distinct-connections mode.
func (c *Client) SubscribeSSE(query string, vars map[string]any) *Stream {
	c.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		c.T.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	for k, vs := range c.Header {
		req.Header[k] = vs
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.T.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		c.T.Fatalf("SSE answered %d %s", res.StatusCode, ct)
	}
	lines := bufio.NewScanner(res.Body)
	lines.Buffer(make([]byte, 0, 1<<16), 1<<24)
	events := make(chan [2]string)
	go func() {
		defer close(events)
		var event, data string
		for lines.Scan() {
			switch l := lines.Text(); {
			case strings.HasPrefix(l, "event:"):
				event = strings.TrimSpace(strings.TrimPrefix(l, "event:"))
			case strings.HasPrefix(l, "data:"):
				data += strings.TrimSpace(strings.TrimPrefix(l, "data:"))
			case l == "" && event != "":
				events <- [2]string{event, data}
				event, data = "", ""
			}
		}
	}()
	next := func(ctx context.Context) (Response, bool, error) {
		select {
		case <-ctx.Done():
			return Response{}, false, ctx.Err()
		case ev, ok := <-events:
			if !ok || ev[0] == "complete" {
				return Response{}, false, nil
			}
			var r Response
			err := json.Unmarshal([]byte(ev[1]), &r)
			return r, true, err
		}
	}
	return &Stream{next: next, close: func() { cancel(); res.Body.Close() }}
}
