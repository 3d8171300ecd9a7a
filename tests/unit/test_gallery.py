"""The screenshot gallery's list of links (`make screenshots`, docs/gallery.py)."""

from __future__ import annotations

import importlib.util
import re

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("gallery", ROOT / "docs" / "gallery.py")
assert _spec is not None
assert _spec.loader is not None
gallery = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gallery)


def test_every_page_and_every_readme_example_is_shot():
    """Each page once by its plain URL, and each example link the README gives."""
    links = gallery.links()
    pages = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert {"/"} | {f"/{p}" for p in pages - {"home"}} <= set(links)
    readme = (ROOT / "README.md").read_text("utf-8")
    examples = set(re.findall(r"`(/[a-z_]+\?[^`\s]*)`", readme))
    assert examples
    assert examples <= set(links)
    assert len(links) == len(set(links))


def test_file_names_are_distinct_and_safe():
    """No two shots share a file, and no name holds a character a file system may refuse."""
    names = [gallery.file_name(link, w) for link in gallery.links() for w in gallery.WIDTHS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[A-Za-z0-9_,=@.-]+", n) for n in names)
