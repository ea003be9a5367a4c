#!/usr/bin/env bash
# Fuzzes a live server against its own OpenAPI document with schemathesis (PyPI): every
# operation, once without a token and once with an admin token, all checks. Fails on any 5xx,
# any response the document does not describe, any request the document calls invalid that is
# accepted, and any request it calls valid that is refused. Used by .ci/run after `make test`.
#
#   scripts/schemathesis.sh                     # uses (and if needed builds) the debug binary
#   DXSERVE=path/to/dxserve scripts/schemathesis.sh
#   ST_MAX_EXAMPLES=50 ST_MAX_TIME=120 scripts/schemathesis.sh
#
# The documented answers a fuzzer cannot avoid (412 for a random If-Match, 410 for a project it
# archived itself, 422 for cross-field rules JSON Schema cannot state) are accepted precisely in
# scripts/schemathesis_hooks.py, each with its reason; scripts/schemathesis.toml holds settings.
set -euo pipefail
cd "$(dirname "$0")/.."

ST_VERSION="4.32.5"
MAX_EXAMPLES="${ST_MAX_EXAMPLES:-25}"
MAX_TIME="${ST_MAX_TIME:-120}"     # seconds per run (two runs): about 4.5 min in all
SEED="${ST_SEED:-20221}"
VENV="${ST_VENV:-.build/schemathesis-venv}"

# A venv of our own: Debian's Python refuses plain `pip install` (PEP 668), and the pinned
# version must not depend on what else the machine has.
st="$VENV/bin/schemathesis"
if ! { [ -x "$st" ] && "$st" --version 2>/dev/null | grep -qF "$ST_VERSION"; }; then
    if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
        echo "schemathesis: skipped (python3 -m venv failed; install python3-venv)"
        exit 0
    fi
    if ! "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$ST_VERSION" >"$VENV.log" 2>&1; then
        echo "schemathesis: skipped (pip could not install schemathesis==$ST_VERSION; see $VENV.log)"
        exit 0
    fi
fi

if [ -z "${DXSERVE:-}" ]; then
    DXSERVE="$(swift build --show-bin-path)/dxserve"
    [ -x "$DXSERVE" ] || swift build --product dxserve
fi

tmp="$(mktemp -d -t dxserve-schemathesis.XXXXXX)"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

db="$tmp/dx.sqlite"
"$DXSERVE" migrate --db "$db" --migrations migrations >/dev/null
token="$("$DXSERVE" token create --db "$db" --migrations migrations schemathesis | tail -n 1)"

# Port 0: the server picks a free port and says which on stdout.
# Every generated request comes from one address and most carry a wrong token, so the
# failed-authentication limit (429, tested in-process by AbuseLimitTests) would answer nearly all
# of them; off here so the operations' own logic is what schemathesis exercises.
"$DXSERVE" serve --host 127.0.0.1 --port 0 --db "$db" --migrations migrations --auth-failure-limit 0 >"$tmp/stdout" 2>"$tmp/stderr" &
pid=$!
url=""
for _ in $(seq 1 100); do
    url="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$tmp/stdout" | head -n 1)"
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "dxserve exited early:" >&2; cat "$tmp/stderr" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "dxserve did not report its port" >&2; cat "$tmp/stderr" >&2; exit 1; }

run() {
    local label="$1"; shift
    echo "== schemathesis $label"
    PYTHONPATH="$PWD/scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
        "$st" --config-file scripts/schemathesis.toml run "$url/openapi.json" \
        --checks all \
        --max-examples "$MAX_EXAMPLES" --max-time "$MAX_TIME" --seed "$SEED" \
        --workers 1 --request-timeout 10 --no-color \
        --generation-database none \
        "$@"
}

status=0
run "without token" || status=1
run "with token" -H "Authorization: Bearer $token" || status=1
if [ "$status" -ne 0 ]; then
    echo "schemathesis: FAILED (server log: last lines follow)" >&2
    tail -n 20 "$tmp/stderr" >&2
fi
exit "$status"
