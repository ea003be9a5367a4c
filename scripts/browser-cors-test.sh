#!/usr/bin/env bash
# A browser on another origin: headless Chromium, driven by selenium, loads a page from one
# origin whose JavaScript reads dxserve on another (scripts/browser-cors-test.py). Used by
# .ci/run. Installs Debian's chromium and chromium-driver (as root) and PyPI's selenium; where
# either cannot be installed it says so and exits 0.
#
#   scripts/browser-cors-test.sh           # uses (and if needed builds) the debug binary
#   DXSERVE=path/to/dxserve scripts/browser-cors-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! bash scripts/install-debian.sh chromium chromium-driver >/tmp/browser-cors-install.log 2>&1; then
    echo "browser test: skipped (Debian chromium and chromium-driver could not be installed: $(tail -n 1 /tmp/browser-cors-install.log))"
    exit 0
fi
if ! python3 -c 'import selenium' 2>/dev/null; then
    # Debian's Python refuses plain `pip install` outside a venv (PEP 668); CI is a throwaway machine.
    python3 -m pip install -q selenium 2>/dev/null \
        || python3 -m pip install -q --break-system-packages selenium 2>/dev/null \
        || true
    if ! python3 -c 'import selenium' 2>/dev/null; then
        echo "browser test: skipped (selenium could not be installed from PyPI)"
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

# The script stops the browser on SIGTERM; -k covers a browser that will not stop.
timeout -k 10 180 python3 scripts/browser-cors-test.py "$url"
