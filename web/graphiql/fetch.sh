#!/usr/bin/env bash
# Fetches the GraphiQL page's third-party files from the npm registry, as
# published, and checks them against assets/SHA256SUMS:
#
#   graphiql.min.js, graphiql.min.css   graphiql (its UMD build bundles its dependencies)
#   react.production.min.js             react (UMD)
#   react-dom.production.min.js         react-dom (UMD)
#
# and writes assets/LICENSES.txt: the licence of each of those packages and
# of every package of their production dependency tree, which is what the
# graphiql bundle holds parts of.
#
#   web/graphiql/fetch.sh           fetch, check, and write the files into assets/
#   web/graphiql/fetch.sh --check   fetch and check only; fail when the files differ
#
# To move to other versions, change the versions below, run with --update
# (which rewrites SHA256SUMS) and review the diff.
set -euo pipefail
cd "$(dirname "$0")"

GRAPHIQL=3.9.0
REACT=18.3.1
GRAPHQL=16.11.0

mode=${1:-write}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" >/dev/null)
for p in graphiql-$GRAPHIQL react-$REACT react-dom-$REACT; do
  mkdir -p "$tmp/$p" && tar xzf "$tmp/$p.tgz" -C "$tmp/$p"
done
mkdir -p "$tmp/out"
cp "$tmp/graphiql-$GRAPHIQL/package/graphiql.min.js" "$tmp/graphiql-$GRAPHIQL/package/graphiql.min.css" "$tmp/out/"
cp "$tmp/react-$REACT/package/umd/react.production.min.js" "$tmp/out/"
cp "$tmp/react-dom-$REACT/package/umd/react-dom.production.min.js" "$tmp/out/"

# The licences of the production dependency tree.
mkdir -p "$tmp/tree"
(cd "$tmp/tree" && echo '{"name":"licences","version":"0.0.0","private":true}' >package.json &&
  npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund \
    "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" "graphql@$GRAPHQL" >/dev/null)
{
  echo "Licences of the third-party files in this directory (graphiql $GRAPHIQL, react $REACT,"
  echo "react-dom $REACT) and of every package of their production dependency tree,"
  echo "parts of which the graphiql bundle holds. Written by ../fetch.sh."
  (cd "$tmp/tree" && npm ls --all --parseable --omit=dev) | grep /node_modules/ |
    while read -r dir; do
      pj=$dir/package.json
      name=$(node -e 'const p=require(process.argv[1]); if (p.name && p.version) console.log(p.name+"@"+p.version+" ("+(p.license||"see below")+")")' "$pj")
      [ -n "$name" ] || continue
      lic=$(find "$dir" -maxdepth 1 -iname 'licen[cs]e*' | sort | head -1)
      echo "$name|$lic"
    done | sort -u | while IFS='|' read -r name lic; do
      echo
      echo "================================================================"
      echo "$name"
      echo "================================================================"
      if [ -n "$lic" ]; then cat "$lic"; else echo "(the package ships no licence file; its package.json names the licence above)"; fi
    done
} >"$tmp/out/LICENSES.txt"

(cd "$tmp/out" && sha256sum graphiql.min.js graphiql.min.css react.production.min.js react-dom.production.min.js) >"$tmp/SHA256SUMS"
case $mode in
  --update) cp "$tmp/SHA256SUMS" assets/SHA256SUMS ;;
esac
if ! diff -u assets/SHA256SUMS "$tmp/SHA256SUMS"; then
  echo "the fetched files differ from assets/SHA256SUMS" >&2
  exit 1
fi
case $mode in
  --check)
    (cd assets && sha256sum --quiet -c SHA256SUMS)
    echo "assets match the published packages" ;;
  *)
    cp "$tmp/out/"* assets/
    echo "assets written and checked" ;;
esac
