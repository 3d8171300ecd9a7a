"""The pure core (`lib`) and one script rerun of every page under AppTest.

AppTest runs a script the way the server does, without a server, a websocket or a browser:
what is left is the script's own time and Streamlit's element calls.
"""

from __future__ import annotations

import statistics
import time
import timeit
from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from bench.common import PAGES, ROOT, Part
from lib import content, projection

RERUNS = 15
LIB_TARGET_MS = 1
RERUN_TARGET_MS = 50


def median_ms(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Median wall time of one call, in milliseconds."""
    runs = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1000


def apptest(script: str, page: str | None = None) -> AppTest:
    """An AppTest of `script` (through `page` if given) after its first run."""
    at = AppTest.from_file(str(ROOT / script), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def apptest_rerun_ms(script: str, page: str | None = None, reruns: int = RERUNS) -> float:
    """Median time of one full script rerun under AppTest."""
    at = apptest(script, page)
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    assert not at.exception, at.exception
    return statistics.median(times)


def run_lib() -> Part:
    full = median_ms(lambda: projection.project(age_years=80, rate_pct_per_decade=5), 200, 7)
    episode = median_ms(
        lambda: projection.project(age_years=80, rate_pct_per_decade=5, bedrest_days=30), 200, 7
    )
    sources = content.load_sources(ROOT / "content" / "sources.yaml")
    article = ROOT / "content" / "010-causes.md"
    parse = median_ms(lambda: content.load_article(article, sources), 10, 5)
    lines = [
        "## Pure core (`lib`)",
        "",
        "| What | Median | Target |",
        "|---|---|---|",
        f"| `projection.project`, full 30-100 curve | {full:.3f} ms | at most {LIB_TARGET_MS} ms |",
        f"| the same with a 30-day spell in bed | {episode:.3f} ms | at most {LIB_TARGET_MS} ms |",
        f"| parse and render the longest article (causes) | {parse:.2f} ms | (cached in the app) |",
    ]
    misses = [
        f"lib: {what} {ms:.3f} ms (target {LIB_TARGET_MS} ms)"
        for what, ms in (("projection", full), ("projection with bed rest", episode))
        if ms > LIB_TARGET_MS
    ]
    return Part(lines, misses)


def run_apptest(reruns: int = RERUNS) -> Part:
    lines = [
        f"## Script rerun under AppTest (median of {reruns})",
        "",
        "| Page | Median rerun | Ratio to a one-line page | Target |",
        "|---|---|---|---|",
    ]
    bare = apptest_rerun_ms("bench/bare_text.py", reruns=reruns)
    lines.append(f"| bare one-line page | {bare:.1f} ms | 1.00 | |")
    misses = []
    slow: list[str] = []
    for stem in PAGES:
        ms = apptest_rerun_ms("app.py", f"pages/{stem}.py", reruns)
        lines.append(
            f"| `/{stem}` | {ms:.1f} ms | {ms / bare:.2f} | at most {RERUN_TARGET_MS} ms |"
        )
        if ms > RERUN_TARGET_MS:
            slow.append(stem)
            misses.append(f"AppTest rerun of /{stem}: {ms:.1f} ms (target {RERUN_TARGET_MS} ms)")
    return Part(lines, misses, {"slow_pages": slow})
