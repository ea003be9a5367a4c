#!/usr/bin/env bash
# make demo: the examples/ dataset on a scratch database, served on 127.0.0.1:${PORT:-8080}.
# Projects, measurements and budgets are imported with `dxserve import`; the evaluations have
# no import, so they go through the API (curl, with a token made for the demo), as a client
# would write them.
set -euo pipefail
bin="$(swift build --show-bin-path)/dxserve"
port="${PORT:-8080}"
db="$(mktemp -d)/demo.sqlite"
"$bin" migrate --db "$db" --migrations migrations >/dev/null
"$bin" import projects --db "$db" --migrations migrations --as demo examples/projects.csv
"$bin" import measurements --db "$db" --migrations migrations --as demo examples/measurements.csv
"$bin" import budget --db "$db" --migrations migrations --as demo examples/budget.csv
token="$("$bin" token create demo --db "$db" --migrations migrations)"

"$bin" serve --host 127.0.0.1 --port "$port" --db "$db" --migrations migrations &
server=$!
trap 'kill "$server" 2>/dev/null || true' INT TERM EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "demo: the server did not start" >&2; exit 1; }
  sleep 0.1
done
count=0
while IFS=$'\t' read -r project body; do
  [[ -z "$project" || "$project" == \#* ]] && continue
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/projects/$project/evaluations" \
    -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data-binary "$body" \
    || { echo "demo: evaluation of project $project was refused: $body" >&2; exit 1; }
  count=$((count + 1))
done < examples/evaluations.tsv
echo "posted $count evaluations"
# The KPI's baseline: its first reported figure (78.0 on 2022-04-01), so that achievement and
# on_track can be computed. A PATCH needs the KPI's current ETag in If-Match.
kpi="http://127.0.0.1:$port/api/v1/projects/1/kpis/1"
etag="$(curl -sfI "$kpi" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')"
curl -sf -o /dev/null -X PATCH "$kpi" -H "Authorization: Bearer $token" -H "If-Match: $etag" \
  -H "Content-Type: application/json" --data-binary '{"baseline":{"value":78.0,"date":"2022-04-01"}}' \
  || { echo "demo: the KPI's baseline was refused" >&2; exit 1; }
echo "demo database: $db — serving http://127.0.0.1:$port/ (Ctrl-C stops)"
wait "$server"
