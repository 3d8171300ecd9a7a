"""Lecture hall: a class scans the presenter's QR code at once, against one process and the stack.

An educator shows a scene's QR code (`content/scenes.yaml`, the first scene: a deep link into
`/projection`) and the class opens it within half a minute. Each student here is a client
that does what a phone's browser does on a first visit, over the network stack a browser
uses (HTTP/1.1 with keep-alive, at most 6 connections, `Accept-Encoding: gzip`, cookies):

1. GET the link's page (Streamlit's index.html; through the stack, this sets the affinity
   cookie);
2. GET the files the HTML preloads (the frontend's JavaScript and CSS);
3. GET `/_stcore/health` and `/_stcore/host-config`, open the websocket (`bench.protocol`)
   and ask for the page's first run; meanwhile GET the other static files a real Chromium
   fetched for the same link (element code, fonts, images), as the browser does while the
   run streams in;
4. its first view is there when the run has finished (`script_finished`) and every file
   has arrived: the time from its arrival to then is what it waited.

Arrival times are random (a fixed seed) and uniform within the window. Students stay
connected until the whole class has its first view. Errors are failed connections, HTTP
statuses other than 200, websocket closes, runs not finished within TIMEOUT_S, and exception
elements.

The same classes run against one `streamlit run` of `make run`'s entry file (Streamlit
serves the static files itself, uncompressed) and against `deploy/serve.py`'s stack
(nginx serves them gzipped; one Streamlit replica per core), in the same run. The
servers' CPU time per first view is what sizes a cluster: it is measured here (all
replicas and nginx, or the one process) and turned into cores and replicas for a class of
300 at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import yaml
from websockets.exceptions import ConnectionClosed

from bench.common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    Part,
    median,
    percentile,
    server,
    tree_rss_bytes,
)
from bench.protocol import ProtocolError, Session

CLASSES = ((150, 20.0), (300, 30.0))
QUICK_CLASSES = ((30, 10.0), (60, 15.0))
TIMEOUT_S = 180
CONNECTIONS = 6  # what a browser opens to one host over HTTP/1.1
# Sizing a cluster: keep the replicas' CPU at most this busy while a class arrives.
TARGET_UTILISATION = 0.6


def first_scene() -> tuple[str, str]:
    """The first presenter scene's page and query string (what its QR code opens)."""
    scenes = yaml.safe_load((ROOT / "content" / "scenes.yaml").read_text(encoding="utf-8"))
    scene = scenes[0]
    return str(scene["page"]), urlencode({k: str(v) for k, v in scene["query"].items()})


class HttpError(Exception):
    """A response a browser would show as broken."""


@dataclass
class Client:
    """One phone's HTTP side: keep-alive connections (at most CONNECTIONS) and its cookies."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = field(default_factory=list)
    bytes: int = 0
    files: int = 0
    gate: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(CONNECTIONS))

    async def get(self, path: str) -> bytes:
        async with self.gate:
            conn = (
                self.idle.pop()
                if self.idle
                else await asyncio.open_connection(self.host, self.port)
            )
            try:
                keep, body = await self._exchange(conn, path)
            except BaseException:
                conn[1].close()
                raise
            if keep:
                self.idle.append(conn)
            else:
                conn[1].close()
            self.files += 1
            return body

    async def _exchange(
        self, conn: tuple[asyncio.StreamReader, asyncio.StreamWriter], path: str
    ) -> tuple[bool, bytes]:
        reader, writer = conn
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "User-Agent: bench-lecture\r\nAccept: */*\r\nAccept-Encoding: gzip\r\n"
            "Connection: keep-alive\r\n" + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n"
        )
        writer.write(request.encode("latin-1"))
        await writer.drain()
        status_line = await reader.readline()
        if not status_line:
            raise HttpError(f"connection closed before an answer to {path}")
        status = int(status_line.split()[1])
        headers: list[tuple[str, str]] = []
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers.append((name.strip().lower(), value.strip()))
        values = dict(headers)
        for name, value in headers:
            if name == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()
        if values.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    await reader.readline()
                    break
                parts.append(await reader.readexactly(size))
                await reader.readline()
            body = b"".join(parts)
        elif "content-length" in values:
            body = await reader.readexactly(int(values["content-length"]))
        elif status in (204, 304):
            body = b""
        else:
            body = await reader.read()
            values["connection"] = "close"
        self.bytes += len(body)
        if status != 200:
            raise HttpError(f"HTTP {status} for {path}")
        return values.get("connection", "").lower() != "close", body

    def close(self) -> None:
        for _, writer in self.idle:
            writer.close()
        self.idle = []


@dataclass
class Student:
    arrived: float = 0.0
    first_view_ms: float = math.nan
    bytes: int = 0
    files: int = 0
    error: str = ""


def preloads(html: str) -> list[str]:
    """The static files index.html loads itself (scripts, module preloads, style sheets)."""
    found = re.findall(r'(?:src|href)="\.?/?(static/[^"]+)"', html)
    return list(dict.fromkeys(f"/{path}" for path in found))


def record_static(url: str) -> list[str]:
    """Every `/static/...` path Chromium fetches for `url`'s first view (once, not timed)."""
    from playwright.sync_api import sync_playwright

    from bench.common import RunWatch, wait_for_run

    found: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            page.on(
                "request",
                lambda r: (
                    found.append(urlsplit(r.url).path)
                    if urlsplit(r.url).path.startswith("/static/")
                    else None
                ),
            )
            watch = RunWatch(page)
            page.goto(url)
            wait_for_run(page, watch, charts=1)
            page.wait_for_timeout(1000)  # fonts and images the drawn page asks for
        finally:
            browser.close()
    return list(dict.fromkeys(found))


async def student(
    base: str, page: str, query: str, lazy: list[str], at: float, start: float, me: Student
) -> Session | None:
    """One phone opening the link at `start + at`; returns its open session (or None)."""
    await asyncio.sleep(max(0.0, start + at - time.perf_counter()))
    me.arrived = time.perf_counter()
    parts = urlsplit(base)
    client = Client(parts.hostname or "127.0.0.1", parts.port or 80)
    session: Session | None = None
    try:
        async with asyncio.timeout(TIMEOUT_S):
            html = (await client.get(f"/{page}?{query}")).decode("utf-8", "replace")
            first = preloads(html)
            await asyncio.gather(*(client.get(p) for p in first))
            await asyncio.gather(client.get("/_stcore/health"), client.get("/_stcore/host-config"))
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            session = await Session.open(base, {"Cookie": cookie} if cookie else None)
            rest = [p for p in lazy if p not in first]
            await asyncio.gather(
                session.load(page, query, timeout=TIMEOUT_S), *(client.get(p) for p in rest)
            )
            if session.exceptions:
                me.error = "exception element"
            else:
                me.first_view_ms = (time.perf_counter() - me.arrived) * 1000
    except TimeoutError:
        me.error = f"no first view within {TIMEOUT_S} s"
    except (HttpError, ProtocolError) as exc:
        me.error = type(exc).__name__
    except ConnectionClosed:
        me.error = "websocket closed"
    except OSError as exc:
        me.error = f"connection: {type(exc).__name__}"
    finally:
        me.bytes, me.files = client.bytes, client.files
        client.close()
    return session


async def _class(
    base: str, page: str, query: str, lazy: list[str], count: int, window: float, pids: list[int]
) -> tuple[list[Student], float, int]:
    rng = random.Random(count)
    arrivals = sorted(rng.uniform(0, window) for _ in range(count))
    students = [Student() for _ in range(count)]
    start = time.perf_counter() + 0.5
    sessions = await asyncio.gather(
        *(
            student(base, page, query, lazy, at, start, s)
            for at, s in zip(arrivals, students, strict=True)
        )
    )
    elapsed = time.perf_counter() - start
    rss = sum(tree_rss_bytes(pid) for pid in pids)  # with every student still connected
    for session in sessions:
        if session is not None:
            with contextlib.suppress(Exception):
                await session.close()
    return students, elapsed, rss


def _cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


def _descendants(pid: int) -> list[int]:
    found = [pid]
    todo = [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


@dataclass
class Result:
    target: str
    count: int
    window: float
    students: list[Student]
    elapsed: float
    rss: int
    cpu_s: float
    client_cpu_s: float
    load_before: float
    load_after: float

    @property
    def views(self) -> list[float]:
        return [s.first_view_ms for s in self.students if not s.error]

    @property
    def errors(self) -> Counter[str]:
        return Counter(s.error for s in self.students if s.error)


def _run_class(
    target: str,
    base: str,
    pids: list[int],
    page: str,
    query: str,
    lazy: list[str],
    n: int,
    w: float,
) -> Result:
    load_before = os.getloadavg()[0]
    cpu, own = _cpu_seconds(pids), time.process_time()
    students, elapsed, rss = asyncio.run(_class(base, page, query, lazy, n, w, pids))
    return Result(
        target,
        n,
        w,
        students,
        elapsed,
        rss,
        _cpu_seconds(pids) - cpu,
        time.process_time() - own,
        load_before,
        os.getloadavg()[0],
    )


async def _warm(base: str, page: str, query: str) -> None:
    session = await Session.open(base)
    await session.load(page, query, timeout=TIMEOUT_S)
    await session.close()


@contextlib.contextmanager
def _stack(replicas: int) -> Iterator[object]:
    from deploy.serve import Stack
    from tests.browser.conftest import free_port
    from tests.conftest import ENTRY

    with Stack(ENTRY, replicas=replicas, port=free_port(), host="127.0.0.1", quiet=True) as s:
        yield s


def run(quick: bool = False, replicas: int | None = None) -> Part:
    """Every class against one process, then against the stack; the lines for RESULTS.md."""
    from deploy.serve import find_nginx

    classes = QUICK_CLASSES if quick else CLASSES
    replicas = replicas or os.cpu_count() or 1
    page, query = first_scene()
    results: list[Result] = []
    from tests.conftest import ENTRY

    with server(ENTRY) as single:
        lazy = record_static(f"{single.url}/{page}?{query}")
        asyncio.run(_warm(single.url, page, query))
        for n, w in classes:
            print(f"bench: lecture: {n} students in {w:.0f} s, one process", flush=True)
            results.append(
                _run_class("one process", single.url, [single.process.pid], page, query, lazy, n, w)
            )
            time.sleep(3)
    base_rss = 0
    if find_nginx() is None:
        stack_note = "nginx not found (apt-get install nginx): the stack was not measured."
    else:
        stack_note = ""
        with _stack(replicas) as stack:
            from deploy.serve import Stack

            assert isinstance(stack, Stack)
            for member in stack.members:
                asyncio.run(_warm(member.url, page, query))
            assert stack.nginx is not None
            pids = [r.process.pid for r in stack.members if r.process] + _descendants(
                stack.nginx.pid
            )
            base_rss = sum(tree_rss_bytes(r.process.pid) for r in stack.members if r.process)
            for n, w in classes:
                print(f"bench: lecture: {n} students in {w:.0f} s, the stack", flush=True)
                results.append(_run_class("stack", stack.url, pids, page, query, lazy, n, w))
                time.sleep(3)
    return _part(results, classes, replicas, page, query, lazy, stack_note, quick, base_rss)


def _part(
    results: list[Result],
    classes: tuple[tuple[int, float], ...],
    replicas: int,
    page: str,
    query: str,
    lazy: list[str],
    stack_note: str,
    quick: bool,
    base_rss: int,
) -> Part:
    title = "## Lecture hall: a class opens the QR code's link at once" + (
        " (quick)" if quick else ""
    )
    lines = [
        title,
        "",
        f"The first presenter scene's link (`/{page}?{query}`). Each student fetches the page, "
        "the files it preloads, opens the websocket and waits for the first run while "
        f"fetching the other {len(lazy)} static files Chromium fetched for the same link "
        f"(at most {CONNECTIONS} connections, gzip accepted, cookies kept), as a phone's "
        "browser does; arrivals are random within the window. *One process*: `streamlit "
        "run` of the entry file, as `make run` (it also serves the static files, "
        "uncompressed). *Stack*: "
        f"`deploy/serve.py` with {replicas} replicas behind nginx (static files gzipped by "
        "nginx, affinity by cookie). Server CPU counts every replica and nginx. The bench's "
        f"own clients share the machine's {os.cpu_count()} cores with the servers.",
        "",
        "| Class | Target | First view p50 / p95 | Errors | Static per student | "
        "Server CPU per first view | Server memory, all connected | Client CPU | "
        "Load average before / after |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        mb = median([s.bytes for s in r.students]) / 1e6
        files = median([s.files for s in r.students])
        errors = sum(r.errors.values())
        detail = f" ({', '.join(f'{k}: {v}' for k, v in r.errors.items())})" if errors else ""
        lines.append(
            f"| {r.count} in {r.window:.0f} s | {r.target} | {median(r.views) / 1000:.1f} s / "
            f"{percentile(r.views, 95) / 1000:.1f} s | {errors}{detail} | {files:.0f} files, "
            f"{mb:.2f} MB | {r.cpu_s / r.count * 1000:.0f} ms | {r.rss / 2**20:.0f} MB | "
            f"{r.client_cpu_s:.0f} s | "
            f"{r.load_before:.1f} / {r.load_after:.1f} |"
        )
    misses: list[str] = []
    data: dict[str, object] = {}
    if stack_note:
        lines += ["", stack_note]
    by = {(r.target, r.count): r for r in results}
    for n, _ in classes:
        single, stack = by.get(("one process", n)), by.get(("stack", n))
        if single is None or stack is None or not single.views or not stack.views:
            continue
        ratio = percentile(stack.views, 95) / percentile(single.views, 95)
        lines.append("")
        lines.append(
            f"- {n} students: the stack's first-view p95 is {ratio:.2f}x the single process's "
            "(target at most 0.25x)."
        )
        data[f"ratio_{n}"] = ratio
        if ratio > 0.25:
            misses.append(f"lecture: {n} students, stack p95 {ratio:.2f}x one process's")
        if sum(stack.errors.values()):
            misses.append(f"lecture: {n} students, {sum(stack.errors.values())} errors")
    if not quick:
        s150 = by.get(("stack", 150))
        if s150 and percentile(s150.views, 95) > 5000:
            misses.append(
                f"lecture: 150 students, stack p95 {percentile(s150.views, 95) / 1000:.1f} s "
                "(target under 5 s)"
            )
    stack_runs = [r for r in results if r.target == "stack"]
    if stack_runs:
        biggest = max(stack_runs, key=lambda r: r.count)
        cost = biggest.cpu_s / biggest.count
        per_session = max(0.0, (biggest.rss - base_rss) / biggest.count)
        lines += [
            "",
            *sizing(cost, biggest.count, 300, 30.0, per_session, base_rss / replicas / 2**20),
        ]
        data["cpu_per_view_s"] = cost
    return Part(lines, misses, data)


def sizing(
    cost_s: float,
    measured: int,
    students: int,
    window: float,
    rss_per_session: float,
    base_mb: float,
) -> list[str]:
    """What a class of `students` arriving within `window` needs, from the CPU per view."""
    busy = students * cost_s / window  # cores busy on average while the class arrives
    cores = busy / TARGET_UTILISATION
    pods = max(2, math.ceil(cores))  # one Streamlit process uses about one core at most
    return [
        "### What a class of 300 needs on a cluster",
        "",
        f"- Measured: {cost_s * 1000:.0f} ms of server CPU per first view on the stack "
        f"({measured} students; every replica and nginx, static files included). A class "
        f"of {students} within {window:.0f} s is {students} x {cost_s * 1000:.0f} ms = "
        f"{students * cost_s:.0f} CPU seconds of work, {busy:.1f} cores busy on average "
        "while it arrives.",
        f"- Kept at most {TARGET_UTILISATION:.0%} busy (so that a queue does not build), that "
        f"is {cores:.1f} cores. A Streamlit process runs its scripts on about one core (one "
        f"interpreter lock), so: **{pods} replicas of 1 CPU each** (the Deployment's limit; "
        "two at least, so that one can fail or drain), "
        f"on nodes with {pods} cores free, plus the Ingress controller's share for the "
        "static files. Set the HPA's minReplicas to that before a planned lecture: scaling "
        "up from CPU takes a pod's start, longer than the class takes to arrive.",
        "- That is the arrival. Every student here opens the same link, so the page's cached "
        "computations are shared; once the class moves its own sliders, each change is a "
        "rerun with new values. Size that with the load part's CPU per rerun (its server "
        "cores busy over its reruns a second): cores = students / seconds between changes x "
        f"CPU per rerun / {TARGET_UTILISATION}, and take the larger of the two.",
        f"- Memory: {rss_per_session / 2**20:.2f} MB per connected session measured here "
        f"(server memory with the class connected, over the students), so {students} "
        f"sessions over {pods} replicas is about "
        f"{students / pods * rss_per_session / 2**20 + base_mb:.0f} MB a replica with its "
        f"{base_mb:.0f} MB base, against the 1 GiB limit.",
    ]
