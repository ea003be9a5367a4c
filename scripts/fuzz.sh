#!/usr/bin/env bash
# libFuzzer over the four parsers that read client bytes (issue 11): the HTTP/1.1 parser
# (DXHTTP), the JSON body reader, the CSV import reader and the query-string parser. Builds the
# separate package fuzz/ with -sanitize=fuzzer,address (the root package's `swift build` never
# sees it) and runs each target for FUZZ_SECONDS (default 60) from its seeds: the llhttp
# conformance corpus for HTTP, fuzz/corpus/{json,csv,query} for the others.
# A crash fails the script and leaves its input in $FUZZ_OUT (default .build-fuzz-out/); keep it
# as a regression test in the normal suites and fix the whole kind.
# Usage: scripts/fuzz.sh [TARGET...]    (targets: http json csv query; default all)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${FUZZ_SECONDS:-60}
out=${FUZZ_OUT:-$root/.build-fuzz-out}
swift=${SWIFT:-swift}

# libFuzzer ships with the toolchain's clang runtime on Linux; without it there is nothing to run.
source scripts/lib/clang-runtime.sh
runtime=$(clang_runtime fuzzer_no_main)
if [ -z "$runtime" ]; then
  echo "fuzz: SKIPPED — this toolchain has no libFuzzer runtime (libclang_rt.fuzzer); fuzzing needs Swift on Linux" >&2
  exit 0
fi

start=$(date +%s)
echo "fuzz: building fuzz/ with -sanitize=fuzzer,address" >&2
# DX_FUZZ=1 instruments DXHTTP, DXCore and DXServer (root Package.swift); the harnesses carry
# their own flags (fuzz/Package.swift). Not -Xswiftc: the EmbedOpenAPI tool must link normally.
export DX_FUZZ=1
"$swift" build --package-path fuzz --scratch-path fuzz/.build -c debug
bin=$("$swift" build --package-path fuzz --scratch-path fuzz/.build -c debug --show-bin-path)
echo "fuzz: built in $(( $(date +%s) - start )) s" >&2

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# HTTP seeds: every request of the conformance corpus as the tests send it.
mkdir -p "$work/seeds-http"
python3 - "$root/Tests/DXServerTests/Fixtures/llhttp-requests.json" "$work/seeds-http" <<'PY'
import base64, json, sys
for i, case in enumerate(json.load(open(sys.argv[1]))):
    raw = case.get("send_b64") or case.get("request_b64")
    if raw:
        open(f"{sys.argv[2]}/{i:04d}", "wb").write(base64.b64decode(raw))
PY

declare -A target=([http]=FuzzHTTPParser [json]=FuzzJSONReader [csv]=FuzzCSVReader [query]=FuzzQueryParameters)
declare -A seeds=([http]="$work/seeds-http" [json]=fuzz/corpus/json [csv]=fuzz/corpus/csv [query]=fuzz/corpus/query)
failed=()
for name in ${@:-http json csv query}; do
  exe=${target[$name]:?unknown fuzz target $name}
  mkdir -p "$work/corpus-$name"
  echo "fuzz: $exe for ${seconds} s" >&2
  # The first directory collects new inputs; the committed seeds stay untouched.
  if ! "$bin/$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=1 -artifact_prefix="$out/$name-" "$work/corpus-$name" "${seeds[$name]}" \
      > "$out/$name.log" 2>&1; then
    failed+=("$name")
    tail -40 "$out/$name.log" >&2
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$out/$name.log" | sed "s/^/fuzz: $name: /" >&2 || true
done
echo "fuzz: total $(( $(date +%s) - start )) s" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} — inputs in $out (crash-*, timeout-*, oom-*)" >&2
  exit 1
fi
echo "fuzz: no crash in ${seconds} s per target" >&2
