"""What costs the time: where a script rerun's time goes, ours against Streamlit's.

Two measurements of AppTest reruns of a page (AppTest runs each script run in a thread of
its own, without a server, websocket or browser):

1. A sampling profile, for the split by owner. A deterministic profiler (cProfile) slows
   Python-heavy code far more than C code, which skews such a split (Streamlit's cache
   lookup looked ten times dearer under it than it is). So a second thread reads the
   script thread's stack every 0.5 ms (`sys._current_frames`, with the interpreter's switch
   interval lowered to match) and charges each sample to the owner of the innermost frame
   outside Python's standard library: this project (`app.py`, `pages/`, `ui/`, `lib/`),
   Streamlit, Altair, pandas/pyarrow/numpy, or other libraries. It also notes which library
   function our innermost frame had called (Streamlit's metrics wrapper around `st.*`
   commands is skipped). A Python sampler can only look when it holds the interpreter
   lock, so it over-counts the places where the script lets go of it (a file `stat`, say):
   a rough split, not exact milliseconds.
2. Exact inclusive times of our own functions: every function of `ui/` and `lib/` is wrapped
   with a timer for the reruns (a microsecond or so per call), so the list of what costs
   most among ours is measured, not sampled. (Functions cached with `st.cache_data` are
   timed through the plain functions that call them.)
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import inspect
import math
import os
import statistics
import sys
import sysconfig
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlencode

import yaml
from streamlit.testing.v1 import AppTest

from bench.common import ROOT, Part
from bench.core import apptest

SITE = Path(sysconfig.get_paths()["purelib"]).resolve()
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()
OURS = "ours"
OWNERS = (
    ("ours: `lib/`", (ROOT / "lib",)),
    ("ours: `ui/`", (ROOT / "ui",)),
    ("ours: `pages/` and `app.py`", (ROOT / "pages", ROOT / "app.py", ROOT / "bench")),
    ("Streamlit", (SITE / "streamlit",)),
    ("Altair (with narwhals)", (SITE / "altair", SITE / "narwhals", SITE / "jsonschema")),
    ("pandas, pyarrow, numpy", (SITE / "pandas", SITE / "pyarrow", SITE / "numpy")),
    ("markdown-it, YAML", (SITE / "markdown_it", SITE / "mdit_py_plugins", SITE / "yaml")),
)
OTHER = "other libraries"
STD = "standard library"
INTERVAL_S = 0.0005


def owner(filename: str) -> str:
    """Who a function belongs to, by the file its code lives in (cached per file name)."""
    return _owner(filename)


_OWNER_CACHE: dict[str, str] = {}


def _owner(filename: str) -> str:
    if filename in _OWNER_CACHE:
        return _OWNER_CACHE[filename]
    if filename.startswith("<"):  # frozen modules (posixpath, importlib) are the stdlib
        who = STD
    else:
        path = Path(filename).resolve()
        who = next(
            (name for name, roots in OWNERS if any(r == path or r in path.parents for r in roots)),
            STD if STDLIB in path.parents and SITE not in path.parents else OTHER,
        )
    _OWNER_CACHE[filename] = who
    return who


def is_ours(filename: str) -> bool:
    return owner(filename).startswith(OURS)


def _short(filename: str) -> str:
    path = Path(filename).resolve()
    for base in (SITE, ROOT):
        if base in path.parents:
            return str(path.relative_to(base))
    return path.name


def _is_wrapper(frame: FrameType) -> bool:
    """Streamlit's wrapper around every `st.*` command (it records usage metrics)."""
    return frame.f_code.co_filename.endswith("metrics_util.py")


@dataclass
class Profile:
    label: str
    reruns: int
    ms_per_rerun: float  # measured wall time, without the sampler's stack walks counted
    samples: int
    by_owner: dict[str, float]  # share of samples, 0-1
    ours: list[tuple[str, float]]  # (file:function, share), inclusive, largest first
    called: list[tuple[str, float]]  # (library function our code called, share)
    timed: list[tuple[str, float, float]] = field(default_factory=list)  # (name, ms, calls)

    def ms(self, share: float) -> float:
        return share * self.ms_per_rerun


def _script_stack(frame: FrameType | None) -> list[FrameType]:
    """The stack, outermost first."""
    stack = []
    while frame is not None:
        stack.append(frame)
        frame = frame.f_back
    stack.reverse()
    return stack


def _our_modules() -> list[ModuleType]:
    return [
        module
        for name, module in list(sys.modules.items())
        if module is not None and (name.split(".")[0] in ("ui", "lib"))
    ]


@contextlib.contextmanager
def _timed_functions() -> Iterator[dict[str, list[float]]]:
    """Wrap every function of `ui/` and `lib/` with a timer; yield name -> [seconds, calls].

    The wrappers replace each function wherever a module of ours refers to it (pages run
    `from ui import ...` again on every rerun, so they pick the wrappers up too), and the
    originals are put back afterwards.
    """
    totals: dict[str, list[float]] = {}
    wrappers: dict[int, Callable[..., Any]] = {}
    originals: list[tuple[ModuleType, str, object]] = []

    def wrap(function: Callable[..., Any], name: str) -> Callable[..., Any]:
        slot = totals.setdefault(name, [0.0, 0.0])

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                slot[0] += time.perf_counter() - start
                slot[1] += 1

        return timed

    modules = _our_modules()
    for module in modules:
        for value in vars(module).values():
            # Plain functions defined in this module (not Streamlit's cached-function objects,
            # whose methods such as `.clear()` a wrapper would hide).
            if not inspect.isfunction(value):
                continue
            code_file = value.__code__
            if code_file is None or code_file.co_filename != getattr(module, "__file__", None):
                continue
            key = id(value)
            if key not in wrappers:
                name = f"{_short(code_file.co_filename)}:{code_file.co_name}"
                wrappers[key] = wrap(value, name)
    for module in modules:
        for attr, value in list(vars(module).items()):
            if id(value) in wrappers:
                originals.append((module, attr, value))
                setattr(module, attr, wrappers[id(value)])
    try:
        yield totals
    finally:
        for module, attr, value in originals:
            setattr(module, attr, value)


def profile_reruns(label: str, script: str, page: str | None, reruns: int = 30) -> Profile:
    """Sample `reruns` reruns of `script` (through `page`) under AppTest."""
    at = apptest(script, page)

    def rerun() -> None:
        at.run()
        assert not at.exception, at.exception

    return _profile(label, rerun, reruns)


def new_session(script: str, page: str | None, query: str = "") -> Callable[[], None]:
    """A new session's first run of `script` at `page` with the link's `query`, under AppTest.

    Each call is a new AppTest (a new session: its own Session State, nothing of the
    reader's carried over) in the same process, whose process-level caches earlier sessions
    have filled, as in a lecture hall after the first student.
    """

    def first() -> None:
        at = AppTest.from_file(str(ROOT / script), default_timeout=60)
        for key, value in parse_qsl(query, keep_blank_values=True):
            at.query_params[key] = value
        if page:
            at.switch_page(page)
        at.run()
        assert not at.exception, at.exception

    return first


def profile_first_runs(
    label: str, script: str, page: str | None, query: str = "", sessions: int = 30
) -> Profile:
    """Sample the first runs of `sessions` new sessions (`new_session`), after two to warm up."""
    first = new_session(script, page, query)
    first()
    first()
    return _profile(label, first, sessions)


def _profile(label: str, run: Callable[[], None], reruns: int) -> Profile:
    """Sample `reruns` calls of `run` (each one or more AppTest script runs), then time them."""
    by_owner: collections.Counter[str] = collections.Counter()
    ours: collections.Counter[str] = collections.Counter()
    called: collections.Counter[str] = collections.Counter()
    samples = 0
    stop = threading.Event()
    main = threading.main_thread().ident

    def sample() -> None:
        nonlocal samples
        me = threading.get_ident()
        while not stop.is_set():
            for ident, top in sys._current_frames().items():
                if ident in (me, main):
                    continue
                stack = _script_stack(top)
                if not any(is_ours(f.f_code.co_filename) for f in stack):
                    continue  # not a script run (or not yet inside the script)
                samples += 1
                names = [owner(f.f_code.co_filename) for f in stack]
                charged = next((n for n in reversed(names) if n != STD), STD)
                by_owner[charged] += 1
                seen = set()
                innermost = -1
                for i, frame in enumerate(stack):
                    if names[i].startswith(OURS):
                        innermost = i
                        code = frame.f_code
                        name = f"{_short(code.co_filename)}:{code.co_name}"
                        if name not in seen and code.co_name != "<module>":
                            seen.add(name)
                            ours[name] += 1
                for i in range(innermost + 1, len(stack)):
                    if _is_wrapper(stack[i]):
                        continue
                    if names[i] != STD:
                        code = stack[i].f_code
                        called[f"{_short(code.co_filename)}:{code.co_name}"] += 1
                    break
            time.sleep(INTERVAL_S)

    switch = sys.getswitchinterval()
    sys.setswitchinterval(INTERVAL_S)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        for _ in range(reruns):
            run()
    finally:
        stop.set()
        sampler.join()
        sys.setswitchinterval(switch)
    # The sampler's own stack walks slow the run a little; the median run without them
    # is measured again so the milliseconds are the page's, not the profiler's.
    clean = []
    for _ in range(reruns):
        start = time.perf_counter()
        run()
        clean.append(time.perf_counter() - start)
    clean.sort()
    with _timed_functions() as totals:
        for _ in range(reruns):
            run()
    timed = sorted(
        ((name, secs * 1000 / reruns, calls / reruns) for name, (secs, calls) in totals.items()),
        key=lambda item: -item[1],
    )
    n = max(samples, 1)
    return Profile(
        label,
        reruns,
        clean[len(clean) // 2] * 1000,
        samples,
        {k: v / n for k, v in by_owner.items()},
        [(k, v / n) for k, v in ours.most_common()],
        [(k, v / n) for k, v in called.most_common()],
        [t for t in timed if t[2] > 0],
    )


def profile_lines(profiles: list[Profile], top: int = 6, what: str = "a rerun") -> list[str]:
    """Markdown: time by owner for each profile, then our costliest functions."""
    owners = [name for name, _ in OWNERS] + [OTHER, STD]
    head = " | ".join(p.label for p in profiles)
    lines = [
        f"| Share of {what} (sampled) | {head} |",
        "|---|" + "---|" * len(profiles),
    ]
    for name in owners:
        if not any(p.by_owner.get(name) for p in profiles):
            continue
        cells = " | ".join(
            f"{p.ms(p.by_owner.get(name, 0.0)):.1f} ms ({p.by_owner.get(name, 0.0):.0%})"
            for p in profiles
        )
        lines.append(f"| {name} | {cells} |")
    lines.append(
        f"| whole {what.removeprefix('a ')} (median, AppTest) | "
        + " | ".join(f"{p.ms_per_rerun:.1f} ms ({p.samples} samples)" for p in profiles)
        + " |"
    )
    for p in profiles:
        if not p.timed:
            continue
        lines += [
            "",
            f"{p.label}, per {what.removeprefix('a ')}: our costliest functions, timed "
            "(inclusive of everything "
            "they call, so nested ones overlap), then, sampled, the library calls our code "
            "makes:",
            "",
        ]
        lines += [
            f"- `{name}` {ms:.1f} ms ({calls:.0f} call{'s' if round(calls) != 1 else ''})"
            for name, ms, calls in p.timed[:top]
        ]
        lines += [f"- calls `{name}` ~{p.ms(share):.1f} ms" for name, share in p.called[:top]]
    return lines


# A new session's first view, over Streamlit's own protocol against a real server: the
# pages the issue names, the first presenter scene's link first (what a class scans).
FIRST_VIEW_PAGES = ("projection", "self_check", "plan", "screening", "exercises")
FIRST_VIEWS = 15


def _cpu_ns(pid: int) -> int:
    """CPU time `pid` has used so far (ns), its finished threads included.

    From /proc/<pid>/stat (user + system), counted in clock ticks (10 ms): one first view
    is a tick or two, so the table gives the mean over every session, not the median. The
    per-thread counters are finer but lose each script run's thread once it has ended.
    """
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1_000_000_000 // os.sysconf("SC_CLK_TCK")


async def _first_views(url: str, page: str, query: str, count: int) -> list[tuple[float, int]]:
    """`count` new sessions' first views of `page?query`, one after another: (wall ms, runs)."""
    from bench.protocol import Session

    out = []
    for _ in range(count):
        session = await Session.open(url)
        try:
            run = await session.load(page, query, timeout=60)
        finally:
            await session.close()
        if session.exceptions:
            raise RuntimeError(f"/{page}?{query}: {session.exceptions}")
        out.append((run.ms, run.runs))
    return out


def first_view_links() -> list[tuple[str, str, str]]:
    """(label, page, query): the first scene's link, then each page's default view."""
    scenes = yaml.safe_load((ROOT / "content" / "scenes.yaml").read_text(encoding="utf-8"))
    scene = next(s for s in scenes if s["page"] == "projection")
    query = urlencode(scene["query"])
    return [(f"`/projection?{query}` (the first scene)", "projection", query)] + [
        (f"`/{page}`", page, "") for page in FIRST_VIEW_PAGES
    ]


def run_first_views(rounds: int = 3, batch: int = 10) -> Part:
    """New sessions' first views of the explorer (its entry file) and of the navigation floor.

    Both servers run at once. Each round opens every link `batch` times on each server (new
    sessions, one after another), so a change in the machine's load falls on both alike;
    the server's CPU is read around each batch. The very first request each fresh server
    gets is the scene's deep link (its script runs are reported: a first deep link that ran
    the script twice was a cost of Streamlit's old-style `pages/` handling); it and one
    more pass over the links fill the process's caches and are not counted.
    """
    from bench.common import server
    from tests.conftest import ENTRY as ENTRY_FILE

    links = first_view_links()
    walls: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}  # (total ms, sessions) per batch
    runs: dict[tuple[str, str], int] = {}
    first_runs: dict[str, int] = {}
    load_before = os.getloadavg()
    with server(ENTRY_FILE) as app, server("bench/bare_nav.py") as floor:
        targets = {"app": app, "floor": floor}

        async def measure() -> None:
            for name, srv in targets.items():
                first = await _first_views(srv.url, links[0][1], links[0][2], 1)
                first_runs[name] = first[0][1]
                for _, page, query in links:
                    await _first_views(srv.url, page, query, 1)
            for _ in range(rounds):
                for _, page, query in links:
                    for name, srv in targets.items():
                        key = (name, f"{page}?{query}")
                        before = _cpu_ns(srv.process.pid)
                        views = await _first_views(srv.url, page, query, batch)
                        cpu.setdefault(key, []).append((_cpu_ns(srv.process.pid) - before) / 1e6)
                        walls.setdefault(key, []).extend(ms for ms, _ in views)
                        runs[key] = max([runs.get(key, 0), *(r for _, r in views)])

        asyncio.run(measure())
    load_after = os.getloadavg()
    sessions = rounds * batch
    lines = [
        f"## A new session's first view ({sessions} sessions a link)",
        "",
        "Over Streamlit's websocket protocol (`bench.protocol`, no browser): one "
        f"`streamlit run {ENTRY_FILE}` and one `streamlit run bench/bare_nav.py` (the "
        "navigation floor: the explorer's navigation, every page one line, `/projection` "
        "the bare chart) at once; each new session asks for one link's first run. Server CPU: "
        "the server process's, user and system, over each batch of "
        f"{batch} sessions, per session (a mean: Linux counts it in 10 ms ticks); wall: from "
        "the request to `script_finished`, the median (on loopback it includes the "
        "websocket's own delays, so it says less than the CPU); runs: script runs a first "
        "view took, at most. The first request each fresh server gets is the scene's link; "
        "it and one more pass are not counted (imports, the process's caches). Load average "
        f"before / after: {load_before[0]:.1f} / {load_after[0]:.1f}.",
        "",
        f"A fresh process's first request, the scene's deep link: {first_runs['app']} "
        f"script run(s) (the floor: {first_runs['floor']}).",
        "",
        "| Link | Server CPU | Floor CPU | CPU ratio | Wall | Floor wall | Runs |",
        "|---|---|---|---|---|---|---|",
    ]
    data: dict[str, object] = {"first_runs": first_runs}
    for label, page, query in links:
        key = f"{page}?{query}"
        app_cpu = sum(cpu[("app", key)]) / sessions
        floor_cpu = sum(cpu[("floor", key)]) / sessions
        wall = statistics.median(walls[("app", key)])
        floor_wall = statistics.median(walls[("floor", key)])
        lines.append(
            f"| {label} | {app_cpu:.1f} ms | {floor_cpu:.1f} ms | "
            f"{app_cpu / floor_cpu if floor_cpu else math.nan:.2f} | {wall:.0f} ms | "
            f"{floor_wall:.0f} ms | {runs[('app', key)]} |"
        )
        data[key] = {"cpu": app_cpu, "floor_cpu": floor_cpu, "wall": wall}
    return Part(lines, [], data)


def first_run_lines(profiles: list[Profile]) -> list[str]:
    """Markdown: where a new session's first run goes, sampled as `profile_lines` does."""
    return [
        "### A new session's first run, sampled",
        "",
        f"{profiles[0].reruns} new AppTest sessions in one process (its caches filled by two "
        "before them), each one first run of the page; sampled and timed as the reruns "
        "above. An AppTest session's first run also sets up its own mock runtime (about 40 "
        "ms here, the same for the floor), which the samples leave out but the medians "
        "include; the server's own figures are in \"A new session's first view\".",
        "",
        *profile_lines(profiles, what="a first run"),
    ]
