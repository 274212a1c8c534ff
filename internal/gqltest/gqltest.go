// Package gqltest is a GraphQL-over-HTTP client for tests: it posts
// requests to a real server and decodes what comes back.
package gqltest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Client sends GraphQL requests to URL.
type Client struct {
	T   testing.TB
	URL string
	// Header is added to every request (tokens, for example).
	Header http.Header
}

// Response is a decoded GraphQL response.
type Response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
	// HasData reports whether the body had a "data" key at all.
	HasData bool `json:"-"`
}

// Error is one entry of a response's errors.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code.
func (e Error) Code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// Do posts query with vars and decodes the response, failing the test on a
// transport error or a body that is not a GraphQL response.
func (c *Client) Do(query string, vars map[string]any) Response {
	c.T.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		c.T.Fatal(err)
	}
	return c.Post("application/json", body)
}

// Post sends a raw body with the given content type to the endpoint.
func (c *Client) Post(contentType string, body []byte) Response {
	c.T.Helper()
	req, err := http.NewRequest(http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		c.T.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", "application/json")
	return c.Send(req)
}

// Send sends req, adding the client's headers, and decodes the response.
func (c *Client) Send(req *http.Request) Response {
	c.T.Helper()
	for k, vs := range c.Header {
		req.Header[k] = vs
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.T.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		c.T.Fatal(err)
	}
	var r Response
	if err := json.Unmarshal(raw, &r); err != nil {
		c.T.Fatalf("status %d, body is not a GraphQL response: %v\n%s", res.StatusCode, err, raw)
	}
	var keys map[string]json.RawMessage
	json.Unmarshal(raw, &keys)
	_, r.HasData = keys["data"]
	r.Status = res.StatusCode
	return r
}

// Query runs query and decodes its data into out, failing the test on any
// GraphQL error.
func (c *Client) Query(out any, query string, vars map[string]any) {
	c.T.Helper()
	r := c.Do(query, vars)
	if len(r.Errors) > 0 {
		c.T.Fatalf("unexpected errors: %+v\nquery: %s", r.Errors, query)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			c.T.Fatalf("decoding data: %v\n%s", err, r.Data)
		}
	}
}

// Fails runs query, expects it to fail with an error of the given
// extensions.code, and returns that error's message.
func (c *Client) Fails(code, query string, vars map[string]any) string {
	c.T.Helper()
	r := c.Do(query, vars)
	if len(r.Errors) == 0 {
		c.T.Fatalf("want error %s, got data %s\nquery: %s", code, r.Data, query)
	}
	var codes []string
	for _, e := range r.Errors {
		if e.Code() == code {
			return e.Message
		}
		codes = append(codes, e.Code()+": "+e.Message)
	}
	c.T.Fatalf("want error %s, got %s\nquery: %s", code, strings.Join(codes, "; "), query)
	return ""
}
