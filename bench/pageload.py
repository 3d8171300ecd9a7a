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

import contextlib
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


# The floors that "What costs the time" compares with: a one-line page (a chart page: the
# bare chart) inside the explorer's own navigation (bench/bare_nav.py), at `/`, at a text
# page's URL and at a chart page's URL.
NAV_FLOORS = {"nav home": "", "nav text": "causes", "nav chart": "projection"}


def floor_of(stem: str) -> str:
    """The navigation floor a page is compared with."""
    if stem == "home":
        return "nav home"
    return "nav chart" if stem in CHART_PAGES else "nav text"


def run_cold_loads(repeat: int = COLD_LOADS) -> Part:
    """Every page, the two bare pages and the navigation floors, interleaved round by round.

    All the servers run at once and each round loads every target once, so a change in the
    machine's load during the run falls on all of them alike. One load of each target first
    is not counted (a fresh server imports and fills its caches on its first run).
    """
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[dict[str, float]]] = {}
    files: dict[str, dict[str, int]] = {}
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        browser = _launch(playwright)
        stack.callback(browser.close)
        app = stack.enter_context(server())
        bare_text = stack.enter_context(server("bench/bare_text.py"))
        bare_chart = stack.enter_context(server("bench/bare_chart.py"))
        nav = stack.enter_context(server("bench/bare_nav.py"))
        targets = {
            **{stem: (f"{app.url}/{'' if stem == 'home' else stem}", stem in CHART_PAGES)
               for stem in PAGES},
            "bare text": (bare_text.url, False),
            "bare chart": (bare_chart.url, True),
            **{name: (f"{nav.url}/{path}", path == "projection")
               for name, path in NAV_FLOORS.items()},
        }  # fmt: skip
        for round_ in range(repeat + 1):
            for name, (url, chart) in targets.items():
                measures, files[name] = _cold_load(browser, url, 1 if chart else 0)
                if round_:
                    samples.setdefault(name, []).append(measures)
    medians = {
        name: {key: median([m[key] for m in runs]) for key in runs[0]}
        for name, runs in samples.items()
    }
    loads = {stem: medians[stem] for stem in PAGES}
    bare = {"text": medians["bare text"], "chart": medians["bare chart"]}
    floors = {name: medians[name] for name in NAV_FLOORS}

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
        "Files: requests other than the websocket, and their transfer size. All the servers "
        "run at once and the loads are interleaved round by round (one uncounted round "
        "first). Navigation floor: the same URL in `bench/bare_nav.py`, a copy of the "
        "explorer's navigation (sections, titles, icons) whose every page is one line (a "
        "chart page: the bare chart), so the ratio to it is what the page itself costs.",
        "",
        "| Page | Median load | Boot ms | Run ms | Draw ms | Websocket | Files "
        "| Bare page of its kind | Ratio | Target | Navigation floor | Ratio to the floor |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        f"| bare one-line page | {cells(bare['text'])} | | 1.00 | | | |",
        f"| bare one-chart page | {cells(bare['chart'])} | | 1.00 | | | |",
        *(
            f"| navigation floor at `/{NAV_FLOORS[name]}` | {cells(floors[name])} | | | | | |"
            for name in NAV_FLOORS
        ),
    ]
    over: dict[str, float] = {}
    for stem in PAGES:
        kind = "chart" if stem in CHART_PAGES else "text"
        ratio = loads[stem]["total"] / bare[kind]["total"]
        floor = floors[floor_of(stem)]["total"]
        lines.append(
            f"| `/{stem}` | {cells(loads[stem])} | {kind} ({bare[kind]['total']:.0f} ms) "
            f"| {ratio:.2f} | at most {RATIO_TARGET} | {floor:.0f} ms "
            f"| {loads[stem]['total'] / floor:.2f} |"
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
    data = {"loads": loads, "bare": bare, "floors": floors, "files": files}
    return Part(lines, misses, data)


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
