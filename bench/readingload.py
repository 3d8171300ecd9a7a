"""Reading pages against the Streamlit pages of the same content: cold loads, bytes, Lighthouse.

One server runs the entry file (`streamlit_app.py`: the app with the reading routes beside
it), so a reading page (`/read/causes`) and the Streamlit page of the same article
(`/causes`) come from the same process. Each round loads every pair once, each load in a
fresh browser context (no cache, no cookies); one uncounted round first.

- A reading page is loaded when its `load` event has fired and its largest contentful
  paint is known: the time is the later of the two, in the page's own clock. Transfer: the
  document and every resource, as sent (gzip).
- The Streamlit page is loaded as in the cold loads (`bench.pageload`: the script run
  finished, the page settled, quiet for 0.5 s; the time is to its last change). Transfer:
  the document, every file, and what came over the websocket.

Lighthouse 12 (mobile, simulated slow 4G, `CHROME_PATH=/usr/bin/chromium`) scores a sample
of reading pages when it is installed (`npm install --prefix bench/.work/lighthouse
lighthouse@12.2.3`, or `LIGHTHOUSE=/path/to/lighthouse`); never part of `make test`.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from pathlib import Path

from bench.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    ROOT,
    WORK,
    Part,
    RunWatch,
    median,
    wait_for_run,
)
from bench.common import server as start_server
from bench.pageload import LOAD_WATCHER, QUIET, RESOURCES
from lib import reading
from tests.conftest import ENTRY

REPEAT = 5
RATIO_TARGET = 0.15
BYTES_TARGET_KB = 60
LIGHTHOUSE_TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE_SAMPLE = ("/read/causes", "/read/warning_signs", "/read/exercises/sit_to_stand")
# The Streamlit page of the first sample, for contrast (no target: item 7 of issue 17).
LIGHTHOUSE_CONTRAST = ("/causes",)
LIGHTHOUSE_DEFAULT = WORK / "lighthouse" / "node_modules" / ".bin" / "lighthouse"

READING_WATCH = """
(() => {
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})();
"""
READING_MARKS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    load: nav.loadEventEnd, lcp: window.__lcp, fcp: fcp ? fcp.startTime : 0,
    bytes: nav.transferSize + res.reduce((n, r) => n + (r.transferSize || 0), 0),
    files: 1 + res.length,
  };
}"""
DOCUMENT_BYTES = "() => performance.getEntriesByType('navigation')[0].transferSize"


def pairs() -> dict[str, str]:
    """Reading page -> the Streamlit page that shows the same content."""
    library = reading.load_library(ROOT / "content")
    found = {}
    for page in reading.pages(library):
        name = page.path.removeprefix(f"{reading.READ}/")
        if page.app_page in PAGES and (page.app_page == name or name == "warning_signs"):
            found[page.path] = f"/{page.app_page}"
    return found


def _reading_load(browser, url: str) -> dict[str, float]:
    context = browser.new_context()
    context.add_init_script(READING_WATCH)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.__lcp > 0", timeout=30_000)
    marks = page.evaluate(READING_MARKS)
    context.close()
    return {
        "total": max(marks["load"], marks["lcp"]),
        "fcp": marks["fcp"],
        "lcp": marks["lcp"],
        "kb": marks["bytes"] / 1024,
        "files": marks["files"],
    }


def _streamlit_load(browser, url: str) -> dict[str, float]:
    context = browser.new_context()
    context.add_init_script(LOAD_WATCHER)
    page = context.new_page()
    watch = RunWatch(page)
    page.goto(url)
    wait_for_run(page, watch)
    page.wait_for_function(QUIET, polling=50, timeout=60_000)
    marks = page.evaluate("window.__load")
    files = dict(page.evaluate(RESOURCES))
    document = page.evaluate(DOCUMENT_BYTES)
    context.close()
    return {
        "total": max(marks["changed"], marks["last"] or 0),
        "kb": (document + sum(files.values()) + marks["bytes"]) / 1024,
        "files": 1 + len(files),
    }


def lighthouse_bin() -> Path | None:
    chosen = Path(os.environ.get("LIGHTHOUSE") or LIGHTHOUSE_DEFAULT)
    return chosen if chosen.exists() else None


def _lighthouse(binary: Path, url: str) -> tuple[dict[str, float], list[str]]:
    """One Lighthouse run (its mobile defaults): the category scores and key audits, and in
    words the largest files the page loaded and the audits it failed."""
    WORK.mkdir(parents=True, exist_ok=True)
    out = WORK / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [
            str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={flags}",
        ],
        check=True, timeout=240, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
    )  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    audits = report["audits"]
    numbers = {
        **scores,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
    }
    files = audits["total-byte-weight"].get("details", {}).get("items", [])[:8]
    largest = "; ".join(
        f"`{f['url'].split('?')[0].rsplit('/', 1)[-1]}` {f['totalBytes'] / 1024:.0f} KB"
        f" ({_whose(f['url'])})"
        for f in files
    )
    failed = sorted(
        f"{category['id']}: {ref['id']}"
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]].get("score") not in (None, 1)
    )
    notes = [f"largest files: {largest}", f"audits below full marks: {', '.join(failed)}"]
    return numbers, notes


def _whose(url: str) -> str:
    """Who a file of a Streamlit page belongs to."""
    name = url.rsplit("/", 1)[-1]
    if "MaterialSymbols" in name:
        return "the icon font, fetched for our `:material/...:` page and alert icons"
    if "SourceSans" in name:
        return "Streamlit's default font"
    if name.endswith(".js") or name.endswith(".css"):
        return "Streamlit's frontend"
    return "the page"


def run(repeat: int = REPEAT, lighthouse: bool = True) -> Part:
    from playwright.sync_api import sync_playwright

    chosen = pairs()
    samples: dict[str, list[dict[str, float]]] = {}
    scores: dict[str, dict[str, float]] = {}
    notes: dict[str, list[str]] = {}
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        app = stack.enter_context(start_server(ENTRY))
        for round_ in range(repeat + 1):
            for read_path, app_path in chosen.items():
                measured = {
                    read_path: _reading_load(browser, app.url + read_path),
                    app_path: _streamlit_load(browser, app.url + app_path),
                }
                if round_:
                    for name, values in measured.items():
                        samples.setdefault(name, []).append(values)
        binary = lighthouse_bin() if lighthouse else None
        if binary is not None:
            for path in (*LIGHTHOUSE_SAMPLE, *LIGHTHOUSE_CONTRAST):
                scores[path], notes[path] = _lighthouse(binary, app.url + path)
    medians = {
        name: {key: median([m[key] for m in runs]) for key in runs[0]}
        for name, runs in samples.items()
    }
    lines = [
        f"## Reading pages against the Streamlit pages (median of {repeat}, fresh context each)",
        "",
        f"One `streamlit run {ENTRY}` serves both. A reading page is loaded at the later of "
        "its `load` event and its largest contentful paint; the Streamlit page as in the cold "
        "loads (run finished, settled, quiet for 0.5 s; to the last change). Transfer: the "
        "document, every file and (Streamlit) the websocket, as sent. Both on loopback, no "
        "throttling: Lighthouse below simulates a slow phone.",
        "",
        "| Reading page | Load | First paint | Largest paint | Transfer | Files "
        "| Streamlit page | Load | Transfer | Files | Load ratio | Target |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    slow: list[str] = []
    heavy: list[str] = []
    for read_path, app_path in chosen.items():
        r, s = medians[read_path], medians[app_path]
        ratio = r["total"] / s["total"]
        lines.append(
            f"| `{read_path}` | {r['total']:.0f} ms | {r['fcp']:.0f} ms | {r['lcp']:.0f} ms "
            f"| {r['kb']:.1f} KB | {r['files']:.0f} | `{app_path}` | {s['total']:.0f} ms "
            f"| {s['kb']:.0f} KB | {s['files']:.0f} | {ratio:.3f} | at most {RATIO_TARGET} |"
        )
        if ratio > RATIO_TARGET:
            slow.append(f"{read_path} {ratio:.2f}")
        if r["kb"] > BYTES_TARGET_KB:
            heavy.append(f"{read_path} {r['kb']:.0f} KB")
    misses = []
    if slow:
        misses.append(f"reading pages over {RATIO_TARGET}x their Streamlit page: {', '.join(slow)}")
    if heavy:
        misses.append(f"reading pages over {BYTES_TARGET_KB} KB: {', '.join(heavy)}")
    lines += ["", *_lighthouse_lines(scores, lighthouse)]
    for path in LIGHTHOUSE_CONTRAST:
        if path in notes:
            lines += ["", f"What `{path}` loads under Lighthouse, and what it failed:", ""]
            lines += [f"- {note}" for note in notes[path]]
    for path, result in scores.items():
        if path in LIGHTHOUSE_CONTRAST:
            continue
        low = [f"{k} {result[k]:.0f}" for k, t in LIGHTHOUSE_TARGETS.items() if result[k] < t]
        if low:
            misses.append(f"Lighthouse on {path}: {', '.join(low)}")
    return Part(lines, misses, {"loads": medians, "lighthouse": scores})


def _lighthouse_lines(scores: dict[str, dict[str, float]], asked: bool) -> list[str]:
    if not scores:
        why = "not asked for" if not asked else "not installed"
        return [
            f"Lighthouse: {why} (`npm install --prefix bench/.work/lighthouse "
            "lighthouse@12.2.3`, Node 20)."
        ]
    targets = ", ".join(f"{k} {v}" for k, v in LIGHTHOUSE_TARGETS.items())
    lines = [
        "### Lighthouse 12.2.3, mobile (simulated slow 4G), one run each",
        "",
        f"Targets: {targets} (for the reading pages; {', '.join(LIGHTHOUSE_CONTRAST)} is the "
        "Streamlit page of the first, for contrast).",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO | First paint "
        "| Largest paint | Layout shift | Bytes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for path, r in scores.items():
        lines.append(
            f"| `{path}` | {r['performance']:.0f} | {r['accessibility']:.0f} "
            f"| {r['best-practices']:.0f} | {r['seo']:.0f} | {r['fcp_s']:.1f} s "
            f"| {r['lcp_s']:.1f} s | {r['cls']:.3f} | {r['kb']:.0f} KB |"
        )
    return lines
