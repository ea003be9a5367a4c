#!/usr/bin/env python3
"""`make bench`: dxserve against nginx serving the same bytes, side by side, on 127.0.0.1 only.

Both servers are pinned to CPU 1 (`taskset -c 1`), wrk to CPU 0, and measured in the same run,
interleaved, for ROUNDS rounds of DURATION seconds per profile. For each run: requests/s, p50,
p99, errors, the server's peak RSS and its CPU time per request (utime+stime from
/proc/PID/stat before and after: unlike requests/s it is not capped by the load generator).
Then dxserve alone: an uncached search, durable admin PATCHes, idle RSS, RSS while holding
10,000 idle keep-alive connections (and keep-alive-64 requests/s meanwhile), and the time from
process start to the first 200. The table is printed and written to bench/results.md.

Every load is bounded in time and sent to 127.0.0.1; every process started here is stopped
here, by PID.
"""
import gzip
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "dxserve")
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
IDLE_CONNECTIONS = int(os.environ.get("BENCH_IDLE_CONNECTIONS", "10000"))
SERVER_CPU = os.environ.get("BENCH_SERVER_CPU", "1")
CLIENT_CPU = os.environ.get("BENCH_CLIENT_CPU", "0")
HOT_PATH = "/api/v1/measures"
CLK_TCK = os.sysconf("SC_CLK_TCK")

started = []  # (Popen) we own, stopped on exit


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_tree(pid):
    """pid and its direct children (nginx: master and worker)."""
    pids = [pid]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    pids.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                pass
    return pids


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / CLK_TCK


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def reset_peak(pids):
    for pid in pids:
        try:
            with open(f"/proc/{pid}/clear_refs", "w") as f:
                f.write("5")  # resets VmHWM to the current RSS
        except OSError:
            pass


def peak_rss_kb(pids):
    return sum(status_kb(p, "VmHWM") for p in pids)


def rss_kb(pids):
    return sum(status_kb(p, "VmRSS") for p in pids)


def wait_http(url, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except Exception:
            time.sleep(0.002)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s")


def parse_wrk(out):
    def duration_ms(text):
        m = re.match(r"([\d.]+)(us|ms|s|m)", text)
        if not m:
            return float("nan")
        v, unit = float(m.group(1)), m.group(2)
        return {"us": v / 1000, "ms": v, "s": v * 1000, "m": v * 60000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = duration_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = duration_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    return {"rps": rps, "requests": requests, "p50": p50, "p99": p99, "errors": errors}


def wrk(url, conns, headers=(), script=None, seconds=DURATION):
    cmd = ["taskset", "-c", CLIENT_CPU, "wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for h in headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", script]
    cmd.append(url)
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"wrk failed ({run.returncode}): {run.stderr.strip()}")
    return parse_wrk(run.stdout)


def measured(server_pids, url, conns, **kw):
    reset_peak(server_pids)
    before = cpu_seconds(server_pids)
    r = wrk(url, conns, **kw)
    r["cpu_us"] = (cpu_seconds(server_pids) - before) / max(r["requests"], 1) * 1e6
    r["peak_rss_kb"] = peak_rss_kb(server_pids)
    return r


class DXServe:
    def __init__(self, work):
        self.work = work
        self.db = os.path.join(work, "dx.sqlite")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            ["taskset", "-c", SERVER_CPU, BIN, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.work, "dxserve.log"), "w"))
        started.append(self.proc)
        wait_http(self.url + "/healthz")
        self.first_200_ms = (time.monotonic() - t0) * 1000
        self.pids = [self.proc.pid]
        return self

    def token(self):
        out = subprocess.run([BIN, "token", "create", "bench", "--db", self.db], capture_output=True, text=True, check=True)
        return out.stdout.strip().splitlines()[-1]


class Nginx:
    def __init__(self, work, body, content_type):
        self.work = work
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        www = os.path.join(work, "www", "api", "v1")
        os.makedirs(www)
        with open(os.path.join(www, "measures"), "wb") as f:
            f.write(body)
        media_type, _, params = content_type.partition(";")
        media_type = media_type.strip()
        charset = params.strip().removeprefix("charset=") or "off"
        tmp = os.path.join(work, "nginx-tmp")
        os.makedirs(tmp)
        conf = f"""
user root;
worker_processes 1;
worker_rlimit_nofile 30000;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 20000; use epoll; }}
http {{
    access_log {work}/nginx-access.log combined buffer=64k flush=1s;
    open_file_cache max=1000 inactive=60s;
    open_file_cache_valid 60s;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    # The media type and its charset apart: nginx matches gzip_types against the whole
    # default_type, so "application/json; charset=utf-8" there would never be compressed.
    default_type {media_type};
    charset {charset};
    charset_types {media_type};
    gzip on;
    gzip_comp_level 1;
    gzip_min_length 1024;
    gzip_types application/json;
    gzip_vary on;
    etag on;
    server {{
        listen 127.0.0.1:{self.port};
        root {work}/www;
        location / {{ }}
    }}
}}
"""
        self.conf = os.path.join(work, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(conf)

    def start(self):
        self.proc = subprocess.Popen(["taskset", "-c", SERVER_CPU, "nginx", "-c", self.conf, "-p", self.work],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(self.proc)
        wait_http(self.url + HOT_PATH)
        self.pids = proc_tree(self.proc.pid)
        return self


def hold_idle_connections(url_port, count):
    """Opens `count` keep-alive connections, each after one answered request, and keeps them."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    count = min(count, hard - 200)
    socks = []
    req = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", url_port), timeout=5)
        s.sendall(req)
        buf = b""
        while b"\r\n\r\n" not in buf or not buf.endswith(b"}"):
            chunk = s.recv(4096)
            if not chunk:
                break
            buf += chunk
        socks.append(s)
    return socks


def versions():
    def first_line(cmd):
        try:
            r = subprocess.run(cmd, capture_output=True, text=True)
            return (r.stdout + r.stderr).strip().splitlines()[0]
        except Exception as e:
            return f"unknown ({e})"
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "machine": f"{platform.node()}, {os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}",
        "swift": first_line(["swift", "--version"]),
        "nginx": first_line(["nginx", "-v"]),
        "wrk": first_line(["wrk", "-v"]),
    }


def fmt_row(name, d, n=None):
    def cell(r):
        return f"{r['rps']:>9.0f} | {r['p50']:>6.2f} | {r['p99']:>6.2f} | {r['errors']:>5} | {r['peak_rss_kb'] / 1024:>6.1f} | {r['cpu_us']:>6.2f}"
    line = f"| {name:<24} | {cell(d)} |"
    if n:
        line += f" {cell(n)} | {d['rps'] / n['rps']:.2f} | {d['cpu_us'] / n['cpu_us']:.2f} |"
    else:
        line += " – | – | – | – | – | – | – | – |"
    return line


def median_run(runs):
    """The run with the median requests/s of a profile's rounds."""
    runs = sorted(runs, key=lambda r: r["rps"])
    return runs[len(runs) // 2]


def main():
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} is missing: run `make release` first")
    work = tempfile.mkdtemp(prefix="dxbench-")
    try:
        dx = DXServe(work).start()
        idle_rss = rss_kb(dx.pids)
        first_200 = dx.first_200_ms
        with urllib.request.urlopen(dx.url + HOT_PATH) as r:
            body = r.read()
            ctype = r.headers["Content-Type"]
        ng = Nginx(work, body, ctype).start()
        with urllib.request.urlopen(ng.url + HOT_PATH) as r:
            assert r.read() == body, "nginx must serve the exact bytes dxserve serves"
            assert r.headers["Content-Type"] == ctype, f"nginx says {r.headers['Content-Type']}, dxserve {ctype}"
        for srv in (dx, ng):
            # The gzip round compares compressed answers only if both really compress.
            req = urllib.request.Request(srv.url + HOT_PATH, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(req) as r:
                assert r.headers["Content-Encoding"] == "gzip", f"{srv.url} did not compress"
                assert gzip.decompress(r.read()) == body, f"{srv.url} compressed other bytes"
        log(f"hot path {HOT_PATH}: {len(body)} bytes, {ctype}")

        profiles = [
            ("keep-alive, 64 conns", 64, []),
            ("keep-alive, 256 conns", 256, []),
            ("Connection: close, 16", 16, ["Connection: close"]),
            ("gzip, 64 conns", 64, ["Accept-Encoding: gzip"]),
        ]
        results = {name: {"dx": [], "ng": []} for name, _, _ in profiles}
        for rnd in range(ROUNDS):
            for name, conns, headers in profiles:
                for key, srv in (("dx", dx), ("ng", ng)) if rnd % 2 == 0 else (("ng", ng), ("dx", dx)):
                    r = measured(srv.pids, srv.url + HOT_PATH, conns, headers=headers)
                    results[name][key].append(r)
                    log(f"round {rnd + 1} {name:<24} {key}: {r['rps']:.0f} req/s p99 {r['p99']:.2f} ms cpu {r['cpu_us']:.2f} us/req errors {r['errors']}")

        # dxserve alone: an uncached search. Terms × limits give 20,000 distinct targets, visited
        # in order, so a target recurs only after more distinct keys than the cache holds.
        lua_search = os.path.join(work, "search.lua")
        terms = ["デジタル", "行政", "市民", "推進", "AI", "データ", "人材", "教育", "農業", "情報", "地域", "活用",
                 "サービス", "手続", "オンライン", "セキュリティ", "環境", "連携", "支援", "DX"]
        with open(lua_search, "w") as f:
            f.write("local terms = {" + ",".join('"' + urllib.parse.quote(t) + '"' for t in terms) + "}\n")
            f.write("""
local n = 0
request = function()
  n = n + 1
  local term = terms[(n % #terms) + 1]
  local limit = (math.floor(n / #terms) % 500) + 1
  return wrk.format("GET", "/api/v1/measures?q=" .. term .. "&limit=" .. limit)
end
""")
        search = [measured(dx.pids, dx.url, 64, script=lua_search) for _ in range(ROUNDS)]

        # Durable admin PATCHes on 16 projects, each request changing a value so every one writes.
        token = dx.token()
        for i in range(16):
            data = json.dumps({"measure_code": "1-1", "title": f"bench {i}", "department": "bench",
                               "start_fiscal_year": 2023, "end_fiscal_year": 2025}).encode()
            req = urllib.request.Request(dx.url + "/api/v1/projects", data=data, method="POST",
                                         headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            urllib.request.urlopen(req).read()
        lua_patch = os.path.join(work, "patch.lua")
        with open(lua_patch, "w") as f:
            f.write(f"""
local n = 0
wrk.method = "PATCH"
wrk.headers["Authorization"] = "Bearer {token}"
wrk.headers["Content-Type"] = "application/json"
request = function()
  n = n + 1
  local id = (n % 16) + 1
  local progress = math.floor(n / 16) % 101
  return wrk.format("PATCH", "/api/v1/projects/" .. id, nil, '{{"progress":' .. progress .. '}}')
end
""")
        patch = [measured(dx.pids, dx.url, 16, script=lua_patch) for _ in range(ROUNDS)]

        # Idle connections: RSS before, while held, and keep-alive-64 throughput meanwhile.
        ka_alone = median_run(results["keep-alive, 64 conns"]["dx"])
        rss_before_idle = rss_kb(dx.pids)
        socks = hold_idle_connections(dx.port, IDLE_CONNECTIONS)
        time.sleep(1)
        rss_held = rss_kb(dx.pids)
        ka_held = measured(dx.pids, dx.url + HOT_PATH, 64)
        fresh_ok = True
        try:
            with urllib.request.urlopen(dx.url + "/healthz", timeout=5) as r:
                fresh_ok = r.status == 200
        except Exception:
            fresh_ok = False
        held = len(socks)
        for s in socks:
            s.close()

        # Report.
        v = versions()
        lines = []
        lines.append("# dxserve vs nginx: `make bench`\n")
        lines.append(f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        for k in ("machine", "swift", "nginx", "wrk"):
            lines.append(f"- {k}: {v[k]}")
        lines.append(f"- servers pinned to CPU {SERVER_CPU}, wrk (1 thread) to CPU {CLIENT_CPU}; {ROUNDS} rounds × {DURATION} s per profile, interleaved; the median round by requests/s is shown")
        lines.append(f"- body: `GET {HOT_PATH}`, {len(body)} bytes; nginx serves the same bytes from a file (one worker, open_file_cache, access log buffer=64k flush=1s, gzip level 1 on the fly)")
        lines.append("")
        lines.append("| profile | dx req/s | p50 ms | p99 ms | errors | peak RSS MB | CPU µs/req | nginx req/s | p50 ms | p99 ms | errors | peak RSS MB | CPU µs/req | req/s ratio | CPU ratio |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, _, _ in profiles:
            lines.append(fmt_row(name, median_run(results[name]["dx"]), median_run(results[name]["ng"])))
        lines.append(fmt_row("uncached search, 64", median_run(search)))
        lines.append(fmt_row("admin PATCH, 16", median_run(patch)))
        lines.append("")
        lines.append("| dxserve alone | value |")
        lines.append("|---|---:|")
        lines.append(f"| start to first 200 | {first_200:.1f} ms |")
        lines.append(f"| idle RSS | {idle_rss / 1024:.1f} MB |")
        lines.append(f"| RSS before idle connections | {rss_before_idle / 1024:.1f} MB |")
        lines.append(f"| RSS holding {held} idle keep-alive connections | {rss_held / 1024:.1f} MB (+{(rss_held - rss_before_idle) / 1024:.1f} MB) |")
        lines.append(f"| keep-alive 64 while they are held | {ka_held['rps']:.0f} req/s ({ka_held['rps'] / ka_alone['rps']:.2f} × without) |")
        lines.append(f"| a fresh client answered while they are held | {'yes' if fresh_ok else 'NO'} |")
        lines.append("")
        lines.append("All rounds:\n")
        lines.append("```")
        for name, _, _ in profiles:
            for key in ("dx", "ng"):
                lines.append(f"{name:<24} {key}: " + ", ".join(f"{r['rps']:.0f}" for r in results[name][key]) + " req/s")
        lines.append(f"{'uncached search, 64':<24} dx: " + ", ".join(f"{r['rps']:.0f}" for r in search) + " req/s")
        lines.append(f"{'admin PATCH, 16':<24} dx: " + ", ".join(f"{r['rps']:.0f}" for r in patch) + " req/s")
        lines.append("```")
        report = "\n".join(lines) + "\n"
        os.makedirs(os.path.join(ROOT, "bench"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "results.md"), "w") as f:
            f.write(report)
        print(report)
    finally:
        for p in started:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
