#!/usr/bin/env bash
# The pages for people in a real browser (scripts/pages-test.py): headless Chromium, driven by
# selenium, opens every page at 1280 and 360 CSS px; checks the console, axe-core (no serious
# or critical violation), no sideways scrolling at 360 px and at 200 % zoom (640 px), and that
# every link between the pages answers; writes screenshots under ci-artifacts/pages/. Used by
# .ci/run. Installs Debian's chromium and chromium-driver (as root) and PyPI's selenium,
# axe-selenium-python and axe-playwright-python (for its axe-core 4.x script); where the browser
# or selenium cannot be installed it says so and exits 0.
#
#   scripts/pages-test.sh           # uses (and if needed builds) the debug binary
#   DXSERVE=path/to/dxserve scripts/pages-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! bash scripts/install-debian.sh chromium chromium-driver >/tmp/pages-test-install.log 2>&1; then
    echo "pages browser test: skipped (Debian chromium and chromium-driver could not be installed: $(tail -n 1 /tmp/pages-test-install.log))"
    exit 0
fi
for module in selenium:selenium axe_selenium_python:axe-selenium-python; do
    import="${module%%:*}" package="${module##*:}"
    if ! python3 -c "import $import" 2>/dev/null; then
        # Debian's Python refuses plain `pip install` outside a venv (PEP 668); CI is a throwaway machine.
        python3 -m pip install -q "$package" 2>/dev/null \
            || python3 -m pip install -q --break-system-packages "$package" 2>/dev/null \
            || true
        if ! python3 -c "import $import" 2>/dev/null; then
            echo "pages browser test: skipped ($package could not be installed from PyPI)"
            exit 0
        fi
    fi
done

# axe-core 4.x: axe-playwright-python ships a current axe.min.js; only that file is used (no
# Playwright, hence --no-deps). Without it the script falls back to axe-selenium-python's 3.1.1.
if ! python3 -c "import axe_playwright_python" 2>/dev/null; then
    python3 -m pip install -q --no-deps axe-playwright-python 2>/dev/null \
        || python3 -m pip install -q --no-deps --break-system-packages axe-playwright-python 2>/dev/null \
        || echo "pages browser test: axe-playwright-python could not be installed; using axe-core 3.1.1 of axe-selenium-python"
fi

# Japanese glyphs for the screenshots (the pages name system fonts only and download none);
# without them the screenshots show boxes, so say so, but the checks still run.
bash scripts/install-debian.sh fonts-ipafont-gothic >/tmp/pages-test-fonts.log 2>&1 \
    || echo "pages browser test: no Japanese font (fonts-ipafont-gothic could not be installed); screenshots will show boxes"

source scripts/lib/dxserve.sh
dxserve_start
# An admin token, so the script can add projects (titles with markup among them) to render.
token="$("$DXSERVE" token create pages-test --db "$tmp/dx.sqlite" | tail -n 1)"

mkdir -p ci-artifacts/pages
# The script stops the browser on SIGTERM; -k covers a browser that will not stop.
timeout -k 10 420 python3 scripts/pages-test.py "$url" "$token" ci-artifacts/pages
