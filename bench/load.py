"""Load: many concurrent sessions against one `streamlit run app.py`, for a fixed time.

Most sessions speak Streamlit's websocket protocol directly (`bench.protocol`), so that
dozens of them fit on a small machine; a few are real Chromium tabs (Playwright contexts)
so that what a browser does (static files, the websocket, drawing) is part of the load too.

Every session works through the app's pages from its own starting point: it opens a page
(with link parameters where the page takes them), then changes one or two of its inputs,
pausing 0.25-0.75 s between actions as a quick reader would. Each rerun's latency is from
the request to the run's end (`script_finished` over the protocol; the settled page with
its chart and summary redrawn in the browser). Errors are exceptions and disconnects on the
client side, exception elements in any delta, runs that do not finish within 30 s, and
tracebacks in the server's log. The server's memory is its resident set, with any child
processes, sampled every 0.5 s from /proc.
"""

from __future__ import annotations

import asyncio
import collections
import os
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.exceptions import ConnectionClosed

from bench.common import (
    CHART_PAGES,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGES,
    Part,
    RunWatch,
    median,
    percentile,
    server,
    tree_rss_bytes,
    wait_for_run_async,
)
from bench.interaction import WATCHER
from bench.protocol import ProtocolError, Session

TIMEOUT_S = 30
THINK_S = (0.25, 0.75)

# Link parameters each page opens with, and the inputs a session changes there (user key
# and the values it picks from). Pages not named here are opened plain.
OPEN_WITH = {
    "projection": "age=70&rate=6",
    "self_check": "age=70&weight=70&moderate=100&protein_g=60",
    "screening": "age=72&sex=female&chair_stands=9",
    "glossary": "q=sarcopenia",
    "red_flags": "country=us",
}
CHANGES: dict[str, list[tuple[str, list[object]]]] = {
    "projection": [
        ("age", list(range(30, 101))),
        ("rate", [x / 2 for x in range(6, 17)]),
        ("bedrest_days", [0, 5, 10, 14, 30, 60]),
    ],
    "self_check": [
        ("moderate", list(range(0, 400, 10))),
        ("protein_g", list(range(20, 140, 5))),
        ("kidney", [True, False]),
    ],
    "screening": [("chair_stands", list(range(0, 25))), ("tug_s", [8.0, 10.5, 12.0, 15.0])],
    "glossary": [("q", ["muscle", "atrophy", "protein", "frailty", ""])],
    "red_flags": [("01a", [True, False])],
}
# The browser tabs change inputs through the page, as a reader would.
BROWSER_CHANGES = {
    "projection": ("slider", "Age to look at"),
    "self_check": ("number", "Moderate minutes a week (brisk walking)"),
}


@dataclass
class Stats:
    """Everything the sessions record, shared by all of them (one event loop: no locks)."""

    loads_ms: list[float] = field(default_factory=list)
    changes_ms: list[float] = field(default_factory=list)
    browser_loads_ms: list[float] = field(default_factory=list)
    browser_changes_ms: list[float] = field(default_factory=list)
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    messages: list[str] = field(default_factory=list)
    completed: int = 0
    elapsed_s: float = 0.0  # from the start of the sessions to the last one closing
    server_cpu_s: float = 0.0
    own_cpu_s: float = 0.0

    def error(self, kind: str, message: str) -> None:
        self.errors[kind] += 1
        if len(self.messages) < 10:
            self.messages.append(f"{kind}: {message[:200]}")


def _url_page(stem: str) -> str:
    return "" if stem == "home" else stem


async def _think(rng: random.Random) -> None:
    await asyncio.sleep(rng.uniform(*THINK_S))


async def protocol_session(index: int, url: str, deadline: float, stats: Stats) -> None:
    """One websocket session: open pages in turn and change their inputs until `deadline`."""
    rng = random.Random(index)
    await asyncio.sleep(index * 0.05)  # stagger the first connections over a few seconds
    try:
        session = await Session.open(url)
    except Exception as exc:  # any failure to connect is an error to count
        stats.error("connect", repr(exc))
        return
    step = index
    ok = True
    try:
        while time.perf_counter() < deadline:
            stem = PAGES[step % len(PAGES)]
            step += 1
            run = await session.load(_url_page(stem), OPEN_WITH.get(stem, ""), TIMEOUT_S)
            stats.loads_ms.append(run.ms)
            for key, values in CHANGES.get(stem, []):
                if time.perf_counter() >= deadline:
                    break
                await _think(rng)
                run = await session.change(key, rng.choice(values), TIMEOUT_S)
                stats.changes_ms.append(run.ms)
            await _think(rng)
    except ConnectionClosed as exc:
        ok = False
        stats.error("disconnect", repr(exc))
    except TimeoutError:
        ok = False
        stats.error("timeout", f"a run took over {TIMEOUT_S} s")
    except ProtocolError as exc:
        ok = False
        stats.error("protocol", str(exc))
    except Exception as exc:  # anything else the client meets is an error to count too
        ok = False
        stats.error("client", repr(exc))
    finally:
        for message in session.exceptions:
            stats.error("exception element", message)
        for message in session.warnings:
            stats.error("warning element", message)
        try:
            await session.close()
        except Exception as exc:  # any failure to close is an error to count
            ok = False
            stats.error("close", repr(exc))
    if ok and not session.exceptions:
        stats.completed += 1


async def browser_session(browser, index: int, url: str, deadline: float, stats: Stats) -> None:
    """One Chromium tab: open pages in turn, change inputs on the chart pages."""
    await asyncio.sleep(index * 0.05)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.add_init_script(WATCHER)
    page = await context.new_page()
    watch = RunWatch(page)
    page_errors: list[str] = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    # Each tab starts on a page with a chart and an input, then goes on through the others.
    step = PAGES.index(sorted(BROWSER_CHANGES)[index % len(BROWSER_CHANGES)])
    ok = True
    timeout_ms = TIMEOUT_S * 1000
    where = "starting"
    try:
        while time.perf_counter() < deadline:
            stem = PAGES[step % len(PAGES)]
            step += 1
            where = f"opening /{_url_page(stem)}"
            query = OPEN_WITH.get(stem, "")
            start = time.perf_counter()
            runs = watch.finished
            await page.goto(
                f"{url}/{_url_page(stem)}{'?' + query if query else ''}", timeout=timeout_ms
            )
            charts = 1 if stem in CHART_PAGES else 0
            await wait_for_run_async(page, watch, charts, after=runs, timeout_s=TIMEOUT_S)
            stats.browser_loads_ms.append((time.perf_counter() - start) * 1000)
            if stem in BROWSER_CHANGES and time.perf_counter() < deadline:
                kind, label = BROWSER_CHANGES[stem]
                for rep in range(2):
                    where = f"changing {label!r} on /{stem} (try {rep + 1})"
                    if kind == "slider":
                        await page.get_by_role("slider", name=label).focus()
                        key = "ArrowRight" if rep % 2 == 0 else "ArrowLeft"
                    else:
                        # From the link's 100 minutes (partly met) to 200 (met) and back below
                        # 150: each change must change the summary sentence as well as the
                        # chart, or the wait for both would never end (100 -> 40 did not).
                        await page.get_by_label(label, exact=True).fill("40" if rep else "200")
                        key = "Enter"
                    await page.wait_for_function("window.__ready()", timeout=timeout_ms)
                    await page.evaluate("window.__arm()")
                    await page.keyboard.press(key)
                    await page.wait_for_function(
                        "() => window.__bench.done !== null", timeout=timeout_ms
                    )
                    bench = await page.evaluate("window.__bench")
                    stats.browser_changes_ms.append(bench["done"] - bench["t0"])
            if await page.locator('[data-testid="stException"]').count():
                ok = False
                stats.error("exception element", f"browser tab on /{_url_page(stem)}")
            await page.wait_for_timeout(500)
    except Exception as exc:  # any failure in the tab is an error to count
        ok = False
        stats.error("browser", f"{where}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        for message in page_errors:
            stats.error("browser page error", message)
        await context.close()
    if ok and not page_errors:
        stats.completed += 1


async def _warm_up(url: str) -> None:
    """One pass over every page, not counted, so imports and caches are in place."""
    warm = await Session.open(url)
    for stem in PAGES:
        await warm.load(_url_page(stem), OPEN_WITH.get(stem, ""), TIMEOUT_S)
    await warm.close()


async def _drive(
    url: str, pid: int, protocol_sessions: int, browsers: int, seconds: float
) -> Stats:
    from playwright.async_api import async_playwright

    stats = Stats()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            start = time.perf_counter()
            server_cpu, own_cpu = _cpu_seconds(pid), time.process_time()
            deadline = start + seconds
            tasks = [browser_session(browser, i, url, deadline, stats) for i in range(browsers)] + [
                protocol_session(browsers + i, url, deadline, stats)
                for i in range(protocol_sessions)
            ]
            # Each session counts its own errors; a bug in one must not stop the others.
            outcomes = await asyncio.wait_for(
                asyncio.gather(*tasks, return_exceptions=True), timeout=seconds + 2 * TIMEOUT_S + 30
            )
            for outcome in outcomes:
                if isinstance(outcome, BaseException):
                    stats.error("bench", repr(outcome))
            stats.elapsed_s = time.perf_counter() - start
            stats.server_cpu_s = _cpu_seconds(pid) - server_cpu
            stats.own_cpu_s = time.process_time() - own_cpu
        finally:
            await browser.close()
    return stats


def _server_log_errors(text: str) -> collections.Counter[str]:
    """Each traceback's last line (the exception), and every ERROR line, with counts."""
    found: collections.Counter[str] = collections.Counter()
    in_traceback = False
    for line in text.splitlines():
        if line.startswith("Traceback"):
            in_traceback = True
        elif in_traceback and line and not line.startswith(" "):
            found[line.strip()] += 1
            in_traceback = False
        elif " ERROR " in line:
            found[line.strip()] += 1
    return found


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of `pid` so far (children that have exited included)."""
    fields = (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1]).split()
    ticks = sum(int(x) for x in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def run(
    sessions: int = 50, browsers: int = 3, seconds: float = 60, env: dict[str, str] | None = None
) -> Part:
    """Drive `sessions` concurrent sessions (`browsers` of them in Chromium) for `seconds`.

    `env` is passed to the server (e.g. to turn a Streamlit setting off for a comparison).
    """
    peak = [0]
    samples: list[int] = []
    stop = threading.Event()

    with server(env=env) as running:
        started = tree_rss_bytes(running.process.pid)
        asyncio.run(_warm_up(running.url))
        warm = tree_rss_bytes(running.process.pid)

        def sample() -> None:
            while not stop.is_set():
                rss = tree_rss_bytes(running.process.pid)
                samples.append(rss)
                peak[0] = max(peak[0], rss)
                stop.wait(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            stats = asyncio.run(
                _drive(running.url, running.process.pid, sessions - browsers, browsers, seconds)
            )
        finally:
            stop.set()
            sampler.join(timeout=5)
        after = tree_rss_bytes(running.process.pid)
        log_errors = _server_log_errors(running.log.read_text(errors="replace"))
    for line, count in log_errors.most_common(5):
        stats.messages.append(f"server log ({count}x): {line[:200]}")
    if log_errors:
        stats.errors["server log tracebacks or errors"] += sum(log_errors.values())

    runs = stats.loads_ms + stats.changes_ms
    total_errors = sum(stats.errors.values())
    mb = 1024 * 1024
    lines = [
        f"## Load: {sessions} concurrent sessions for {seconds:.0f} s",
        "",
        *(
            [f"Server environment: `{' '.join(f'{k}={v}' for k, v in env.items())}`.", ""]
            if env
            else []
        ),
        f"One `streamlit run app.py` on loopback. {sessions - browsers} sessions speak "
        f"Streamlit's websocket protocol and {browsers} are Chromium tabs; each opens the "
        "pages in turn (with link parameters on the pages that take them) and changes their "
        f"inputs, pausing {THINK_S[0]}-{THINK_S[1]} s between actions. Latency is from the "
        "request to the end of the run (`script_finished`; in the browser, the page settled "
        "and the chart redrawn). The bench's own clients share the machine's cores with the "
        "server.",
        "",
        "| What | Result | Target |",
        "|---|---|---|",
        f"| errors (exceptions, disconnects, exception elements, timeouts over {TIMEOUT_S} s, "
        f"server log) | {total_errors} | 0 |",
        f"| sessions completed without error | {stats.completed} of {sessions} | all |",
        f"| reruns over the protocol (page opens + input changes) | {len(runs)} "
        f"({len(runs) / stats.elapsed_s:.1f} a second) | |",
        f"| protocol rerun latency, p50 / p95 | {median(runs):.0f} ms / "
        f"{percentile(runs, 95):.0f} ms | |",
        f"| ... opening a page, p50 / p95 | {median(stats.loads_ms):.0f} ms / "
        f"{percentile(stats.loads_ms, 95):.0f} ms | |",
        f"| ... changing an input, p50 / p95 | {median(stats.changes_ms):.0f} ms / "
        f"{percentile(stats.changes_ms, 95):.0f} ms | |",
        f"| browser page loads, count and p50 / p95 | {len(stats.browser_loads_ms)}: "
        f"{median(stats.browser_loads_ms):.0f} ms / "
        f"{percentile(stats.browser_loads_ms, 95):.0f} ms | |",
        f"| browser input changes to redrawn chart, count and p50 / p95 | "
        f"{len(stats.browser_changes_ms)}: {median(stats.browser_changes_ms):.0f} ms / "
        f"{percentile(stats.browser_changes_ms, 95):.0f} ms | |",
        f"| server memory (RSS with children): started / after a warm-up pass / peak / "
        f"at the end | {started / mb:.0f} MB / {warm / mb:.0f} MB / {peak[0] / mb:.0f} MB / "
        f"{after / mb:.0f} MB | |",
        f"| CPU, in cores busy on average: the server / the bench's Python clients | "
        f"{stats.server_cpu_s / stats.elapsed_s:.2f} / {stats.own_cpu_s / stats.elapsed_s:.2f} "
        f"(of {os.cpu_count()}) | |",
    ]
    if stats.errors:
        lines += ["", "Errors by kind: " + ", ".join(f"{k} {v}" for k, v in stats.errors.items())]
        lines += [f"- `{m}`" for m in stats.messages]
    misses = []
    if total_errors:
        misses.append(f"load: {total_errors} errors (target 0)")
    if stats.completed < sessions:
        misses.append(f"load: {stats.completed} of {sessions} sessions completed")
    data = {
        "runs_ms": runs,
        "peak_rss": peak[0],
        "errors": dict(stats.errors),
        "sessions": sessions - browsers,
        "reruns": len(runs),
        "elapsed_s": stats.elapsed_s,
        "server_cpu_s": stats.server_cpu_s,
    }
    return Part(lines, misses, data)
