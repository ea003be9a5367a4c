#!/usr/bin/env python3
"""`make bench-scale`: dxserve on a database of 100,000 projects and 1,000,000 history rows.

Generates the database (migrations applied by `dxserve migrate --db`, then one transaction of
prepared inserts through Python's sqlite3), starts the release server on 127.0.0.1 port 0 and
measures, each over several runs (median):
  - page 1 and a page near the end (cursor of the last pages) for each sort order, limit 50;
  - `?facets=status,department,fiscal_year,measure,policy` on the whole set;
  - a full CSV export: time to first byte, total time, size, and the server's RSS above idle
    (sampled every 5 ms from /proc while the export runs);
  - filtered `?q=` searches; a project's history page.
Prints a table and writes bench/scale-results.md. Loads only 127.0.0.1, bounded in count;
stops only the server it started, by PID. Not part of `make test`.

Environment: SCALE_PROJECTS (100000), SCALE_HISTORY (1000000), SCALE_RUNS (15), SCALE_KEEP_DB,
DXSERVE_BIN (default .build/release/dxserve).
"""
import http.client
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("DXSERVE_BIN", os.path.join(ROOT, ".build", "release", "dxserve"))
PROJECTS = int(os.environ.get("SCALE_PROJECTS", "100000"))
HISTORY = int(os.environ.get("SCALE_HISTORY", "1000000"))
RUNS = int(os.environ.get("SCALE_RUNS", "15"))
SORTS = ["id", "title", "updated_at", "-updated_at"]
FACETS = "status,department,fiscal_year,measure,policy"

WORDS = ["防災", "子育て", "観光", "農業", "ＡＩ", "チャットボット", "オンライン申請", "キャッシュレス", "ドローン", "見守り",
         "健康", "教育", "交通", "窓口", "電子契約", "ふるさと納税", "地域ポイント", "テレワーク", "データ連携", "RPA"]
KINDS = ["推進事業", "導入事業", "実証事業", "整備事業", "支援事業", "活用事業"]
DEPARTMENTS = ["デジタル統括課", "総務課", "企画課", "財政課", "市民課", "福祉課", "こども課", "健康課", "農政課", "畜産課",
               "商工観光課", "建設課", "都市計画課", "上下水道課", "教育総務課", "学校教育課", "生涯学習課", "危機管理課",
               "環境森林課", "税務課", "会計課", "議会事務局", "消防局総務課", "高崎総合支所", "山之口総合支所", "山田総合支所",
               "高城総合支所", "広報課", "秘書課", "契約課"]
STATUSES = ["planned", "in_progress", "completed", "on_hold", "cancelled"]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def timestamp(seconds, millis=0):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % millis


def generate(db_path):
    """Fills the migrated database: one transaction, prepared statements, seeded randomness."""
    rng = random.Random(10)
    con = sqlite3.connect(db_path, isolation_level=None)
    # The search-index triggers call the server's fold (SearchText.fold: NFKC, lower case, NFC).
    con.create_function("dx_search_fold", 1,
                        lambda s: None if s is None else unicodedata.normalize("NFC", unicodedata.normalize("NFKC", str(s)).lower()),
                        deterministic=True)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    measures = [row[0] for row in con.execute("SELECT code FROM measures ORDER BY policy_id, position")]
    base = 1648771200  # 2022-04-01T00:00:00Z
    span = 4 * 365 * 86400
    con.execute("BEGIN")
    projects = []
    for n in range(1, PROJECTS + 1):
        word = rng.choice(WORDS)
        start = rng.randint(2022, 2027)
        created = base + rng.randrange(span)
        updated = created + rng.randrange(86400 * 200)
        kpi = None if n % 3 else json.dumps({"name": word + "利用件数", "unit": "件", "target": 1000 + n % 900, "actual": n % 700})
        projects.append((n, rng.choice(measures), f"{word}{rng.choice(KINDS)} 第{n}号",
                         f"{word}に関する{rng.choice(KINDS)}。市民サービスの向上と業務の効率化を図るため、{rng.choice(WORDS)}と連携して実施する。",
                         rng.choice(DEPARTMENTS), rng.choice(STATUSES), rng.randint(0, 100), start, min(2100, start + rng.randint(0, 3)),
                         kpi, 1 + HISTORY // PROJECTS, timestamp(created), timestamp(updated, n % 1000)))
    con.executemany("""INSERT INTO projects (id, measure_code, title, description, department, status, progress,
        start_fiscal_year, end_fiscal_year, kpi, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""", projects)
    per_project = max(1, HISTORY // PROJECTS)
    actors = ["admin", "digital", "import", "editor"]

    def history_rows():
        for pid in range(1, PROJECTS + 1):
            for k in range(per_project):
                action = "create" if k == 0 else "update"
                changes = '{"title":{"new":"x","old":null}}' if k == 0 else '{"progress":{"new":%d,"old":%d}}' % (k * 5 % 101, (k - 1) * 5 % 101)
                yield (pid, timestamp(base + pid * 60 + k), actors[(pid + k) % len(actors)], action, changes, None if k % 4 else "定期更新")

    con.executemany("INSERT INTO project_history (project_id, at, actor, action, changes, note) VALUES (?,?,?,?,?,?)", history_rows())
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = con.execute("SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM project_history)").fetchone()
    con.close()
    return counts


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, target):
        """(status, body, seconds, json-or-None) over one keep-alive connection."""
        started = time.perf_counter()
        self.conn.request("GET", target)
        response = self.conn.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        return response.status, body, elapsed

    def json(self, target):
        status, body, _ = self.get(target)
        if status != 200:
            raise SystemExit(f"{target}: {status} {body[:300]!r}")
        return json.loads(body)

    def median_ms(self, template, runs=RUNS, base_limit=50):
        """Median over `runs` requests of `template` with `{limit}` = base_limit, base_limit-1, …:
        each request is a different URL, so none is answered from the response cache (a
        repeated identical GET would be), and all are real queries of the same cost."""
        times = []
        for i in range(runs):
            target = template.replace("{limit}", str(max(1, base_limit - i)))
            status, body, elapsed = self.get(target)
            if status != 200:
                raise SystemExit(f"{target}: {status} {body[:300]!r}")
            times.append(elapsed * 1000)
        return statistics.median(times)


def deep_cursor(client, sort):
    """The cursor of a page near the end, by walking the order 500 rows at a time."""
    target = f"/api/v1/projects?sort={sort}&limit=500"
    cursor = None
    while True:
        page = client.json(target + (f"&cursor={cursor}" if cursor else ""))
        nxt = page["meta"].get("next_cursor")
        if not nxt:
            return cursor
        cursor = nxt


def export(port, pid, target):
    """Streams `target` on a fresh connection: (ttfb ms, total ms, bytes, peak RSS kB)."""
    peak = [rss_kb(pid)]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_kb(pid))
            time.sleep(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    conn.request("GET", target)
    response = conn.getresponse()
    first = response.read1(65536) if hasattr(response, "read1") else response.read(1)
    ttfb = time.perf_counter() - started
    size = len(first)
    while True:
        block = response.read(1 << 16)
        if not block:
            break
        size += len(block)
    total = time.perf_counter() - started
    done.set()
    sampler.join()
    conn.close()
    return ttfb * 1000, total * 1000, size, peak[0], response.getheader("Transfer-Encoding")


def main():
    if not os.path.exists(BIN):
        raise SystemExit(f"{BIN} is missing: run `make release` first")
    workdir = tempfile.mkdtemp(prefix="dxserve-scale-")
    db = os.path.join(workdir, "scale.sqlite")
    server = None
    try:
        subprocess.run([BIN, "migrate", "--db", db], check=True, stdout=subprocess.DEVNULL)
        t0 = time.time()
        projects, history = generate(db)
        log(f"generated {projects} projects and {history} history rows in {time.time() - t0:.1f} s")
        server = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--db", db],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = server.stdout.readline()
        if "listening on" not in line:
            raise SystemExit(f"server did not start: {line!r}")
        port = int(line.strip().rsplit(":", 1)[1])
        client = Client(port)
        rows = []
        # Warm SQLite's page cache once (a throw-away export); what is measured then is the
        # query, not the disk.
        client.get("/api/v1/projects.csv?sort=title")
        client = Client(port)
        for sort in SORTS:
            cursor = deep_cursor(client, sort)
            first = client.median_ms(f"/api/v1/projects?sort={sort}&limit={{limit}}")
            deep = client.median_ms(f"/api/v1/projects?sort={sort}&limit={{limit}}&cursor={cursor}")
            rows.append((f"sort={sort}: page 1 / deep page (ms)", f"{first:.2f} / {deep:.2f}", f"{deep / first:.2f}×", "deep ≤ 2× page 1"))
        facets_ms = client.median_ms(f"/api/v1/projects?facets={FACETS}&limit={{limit}}", base_limit=20)
        rows.append(("?facets=all five, whole set (ms)", f"{facets_ms:.2f}", "", "< 50 ms"))
        filtered_facets = client.median_ms(f"/api/v1/projects?facets={FACETS}&status=in_progress,planned&fiscal_year=2024&limit={{limit}}", base_limit=20)
        rows.append(("?facets=all five, 2 filters (ms)", f"{filtered_facets:.2f}", "", "< 50 ms"))
        count_ms = client.median_ms("/api/v1/projects?limit={limit}&status=completed")
        rows.append(("page with total, ?status=completed (ms)", f"{count_ms:.2f}", "", ""))
        for q in ["防災", "チャットボット", "第4242号"]:
            target = "/api/v1/projects?limit={limit}&q=" + urllib.parse.quote(q)
            rows.append((f"?q={q} (ms)", f"{client.median_ms(target):.2f}", "", ""))
        target = "/api/v1/projects?limit={limit}&status=in_progress&q=" + urllib.parse.quote("子育て")
        rows.append(("?q=子育て&status=in_progress (ms)", f"{client.median_ms(target):.2f}", "", ""))
        middle = PROJECTS // 2 + 1
        rows.append((f"history of project {middle}, page 1 (ms)", f"{client.median_ms(f'/api/v1/projects/{middle}/history?limit={{limit}}', base_limit=20):.2f}", "", ""))
        time.sleep(0.5)
        idle = rss_kb(server.pid)
        ttfb, total, size, peak, te = export(port, server.pid, "/api/v1/projects.csv")
        rows.append(("full CSV export: first byte (ms)", f"{ttfb:.1f}", "", "< 100 ms"))
        rows.append(("full CSV export: total (ms) / size (MB)", f"{total:.0f} / {size / 1e6:.1f}", f"{te or 'no chunking'}", ""))
        rows.append(("full CSV export: RSS idle → peak (MB)", f"{idle / 1024:.1f} → {peak / 1024:.1f}", f"+{(peak - idle) / 1024:.1f} MB", "< +20 MB"))
        ttfb2, total2, size2, peak2, _ = export(port, server.pid, "/api/v1/projects.csv?header=ja&bom=1&sort=-updated_at")
        rows.append(("CSV ?header=ja&bom=1&sort=-updated_at: first byte / total (ms)", f"{ttfb2:.1f} / {total2:.0f}", f"+{(peak2 - idle) / 1024:.1f} MB", ""))

        width = max(len(r[0]) for r in rows)
        header = f"| {'measure'.ljust(width)} | value | ratio/extra | target |"
        lines = [header, f"|{'-' * (width + 2)}|-------|-------------|--------|"]
        lines += [f"| {r[0].ljust(width)} | {r[1]} | {r[2]} | {r[3]} |" for r in rows]
        table = "\n".join(lines)
        print(table)
        os.makedirs(os.path.join(ROOT, "bench"), exist_ok=True)
        with open(os.path.join(ROOT, "bench", "scale-results.md"), "w") as f:
            f.write("# dxserve at scale (`make bench-scale`)\n\n")
            f.write(f"{projects:,} projects, {history:,} history rows; release build; medians of {RUNS} requests on one keep-alive "
                    f"connection, 127.0.0.1; {os.cpu_count()} CPUs shared with other work, so treat absolute figures as indicative.\n\n")
            f.write(table + "\n")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if os.environ.get("SCALE_KEEP_DB"):
            log(f"database kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
