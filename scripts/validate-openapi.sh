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

source scripts/lib/dxserve.sh
dxserve_start

# Python rather than curl: one dependency fewer on a fresh machine.
python3 - "$url/openapi.json" "$tmp/openapi.json" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
    assert response.status == 200, response.status
    open(sys.argv[2], "wb").write(response.read())
PY

python3 -m openapi_spec_validator "$tmp/openapi.json"
