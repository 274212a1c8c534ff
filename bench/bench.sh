#!/usr/bin/env bash
# Runs the benchmarks at 10k, 100k and 1M statements (or the sizes given),
# so that growth is visible. The databases are generated once and cached in
# the temporary directory (see internal/benchdb); the first run at 1M takes
# a few minutes longer.
#
#   bash bench/bench.sh              # 10000 100000 1000000
#   bash bench/bench.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
((${#sizes[@]})) || sizes=(10000 100000 1000000)
echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
	echo "## QUOTEDB_BENCH_N=$n"
	export QUOTEDB_BENCH_N=$n
	go test -run '^$' -bench . -benchmem ./store/bolt ./server | grep -E '^Benchmark'
	go test -run '^$' -bench Import -benchmem -benchtime 1x ./dump | grep -E '^Benchmark'
	echo "# load $(cut -d' ' -f1-3 /proc/loadavg)"
done
