"""Interaction: from changing one input to the updated chart and summary, in Chromium.

Each repetition arms a watcher inside the page, changes the input the way a reader does
(arrow key on a slider; type and press Enter in a number box), and stops the clock at the
first animation frame where all of these hold:

- the script state went `running` and is back to `notRunning` (a run so quick that the
  frontend never paints `running` counts when the server has answered since the key press),
- the chart's summary sentence ("In words: ...") differs from before,
- the first chart's drawing (canvas pixels, or SVG) differs from before.

The clock starts at the keydown that commits the change (the arrow key, or Enter after
typing), as the page sees it, and stops in the page's own clock (`performance.now()`), so
Playwright's round trips are not counted. Inputs alternate between two values so every
repetition changes both. A wrapped `WebSocket` also timestamps the frames, which splits
each interaction into the browser sending the change, the server's rerun, and drawing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from bench.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SETTLED,
    Part,
    RunWatch,
    median,
    server,
    wait_for_run,
)
from bench.protocol import Session

TARGET_MS = 300
# Streamlit runs a full garbage collection after every script run (`runner.postScriptGC`,
# on by default). It holds the interpreter lock, so the run's last messages wait for it.
# The app turns it off in .streamlit/config.toml; the comparison turns it back on.
WITH_GC = {"STREAMLIT_RUNNER_POST_SCRIPT_GC": "true"}

# Installed before any page script: timestamps of websocket frames, and `__arm`, which
# snapshots the summary and chart and then watches every frame for both to change.
WATCHER = """
(() => {
  const B = (window.__bench = { sent: [], recv: [], t0: 0, done: null, long: [] });
  // Tasks over 50 ms on the main thread: a lower bound on the browser's busy time.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => B.recv.push(performance.now()));
    }
    send(data) {
      B.sent.push(performance.now());
      return super.send(data);
    }
  };
  const summary = () => {
    const el = [...document.querySelectorAll('[data-testid=stMarkdownContainer]')]
      .find((e) => e.innerText.startsWith('In words:'));
    return el ? el.innerText : '';
  };
  const chart = () => {
    const el = document.querySelector('[data-testid=stVegaLiteChart]');
    if (!el) return '';
    const canvas = el.querySelector('canvas');
    if (canvas) return canvas.toDataURL();
    const svg = el.querySelector('svg');
    return svg ? svg.outerHTML : '';
  };
  window.__ready = () => summary().length > 0 && chart().length > 0;
  window.__arm = () => {
    const app = document.querySelector('[data-testid=stApp]');
    const before = { summary: summary(), chart: chart() };
    window.__why = () => ({
      keydown: B.t0 !== null, sawRunning: B.sawRunning,
      state: app.getAttribute('data-test-script-state'),
      summaryChanged: summary() !== before.summary, chartChanged: chart() !== before.chart,
      summary: summary().slice(0, 80),
    });
    B.sawRunning = false;
    B.done = null;
    B.sent = [];
    B.recv = [];
    B.long = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.oldValue === 'running' || app.getAttribute('data-test-script-state') === 'running')
          B.sawRunning = true;
      }
    });
    observer.observe(app, {
      attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state'],
    });
    const check = () => {
      if (
        B.t0 !== null &&
        // The run happened: the state was seen `running`, or (a run so quick that the
        // frontend never painted `running`) the server answered after the key press.
        (B.sawRunning || B.recv.some((t) => t >= B.t0)) &&
        app.getAttribute('data-test-script-state') === 'notRunning' &&
        summary() !== before.summary &&
        chart() !== before.chart
      ) {
        B.done = performance.now();
        observer.disconnect();
        return;
      }
      requestAnimationFrame(check);
    };
    // The clock starts at the key press that commits the change (arrow key or Enter), as
    // the page sees it, so Playwright's own latency is not counted.
    B.t0 = null;
    document.addEventListener('keydown', () => { B.t0 = performance.now(); },
      { capture: true, once: true });
    requestAnimationFrame(check);
  };
})();
"""


@dataclass
class Timing:
    """One interaction, in ms from the input change."""

    total: float
    sent: float  # the browser sent the change to the server
    last_frame: float  # the last websocket frame of the rerun arrived
    long_tasks: float  # main-thread tasks over 50 ms within the interaction, summed

    @property
    def browser_in(self) -> float:
        return self.sent

    @property
    def server(self) -> float:
        return self.last_frame - self.sent

    @property
    def draw(self) -> float:
        return self.total - self.last_frame


@dataclass
class Case:
    name: str  # a short id: bare, chart_only, projection, self_check, projection_with_gc
    label: str  # what the table shows
    script: str
    path: str
    prepare: Callable[[object, int], None]  # (page, repetition): focus or type, no commit
    key: Callable[[int], str]  # the key that commits the change in this repetition
    wire: tuple[str, tuple[float, float]]  # the same change over the protocol: key, values
    target: bool = True  # False for the comparison pages (no target of their own)
    env: dict[str, str] = field(default_factory=dict)  # for the server, e.g. WITH_GC


def _focus_slider(name: str) -> Callable[[object, int], None]:
    def prepare(page, rep: int) -> None:
        page.get_by_role("slider", name=name).focus()

    return prepare


def _type_number(name: str, values: tuple[str, str]) -> Callable[[object, int], None]:
    def prepare(page, rep: int) -> None:
        box = page.get_by_label(name, exact=True)
        # Whichever of the two values the box does not hold now, so every Enter changes it.
        box.fill(values[1] if box.input_value() == values[0] else values[0])

    return prepare


def _arrows(rep: int) -> str:
    return "ArrowRight" if rep % 2 == 0 else "ArrowLeft"


CASES = [
    Case(
        "bare",
        "bare page: one slider, one chart",
        "bench/bare_slider.py",
        "",
        _focus_slider("Value"),
        _arrows,
        ("value", (51, 50)),
        target=False,
    ),
    Case(
        "chart_only",
        "our projection chart alone (`bench/chart_only.py`): slider, chart, summary",
        "bench/chart_only.py",
        "",
        _focus_slider("Age to look at"),
        _arrows,
        ("age", (51, 50)),
        target=False,
    ),
    Case(
        "projection",
        "`/projection`: age slider, arrow key",
        "app.py",
        "projection",
        _focus_slider("Age to look at"),
        _arrows,
        ("age", (51, 50)),
    ),
    Case(
        "self_check",
        "`/self_check`: moderate minutes, type and Enter",
        "app.py",
        "self_check",
        _type_number("Moderate minutes a week (brisk walking)", ("200", "0")),
        lambda _rep: "Enter",
        ("moderate", (200, 0)),
    ),
    Case(
        "projection_with_gc",
        "`/projection` again, with Streamlit's post-run garbage collection on (its default)",
        "app.py",
        "projection",
        _focus_slider("Age to look at"),
        _arrows,
        ("age", (51, 50)),
        target=False,
        env=WITH_GC,
    ),
]


def _measure(browser, url: str, case: Case, reps: int, failures: list[str]) -> list[Timing]:
    """`reps` timed interactions; one that shows no update within 30 s goes to `failures`."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCHER)
    page = context.new_page()
    watch = RunWatch(page)
    page.goto(url)
    wait_for_run(page, watch, charts=1)
    page.wait_for_timeout(500)
    out: list[Timing] = []
    rep = -1
    while len(out) < reps:  # repetition 0 warms up and is not counted
        if len(failures) > reps // 2:
            raise RuntimeError(f"{case.label}: too many interactions failed: {failures}")
        rep += 1
        case.prepare(page, rep)
        page.wait_for_function("window.__ready()", timeout=30_000)
        page.evaluate("window.__arm()")
        page.keyboard.press(case.key(rep))
        try:
            page.wait_for_function("() => window.__bench.done !== null", timeout=30_000)
        except PlaywrightTimeout:
            failures.append(f"repetition {rep}: {page.evaluate('window.__why()')}")
            page.wait_for_selector(SETTLED, timeout=60_000)
            page.wait_for_timeout(1000)
            continue
        b = page.evaluate("window.__bench")
        sent = [t - b["t0"] for t in b["sent"] if t >= b["t0"]]
        recv = [t - b["t0"] for t in b["recv"] if b["t0"] <= t <= b["done"]]
        total = b["done"] - b["t0"]
        long_tasks = sum(
            min(start + length, b["done"]) - max(start, b["t0"])
            for start, length in b["long"]
            if start + length > b["t0"] and start < b["done"]
        )
        if rep > 0:
            out.append(
                Timing(total, sent[0] if sent else 0.0, recv[-1] if recv else 0.0, long_tasks)
            )
        page.wait_for_timeout(300)
    context.close()
    return out


async def _server_alone(url: str, case: Case, reps: int) -> list[float]:
    """The same change over Streamlit's protocol, no browser: the server's share."""
    session = await Session.open(url)
    try:
        await session.load(case.path)
        key, values = case.wire
        times = [(await session.change(key, values[rep % 2])).ms for rep in range(reps + 1)]
    finally:
        await session.close()
    return times[1:]


def run(reps: int = 11) -> Part:
    """Median interaction times for the cases, beside the bare slider page."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[Timing]] = {}
    failures: dict[str, list[str]] = {c.name: [] for c in CASES}
    alone: dict[str, list[float]] = {}
    alone_with_gc: dict[str, list[float]] = {}

    def server_alone(url: str, case: Case) -> list[float]:
        # Playwright's sync API owns this thread's event loop: run the client in another.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, _server_alone(url, case, reps)).result()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for script, env in dict.fromkeys((c.script, tuple(c.env.items())) for c in CASES):
                with server(script, env=dict(env)) as running:
                    for case in CASES:
                        if (case.script, tuple(case.env.items())) == (script, env):
                            url = f"{running.url}/{case.path}"
                            results[case.name] = _measure(
                                browser, url, case, reps, failures[case.name]
                            )
                            alone[case.name] = server_alone(running.url, case)
            for script in dict.fromkeys(c.script for c in CASES):
                with server(script, env=WITH_GC) as running:
                    for case in CASES:
                        if case.script == script and not case.env:
                            alone_with_gc[case.name] = server_alone(running.url, case)
        finally:
            browser.close()

    bare = median([t.total for t in results[CASES[0].name]])
    lines = [
        f"## Interaction in Chromium (median of {reps})",
        "",
        "From changing one input to the updated chart and summary on screen: the script state "
        "went `running` and back to `notRunning` (or, for a run too quick for the frontend to "
        "paint `running`, the server answered), and both the summary sentence and the "
        "chart's drawing changed. The split comes from timestamps on the websocket frames: "
        "send (the key press until the browser sends the change), rerun (until the run's last "
        "message arrives; the browser draws elements while they stream in, so this includes "
        "some drawing) and draw (after that). Long tasks: main-thread tasks over 50 ms within "
        "the interaction, summed (a lower bound on the browser's busy time). Server alone: the "
        "same change sent over Streamlit's websocket protocol without a browser, from the "
        "request to `script_finished`. GC on: the same with the server started with "
        "`STREAMLIT_RUNNER_POST_SCRIPT_GC=true`, Streamlit's default, which runs a full "
        "garbage collection after every script run while holding the interpreter lock (the "
        "app turns it off in `.streamlit/config.toml`).",
        "",
        "| Page and input | Median | Send | Rerun | Draw | Long tasks | Server alone "
        "| Server alone, GC on | Ratio to the bare page | Target |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    misses = []
    for case in CASES:
        timings = results[case.name]
        total = median([t.total for t in timings])
        gc_on = f"{median(alone_with_gc[case.name]):.0f} ms" if case.name in alone_with_gc else ""
        split = (
            f"{median([t.browser_in for t in timings]):.0f} ms "
            f"| {median([t.server for t in timings]):.0f} ms "
            f"| {median([t.draw for t in timings]):.0f} ms "
            f"| {median([t.long_tasks for t in timings]):.0f} ms "
            f"| {median(alone[case.name]):.0f} ms "
            f"| {gc_on}"
        )
        if case is CASES[0]:
            lines.append(f"| {case.label} | {total:.0f} ms | {split} | 1.00 | |")
            continue
        target = f"at most {TARGET_MS} ms" if case.target else ""
        lines.append(f"| {case.label} | {total:.0f} ms | {split} | {total / bare:.2f} | {target} |")
        if case.target and round(total) > TARGET_MS:
            misses.append(f"interaction on {case.label}: {total:.0f} ms (target {TARGET_MS})")
    failed = {name: found for name, found in failures.items() if found}
    if failed:
        lines += ["", "Changes that showed no update within 30 s (retried, not timed):", ""]
        for name, found in failed.items():
            label = next(c.label for c in CASES if c.name == name)
            lines += [f"- {label}: `{why}`" for why in found]
            misses.append(f"interaction on {label}: {len(found)} change(s) never showed")
    data = {"browser": results, "server_alone": alone, "server_alone_with_gc": alone_with_gc}
    return Part(lines, misses, data)


if __name__ == "__main__":
    start = time.perf_counter()
    print("\n".join(run(reps=3).lines))
    print(f"{time.perf_counter() - start:.0f} s")
