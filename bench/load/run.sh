#!/usr/bin/env bash
# Load test: quotedb on its database file, quotedb on PostgreSQL (--store)
# and PostGraphile 5 over the same PostgreSQL server, side by side, on the
# same generated data with the same questions. See the README's
# performance section. Sends traffic to 127.0.0.1 only, for a bounded time.
#
#   bash bench/load/run.sh            # 1M statements, 15 s per run
#   N=100000 DURATION=10 bash bench/load/run.sh
#   TRUSTED=1 bash bench/load/run.sh  # quotedb runs only ops.lua's documents
#                                     # (serve --persisted-only), so the fast
#                                     # path for trusted documents answers
#
# Needs root (apt-get, and PostgreSQL runs as the postgres user) on Debian.
# Leaves its files in $WORK (default /tmp/quotedb-load) and stops every
# server it started when it ends.
set -euo pipefail

N=${N:-1000000}
DURATION=${DURATION:-15}
CONNS=${CONNS:-16}
WORK=${WORK:-/tmp/quotedb-load}
QPORT=${QPORT:-18080}
QPG_PORT=${QPG_PORT:-18081}
PGPORT=${PGPORT:-15432}
PGL_PORT=${PGL_PORT:-15678}
TRUSTED=${TRUSTED:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

say() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

# --- tools -----------------------------------------------------------------
say "installing tools (wrk, PostgreSQL, PostGraphile 5)"
need=()
command -v wrk >/dev/null || need+=(wrk)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v node >/dev/null || need+=(nodejs npm)
command -v bc >/dev/null || need+=(bc)
if ((${#need[@]})); then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
mkdir -p "$WORK"
chmod 755 "$WORK"
if [ ! -d "$WORK/pgl/node_modules/postgraphile" ]; then
	mkdir -p "$WORK/pgl"
	(cd "$WORK/pgl" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent postgraphile@5 >/dev/null)
fi
cp "$HERE/polyfill.cjs" "$HERE/graphile.config.mjs" "$WORK/pgl/"

# --- servers are stopped on exit ---------------------------------------------
QPID= QPGPID= PGLPID=
cleanup() {
	[ -n "$QPID" ] && kill "$QPID" 2>/dev/null || true
	[ -n "$QPGPID" ] && kill "$QPGPID" 2>/dev/null || true
	[ -n "$PGLPID" ] && kill "$PGLPID" 2>/dev/null || true
	[ -d "$WORK/pg" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- data ------------------------------------------------------------------------
say "building"
(cd "$ROOT" && go build -o "$WORK/quotedb" ./cmd/quotedb && go build -o "$WORK/pgload" ./bench/pgload)
DATA=$WORK/data-$N.jsonl
say "generating $N statements"
t=$(now)
"$WORK/quotedb" gen --statements "$N" --seed 1 >"$DATA"
echo "gen: $(since "$t") s, $(stat -c %s "$DATA") bytes of JSON Lines"

say "importing into quotedb"
rm -f "$WORK/quotedb.db"
t=$(now)
# sed, not head: head exits after the line and import, writing the rest,
# would fail the pipeline on SIGPIPE.
"$WORK/quotedb" import --db "$WORK/quotedb.db" "$DATA" | sed -n 1p
IMPORT_S=$(since "$t")
QDB_BYTES=$(stat -c %s "$WORK/quotedb.db")
# The search index is built now, not by serve in the background while the
# load runs, which would take both cores from the requests measured.
"$WORK/quotedb" reindex --db "$WORK/quotedb.db"
# Mutations need an editor's token.
TOKEN=$("$WORK/quotedb" token create --db "$WORK/quotedb.db" --role editor --name load-test 2>/dev/null)
JSONL_BYTES=$(stat -c %s "$DATA")

say "loading PostgreSQL"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
rm -rf "$WORK/pg" "$WORK/copy" "$WORK/pgsock"
mkdir -p "$WORK/copy" "$WORK/pgsock" "$WORK/pg"
chown postgres "$WORK/pgsock" "$WORK/pg"
chmod 700 "$WORK/pg"
t=$(now)
"$WORK/pgload" "$WORK/copy" <"$DATA"
chmod -R a+rX "$WORK/copy"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -E UTF8 --locale C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgsock/pg.log" -w start \
	-o "-p $PGPORT -k $WORK/pgsock -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=50" >/dev/null
# This cluster's processes: its postmaster and the backends it forks. Other
# clusters on the machine run as postgres too, and are not counted.
PGMASTER=$(head -1 "$WORK/pg/postmaster.pid")
pgprocs() { echo "$PGMASTER $(pgrep -P "$PGMASTER" | xargs)"; }
PSQL=(runuser -u postgres -- psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT")
"${PSQL[@]}" -d postgres -c "CREATE DATABASE quotes"
"${PSQL[@]}" -d quotes -f "$HERE/schema.sql"
for tbl in organisations speakers topics sources affiliations statements statement_topics; do
	"${PSQL[@]}" -d quotes -c "\\copy $tbl FROM '$WORK/copy/$tbl.copy'"
done
"${PSQL[@]}" -d quotes -f "$HERE/indexes.sql"
PG_LOAD_S=$(since "$t")
PG_BYTES=$("${PSQL[@]}" -d quotes -At -c "SELECT pg_database_size('quotes')")
echo "PostgreSQL: loaded and indexed in $PG_LOAD_S s (conversion included), $PG_BYTES bytes"

say "importing into quotedb on PostgreSQL"
QPG_URL="postgres://postgres@127.0.0.1:$PGPORT/quotedb"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE quotedb"
"$WORK/quotedb" migrate --store "$QPG_URL"
t=$(now)
"$WORK/quotedb" import --store "$QPG_URL" "$DATA" | sed -n 1p
PG_IMPORT_S=$(since "$t")
QPG_BYTES=$("${PSQL[@]}" -d quotedb -At -c "SELECT pg_database_size('quotedb')")
rm -rf "$WORK/quotedb-pg.search"
"$WORK/quotedb" reindex --store "$QPG_URL" --search-index "$WORK/quotedb-pg.search"
TOKEN_PG=$("$WORK/quotedb" token create --store "$QPG_URL" --role editor --name load-test 2>/dev/null)

# --- servers --------------------------------------------------------------------
say "starting quotedb (file and PostgreSQL) and PostGraphile"
SERVE=()
if [ "$TRUSTED" = 1 ]; then
	# A manifest of quotedb's documents in ops.lua (one per line there,
	# without quotes or backslashes), each with the SHA-256 of its text.
	awk '/^  quotedb = \{/ {q = 1; next} q && /^  \},/ {q = 0} q' "$HERE/ops.lua" |
		sed -E 's/^ *([a-z]+) = \[\[(.*)\]\],?$/\1\t\2/' |
		while IFS=$'\t' read -r name body; do
			id=$(printf %s "$body" | sha256sum | cut -d' ' -f1)
			printf '{"id": "%s", "name": "%s", "type": "%s", "body": "%s"}\n' "$id" "$name" "${body%%(*}" "$body"
		done | paste -sd, | { printf '{"format": "apollo-persisted-query-manifest", "version": 1, "operations": ['; cat; printf ']}\n'; } >"$WORK/manifest.json"
	SERVE=(--persisted-only "$WORK/manifest.json")
fi
"$WORK/quotedb" serve --db "$WORK/quotedb.db" --addr "127.0.0.1:$QPORT" ${SERVE[@]+"${SERVE[@]}"} >"$WORK/quotedb.log" 2>&1 &
QPID=$!
"$WORK/quotedb" serve --store "$QPG_URL" --search-index "$WORK/quotedb-pg.search" --addr "127.0.0.1:$QPG_PORT" \
	${SERVE[@]+"${SERVE[@]}"} >"$WORK/quotedb-pg.log" 2>&1 &
QPGPID=$!
(cd "$WORK/pgl" && DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/quotes" PGL_PORT=$PGL_PORT \
	exec node --require ./polyfill.cjs node_modules/postgraphile/dist/cli-run.js -C ./graphile.config.mjs) >"$WORK/postgraphile.log" 2>&1 &
PGLPID=$!
for i in $(seq 1 120); do
	curl -fs "http://127.0.0.1:$QPORT/healthz" >/dev/null 2>&1 &&
		curl -fs "http://127.0.0.1:$QPG_PORT/healthz" >/dev/null 2>&1 &&
		curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "http://127.0.0.1:$PGL_PORT/graphql" 2>/dev/null && break
	sleep 0.5
done

# The servers measured: quotedb on its file, quotedb on PostgreSQL, and
# PostGraphile on the same PostgreSQL server.
SERVERS="quotedb quotedb-pg postgraphile"
url() {
	case $1 in
	quotedb) echo "http://127.0.0.1:$QPORT/graphql" ;;
	quotedb-pg) echo "http://127.0.0.1:$QPG_PORT/graphql" ;;
	*) echo "http://127.0.0.1:$PGL_PORT/graphql" ;;
	esac
}
token() { if [ "$1" = quotedb-pg ]; then echo "$TOKEN_PG"; else echo "$TOKEN"; fi; }

# run SERVER OP CONNS OUT: one wrk run, its output in OUT.
run() {
	wrk -t "$(($3 < 2 ? 1 : 2))" -c "$3" -d "${DURATION}s" --timeout 10s --latency -s "$HERE/ops.lua" "$(url "$1")" -- "$1" "$2" "$WORK/copy/ids.lua" "$(token "$1")" >"$4" 2>&1
}
rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }
count() { awk '/requests in/ {print $1}' "$1"; }

# cpu SERVER: CPU seconds used so far by the server's processes (quotedb;
# quotedb on PostgreSQL, or PostGraphile, and the PostgreSQL processes). On
# a shared machine the CPU a request costs is steadier than the throughput.
cpu() {
	local pids
	case $1 in
	quotedb) pids=$QPID ;;
	quotedb-pg) pids="$QPGPID $(pgprocs)" ;;
	*) pids="$PGLPID $(pgprocs)" ;;
	esac
	for p in $pids; do cat "/proc/$p/stat" 2>/dev/null; done |
		awk -v hz="$(getconf CLK_TCK)" '{s += $14 + $15} END {printf "%.2f", s / hz}'
}

# Warm each up, so that none is measured cold.
for s in $SERVERS; do DURATION=3 run "$s" whosaidwhat 4 /dev/null; done

say "who-said-what page alone, $CONNS connections, ${DURATION}s each"
for s in $SERVERS; do
	c0=$(cpu "$s")
	run "$s" whosaidwhat "$CONNS" "$WORK/wsw-$s.txt"
	echo "$(cpu "$s") - $c0" | bc >"$WORK/wsw-$s.cpu"
done

# The mixed workload: the 16 connections split over the operations, 13 for
# the journalists' reads (80%) and 3 for writes (20%), all at once.
MIX="whosaidwhat:6 speaker:4 statement:3 create:2 ingest:1"
say "mixed workload ($MIX connections), ${DURATION}s each"
for s in $SERVERS; do
	pids=()
	for m in $MIX; do
		run "$s" "${m%%:*}" "${m##*:}" "$WORK/mix-$s-${m%%:*}.txt" &
		pids+=($!)
	done
	wait "${pids[@]}"
done

rss() { awk '/^VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }
rssanon() { awk '/^RssAnon/ {print int($2/1024)}' "/proc/$1/status"; }
PG_RSS=$(ps -o rss= -p "$(pgprocs | xargs | tr ' ' ,)" | awk '{s+=$1} END {print int(s/1024)}')

# --- report -------------------------------------------------------------------------
say "report: $N statements, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)$([ "$TRUSTED" = 1 ] && echo ', quotedb with --persisted-only')"
printf 'import into quotedb: %.1f s, %.0f statements/s (indexes and change log included)\n' "$IMPORT_S" "$(echo "$N / $IMPORT_S" | bc -l)"
printf 'import into quotedb on PostgreSQL: %.1f s, %.0f statements/s (COPY; indexes, constraints and change log included)\n' \
	"$PG_IMPORT_S" "$(echo "$N / $PG_IMPORT_S" | bc -l)"
printf 'quotedb file %d MB for %d MB of JSON Lines: %.2fx; quotedb on PostgreSQL %d MB; PostGraphile'"'"'s database %d MB\n' \
	$((QDB_BYTES >> 20)) $((JSONL_BYTES >> 20)) "$(echo "$QDB_BYTES / $JSONL_BYTES" | bc -l)" $((QPG_BYTES >> 20)) $((PG_BYTES >> 20))
printf 'server RSS: quotedb %s MB (anonymous %s MB); quotedb on PostgreSQL %s MB; PostGraphile %s MB; PostgreSQL processes %s MB\n' \
	"$(rss $QPID)" "$(rssanon $QPID)" "$(rss $QPGPID)" "$(rss $PGLPID)" "$PG_RSS"
echo
printf '%-26s %12s %7s %7s %12s %7s %7s %12s %7s %7s %8s\n' operation "quotedb r/s" p50 p99 "on PG r/s" p50 p99 "PostGraphile" p50 p99 "PG/PGL"
line() { # LABEL FILE_QUOTEDB FILE_QUOTEDB_PG FILE_POSTGRAPHILE
	local q g p
	q=$(rps "$2")
	g=$(rps "$3")
	p=$(rps "$4")
	printf '%-26s %12s %7s %7s %12s %7s %7s %12s %7s %7s %7.1fx\n' "$1" "$q" "$(pct "$2" 50)" "$(pct "$2" 99)" \
		"$g" "$(pct "$3" 50)" "$(pct "$3" 99)" "$p" "$(pct "$4" 50)" "$(pct "$4" 99)" "$(echo "${g:-0} / ${p:-1}" | bc -l)"
}
line "who-said-what (alone)" "$WORK/wsw-quotedb.txt" "$WORK/wsw-quotedb-pg.txt" "$WORK/wsw-postgraphile.txt"
for s in $SERVERS; do
	printf 'who-said-what CPU per request, %-13s %.2f ms (%s CPU s for %s requests)\n' "$s:" \
		"$(echo "1000 * $(cat "$WORK/wsw-$s.cpu") / $(count "$WORK/wsw-$s.txt")" | bc -l)" "$(cat "$WORK/wsw-$s.cpu")" "$(count "$WORK/wsw-$s.txt")"
done
for m in $MIX; do
	o=${m%%:*}
	line "mix: $o (${m##*:} conns)" "$WORK/mix-quotedb-$o.txt" "$WORK/mix-quotedb-pg-$o.txt" "$WORK/mix-postgraphile-$o.txt"
done
for s in $SERVERS; do
	total=0
	for m in $MIX; do total=$((total + $(count "$WORK/mix-$s-${m%%:*}.txt"))); done
	reads=0
	for m in whosaidwhat speaker statement; do reads=$((reads + $(count "$WORK/mix-$s-$m.txt"))); done
	printf 'mix total %-13s %d requests in %ss, %d%% reads\n' "$s:" "$total" "$DURATION" $((100 * reads / (total > 0 ? total : 1)))
done
grep -h -A3 "quotedb \|quotedb-pg \|postgraphile " "$WORK"/wsw-*.txt "$WORK"/mix-*.txt | grep -E '^(quotedb|quotedb-pg|postgraphile) ' | sort | uniq -c | head -20 || true
echo "raw wrk output: $WORK/*.txt"
