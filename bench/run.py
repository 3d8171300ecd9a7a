"""`make bench`: medians and ratios against bare Streamlit pages, written to bench/RESULTS.md.

Measures (each a median of repeated runs on this machine):
1. lib: `lib.projection.project` for a full 30-100 curve, and parsing one article.
2. Server: one script rerun of every page under AppTest, beside a one-line page.
3. Browser (when /usr/bin/chromium exists): cold loads of every page, each in a fresh
   browser context, from navigation to a settled render, beside bare pages served the same way.

Timings live here, never as assertions in the tests.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from lib import content, projection  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SETTLED, streamlit_server  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
RERUNS = 15
COLD_LOADS = 5
CHART_PAGES = {"projection", "self_check", "screening"}


def median_ms(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Median wall time of one call, in milliseconds."""
    runs = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1000


def apptest_rerun_ms(script: str, page: str | None = None) -> float:
    """Median time of one full script rerun under AppTest."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    times = []
    for _ in range(RERUNS):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    assert not at.exception, at.exception
    return statistics.median(times)


def browser_loads(url_of: Callable[[str], str], paths: list[str]) -> dict[str, float]:
    """Median cold-load time per path: fresh context, navigate, wait for a settled render."""
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in paths:
            times = []
            for _ in range(COLD_LOADS):
                context = browser.new_context()
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url_of(path))
                page.wait_for_selector(SETTLED, timeout=60_000)
                page.wait_for_function(
                    "() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]"
                    ".every(el => el.querySelector('canvas, svg'))",
                    timeout=60_000,
                )
                times.append((time.perf_counter() - start) * 1000)
                context.close()
            out[path] = statistics.median(times)
        browser.close()
    return out


def main() -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC. "
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; "
        f"Streamlit {streamlit.__version__}. Medians; ratios are against a bare Streamlit "
        "page run the same way. Timings vary between machines: compare ratios.",
        "",
        "## Pure core (`lib`)",
        "",
        "| What | Median | Target |",
        "|---|---|---|",
    ]
    full = median_ms(lambda: projection.project(age_years=80, rate_pct_per_decade=5), 200, 7)
    episode = median_ms(
        lambda: projection.project(age_years=80, rate_pct_per_decade=5, bedrest_days=30), 200, 7
    )
    sources = content.load_sources(ROOT / "content" / "sources.yaml")
    article = ROOT / "content" / "010-causes.md"
    parse = median_ms(lambda: content.load_article(article, sources), 10, 5)
    lines += [
        f"| `projection.project`, full 30-100 curve | {full:.3f} ms | at most 1 ms |",
        f"| the same with a 30-day spell in bed | {episode:.3f} ms | at most 1 ms |",
        f"| parse and render the longest article (causes) | {parse:.2f} ms | (cached in the app) |",
        "",
        f"## Script rerun under AppTest (median of {RERUNS})",
        "",
        "| Page | Median rerun | Ratio to a one-line page | Target |",
        "|---|---|---|---|",
    ]
    bare = apptest_rerun_ms("bench/bare_text.py")
    lines.append(f"| bare one-line page | {bare:.1f} ms | 1.00 | |")
    for stem in PAGES:
        ms = apptest_rerun_ms("app.py", f"pages/{stem}.py")
        lines.append(f"| `/{stem}` | {ms:.1f} ms | {ms / bare:.2f} | at most 50 ms |")
    print("\n".join(lines))

    if CHROMIUM.exists():
        lines += [
            "",
            f"## Cold page loads in Chromium (median of {COLD_LOADS}, fresh context each)",
            "",
            "From navigation to a settled render (script state `notRunning`, charts drawn).",
            "",
            "| Page | Median load | Bare page of its kind | Ratio | Target |",
            "|---|---|---|---|---|",
        ]
        bench_dir = ROOT / "bench" / ".work"
        bench_dir.mkdir(exist_ok=True)
        with streamlit_server(bench_dir) as app:
            loads = browser_loads(lambda p: f"{app.url}/{'' if p == 'home' else p}", PAGES)
        bare_loads = {}
        for kind, script in (("text", "bench/bare_text.py"), ("chart", "bench/bare_chart.py")):
            with streamlit_server(bench_dir, script=script) as bare_app:
                bare_loads[kind] = browser_loads(lambda _p, u=bare_app.url: u, ["bare"])["bare"]
        lines.append(f"| bare one-line page | {bare_loads['text']:.0f} ms | | 1.00 | |")
        lines.append(f"| bare one-chart page | {bare_loads['chart']:.0f} ms | | 1.00 | |")
        for stem in PAGES:
            kind = "chart" if stem in CHART_PAGES else "text"
            ratio = loads[stem] / bare_loads[kind]
            lines.append(
                f"| `/{stem}` | {loads[stem]:.0f} ms | {kind} ({bare_loads[kind]:.0f} ms) "
                f"| {ratio:.2f} | at most 1.1 |"
            )
    else:
        lines += ["", f"Browser loads skipped: {CHROMIUM} not found."]

    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
