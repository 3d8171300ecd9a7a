"""One replica of the app: `streamlit run ENTRY ...` that drains on SIGTERM before it stops.

    python deploy/replica.py streamlit_app.py --server.port 8501 [other streamlit run flags]

Streamlit stops at once on SIGTERM: it stops every running script, so a reader whose page
was being drawn gets half a page and a reconnect. A replica taken out of a balancer (a
rolling update, a scale-down, `make serve` stopping) should finish what it is doing first.
On the first SIGTERM or SIGINT this wrapper:

1. answers `/_stcore/health` with 503 "draining", so a balancer that checks health
   (Kubernetes' readiness probe, compose's healthcheck) sends no new readers here;
2. waits until no session has a script running or messages left to send, for at most
   DRAIN_SECONDS (environment variable `LME_DRAIN_SECONDS`, default 20 s);
3. then stops Streamlit as its own signal handler would. Open websockets close, and each
   browser reconnects through the balancer to another replica (the link holds the view).

A second signal stops at once. The same wrapper runs in the container image, so Kubernetes'
`terminationGracePeriodSeconds` must be longer than the drain.

It works on both ways Streamlit 1.67 starts a script: a plain script (Streamlit's own
signal handler, `streamlit.web.bootstrap._set_up_signal_handler`) and an `st.App` (uvicorn's
`Server.handle_exit`). Both are Streamlit and uvicorn internals, patched here only; the
stack tests (`tests/stack/`) fail if either stops working.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

DRAIN_SECONDS = float(os.environ.get("LME_DRAIN_SECONDS", "20"))
POLL_S = 0.05
# After the last script finishes, its last messages are queued for the websocket: give the
# event loop a moment to send them before the connections close.
FLUSH_S = 0.5

draining = threading.Event()
_started = threading.Lock()


def busy_sessions() -> int:
    """Sessions with a script running (or about to) or messages not yet sent, 0 without any."""
    from streamlit import runtime

    if not runtime.exists():
        return 0
    count = 0
    for info in runtime.get_instance()._session_mgr.list_active_sessions():
        session = info.session
        if session._scriptrunner is not None or not session._browser_queue.is_empty():
            count += 1
    return count


def log(message: str) -> None:
    print(f"replica {os.getpid()}: {message}", file=sys.stderr, flush=True)


def drain_then(stop: Callable[[], None]) -> None:
    """Start draining (once) in a thread, and call `stop` when it is over."""
    if not _started.acquire(blocking=False):
        log("second signal: stopping now")
        stop()
        return
    draining.set()

    def wait() -> None:
        start = time.monotonic()
        busy = busy_sessions()
        log(f"draining: {busy} session(s) busy, waiting up to {DRAIN_SECONDS:.0f} s")
        while busy and time.monotonic() - start < DRAIN_SECONDS:
            time.sleep(POLL_S)
            busy = busy_sessions()
        if busy:
            log(f"drain time over with {busy} session(s) still busy: stopping them")
        else:
            time.sleep(FLUSH_S)
            log(f"drained in {time.monotonic() - start:.1f} s: stopping")
        stop()

    threading.Thread(target=wait, name="drain", daemon=True).start()


def _patch_health() -> None:
    """`/_stcore/health` answers 503 "draining" once a drain has started."""
    from streamlit.runtime.runtime import Runtime

    original = Runtime.is_ready_for_browser_connection
    assert isinstance(original, property)
    assert original.fget is not None
    ready = original.fget

    async def is_ready(self: Runtime) -> tuple[bool, str]:
        if draining.is_set():
            return False, "draining"
        result: tuple[bool, str] = await ready(self)
        return result

    Runtime.is_ready_for_browser_connection = property(is_ready)  # type: ignore[assignment,method-assign]


def _patch_script_server() -> None:
    """A plain script: replace Streamlit's signal handler with one that drains first."""
    from streamlit.web import bootstrap

    def set_up(server: Any) -> None:
        def handler(signum: int, frame: object) -> None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                drain_then(server.stop)
            else:
                drain_then(lambda: loop.call_soon_threadsafe(server.stop))

        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT):
            signal.signal(sig, handler)

    bootstrap._set_up_signal_handler = set_up


def _patch_asgi_server() -> None:
    """An `st.App`: uvicorn's exit handler drains first (it only sets flags: thread-safe)."""
    import uvicorn

    original = uvicorn.Server.handle_exit

    def handle_exit(self: uvicorn.Server, sig: int, frame: Any) -> None:
        drain_then(lambda: original(self, sig, frame))

    uvicorn.Server.handle_exit = handle_exit  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    if not argv or argv[0].startswith("-"):
        raise SystemExit("usage: python deploy/replica.py ENTRY.py [streamlit run flags]")
    _patch_health()
    _patch_script_server()
    _patch_asgi_server()
    from streamlit.web import cli

    cli.main(["run", *argv], prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
