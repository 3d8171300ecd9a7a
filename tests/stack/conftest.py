"""Stack fixtures: `make serve`'s topology (deploy/serve.py) on loopback, with Debian's nginx.

Without nginx the stack tests skip, saying so, unless REQUIRE_BROWSER=1 (as in CI, which
installs nginx as it installs chromium), where a missing nginx is a failure.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.cookiejar
import os
import urllib.request
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest

from deploy.serve import COOKIE, Stack, find_nginx
from tests.browser.conftest import free_port

SLOW_APP = "tests/stack/slow_app.py"
SLOW_ASGI = "tests/stack/slow_asgi.py"  # the same page as an st.App, with a route of its own
T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run` in a thread of its own: Playwright's sync API holds this thread's loop."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a stack test."""
    for item in items:
        if "tests/stack/" in item.nodeid:
            item.add_marker(pytest.mark.stack)


def need_nginx() -> None:
    if find_nginx() is None:
        message = "nginx not found: install Debian's nginx (apt-get install nginx)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def slow_stack() -> Iterator[Stack]:
    """Two replicas of a test page that takes `?sleep=` seconds and says who drew it."""
    need_nginx()
    with Stack(SLOW_APP, replicas=2, port=free_port(), host="127.0.0.1", quiet=True) as stack:
        yield stack


@pytest.fixture(scope="module")
def asgi_stack() -> Iterator[Stack]:
    """One replica of the slow page started as an `st.App` (as a routed entry file is)."""
    need_nginx()
    with Stack(SLOW_ASGI, replicas=1, port=free_port(), host="127.0.0.1", quiet=True) as stack:
        yield stack


@pytest.fixture(scope="module")
def app_stack() -> Iterator[Stack]:
    """Two replicas of the real app behind nginx."""
    need_nginx()
    with Stack("app.py", replicas=2, port=free_port(), host="127.0.0.1", quiet=True) as stack:
        yield stack


@dataclass
class Reader:
    """One reader's HTTP side, with a cookie jar as a browser keeps it."""

    base: str
    jar: http.cookiejar.CookieJar
    opener: urllib.request.OpenerDirector

    @classmethod
    def new(cls, base: str) -> Reader:
        jar = http.cookiejar.CookieJar()
        return cls(base, jar, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)))

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """GET `path`: the status, the headers (lower-case names) and the body."""
        try:
            with self.opener.open(self.base + path, timeout=30) as reply:
                return reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()

    def cookie(self, name: str = COOKIE) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


# The browser tests' Chromium and recorded page, for the failover test in a real browser.
from tests.browser.conftest import visit  # noqa: E402, F401  (browser: tests/conftest.py)
