# Sourced by the CI check scripts: one dxserve on a scratch database, on 127.0.0.1 port 0.
# `dxserve_start [serve flags…]` sets `url` (http://127.0.0.1:PORT), `pid` and `tmp` (the
# scratch folder, holding stdout and stderr); the server is stopped by its PID and the folder
# removed when the calling script exits. DXSERVE overrides the binary (default: the debug build,
# built when missing).

dxserve_start() {
    if [ -z "${DXSERVE:-}" ]; then
        DXSERVE="$(swift build --show-bin-path)/dxserve"
        [ -x "$DXSERVE" ] || swift build --product dxserve
    fi
    tmp="$(mktemp -d)"
    pid=""
    trap dxserve_stop EXIT
    # Port 0: the server picks a free port and says which on stdout.
    "$DXSERVE" serve --host 127.0.0.1 --port 0 --db "$tmp/dx.sqlite" --migrations migrations "$@" \
        >"$tmp/stdout" 2>"$tmp/stderr" &
    pid=$!
    url=""
    for _ in $(seq 1 100); do
        # The background shell may not have created stdout yet: under pipefail a missing file
        # would otherwise end the script here, silently.
        url="$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$tmp/stdout" 2>/dev/null | head -n 1)" || url=""
        [ -n "$url" ] && break
        kill -0 "$pid" 2>/dev/null || { echo "dxserve exited early:" >&2; cat "$tmp/stderr" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$url" ] || { echo "dxserve did not report its port" >&2; cat "$tmp/stderr" >&2; exit 1; }
}

dxserve_stop() {
    if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    [ -n "${tmp:-}" ] && rm -rf "$tmp"
}
