#!/usr/bin/env bash
# Every flag and DX_* variable that `dxserve serve --help` prints must appear in README.md
# (the operator's guide's configuration table), so a new flag cannot ship undocumented.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/dxserve; [ -x "$bin" ] || bin=.build/release/dxserve
[ -x "$bin" ] || swift build --product dxserve
help="$("$bin" serve --help)"
missing=()
for flag in $(printf '%s\n' "$help" | grep -oE '^ +--[a-z][a-z0-9-]*' | tr -d ' ' | sort -u); do
    [ "$flag" = --help ] && continue
    grep -qF -- "\`$flag\`" README.md || missing+=("$flag")
done
for var in $(printf '%s\n' "$help" | grep -oE 'DX_[A-Z_]+' | sort -u); do
    grep -qF -- "$var" README.md || missing+=("$var")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "check-readme-flags: FAILED: README.md does not mention: ${missing[*]} (add them to the table under \"Running it\")"
    exit 1
fi
echo "check-readme-flags: every flag and DX_* variable of \`dxserve serve --help\` is in README.md"
