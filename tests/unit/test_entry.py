"""The entry file: `streamlit run <ENTRY>` serves app.py and the reading routes beside it."""

from __future__ import annotations

import re
import subprocess
import sys

from streamlit.web.server.app_discovery import discover_asgi_app

from tests.conftest import ENTRY, ROOT


def test_streamlit_finds_the_app_in_the_entry_file() -> None:
    # What `streamlit run` itself does to decide between a plain script and an st.App.
    found = discover_asgi_app(ROOT / ENTRY)
    assert found.is_asgi_app
    assert found.import_string == f"{ENTRY.removesuffix('.py')}:app"


def test_the_entry_wraps_the_router_and_adds_the_reading_routes() -> None:
    # In a child process: constructing an st.App pins Streamlit's process-wide script path,
    # which the AppTest tests in this process must not inherit.
    probe = (
        f"import {ENTRY.removesuffix('.py')} as entry; print(entry.app.script_path.name); "
        "print(*sorted(getattr(r, 'path', '') for r in entry.app._user_routes))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "app.py"
    assert {"/read/{rest:path}", "/sitemap.xml", "/robots.txt", "/p/{page}"} <= set(out[1].split())


def test_make_run_starts_the_entry_file() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"streamlit run \$\(ENTRY\)", makefile)
    assert "streamlit run app.py" not in makefile
