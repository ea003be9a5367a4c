#!/usr/bin/env bash
# Validates the OpenAPI document exactly as the server serves it (not the source text), against
# the OpenAPI 3.1 schema, with openapi-spec-validator. Used by .ci/run after `make test`.
#
#   scripts/validate-openapi.sh            # uses (and if needed builds) the debug binary
#   DXSERVE=path/to/dxserve scripts/validate-openapi.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import openapi_spec_validator' 2>/dev/null; then
    # Debian's Python refuses plain `pip install` outside a venv (PEP 668); CI is a throwaway machine.
    python3 -m pip install -q openapi-spec-validator 2>/dev/null \
        || python3 -m pip install -q --break-system-packages openapi-spec-validator
fi

if [ -z "${DXSERVE:-}" ]; then
    DXSERVE="$(swift build --show-bin-path)/dxserve"
    [ -x "$DXSERVE" ] || swift build --product dxserve
fi

tmp="$(mktemp -d)"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# Port 0: the server picks a free port and says which on stdout.
"$DXSERVE" serve --host 127.0.0.1 --port 0 --db "$tmp/dx.sqlite" --migrations migrations >"$tmp/stdout" 2>"$tmp/stderr" &
pid=$!
url=""
for _ in $(seq 1 100); do
    # The background shell may not have created stdout yet: under pipefail a missing file
    # would otherwise end the script here, silently.
    url="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$tmp/stdout" 2>/dev/null | head -n 1)" || url=""
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "dxserve exited early:" >&2; cat "$tmp/stderr" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "dxserve did not report its port" >&2; cat "$tmp/stderr" >&2; exit 1; }

# Python rather than curl: one dependency fewer on a fresh machine.
python3 - "$url/openapi.json" "$tmp/openapi.json" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
    assert response.status == 200, response.status
    open(sys.argv[2], "wb").write(response.read())
PY

python3 -m openapi_spec_validator "$tmp/openapi.json"
