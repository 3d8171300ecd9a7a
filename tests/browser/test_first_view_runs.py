"""A new session's first view over Streamlit's own protocol: how many script runs it takes.

A class scanning a presenter's QR code opens a deep link, often as the first request a
fresh replica gets. Each such first view must be one script run (not the page alone and
then again through app.py), and a hostile link is still clamped with its note. No browser:
`bench.protocol` speaks the websocket protocol and counts the runs (each run that ended
early for a rerun, then the one that finished).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from urllib.parse import urlencode

import pytest

from bench.protocol import Run, Session
from tests.browser.conftest import streamlit_server
from tests.conftest import ENTRY
from ui.content import load_scenes

SCENE = next(s for s in load_scenes() if s.page == "projection")
SCENE_QUERY = urlencode(dict(SCENE.query))


async def first_views(url: str, links: list[tuple[str, str]]) -> list[tuple[Run, Session]]:
    """Each link opened by a new session, one after another."""
    out = []
    for page, query in links:
        session = await Session.open(url)
        try:
            out.append((await session.load(page, query, timeout=60), session))
        finally:
            await session.close()
    return out


@pytest.fixture(scope="module")
def fresh_runs(tmp_path_factory) -> list[tuple[Run, Session]]:
    """A fresh server of the entry file whose first request is the scene's deep link."""
    links = [
        ("projection", SCENE_QUERY),  # the first request this process gets
        ("projection", SCENE_QUERY),
        ("projection", "age=150&rate=abc"),
        ("self_check", ""),
        ("plan", ""),
        ("screening", ""),
        ("exercises", ""),
    ]
    # The protocol client in a thread of its own: the browser tests' sync Playwright keeps an
    # event loop running in this one, and asyncio.run refuses to start inside it.
    with (
        streamlit_server(tmp_path_factory.mktemp("first"), script=ENTRY) as fresh,
        concurrent.futures.ThreadPoolExecutor(1) as pool,
    ):
        return pool.submit(asyncio.run, first_views(fresh.url, links)).result()


def test_a_deep_link_as_a_fresh_servers_first_request_runs_once(fresh_runs):
    run, session = fresh_runs[0]
    assert run.runs == 1, "the first deep link ran the script more than once"
    assert not session.exceptions
    kinds = [kind for kind, _ in session.elements]
    assert "vega_lite_chart" in kinds
    assert any("Educational, not medical advice" in t for t in _captions(session))


def test_every_new_sessions_first_view_runs_once(fresh_runs):
    for run, session in fresh_runs[1:]:
        assert run.runs == 1, session.query_string
        assert not session.exceptions


def test_a_hostile_deep_link_is_clamped_with_a_note_in_one_run(fresh_runs):
    run, session = fresh_runs[2]
    assert run.runs == 1
    notes = [str(getattr(e, "body", "")) for kind, e in session.elements if kind == "alert"]
    assert any("“150”, so 100 is shown" in n for n in notes), notes
    assert any("is not a number" in n for n in notes), notes
    assert "age=100" in session.query_string


def _captions(session: Session) -> list[str]:
    return [str(getattr(e, "body", "")) for _, e in session.elements]
