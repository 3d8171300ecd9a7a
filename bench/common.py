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
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SETTLED, RunWatch, free_port

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


@dataclass
class Server:
    """A running `streamlit run` and when it was launched and answered its health check."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path
    launched: float  # time.perf_counter() just before the process was started
    healthy: float  # time.perf_counter() when /_stcore/health first answered 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.contextmanager
def server(
    script: str = "app.py", poll_s: float = 0.05, env: dict[str, str] | None = None
) -> Iterator[Server]:
    """Start `script` with the browser tests' flags, wait for health, always stop it.

    `env` adds environment variables, such as `STREAMLIT_RUNNER_POST_SCRIPT_GC=true` to
    try a Streamlit setting without touching `.streamlit/config.toml`.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = WORK / f"streamlit-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    clean = False
    with log.open("wb") as out:
        launched = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/health", timeout=2
                ) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{script} did not start:\n{log.read_text(errors='replace')}")
            time.sleep(poll_s)
        yield Server(port, process, log, launched, time.perf_counter())
        clean = True  # the log is kept only when something went wrong
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if clean:
        log.unlink(missing_ok=True)


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
