// Package graphiql serves GraphiQL, the in-browser GraphQL IDE, for the API
// at /graphql, with every file it loads embedded in the binary: it works
// on a network without internet access.
//
// The files in assets/ are the published builds of graphiql, react and
// react-dom, unchanged, with their licences (assets/LICENSES.txt);
// fetch.sh fetches them again and checks them against assets/SHA256SUMS.
// init.js, which starts GraphiQL on the page, is quotedb's own.
package graphiql

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed assets/*.js assets/*.css assets/LICENSES.txt assets/SHA256SUMS
var assets embed.FS

// page loads the scripts in order and nothing inline, so that a
// Content-Security-Policy of script-src 'self' admits it.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL — quotedb</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
<link rel="stylesheet" href="/graphiql/assets/graphiql-page.css">
</head>
<body>
<div id="graphiql"><p>GraphiQL needs JavaScript. The API itself answers at <a href="/graphql">/graphql</a>; the <a href="/">search page</a> needs no script.</p></div>
<script src="/graphiql/assets/react.production.min.js"></script>
<script src="/graphiql/assets/react-dom.production.min.js"></script>
<script src="/graphiql/assets/graphiql.min.js"></script>
<script src="/graphiql/assets/init.js"></script>
</body>
</html>
`

// Page serves the GraphiQL page.
func Page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(page))
}

// Assets serves the files the page loads, by name.
func Assets() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	return http.FileServerFS(sub)
}
