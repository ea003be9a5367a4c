#!/usr/bin/env bash
# make demo: the examples/ dataset on a scratch database, served on 127.0.0.1:${PORT:-8080}.
set -euo pipefail
bin="$(swift build --show-bin-path)/dxserve"
db="$(mktemp -d)/demo.sqlite"
"$bin" migrate --db "$db" --migrations migrations >/dev/null
"$bin" import projects --db "$db" --migrations migrations --as demo examples/projects.csv
"$bin" import measurements --db "$db" --migrations migrations --as demo examples/measurements.csv
echo "demo database: $db"
exec "$bin" serve --host 127.0.0.1 --port "${PORT:-8080}" --db "$db" --migrations migrations
