#!/usr/bin/env bash
# Bounded load against 127.0.0.1 only: starts a release server on a scratch database, runs
# wrk for a few seconds per endpoint, prints requests/s, latency and memory, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/dxserve
DURATION=${DURATION:-5s}
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

start_ns=$(date +%s%N)
"$BIN" serve --port 0 --db "$WORK/dx.sqlite" >"$WORK/out" 2>"$WORK/err" &
PID=$!
for _ in $(seq 1 200); do grep -q listening "$WORK/out" 2>/dev/null && break; sleep 0.01; done
URL=$(sed -n 's/^listening on //p' "$WORK/out")
until curl -sf "$URL/healthz" >/dev/null; do sleep 0.005; done
first_ok_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
echo "start to first 200: ${first_ok_ms} ms"
echo "idle RSS: $(awk '/VmRSS/ {print $2, $3}' /proc/$PID/status)"

run() {
  local label=$1 conns=$2 path=$3; shift 3
  local out
  out=$(wrk -t2 -c"$conns" -d"$DURATION" --latency "$@" "$URL$path")
  printf '%-40s c=%-4s %12s req/s  p50 %-9s p99 %s\n' "$label" "$conns" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
}

for c in 64 256; do
  run "GET /healthz" "$c" /healthz
  for p in $(cat scripts/bench-paths.txt 2>/dev/null); do
    run "GET $p" "$c" "$p"
    run "GET $p (gzip)" "$c" "$p" -H 'Accept-Encoding: gzip'
  done
done
echo "RSS after load: $(awk '/VmRSS/ {print $2, $3}' /proc/$PID/status)"
