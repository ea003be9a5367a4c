#!/usr/bin/env bash
# A primary and a read replica (`serve --read-only --primary-url`) as two processes: each
# round writes on the primary, hands the replica a newer copy the documented way
# (`dxserve backup NEW && mv NEW REPLICA_DB`) and times how long until the replica serves the
# write (polled every 20 ms; the replica looks once a second), without a restart. Also checks
# that a write sent to the replica is 503 naming the primary. Usage: scripts/replica-test.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
bash scripts/install-debian.sh curl python3 >/dev/null

. scripts/lib/dxserve.sh
bin=.build/release/dxserve; [ -x "$bin" ] || bin=.build/debug/dxserve
# A release build older than --read-only: take the debug build `make test` just made.
# The help is read whole before grep: with pipefail, `grep -q` leaving early makes the writer's
# SIGPIPE fail the test.
has_read_only() { local help; help="$("$1" serve --help 2>/dev/null)" || return 1; [[ "$help" == *--read-only* ]]; }
has_read_only "$bin" || bin=.build/debug/dxserve
DXSERVE="${DXSERVE:-$(pwd)/$bin}"
has_read_only "$DXSERVE" || { echo "replica-test: FAILED: $DXSERVE has no --read-only (rebuild it)"; exit 1; }
dxserve_start
rpid=""
cleanup() { [ -n "$rpid" ] && kill "$rpid" 2>/dev/null && wait "$rpid" 2>/dev/null; dxserve_stop; }
trap cleanup EXIT

replica_db="$tmp/replica.sqlite"
"$DXSERVE" backup --db "$tmp/dx.sqlite" "$replica_db" >/dev/null
"$DXSERVE" serve --read-only --primary-url "$url" --host 127.0.0.1 --port 0 --db "$replica_db" \
    --migrations migrations >"$tmp/replica.out" 2>"$tmp/replica.err" &
rpid=$!
rurl=""
for _ in $(seq 1 100); do
    rurl="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$tmp/replica.out" 2>/dev/null | head -n 1)" || rurl=""
    [ -n "$rurl" ] && break; sleep 0.1
done
[ -n "$rurl" ] || { echo "replica-test: FAILED: the replica did not start"; cat "$tmp/replica.err"; exit 1; }

token="$("$DXSERVE" token create replica-test --db "$tmp/dx.sqlite")"
status="$(curl -sS -o "$tmp/refusal" -w '%{http_code}' -X POST "$rurl/api/v1/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary '{}')"
[ "$status" = 503 ] && grep -q "$url" "$tmp/refusal" || { echo "replica-test: FAILED: a write to the replica answered $status: $(cat "$tmp/refusal")"; exit 1; }

: >"$tmp/times"
for round in $(seq 1 "$rounds"); do
    body="{\"measure_code\":\"1-1\",\"title\":\"replica round $round\",\"department\":\"情報政策課\",\"start_fiscal_year\":2024,\"end_fiscal_year\":2025}"
    id="$(curl -fsS -X POST "$url/api/v1/projects" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
    rm -f "$replica_db.incoming"
    "$DXSERVE" backup --db "$tmp/dx.sqlite" "$replica_db.incoming" >/dev/null
    mv "$replica_db.incoming" "$replica_db"
    renamed=$(date +%s%N)
    seen=""
    for _ in $(seq 1 250); do  # at most 5 s
        if [ "$(curl -sS -o /dev/null -w '%{http_code}' "$rurl/api/v1/projects/$id")" = 200 ]; then seen=$(date +%s%N); break; fi
        sleep 0.02
    done
    [ -n "$seen" ] || { echo "replica-test: FAILED: round $round: the replica did not serve project $id within 5 s"; cat "$tmp/replica.err"; exit 1; }
    echo $(( (seen - renamed) / 1000000 )) >>"$tmp/times"
done
summary="$(sort -n "$tmp/times" | python3 -c 'import sys; t=[int(x) for x in sys.stdin]; print(f"min {t[0]} ms, median {t[len(t)//2]} ms, max {t[-1]} ms")')"
swap="$(grep -o 'verify_seconds=[0-9.]*' "$tmp/replica.err" | tail -n 1)"
echo "replica-test: $rounds rounds: rename to first replica read of the new write: $summary ($swap per swap; the replica looks once a second); writes to the replica: 503 naming the primary"
