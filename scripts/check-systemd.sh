#!/usr/bin/env bash
# `systemd-analyze verify` on the units in deploy/, with /usr/local/bin/dxserve pointed at the
# built binary (verify checks that ExecStart exists). Skips when systemd-analyze is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "check-systemd: SKIPPED: systemd-analyze is missing (Debian package systemd)"; exit 0
fi
bin=.build/release/dxserve; [ -x "$bin" ] || bin=.build/debug/dxserve
[ -x "$bin" ] || swift build --product dxserve
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for unit in deploy/dxserve.service deploy/dxserve-backup.service deploy/dxserve-backup.timer; do
    sed "s#/usr/local/bin/dxserve#$(pwd)/$bin#g" "$unit" >"$tmp/$(basename "$unit")"
done
out="$(cd "$tmp" && systemd-analyze verify dxserve.service dxserve-backup.service dxserve-backup.timer 2>&1)" || true
if [ -n "$out" ]; then echo "check-systemd: FAILED:"; echo "$out"; exit 1; fi
echo "check-systemd: deploy/dxserve.service, dxserve-backup.service and .timer verify clean ($(systemd-analyze --version | head -1))"
