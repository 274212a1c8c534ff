#!/usr/bin/env bash
# One, then two quotedb servers over one PostgreSQL database: the
# who-said-what page (ops.lua) driven by wrk against one server with CONNS
# connections, then against two with CONNS/2 each, reporting requests/s
# and the CPU per request of the quotedb processes and of the PostgreSQL
# cluster separately. See the README's PostgreSQL section.
#
#   STORE=postgres://… PGDATA=/path/to/cluster/data SEARCH_INDEX=DIR \
#     bash bench/load/two-servers.sh
#
# STORE is a database loaded by `quotedb import --store` (and analyzed);
# PGDATA is its cluster's data directory, whose postmaster.pid says which
# processes are PostgreSQL's; SEARCH_INDEX is the index `quotedb reindex
# --store` built, copied for each server so that neither builds one while
# it is measured. Needs wrk and bc. Sends traffic to 127.0.0.1 only, and
# stops the servers it started when it ends.
set -euo pipefail

: "${STORE:?a postgres:// URL}" "${PGDATA:?the data directory of its cluster}" "${SEARCH_INDEX:?the index of quotedb reindex --store}"
DURATION=${DURATION:-15}
CONNS=${CONNS:-16}
WORK=${WORK:-/tmp/quotedb-two}
PORT1=${PORT1:-18091}
PORT2=${PORT2:-18092}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

mkdir -p "$WORK"
(cd "$ROOT" && go build -o "$WORK/quotedb" ./cmd/quotedb)
for i in 1 2; do
	rm -rf "$WORK/s$i.search"
	cp -r "$SEARCH_INDEX" "$WORK/s$i.search"
done

# The ids ops.lua draws from, read from the database.
ids() {
	psql -X -At -d "$STORE" -c "SELECT string_agg(format('\"%s\"', id), ',') FROM (SELECT id FROM $1) x"
}
{
	echo "return {"
	echo "  roots = {$(ids "topics WHERE parent_id IS NULL")},"
	echo "  speakers = {$(ids "speakers ORDER BY id LIMIT 1000")},"
	echo "  statements = {$(ids "statements ORDER BY id LIMIT 1000")},"
	echo "  orgs = {$(ids "organisations ORDER BY id LIMIT 1000")},"
	echo "}"
} >"$WORK/ids.lua"
TOKEN=$("$WORK/quotedb" token create --store "$STORE" --role editor --name "two-servers-$$-$(date +%s)" 2>/dev/null)

PIDS=()
cleanup() { for p in ${PIDS[@]+"${PIDS[@]}"}; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for i in 1 2; do
	port=$((i == 1 ? PORT1 : PORT2))
	"$WORK/quotedb" serve --store "$STORE" --search-index "$WORK/s$i.search" --addr "127.0.0.1:$port" >"$WORK/s$i.log" 2>&1 &
	PIDS+=($!)
done
for port in $PORT1 $PORT2; do
	for _ in $(seq 1 120); do
		curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
		sleep 0.5
	done
done

PGMASTER=$(head -1 "$PGDATA/postmaster.pid")
# cpu PIDS...: CPU seconds used so far by the processes (one may have
# ended meanwhile).
cpu() {
	for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null || true; done |
		awk -v hz="$(getconf CLK_TCK)" '{s += $14 + $15} END {printf "%.2f", s / hz}'
}
# pgcpu: CPU seconds used so far by the cluster: its live processes, and
# the backends that have ended, which the postmaster has reaped (its
# children's times).
pgcpu() {
	{
		cpu "$PGMASTER" $(pgrep -P "$PGMASTER" | xargs)
		echo
		awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($16 + $17) / hz}' "/proc/$PGMASTER/stat"
	} | paste -sd+ | bc
}
wrk1() { # PORT CONNS OUT
	wrk -t "$(($2 < 2 ? 1 : 2))" -c "$2" -d "${DURATION}s" --timeout 10s --latency -s "$HERE/ops.lua" \
		"http://127.0.0.1:$1/graphql" -- quotedb whosaidwhat "$WORK/ids.lua" "$TOKEN" >"$3" 2>&1
}
count() { awk '/requests in/ {s += $1} END {print s}' "$@"; }

# measure NAME PORTS...: CONNS connections split over the servers at PORTS.
measure() {
	local name=$1
	shift
	local per=$((CONNS / $#)) outs=() waits=() q0 p0 q1 p1 n
	q0=$(cpu "${PIDS[@]}")
	p0=$(pgcpu)
	local t0 t1
	t0=$(date +%s.%N)
	for port in "$@"; do
		wrk1 "$port" "$per" "$WORK/$name-$port.txt" &
		waits+=($!)
		outs+=("$WORK/$name-$port.txt")
	done
	wait "${waits[@]}"
	t1=$(date +%s.%N)
	q1=$(cpu "${PIDS[@]}")
	p1=$(pgcpu)
	n=$(count "${outs[@]}")
	printf '%-12s %6d requests in %5.1f s: %7.1f requests/s; CPU per request: quotedb %.2f ms, PostgreSQL %.2f ms; load %s\n' \
		"$name" "$n" "$(echo "$t1 - $t0" | bc)" "$(echo "$n / ($t1 - $t0)" | bc -l)" \
		"$(echo "1000 * ($q1 - $q0) / $n" | bc -l)" "$(echo "1000 * ($p1 - $p0) / $n" | bc -l)" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Warm both up, so that neither is measured cold.
DURATION=3 wrk1 "$PORT1" 4 /dev/null
DURATION=3 wrk1 "$PORT2" 4 /dev/null
measure one "$PORT1"
measure two "$PORT1" "$PORT2"
measure one "$PORT1"
measure two "$PORT1" "$PORT2"
echo "raw wrk output: $WORK/*.txt"
