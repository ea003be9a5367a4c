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

# A configured contact, as a deployment has: the check requires vcard:hasEmail.
source scripts/lib/dxserve.sh
dxserve_start --contact-name "都城市 DX推進担当 (CI)" --contact-email "opendata@example.org"

timeout 120 python3 scripts/check-catalog.py "$url"
