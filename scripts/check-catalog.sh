#!/usr/bin/env bash
# Starts dxserve on a scratch database (port 0), reads its DCAT catalog with rdflib as JSON-LD
# and checks the triples a CKAN DCAT harvester reads (scripts/check-catalog.py). Used by .ci/run.
# When rdflib cannot be installed from PyPI it says so and exits 0: the Swift tests still cover
# the catalog's structure.
#
#   scripts/check-catalog.sh               # uses (and if needed builds) the debug binary
#   DXSERVE=path/to/dxserve scripts/check-catalog.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import rdflib' 2>/dev/null; then
    # Debian's Python refuses plain `pip install` outside a venv (PEP 668); CI is a throwaway machine.
    python3 -m pip install -q rdflib 2>/dev/null \
        || python3 -m pip install -q --break-system-packages rdflib 2>/dev/null \
        || true
    if ! python3 -c 'import rdflib' 2>/dev/null; then
        echo "catalog check: skipped (rdflib could not be installed from PyPI)"
        exit 0
    fi
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

# A configured contact, as a deployment has: the check requires vcard:hasEmail.
"$DXSERVE" serve --host 127.0.0.1 --port 0 --db "$tmp/dx.sqlite" --migrations migrations \
    --contact-name "都城市 DX推進担当 (CI)" --contact-email "opendata@example.org" >"$tmp/stdout" 2>"$tmp/stderr" &
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

timeout 120 python3 scripts/check-catalog.py "$url"
