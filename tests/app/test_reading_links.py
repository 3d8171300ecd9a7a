"""Each Learn page of the app links to the plain reading page of the same content."""

from __future__ import annotations

import pytest

from lib import reading
from tests.app.test_pages import open_page
from tests.conftest import CONTENT

READING_PATHS = {p.path for p in reading.pages(reading.load_library(CONTENT))}

LEARN = {
    "pages/causes.py": "read/causes",
    "pages/consequences.py": "read/consequences",
    "pages/prevention.py": "read/prevention",
    "pages/seek_care.py": "read/seek_care",
    "pages/popular_numbers.py": "read/popular_numbers",
    "pages/faq.py": "read/faq",
    "pages/glossary.py": "read/glossary",
    "pages/about.py": "read/about",
}


@pytest.mark.parametrize(("page", "href"), LEARN.items())
def test_a_learn_page_links_to_its_reading_page(page: str, href: str) -> None:
    at = open_page(page)
    assert not at.exception
    bodies = [element.proto.body for element in at.get("html")]
    assert any(f'href="{href}"' in body for body in bodies), page
    # The link is relative, and it names a page the reading routes serve.
    assert f"/{href}" in READING_PATHS


def test_the_projection_notes_do_not_repeat_the_link() -> None:
    at = open_page("pages/projection.py")
    assert not any("Read this as a plain page" in e.proto.body for e in at.get("html"))
