"""The local stack (deploy/serve.py): balancing, cookie affinity, failover, draining, stopping.

These speak HTTP and Streamlit's websocket protocol (`bench.protocol`) through nginx to two
replicas of `tests/stack/slow_app.py`, a page that names the replica that drew it, takes
`?sleep=` seconds and offers a download (served from that replica's memory under /media/).
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.protocol import Session
from deploy.serve import ROOT, Stack, nginx_config
from tests.browser.conftest import free_port
from tests.stack.conftest import Reader, need_nginx, run_async


def replica_drew(session: Session) -> str:
    """The replica the page says drew it ("replica: r0" -> "r0")."""
    lines = [t for t in session.texts() if t.startswith("replica: ")]
    assert len(lines) == 1, session.texts()
    return lines[0].removeprefix("replica: ")


def download_url(session: Session) -> str:
    urls = [str(getattr(e, "url", "")) for kind, e in session.elements if kind == "download_button"]
    assert len(urls) == 1
    assert urls[0].startswith("/media/"), urls
    return urls[0]


async def open_reader(stack: Stack, query: str = "") -> tuple[Reader, Session]:
    """A reader as a browser arrives: the page (sets the cookie), then the websocket."""
    reader = Reader.new(stack.url)
    status, _, _ = reader.get(f"/?{query}" if query else "/")
    assert status == 200
    assert reader.cookie() in {r.name for r in stack.members}
    session = await Session.open(stack.url, {"Cookie": reader.cookie_header()})
    return reader, session


def test_new_readers_are_spread_and_each_cookie_names_its_replica(slow_stack: Stack):
    """Without a cookie a reader goes to the next replica; the answer names it in the cookie."""
    seen = []
    for _ in range(8):
        reader = Reader.new(slow_stack.url)
        status, headers, body = reader.get("/")
        assert status == 200
        assert b"<html" in body.lower()
        assert reader.cookie() == headers["x-replica"]
        seen.append(headers["x-replica"])
        # The same reader stays there, for every kind of request it makes.
        for path in ("/_stcore/health", "/_stcore/host-config", "/", "/no-such-page"):
            assert reader.get(path)[1]["x-replica"] == seen[-1], path
    assert set(seen) == {"r0", "r1"}


def test_a_session_its_websocket_and_its_download_stay_on_one_replica(slow_stack: Stack):
    """The page, the websocket, the run and the download of each reader: one replica."""

    async def one(note: str) -> tuple[str, str]:
        reader, session = await open_reader(slow_stack)
        try:
            home = reader.cookie()
            assert session.header("x-replica") == home
            await session.load("", "")
            assert replica_drew(session) == home
            await session.change("note", note)
            assert replica_drew(session) == home
            # The file a download button offers lives in that replica's memory only.
            status, headers, body = reader.get(download_url(session))
            assert status == 200
            assert headers["x-replica"] == home
            assert body == f"note: {note}\n".encode()
            return str(home), note
        finally:
            await session.close()

    async def many() -> list[tuple[str, str]]:
        return await asyncio.gather(*(one(f"reader {i}") for i in range(6)))

    homes = [home for home, _ in run_async(many())]
    assert set(homes) == {"r0", "r1"}  # both replicas took readers


def test_a_dead_replica_s_readers_move_to_a_live_one_and_stay(slow_stack: Stack):
    """Kill a reader's replica: the next request goes to the other, and the cookie follows."""
    reader = Reader.new(slow_stack.url)
    reader.get("/")
    home = reader.cookie()
    other = next(r.name for r in slow_stack.members if r.name != home)
    replica = slow_stack.replica(str(home))
    assert replica.process is not None
    replica.process.kill()
    replica.process.wait(timeout=10)

    status, headers, _ = reader.get("/_stcore/health")
    assert status == 200
    assert headers["x-replica"] == other
    assert reader.cookie() == other

    async def reconnect() -> str:
        session = await Session.open(slow_stack.url, {"Cookie": reader.cookie_header()})
        try:
            await session.load("", "")
            return replica_drew(session)
        finally:
            await session.close()

    assert run_async(reconnect()) == other
    # The stack starts the dead replica again; the moved reader stays where it is now.
    deadline = time.monotonic() + 60
    while replica.starts < 2 or reader_status(replica.url) != 200:
        assert time.monotonic() < deadline, "the dead replica was not started again"
        time.sleep(0.2)
    assert reader.get("/_stcore/health")[1]["x-replica"] == other
    assert reader.cookie() == other


def reader_status(url: str) -> int:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


@pytest.mark.parametrize("which", ["slow_stack", "asgi_stack"], ids=["script", "st.App"])
def test_a_draining_replica_finishes_its_running_script(which: str, request):
    """SIGTERM during a 3 s run: the run finishes and reaches the reader, then the replica goes."""
    slow_stack: Stack = request.getfixturevalue(which)

    async def scenario() -> tuple[list[str], int, int | None]:
        reader, session = await open_reader(slow_stack)
        replica = slow_stack.replica(str(reader.cookie()))
        process = replica.process
        assert process is not None
        try:
            run = asyncio.create_task(session.load("", "sleep=3", timeout=30))
            # Wait until the script has started (its first element has arrived).
            deadline = time.monotonic() + 20
            while "started" not in session.texts():
                assert time.monotonic() < deadline, "the slow page did not start"
                assert not run.done(), "the run ended before it started sleeping"
                await asyncio.sleep(0.02)
            process.send_signal(signal.SIGTERM)
            await asyncio.sleep(0.5)
            draining = await asyncio.to_thread(reader_status, replica.url)
            await run
            texts = session.texts()
        finally:
            await session.close()
        code = await asyncio.to_thread(process.wait, 30)
        return texts, draining, code

    texts, draining, code = run_async(scenario())
    assert "finished after 3 s" in texts  # the run was not cut short
    assert draining == 503  # while it drained, its health check sent new readers elsewhere
    # A plain script exits 0; uvicorn (st.App) re-raises the signal once it has shut down.
    assert code == (0 if which == "slow_stack" else -signal.SIGTERM)
    wait_until_healthy(slow_stack)  # the stack has started it again


def wait_until_healthy(stack: Stack) -> None:
    deadline = time.monotonic() + 90
    while not all(reader_status(r.url) == 200 for r in stack.members):
        assert time.monotonic() < deadline, "a replica was not started again"
        time.sleep(0.2)


def test_the_app_s_own_routes_pass_through_the_balancer(asgi_stack: Stack):
    """Any path nginx does not serve itself reaches a replica: an st.App's route, say."""
    wait_until_healthy(asgi_stack)
    reader = Reader.new(asgi_stack.url)
    status, headers, body = reader.get("/reading/hello")
    assert status == 200
    assert body == b"hello from a route"
    assert headers["x-replica"] == "r0"
    assert reader.cookie() == "r0"


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc (Linux)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = {int(c) for c in (task / "children").read_text().split()}
            except OSError:
                continue
            todo += list(children - found)
            found |= children
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_prints_the_url_and_stops_everything_on_a_signal(sig: signal.Signals, tmp_path):
    """`deploy/serve.py` (what `make serve` runs): a URL that answers, then a clean stop."""
    need_nginx()
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "deploy/serve.py", "--entry", "tests/stack/slow_app.py",
             "--port", str(port), "--host", "127.0.0.1", "--replicas", "2"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while f"http://127.0.0.1:{port}" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert reader_status(f"http://127.0.0.1:{port}") == 200
        children = descendants(process.pid)
        assert len(children) >= 3  # two replicas and nginx (with its workers)
        process.send_signal(sig)
        assert process.wait(timeout=60) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
    assert not [pid for pid in children if alive(pid)], log.read_text()
    assert reader_status(f"http://127.0.0.1:{port}") == 0  # nothing listens any more
    assert "stopped" in log.read_text()


def test_the_generated_nginx_config_is_valid_for_more_replicas(tmp_path):
    """nginx accepts the configuration for 1 and 4 replicas (`nginx -t`)."""
    need_nginx()
    from deploy.serve import Paths, find_nginx

    for count in (1, 4):
        run = tmp_path / f"n{count}"
        (run / "tmp").mkdir(parents=True)
        replicas = [(f"r{i}", f"127.0.0.1:{20000 + i}") for i in range(count)]
        paths = Paths(
            str(tmp_path),
            str(run / "pid"),
            str(run / "tmp"),
            str(run / "a.log"),
            str(run / "e.log"),
        )
        config = run / "nginx.conf"
        config.write_text(nginx_config("127.0.0.1:1", replicas, paths), encoding="utf-8")
        check = subprocess.run(
            [str(find_nginx()), "-p", str(run), "-c", str(config), "-e", "stderr", "-t"],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stderr
        for name, _ in replicas:
            assert f"upstream pool_{name} " in config.read_text()
