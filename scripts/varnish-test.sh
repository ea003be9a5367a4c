#!/usr/bin/env bash
# deploy/varnish.vcl in front of a scratch dxserve: a varnishd of our own (-n a scratch
# folder, 127.0.0.1, a free high port, stopped by its PID) shows
#   1. a revalidated hit: the backend sees If-None-Match and answers 304, the client gets the
#      stored 200 with its body;
#   2. a write through Varnish visible on the next read (list and item);
#   3. requests with Authorization passed through and never stored;
# then measures requests/s through Varnish and direct with wrk (bounded: 5 s, 32 connections).
# Installs varnish and wrk with apt when missing (as root); skips with a clear message otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! bash scripts/install-debian.sh varnish curl wrk python3 >/dev/null 2>&1 || ! command -v varnishd >/dev/null 2>&1; then
    [ -x /usr/sbin/varnishd ] || { echo "varnish-test: SKIPPED: varnish is missing and could not be installed (as root: apt-get install varnish)"; exit 0; }
fi
PATH="$PATH:/usr/sbin"

. scripts/lib/dxserve.sh
bin=.build/release/dxserve; [ -x "$bin" ] || bin=.build/debug/dxserve
DXSERVE="${DXSERVE:-$(pwd)/$bin}"
dxserve_start
vpid=""
cleanup() {
    [ -n "$vpid" ] && kill "$vpid" 2>/dev/null && wait "$vpid" 2>/dev/null
    dxserve_stop
}
trap cleanup EXIT
started=$(date +%s.%N)

backend_port="${url##*:}"
vport="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
sed "s/\.port = \"8080\";/.port = \"$backend_port\";/" deploy/varnish.vcl >"$tmp/varnish.vcl"
mkdir -p "$tmp/varnish"
# varnishd drops to its own user (vcache) to compile and load the VCL: let it read them.
chmod 755 "$tmp" "$tmp/varnish"; chmod 644 "$tmp/varnish.vcl"
# -F: stay in the foreground, so $! is varnishd itself and we stop it by that PID.
varnishd -F -n "$tmp/varnish" -a "127.0.0.1:$vport" -f "$tmp/varnish.vcl" -s malloc,64m \
    -p default_ttl=0 >"$tmp/varnishd.log" 2>&1 &
vpid=$!
vurl="http://127.0.0.1:$vport"
for _ in $(seq 1 100); do curl -fsS -o /dev/null "$vurl/healthz" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "$vurl/healthz" || { echo "varnish-test: FAILED: varnishd did not start"; cat "$tmp/varnishd.log"; exit 1; }

fail() { echo "varnish-test: FAILED: $*"; tail -n 20 "$tmp/stderr"; exit 1; }
# Access-log lines dxserve wrote for PATH with STATUS (its log is on stderr).
backend_count() { grep -c "method=GET path=$1 status=$2 " "$tmp/stderr" || true; }

# 1. Revalidated hit.
first="$(curl -fsS "$vurl/api/v1/measures")"
before304="$(backend_count /api/v1/measures 304)"
second_status="$(curl -sS -o "$tmp/second" -w '%{http_code}' "$vurl/api/v1/measures")"
sleep 0.3  # the access log is buffered; let it flush
[ "$second_status" = 200 ] || fail "second GET through Varnish answered $second_status"
cmp -s <(printf '%s' "$first") "$tmp/second" || fail "the revalidated body differs from the first"
after304="$(backend_count /api/v1/measures 304)"
[ "$after304" -gt "$before304" ] || fail "the backend did not see a conditional request answered 304"
echo "varnish-test: revalidated hit: backend 304 (If-None-Match), client 200 with the stored body ($(wc -c <"$tmp/second") bytes)"
# A client's own If-None-Match is answered 304 by Varnish.
etag="$(curl -fsS -D - -o /dev/null "$vurl/api/v1/measures" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
[ "$(curl -sS -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$vurl/api/v1/measures")" = 304 ] || fail "client If-None-Match was not answered 304"

# 2. A write through Varnish is visible on the next read.
token="$("$DXSERVE" token create varnish-test --db "$tmp/dx.sqlite")"
curl -fsS -o /dev/null "$vurl/api/v1/projects"
body='{"measure_code":"1-1","title":"varnish write","department":"情報政策課","start_fiscal_year":2024,"end_fiscal_year":2025}'
id="$(curl -fsS -X POST "$vurl/api/v1/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
curl -fsS "$vurl/api/v1/projects" | grep -q '"varnish write"' || fail "the new project is not in the next list read through Varnish"
curl -fsS "$vurl/api/v1/projects/$id" >/dev/null
curl -fsS -o /dev/null -X PATCH "$vurl/api/v1/projects/$id" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/merge-patch+json' --data-binary '{"title":"varnish write, edited"}'
curl -fsS "$vurl/api/v1/projects/$id" | grep -q '"varnish write, edited"' || fail "the PATCH is not visible on the next read through Varnish"
echo "varnish-test: writes (POST, PATCH) visible on the next read through Varnish"

# 3. Authorization: passed through, never stored. A first, authenticated request for a
#    resource must leave nothing an anonymous one could get: the anonymous one is a full 200
#    from the backend, not a 304 revalidation.
before200="$(backend_count /api/v1/policies 200)"
curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$vurl/api/v1/policies"
curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$vurl/api/v1/policies"
sleep 0.3
after_admin="$(backend_count /api/v1/policies 200)"
[ $((after_admin - before200)) -eq 2 ] || fail "authenticated GETs were not both passed to the backend"
curl -fsS -o /dev/null "$vurl/api/v1/policies"
sleep 0.3
[ "$(backend_count /api/v1/policies 304)" = 0 ] || fail "an authenticated response was stored"
echo "varnish-test: requests with Authorization passed to dxserve, nothing stored"

# Throughput, bounded: 5 s each, 2 threads, 32 connections, 127.0.0.1 only.
if command -v wrk >/dev/null 2>&1; then
    via="$(wrk -t2 -c32 -d5s -H 'Accept-Encoding: gzip' "$vurl/api/v1/measures" | awk '/Requests\/sec/ {print $2}')"
    direct="$(wrk -t2 -c32 -d5s -H 'Accept-Encoding: gzip' "$url/api/v1/measures" | awk '/Requests\/sec/ {print $2}')"
    echo "varnish-test: GET /api/v1/measures (gzip), wrk -t2 -c32 -d5s: through Varnish $via req/s, direct $direct req/s"
else
    echo "varnish-test: wrk missing: throughput not measured"
fi
elapsed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
echo "varnish-test: passed ($(varnishd -V 2>&1 | head -1 | cut -d' ' -f2 | tr -d '()'), ${elapsed}s)"
