"""What every bench part shares: paths, the server launcher, medians and percentiles.

Servers start as the browser tests start them (the flags of Streamlit's own e2e suite), but
the health check is polled every 50 ms rather than every 250 ms, so the start-up time of a
server is measured to within about that.
"""

from __future__ import annotations

import contextlib
import math
import os
import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SETTLED,
    RunWatch,
    Server,
    streamlit_server,
)

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work"  # server logs and partial results (git-ignored)
PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
CHART_PAGES = {"plan", "projection", "screening", "self_check"}  # pages that draw a chart

__all__ = [
    "CHARTS_DRAWN",
    "CHART_PAGES",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "PAGES",
    "ROOT",
    "SETTLED",
    "WORK",
    "Part",
    "RunWatch",
    "Server",
    "median",
    "percentile",
    "server",
    "tree_rss_bytes",
    "wait_for_run",
    "wait_for_run_async",
]

# Every Vega-Lite chart on the page has drawn its canvas (or SVG), and there are at least
# `n` of them (the argument of the function).
CHARTS_DRAWN = (
    "(n) => { const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];"
    " return charts.length >= (n || 0) && charts.every(el => el.querySelector('canvas, svg')); }"
)


def wait_for_run(page: Any, watch: RunWatch, charts: int = 0, after: int = 0) -> None:
    """Wait for a run to finish (more than `after` so far), the page to settle, its charts."""
    deadline = time.monotonic() + 60
    while watch.finished <= after:
        if time.monotonic() > deadline:
            raise TimeoutError("no script run finished within 60 s")
        page.wait_for_timeout(10)  # lets Playwright deliver the websocket events
    page.wait_for_selector(SETTLED, timeout=60_000)
    page.wait_for_function(CHARTS_DRAWN, arg=charts, timeout=60_000)


async def wait_for_run_async(
    page: Any, watch: RunWatch, charts: int = 0, after: int = 0, timeout_s: float = 60
) -> None:
    """`wait_for_run` for Playwright's async API."""
    deadline = time.monotonic() + timeout_s
    while watch.finished <= after:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no script run finished within {timeout_s:.0f} s")
        await page.wait_for_timeout(10)
    await page.wait_for_selector(SETTLED, timeout=timeout_s * 1000)
    await page.wait_for_function(CHARTS_DRAWN, arg=charts, timeout=timeout_s * 1000)


@dataclass
class Part:
    """One section of RESULTS.md, and the targets it missed (for "What costs the time")."""

    lines: list[str]
    misses: list[str] = field(default_factory=list)
    data: dict[str, object] = field(default_factory=dict)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def percentile(values: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile (no interpolation), NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@contextlib.contextmanager
def server(
    script: str = "app.py", poll_s: float = 0.05, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """Start `script` as the browser tests do (on 127.0.0.1), wait for health, always stop it.

    `env` adds environment variables, such as `STREAMLIT_RUNNER_POST_SCRIPT_GC=true` to
    try a Streamlit setting without touching `.streamlit/config.toml`. The server's log is
    kept in bench/.work only when something went wrong.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    with streamlit_server(WORK, env, script, host="127.0.0.1", poll_s=poll_s) as running:
        yield running
    running.log.unlink(missing_ok=True)


def _children(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc (Linux)."""
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        found: list[int] = []
        for task in tasks:
            text = (task / "children").read_text().split()
            found += [int(c) for c in text]
        return found
    except OSError:
        return []


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of `pid` and all its descendants, in bytes (0 once it has gone)."""
    total = 0
    todo = [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/statm").read_text().split()
        except OSError:
            continue
        total += int(fields[1]) * page
        todo += _children(current)
    return total
