#!/usr/bin/env python3
"""`make profile`: where a cached GET's time goes, in counts that do not depend on load.

- user-space instructions per request: the release server under `valgrind --tool=callgrind`
  answers N1 and then N2 keep-alive requests for the hot path in two runs; (I2 - I1) / (N2 - N1)
  removes start-up and migration costs. The top functions of the larger run are printed.
- syscalls per request: `strace -c -f` attached to the release server during a bounded wrk run.

Loopback only, bounded in count and time; every process started here is stopped here by PID.
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "dxserve")
PATH = os.environ.get("PROFILE_PATH", "/api/v1/measures")
HEADERS = os.environ.get("PROFILE_HEADERS", "")  # e.g. "Accept-Encoding: gzip"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def keep_alive_requests(port, count, connections=4):
    """`count` requests over `connections` keep-alive connections, each answer read whole."""
    extra = (HEADERS + "\r\n") if HEADERS else ""
    req = f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode()
    socks = [socket.create_connection(("127.0.0.1", port), timeout=60) for _ in range(connections)]
    done = 0
    while done < count:
        for s in socks:
            if done >= count:
                break
            s.sendall(req)
            buf = b""
            while b"\r\n\r\n" not in buf:
                buf += s.recv(65536)
            head, rest = buf.split(b"\r\n\r\n", 1)
            length = int(re.search(rb"(?i)content-length: (\d+)", head).group(1))
            while len(rest) < length:
                rest += s.recv(65536)
            done += 1
    for s in socks:
        s.close()


def callgrind_run(work, n):
    port = free_port()
    out = os.path.join(work, f"callgrind.{n}")
    db = os.path.join(work, f"cg{n}.sqlite")
    # valgrind 3.19 cannot read the DWARF 5 that Swift emits: profile a copy without debug info
    # (the symbol table still names every function).
    stripped = os.path.join(work, "dxserve-stripped")
    if not os.path.exists(stripped):
        subprocess.run(["objcopy", "--strip-debug", BIN, stripped], check=True)
    proc = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", stripped, "serve",
                             "--host", "127.0.0.1", "--port", str(port), "--db", db,
                             "--migrations", os.path.join(ROOT, "migrations")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", 120)
        keep_alive_requests(port, 1)  # the first answer fills the response cache
        keep_alive_requests(port, n)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
    total = 0
    with open(out) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                total = int(line.split()[1])
    return total, out


def strace_run(work, seconds=3):
    port = free_port()
    db = os.path.join(work, "st.sqlite")
    proc = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    trace_out = os.path.join(work, "strace.txt")
    try:
        url = f"http://127.0.0.1:{port}"
        wait_http(url + "/healthz", 20)
        urllib.request.urlopen(url + PATH).read()
        tracer = subprocess.Popen(["strace", "-c", "-f", "-o", trace_out, "-p", str(proc.pid)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        cmd = ["wrk", "-t1", "-c16", f"-d{seconds}s", url + PATH]
        if HEADERS:
            cmd[1:1] = ["-H", HEADERS]
        wrk_out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=30)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    requests = int(re.search(r"(\d+) requests in", wrk_out).group(1))
    with open(trace_out) as f:
        table = f.read()
    # The last row: "% time, seconds, usecs/call, calls, [errors,] total".
    total_row = [l.split() for l in table.splitlines() if l.strip().endswith(" total")][-1]
    total = int(total_row[3])
    return requests, total, table


def main():
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} is missing: run `make release` first")
    work = tempfile.mkdtemp(prefix="dxprofile-")
    n1, n2 = 1000, 6000
    i1, _ = callgrind_run(work, n1)
    i2, out2 = callgrind_run(work, n2)
    per_request = (i2 - i1) / (n2 - n1)
    print(f"instructions per cached request ({PATH}{', ' + HEADERS if HEADERS else ''}): {per_request:,.0f}"
          f"  [callgrind: {i1:,} for {n1}, {i2:,} for {n2} requests]")
    annotate = subprocess.run(["callgrind_annotate", "--inclusive=no", out2], capture_output=True, text=True).stdout
    lines = [l for l in annotate.splitlines() if re.match(r"^\s*[\d,]+ \(", l)]
    print("top functions by self instructions (run of %d requests):" % n2)
    for l in lines[:25]:
        print("  " + l.strip()[:160])
    requests, syscalls, table = strace_run(work)
    print(f"\nsyscalls per request: {syscalls / requests:.2f}  [strace -c -f: {syscalls} syscalls, {requests} requests, wrk -c16]")
    print(table)


if __name__ == "__main__":
    main()
