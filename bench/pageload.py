"""Cold page loads and server cold starts in Chromium, beside bare Streamlit pages.

A cold load is a fresh browser context (no cache, no cookies) navigating to a page and
waiting for a settled render: the websocket has reported the script run finished, the
script state is `notRunning`, every chart is drawn (at least one on a chart page), and
nothing on the page has changed for 0.5 s. The load time is from the navigation to the
last change before that quiet spell, in the page's own clock (so Playwright's polling is
not part of it). A wrapped `WebSocket` timestamps the page's websocket in the same clock,
which splits a load into:

- boot: HTML, JavaScript and CSS until Streamlit's frontend opens its websocket (Streamlit's
  own cost, the same for every page);
- run: from opening the websocket to its last message before the page settled (the
  server runs the script and streams the elements; the browser draws them as they come);
- draw: after the last message, until the last change to the page (its charts drawn).

A server cold start is from launching `streamlit run` to the first settled page.
"""

from __future__ import annotations

import time

from bench.common import (
    CHART_PAGES,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    Part,
    RunWatch,
    median,
    server,
    wait_for_run,
)

COLD_LOADS = 5
COLD_STARTS = 5
RATIO_TARGET = 1.1
QUIET_MS = 500

LOAD_WATCHER = """
(() => {
  const B = (window.__load = { ws: null, last: null, bytes: 0, changed: 0, changes: 0 });
  // The last change to the page: any element, attribute or text added, removed or changed.
  new MutationObserver(() => {
    B.changed = performance.now();
    B.changes += 1;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (B.ws === null) B.ws = performance.now();
      this.addEventListener('message', (e) => {
        B.last = performance.now();
        B.bytes += e.data.byteLength || e.data.size || 0;
      });
    }
  };
})();
"""
# Every request other than the websocket: file name (without its path) and bytes.
RESOURCES = """() => performance.getEntriesByType('resource')
  .map((r) => [r.name.split('?')[0].split('/').pop(), r.transferSize || 0])"""


def _launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


# Nothing on the page has changed for QUIET_MS (the page's own clock).
QUIET = f"() => performance.now() - window.__load.changed >= {QUIET_MS}"


def _cold_load(browser, url: str, charts: int) -> tuple[dict[str, float], dict[str, int]]:
    """One cold load; times are in the page's clock, which starts at the navigation."""
    context = browser.new_context()
    context.add_init_script(LOAD_WATCHER)
    page = context.new_page()
    watch = RunWatch(page)
    page.goto(url)
    wait_for_run(page, watch, charts)
    page.wait_for_function(QUIET, polling=50, timeout=60_000)
    marks = page.evaluate("window.__load")
    files = dict(page.evaluate(RESOURCES))
    context.close()
    ws = marks["ws"] or 0.0
    last = marks["last"] or ws
    # Settled at the last change before the quiet spell (the drawn charts count as changes).
    total = max(marks["changed"], last)
    measures = {
        "total": total,
        "boot": ws,
        "run": last - ws,
        "draw": total - last,
        "ws_kb": marks["bytes"] / 1024,
        "files": len(files),
        "files_kb": sum(files.values()) / 1024,
    }
    return measures, files


def _loads(
    browser, url_of, paths: list[str], repeat: int, files: dict[str, dict[str, int]], charts: int
) -> dict[str, dict[str, float]]:
    """Per path, the median of each measure over `repeat` cold loads (files: the last's).

    A path in CHART_PAGES waits for at least one drawn chart, the others for `charts`.
    """
    out = {}
    for path in paths:
        runs = []
        for _ in range(repeat):
            need = max(charts, 1 if path in CHART_PAGES else 0)
            measures, files[path] = _cold_load(browser, url_of(path), need)
            runs.append(measures)
        out[path] = {key: median([r[key] for r in runs]) for key in runs[0]}
    return out


def run_cold_loads(repeat: int = COLD_LOADS) -> Part:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            files: dict[str, dict[str, int]] = {}
            with server() as app:
                loads = _loads(
                    browser,
                    lambda p: f"{app.url}/{'' if p == 'home' else p}",
                    PAGES,
                    repeat,
                    files,
                    charts=0,
                )
            bare = {}
            for kind, script in (("text", "bench/bare_text.py"), ("chart", "bench/bare_chart.py")):
                with server(script) as bare_app:
                    bare_files: dict[str, dict[str, int]] = {}
                    bare[kind] = _loads(
                        browser,
                        lambda _p, u=bare_app.url: u,
                        ["bare"],
                        repeat,
                        bare_files,
                        charts=1 if kind == "chart" else 0,
                    )["bare"]
                    files[f"bare {kind}"] = bare_files["bare"]
        finally:
            browser.close()

    def cells(m: dict[str, float]) -> str:
        return (
            f"{m['total']:.0f} ms | {m['boot']:.0f} | {m['run']:.0f} | {m['draw']:.0f} "
            f"| {m['ws_kb']:.0f} KB | {m['files']:.0f}, {m['files_kb']:.0f} KB"
        )

    lines = [
        f"## Cold page loads in Chromium (median of {repeat}, fresh context each)",
        "",
        "From navigation to a settled render: the websocket reported the script run finished "
        "(`script_finished`), the script state is `notRunning`, every chart is drawn (at "
        "least one on a chart page) and nothing on the page has changed for 0.5 s; the time "
        "is to the last change, in the page's own clock. Boot: "
        "until Streamlit's frontend opens its websocket (HTML, JavaScript, CSS); run: from "
        "then to the last websocket message (the server runs the script and streams the "
        "elements, the browser draws them as they come); draw: after that until the last "
        "change. "
        "Files: requests other than the websocket, and their transfer size.",
        "",
        "| Page | Median load | Boot ms | Run ms | Draw ms | Websocket | Files "
        "| Bare page of its kind | Ratio | Target |",
        "|---|---|---|---|---|---|---|---|---|---|",
        f"| bare one-line page | {cells(bare['text'])} | | 1.00 | |",
        f"| bare one-chart page | {cells(bare['chart'])} | | 1.00 | |",
    ]
    over: dict[str, float] = {}
    for stem in PAGES:
        kind = "chart" if stem in CHART_PAGES else "text"
        ratio = loads[stem]["total"] / bare[kind]["total"]
        lines.append(
            f"| `/{stem}` | {cells(loads[stem])} | {kind} ({bare[kind]['total']:.0f} ms) "
            f"| {ratio:.2f} | at most {RATIO_TARGET} |"
        )
        if ratio > RATIO_TARGET:
            over[stem] = ratio
    misses = []
    if over:
        worst = sorted(over, key=lambda s: -over[s])[:3]
        misses.append(
            f"cold loads: {len(over)} of {len(PAGES)} pages over {RATIO_TARGET} times the bare "
            f"page of their kind (worst: {', '.join(f'/{s} {over[s]:.2f}' for s in worst)})"
        )
    return Part(lines, misses, {"loads": loads, "bare": bare, "files": files})


def _cold_start(browser, script: str) -> tuple[float, float]:
    """(ms to a healthy server, ms to the first settled page), from launching the server."""
    with server(script) as running:
        context = browser.new_context()
        page = context.new_page()
        watch = RunWatch(page)
        page.goto(running.url)
        wait_for_run(page, watch)
        settled = time.perf_counter()
        context.close()
    return (running.healthy - running.launched) * 1000, (settled - running.launched) * 1000


def run_cold_starts(repeat: int = COLD_STARTS) -> Part:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[tuple[float, float]]] = {}
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            for script in ("bench/bare_text.py", "app.py"):
                results[script] = [_cold_start(browser, script) for _ in range(repeat)]
        finally:
            browser.close()
    stats = {
        script: (median([h for h, _ in runs]), median([s for _, s in runs]))
        for script, runs in results.items()
    }
    bare_first = stats["bench/bare_text.py"][1]
    lines = [
        f"## Server cold start (median of {repeat})",
        "",
        "From launching `streamlit run <script>` with the browser tests' flags "
        "(`--server.headless true --server.port N --browser.gatherUsageStats false "
        "--server.fileWatcherType none`) to its health check answering (polled every 50 ms), "
        "and to the first settled page in Chromium (a fresh context on `/`, settled as in the "
        "cold loads).",
        "",
        "| Script | Health check answers | First settled page | First page after health "
        "| Ratio to bare |",
        "|---|---|---|---|---|",
    ]
    for script, label in (("bench/bare_text.py", "bare one-line page"), ("app.py", "`app.py`")):
        health, first = stats[script]
        lines.append(
            f"| {label} | {health:.0f} ms | {first:.0f} ms | {first - health:.0f} ms "
            f"| {first / bare_first:.2f} |"
        )
    return Part(lines, [], {"starts": stats})
