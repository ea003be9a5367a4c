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

source scripts/lib/dxserve.sh
dxserve_start

# The script stops the browser on SIGTERM; -k covers a browser that will not stop.
timeout -k 10 180 python3 scripts/browser-cors-test.py "$url"
