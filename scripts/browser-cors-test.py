#!/usr/bin/env python3
"""A browser page on another origin reads dxserve: headless Chromium (selenium) opens a page
served here (python http.server, 127.0.0.1, its own port, so another origin than the API)
whose JavaScript fetches /api/v1/measures?limit=10 from dxserve, reads ETag and Link from the
response headers (Access-Control-Expose-Headers), repeats the request with If-None-Match and
cache "no-store" (a non-safelisted header: CORS preflight) expecting 304, follows rel="next" to
the end and renders the count into the DOM. The test reads the DOM and the browser console.

    python3 scripts/browser-cors-test.py http://127.0.0.1:API_PORT

Prints one line "browser test: PASS …" or "browser test: FAIL …"; exit 0 on PASS, 1 on FAIL.
Every wait is bounded; the page server and the browser are stopped before it returns.
"""
import http.server
import json
import signal
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

EXPECTED_MEASURES = 29
PAGE_TIMEOUT = 30

PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>施策 (cross-origin)</title>
<link rel="icon" href="data:,"></head>
<body>
<p>施策: <output id="count">…</output></p>
<pre id="result"></pre>
<script>
"use strict";
const api = new URLSearchParams(location.search).get("api");
const nextOf = (link) => {
  const match = /<([^>]+)>\\s*;\\s*rel="next"/.exec(link || "");
  return match ? match[1] : null;
};
async function run() {
  const url = api + "/api/v1/measures?limit=10";
  const first = await fetch(url, {cache: "no-store"});
  if (first.status !== 200) throw new Error("first page answered " + first.status);
  const etag = first.headers.get("ETag");
  const link = first.headers.get("Link");
  const page = await first.json();
  // If-None-Match is not CORS-safelisted: this request is preceded by a preflight.
  const again = await fetch(url, {cache: "no-store", headers: {"If-None-Match": etag}});
  const codes = page.data.map((m) => m.code);
  let next = nextOf(link), pages = 1;
  while (next && pages < 100) {
    const response = await fetch(next, {cache: "no-store"});
    if (response.status !== 200) throw new Error(next + " answered " + response.status);
    codes.push(...(await response.json()).data.map((m) => m.code));
    next = nextOf(response.headers.get("Link"));
    pages += 1;
  }
  document.getElementById("count").textContent = String(codes.length);
  return {etag, link, conditionalStatus: again.status, pages, total: page.meta.total,
          distinct: new Set(codes).size, count: codes.length};
}
run().then(
  (r) => { document.getElementById("result").textContent = JSON.stringify(r); },
  (e) => { document.getElementById("result").textContent = JSON.stringify({error: String(e)}); });
</script></body></html>
""".encode()


class PageHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.split("?")[0] != "/":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


def main(api):
    # SIGTERM (from `timeout`) unwinds through the finally blocks, so the browser is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("browser test: FAIL (timed out)"))
    pages = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    page_url = f"http://127.0.0.1:{pages.server_address[1]}/?api={api}"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(PAGE_TIMEOUT)
        driver.set_script_timeout(PAGE_TIMEOUT)
        driver.get(page_url)
        WebDriverWait(driver, PAGE_TIMEOUT).until(lambda d: d.find_element(By.ID, "result").text != "")
        result = json.loads(driver.find_element(By.ID, "result").text)
        rendered = driver.find_element(By.ID, "count").text
        console = [entry for entry in driver.get_log("browser") if entry.get("level") in ("SEVERE", "ERROR")]
    finally:
        if driver is not None:
            driver.quit()
        pages.shutdown()
        pages.server_close()

    failures = []
    if "error" in result:
        failures.append(f"page script failed: {result['error']}")
    else:
        if rendered != str(EXPECTED_MEASURES):
            failures.append(f"rendered count {rendered!r}, expected {EXPECTED_MEASURES}")
        if result["distinct"] != EXPECTED_MEASURES or result["total"] != EXPECTED_MEASURES:
            failures.append(f"{result['distinct']} distinct codes, meta.total {result['total']}")
        if result["conditionalStatus"] != 304:
            failures.append(f"If-None-Match answered {result['conditionalStatus']}, not 304")
        if not result["etag"]:
            failures.append("ETag not readable from JavaScript")
        if not result["link"] or 'rel="next"' not in result["link"]:
            failures.append("Link not readable from JavaScript")
    for entry in console:
        failures.append(f"console {entry.get('level')}: {entry.get('message')}")
    origin = page_url.split("/?")[0]
    if failures:
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        print(f"browser test: FAIL ({len(failures)} problems; page {origin}, API {api})")
        return 1
    print(f"browser test: PASS (page {origin}, API {api}: {rendered} measures in {result['pages']} pages, "
          f"ETag and Link read, If-None-Match -> 304, 0 console errors)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1].rstrip("/")))
