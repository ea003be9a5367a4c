#!/usr/bin/env bash
# Lints a live server's /metrics with `promtool check metrics` (Debian package `prometheus`):
# metric types, counter names, HELP lines, the exposition syntax.
# Starts the release (else debug, else freshly built) dxserve on a scratch database, port 0,
# makes a few requests so that every family has samples, then checks /metrics.
# Installs promtool (and curl) with apt when missing and running as root; otherwise skips
# with a clear message.
set -euo pipefail
cd "$(dirname "$0")/.."

need() {  # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "check-metrics: installing $2 for $1"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2"; } >/dev/null 2>&1 || true
    fi
    command -v "$1" >/dev/null 2>&1
}

if ! need promtool prometheus; then
    echo "check-metrics: SKIPPED: promtool is missing and could not be installed (as root: apt-get install prometheus)"
    exit 0
fi
if ! need curl curl; then
    echo "check-metrics: SKIPPED: curl is missing and could not be installed (as root: apt-get install curl)"
    exit 0
fi

bin=.build/release/dxserve
[ -x "$bin" ] || bin=.build/debug/dxserve
if [ ! -x "$bin" ]; then
    swift build
    bin=.build/debug/dxserve
fi

scratch=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

"$bin" serve --host 127.0.0.1 --port 0 --db "$scratch/dx.sqlite" >"$scratch/stdout" 2>"$scratch/stderr" &
pid=$!
url=""
for _ in $(seq 1 300); do
    line=$(head -n 1 "$scratch/stdout" 2>/dev/null || true)
    case "$line" in
        "listening on "*) url=${line#listening on }; break ;;
    esac
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "check-metrics: FAILED: dxserve did not start"
    cat "$scratch/stderr" >&2
    exit 1
fi

# A hit and a miss of the response cache, a 404, a health check.
for path in /healthz /api/v1/measures /api/v1/measures /api/v1/no-such-thing /readyz; do
    curl -s -o /dev/null "$url$path" || true
done
curl -fsS "$url/metrics" >"$scratch/metrics"

families=$(grep -c '^# TYPE ' "$scratch/metrics" || true)
if promtool check metrics <"$scratch/metrics" >"$scratch/promtool" 2>&1; then
    cat "$scratch/promtool"
    echo "check-metrics: OK: promtool check metrics passed on $families families from $url/metrics ($(promtool --version 2>&1 | head -n 1))"
else
    cat "$scratch/promtool"
    echo "check-metrics: FAILED: promtool check metrics on $url/metrics"
    exit 1
fi
