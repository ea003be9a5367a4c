#!/usr/bin/env python3
"""The pages for people in headless Chromium (selenium) with axe-core 4.x.

    python3 scripts/pages-test.py http://127.0.0.1:PORT TOKEN OUT_DIR

axe-core is the `axe.min.js` that PyPI's axe-playwright-python ships (axe-core 4.12 in 0.1.8;
installed without Playwright, only the script is used, injected through selenium); where that
package is missing, the axe-core 3.1.1 of axe-selenium-python. The version run is printed.

Adds a few projects through the API (two with markup for titles; one with two KPIs of the KPI
store with measurements, an evaluation, a budget and history), then opens every page: at 1280 CSS px it reads the browser console (no error allowed) and runs
axe-core (no serious or critical violation allowed; the others are printed), at 360 px and at
640 px (1280 px at 200 % zoom) it checks `document.documentElement.scrollWidth` against the
viewport width; a screenshot of the first screen at 360 and 1280 px goes to OUT_DIR. Every
same-origin link found on the pages must answer 200 (404 only where the page is the 404
test). Prints one line per page and a final "pages browser test: PASS …" or "… FAIL …"; exit 0
on PASS, 1 on FAIL. Every wait is bounded; the browser is stopped before it returns.
"""
import json
import os
import signal
import sys
import urllib.error
import urllib.parse
import urllib.request

import importlib.util

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

PAGE_TIMEOUT = 30
MAX_LINKS = 400
WIDTHS = {"desktop": 1280, "zoom200": 640, "phone": 360}
# Pages whose whole length is saved too (`NAME-360-full.png`): the KPI panels lie below the first screen.
FULL_PAGE = {"project"}


def api(base, token, method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def seed(base, token):
    """Projects to render: markup in titles (must stay inert), a KPI, a status history."""
    made = []
    for title, measure, department, kpi in [
        ("AIチャットボットによる問い合わせ対応", "1-7", "デジタル統括課", {"name": "チャットボット利用件数", "unit": "件", "target": 12000, "actual": 8450}),
        ("<script>alert(1)</script>", "1-1", "デジタル統括課", None),
        ('"><img src=x onerror=alert(1)>', "2-1", "市民課", None),
        ("書かない窓口の導入", "2-1", "市民課", {"name": "申請書を書かずに済んだ手続の割合", "unit": "%", "target": 80, "actual": None}),
    ]:
        body = {"measure_code": measure, "title": title, "department": department, "start_fiscal_year": 2022,
                "end_fiscal_year": 2025, "description": "事業の内容。\n二段落目。"}
        if kpi:
            body["kpi"] = kpi
        made.append(api(base, token, "POST", "/api/v1/projects", body)["id"])
    api(base, token, "PATCH", f"/api/v1/projects/{made[0]}", {"status": "in_progress", "progress": 60, "note": "本格運用を開始"})
    # Two KPIs of the KPI store on the first project, measured; an evaluation and a budget.
    kpis = [api(base, token, "POST", f"/api/v1/projects/{made[0]}/kpis", body)["id"] for body in (
        {"name": "チャットボットで解決した問い合わせの割合", "unit": "%", "direction": "increase",
         "baseline": {"value": 20, "date": "2022-04-01"},
         "targets": [{"fiscal_year": 2023, "value": 40}, {"fiscal_year": 2024, "value": 55}, {"fiscal_year": 2025, "value": 70}],
         "note": "問い合わせ管理システムの月次集計"},
        {"name": "電話での問い合わせ件数", "unit": "件/月", "direction": "decrease",
         "baseline": {"value": 3200, "date": "2022-04-01"}, "targets": [{"fiscal_year": 2025, "value": 2000}]},
    )]
    for kpi, date, value in [(kpis[0], "2023-03-31", 26), (kpis[0], "2023-09-30", 34), (kpis[0], "2024-03-31", 41),
                             (kpis[0], "2024-09-30", 47), (kpis[0], "2025-03-31", 52), (kpis[1], "2023-03-31", 3050),
                             (kpis[1], "2024-03-31", 2710), (kpis[1], "2025-03-31", 2480)]:
        api(base, token, "POST", f"/api/v1/projects/{made[0]}/kpis/{kpi}/measurements", {"date": date, "value": value})
    api(base, token, "POST", f"/api/v1/projects/{made[0]}/evaluations", {"period": "2024", "rating": "B", "comment": "利用は伸びている。"})
    for year, planned, actual in [(2023, 4800000, 4650000), (2024, 5200000, None)]:
        api(base, token, "PUT", f"/api/v1/projects/{made[0]}/budget/{year}", {"planned_yen": planned, "actual_yen": actual})
    api(base, token, "PATCH", f"/api/v1/projects/{made[3]}", {"status": "in_progress", "progress": 25})
    return made


def axe_script():
    """(source of axe.min.js, where it came from): the newest axe-core a package here ships."""
    for package, relative in (("axe_playwright_python", "axe.min.js"), ("axe_selenium_python", "node_modules/axe-core/axe.min.js")):
        spec = importlib.util.find_spec(package)  # finds the folder without importing the package
        for folder in (spec.submodule_search_locations or []) if spec else []:
            path = os.path.join(folder, relative)
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    return f.read(), package
    sys.exit("pages browser test: FAIL (no axe.min.js in axe-playwright-python or axe-selenium-python)")


def run_axe(driver, source):
    driver.execute_script(source)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done({violations: r.violations, passes: r.passes.length, version: axe.version}),"
        " e => done({error: String(e)}));")


def fetch_status(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "identity"}), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def set_width(driver, width):
    # Device metrics make the viewport exactly `width` CSS px, whatever the window decorations.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 800})


def save_full_page(driver, path):
    """The whole page, not just the first screen (CDP; Chromium only)."""
    import base64
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                             "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 16000), "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def main(base, token, out_dir):
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("pages browser test: FAIL (timed out)"))
    ids = seed(base, token)
    axe_source, axe_package = axe_script()
    print(f"  axe-core from {axe_package}")
    pages = [("home", "/"), ("policy-1", "/policies/1"), ("policy-2", "/policies/2"), ("measure-1-7", "/measures/1-7"),
             ("measure-2-1", "/measures/2-1"), ("projects", "/projects"), ("projects-filtered", "/projects?status=in_progress&q="),
             ("project", f"/projects/{ids[0]}"), ("project-markup", f"/projects/{ids[2]}"), ("survey-15", "/surveys/15"),
             ("about", "/about"), ("not-found", "/no-such-page")]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-extensions", "--window-size=1280,800", "--lang=ja"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    failures, links, lines = [], set(), []
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(PAGE_TIMEOUT)
        driver.set_script_timeout(PAGE_TIMEOUT)
        for name, path in pages:
            url = base + path
            set_width(driver, WIDTHS["desktop"])
            driver.get(url)
            driver.get_log("browser")  # drop what an earlier page left
            driver.get(url)
            console = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"
                       and not (name == "not-found" and "404" in e.get("message", ""))]
            # The first screen, before axe scrolls through the page checking contrast.
            driver.save_screenshot(os.path.join(out_dir, f"{name}-1280.png"))
            if name in FULL_PAGE:
                save_full_page(driver, os.path.join(out_dir, f"{name}-1280-full.png"))
            results = run_axe(driver, axe_source)
            if "error" in results:
                failures.append(f"{path}: axe-core failed: {results['error']}")
                continue
            engine = results["version"]
            violations = results["violations"]
            blocking = [v for v in violations if v.get("impact") in ("serious", "critical")]
            others = [v for v in violations if v not in blocking]
            h1 = [e.text for e in driver.find_elements(By.TAG_NAME, "h1")]
            for anchor in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
                href = anchor.get_attribute("href") or ""
                if href.startswith(base) and name != "not-found":
                    links.add(href.split("#")[0])
            widths = {}
            for label in ("zoom200", "phone"):
                set_width(driver, WIDTHS[label])
                driver.get(url)
                widths[label] = driver.execute_script(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                if label == "phone":
                    driver.save_screenshot(os.path.join(out_dir, f"{name}-360.png"))
                    if name in FULL_PAGE:
                        save_full_page(driver, os.path.join(out_dir, f"{name}-360-full.png"))
            line = (f"  {path}: axe {len(blocking)} serious/critical, {len(others)} minor/moderate "
                    f"({', '.join(sorted(v['id'] for v in others)) or 'none'}), {results['passes']} rules passed; "
                    f"axe-core {engine}; console errors {len(console)}; scrollWidth {widths['phone'][0]}/{WIDTHS['phone']} at 360 px, "
                    f"{widths['zoom200'][0]}/{WIDTHS['zoom200']} at 200 %; h1 {h1[0] if h1 else '(none)'!r}")
            lines.append(line)
            print(line)
            for v in blocking:
                failures.append(f"{path}: axe {v['impact']} {v['id']}: {v['help']} "
                                f"({'; '.join(n['target'][0] for n in v['nodes'][:3])})")
            for entry in console:
                failures.append(f"{path}: console {entry.get('message')}")
            for label, (scroll, client) in widths.items():
                if scroll > WIDTHS[label]:
                    failures.append(f"{path}: scrollWidth {scroll} > {WIDTHS[label]} at {label}")
            if len(h1) != 1:
                failures.append(f"{path}: {len(h1)} h1 elements")
            if name == "project-markup" and driver.find_elements(By.CSS_SELECTOR, "main img[src='x'], main script"):
                failures.append(f"{path}: a title's markup became an element")
        # Navigation by a real click: the header's 事業 link leads to the project list.
        set_width(driver, WIDTHS["desktop"])
        driver.get(base + "/")
        driver.find_element(By.CSS_SELECTOR, "header nav a[href='/projects']").click()
        if not driver.current_url.startswith(base + "/projects") or driver.find_element(By.TAG_NAME, "h1").text != "事業の一覧":
            failures.append(f"clicking 事業 led to {driver.current_url}")
    finally:
        if driver is not None:
            driver.quit()

    checked = 0
    for href in sorted(links)[:MAX_LINKS]:
        status = fetch_status(href)
        checked += 1
        if status != 200:
            failures.append(f"link {href} answered {status}")
    if failures:
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        print(f"pages browser test: FAIL ({len(failures)} problems over {len(pages)} pages)")
        return 1
    print(f"pages browser test: PASS ({len(pages)} pages at 1280, 640 and 360 px: 0 serious/critical axe violations, "
          f"0 console errors, no sideways scrolling; {checked} links between pages answer 200; screenshots in {out_dir})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]))
