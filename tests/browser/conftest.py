"""Browser fixtures: a real `streamlit run <ENTRY>` and Debian's Chromium driven by Playwright.

ENTRY is the Makefile's entry file (`streamlit_app.py`: `app.py` plus the reading routes),
so the tests start the server the way `make run` and Streamlit Community Cloud do.

`playwright install` cannot download browsers on these machines, so Playwright launches the
system Chromium at /usr/bin/chromium. Without it the browser tests skip, unless
REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.conftest import ENTRY, ROOT

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"
# Flags from the machine notes: no sandbox as root, and no background calls to other hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running `streamlit run` on a free local port, and when it started and answered."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path
    host: str = "localhost"  # the bench uses 127.0.0.1: no IPv6 attempt before connecting
    launched: float = 0.0  # time.perf_counter() just before the process was started
    healthy: float = 0.0  # time.perf_counter() when /_stcore/health first answered 200

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@contextlib.contextmanager
def streamlit_server(
    tmp: Path,
    env: dict[str, str] | None = None,
    script: str = ENTRY,
    *,
    host: str = "localhost",
    poll_s: float = 0.25,
    port: int | None = None,
) -> Iterator[Server]:
    """Start `script` as Streamlit's own e2e suite does, wait until it is healthy, stop it.

    The tests and the bench (`bench.common.server`) both start their servers here. `env`
    adds environment variables; the health check is polled every `poll_s` seconds. A given
    `port` lets a test start a second server where the first one was (its log goes on).
    """
    port = port or free_port()
    log = tmp / f"streamlit-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("ab") as out:
        launched = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
    server = Server(port, process, log, host, launched)
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
        server.healthy = time.perf_counter()
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(browser, tmp_path_factory) -> Iterator[Server]:
    """The app with its real content, shared by the browser tests."""
    with streamlit_server(tmp_path_factory.mktemp("server")) as running:
        yield running


class RunWatch:
    """Counts the script runs a page's websocket reports finished (`script_finished`).

    `[data-test-script-state="notRunning"]` alone is not proof that a page has run: it is
    also the state before the first run starts, and a fast page can be caught there (the
    bench's bare chart page "settled" with no chart at all in 2 of 3 tries). So the tests
    and the bench read the `ForwardMsg`s the page receives and wait for a finished run.
    """

    def __init__(self, page: Any) -> None:
        self.finished = 0
        page.on("websocket", self._on_websocket)

    def _on_websocket(self, ws: Any) -> None:
        ws.on("framereceived", self._on_frame)

    def _on_frame(self, payload: str | bytes) -> None:
        if not isinstance(payload, bytes):
            return
        msg = ForwardMsg()
        try:
            msg.ParseFromString(payload)
        except DecodeError:
            return
        if (
            msg.WhichOneof("type") == "script_finished"
            and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
        ):
            self.finished += 1


@dataclass
class Visit:
    """A browser page that records every request and console error it sees."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    watch: RunWatch | None = None  # counts the script runs the page's websocket finished

    def settle(self) -> None:
        """Wait until Streamlit has finished running the script.

        `notRunning` is also the state before a page's first run has started, so the page
        must first have finished at least one run (read from its websocket).
        """
        deadline = time.monotonic() + 30
        while self.watch is not None and self.watch.finished == 0:
            if time.monotonic() > deadline:
                raise TimeoutError("the page finished no script run within 30 s")
            self.page.wait_for_timeout(20)  # type: ignore[attr-defined]  # delivers events
        self.page.wait_for_selector(SETTLED, timeout=30_000)  # type: ignore[attr-defined]
        self.page.wait_for_timeout(300)  # type: ignore[attr-defined]
        self.page.wait_for_selector(SETTLED, timeout=30_000)  # type: ignore[attr-defined]


@pytest.fixture
def visit(browser) -> Iterator[Visit]:
    """A fresh browser context and page (no shared cookies or cache) that records traffic."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = Visit(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    seen.watch = RunWatch(page)
    page.on(
        "console",
        lambda msg: (
            seen.console_errors.append(f"{msg.text} @ {msg.location.get('url', '')}")
            if msg.type == "error"
            else None
        ),
    )

    def on_dialog(dialog) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield seen
    context.close()


def screenshot(visit: Visit, name: str) -> None:
    """Keep a full-page screenshot for people to look at (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
