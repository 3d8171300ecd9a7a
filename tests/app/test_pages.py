"""Every page through app.py under AppTest: renders, footer, broken content, bad URLs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
FOOTER = "Educational, not medical advice."


def open_page(page: str, query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Open `page` with `query` in the URL, as a link opened in a fresh tab does.

    AppTest's first run is always the home page: it runs that without the query (home
    would write its own, empty, address), then opens `page` with the link's query.
    """
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if page != "pages/home.py":
        at.run()
        at.switch_page(page)
    at.query_params.clear()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest) -> str:
    """All the Markdown, caption and alert text on the page, joined."""
    parts = [e.value for e in (*at.markdown, *at.caption, *at.error, *at.info, *at.warning)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_title_and_footer(page):
    """Each page runs without exception, shows a title and ends with the footer."""
    at = open_page(page)
    assert not at.exception
    assert at.title
    assert at.title[0].value
    assert FOOTER in texts(at)
    # The only error boxes are safety alerts (home's red flags, the exercise stop rules).
    for box in at.error:
        assert "999" in box.value, box.value


@pytest.mark.parametrize("page", PAGES)
def test_page_html_is_only_our_markup(page):
    """st.html receives rendered content, never a raw script tag."""
    at = open_page(page)
    for element in at.get("html"):
        assert "<script" not in element.proto.body.lower()


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_has_words_and_a_data_table(page):
    """Each chart comes with its sentence in words and the numbers as an HTML table."""
    at = open_page(page)
    charts = at.get("vega_lite_chart")
    summaries = [m for m in at.markdown if m.value.startswith("**In words:**")]
    tables = [h for h in at.get("html") if "The numbers drawn in the chart above" in h.proto.body]
    assert len(summaries) == len(tables) == len(charts)
    for table in tables:
        body = table.proto.body
        assert '<th scope="col"' in body
        assert body.count("<tr>") >= 3  # the header and at least two drawn points
    if page in ("pages/projection.py", "pages/self_check.py", "pages/screening.py"):
        assert charts  # the chart pages draw at least one, so this test cannot pass empty


def test_article_page_shows_numbered_sources():
    """An article page ends with its numbered, linked sources."""
    at = open_page("pages/causes.py")
    body = "".join(e.proto.body for e in at.get("html"))
    assert '<section class="sources"' in body
    assert 'id="src-1"' in body
    assert "https://" in body


def test_home_puts_the_emergency_signs_first():
    """The home page's first box after the title is the red-flag alert with the numbers."""
    at = open_page("pages/home.py")
    assert "999" in at.error[0].value
    assert "911" in at.error[0].value


def test_broken_article_shows_its_error_and_the_rest_still_works(content_copy, monkeypatch):
    """A malformed article errors on its own page only, naming the file."""
    broken = content_copy / "020-consequences.md"
    broken.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))

    at = open_page("pages/consequences.py")
    assert not at.exception
    assert "020-consequences.md" in at.error[0].value
    assert FOOTER in texts(at)

    for page in ("pages/home.py", "pages/causes.py", "pages/glossary.py", "pages/about.py"):
        other = open_page(page)
        assert not other.exception
        assert not other.error or page == "pages/home.py"


def test_unknown_source_id_shows_an_error_naming_the_file(content_copy, monkeypatch):
    """Citing a source that sources.yaml lacks is reported on that page."""
    path = content_copy / "010-causes.md"
    path.write_text(path.read_text("utf-8") + "\nA new claim [@no-such-source].\n", "utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    at = open_page("pages/causes.py")
    assert "010-causes.md" in at.error[0].value
    assert "no-such-source" in at.error[0].value


def test_missing_sources_file_breaks_articles_not_the_app(content_copy: Path, monkeypatch):
    """Without sources.yaml, article pages explain the problem and the glossary too."""
    (content_copy / "sources.yaml").unlink()
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    for page in ("pages/causes.py", "pages/glossary.py", "pages/about.py", "pages/home.py"):
        at = open_page(page)
        assert not at.exception
        assert "sources.yaml" in texts(at)


def test_raw_html_in_an_article_is_shown_as_text(content_copy, monkeypatch):
    """A script or an onerror image written into an article never reaches the page as HTML."""
    path = content_copy / "030-prevention.md"
    attack = '\n<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n'
    path.write_text(path.read_text("utf-8") + attack, "utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    at = open_page("pages/prevention.py")
    body = "".join(e.proto.body for e in at.get("html"))
    assert "&lt;script&gt;" in body
    assert "<script" not in body
    # The only images are the callout icons the renderer adds (data: URIs, no attributes
    # from the article); the injected one is shown as text.
    assert "<img src=x" not in body
    assert "onerror" not in body.replace("onerror=&quot;", "")
    assert re.findall(r"<img(?! class=\"lme-icon\" src=\"data:image/svg\+xml;base64,)", body) == []


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"q": "sarcopenia"}, "Sarcopenia"),
        ({"q": "SARCOPENIA"}, "Sarcopenia"),
        ({"q": "zzzz-not-a-word"}, None),
    ],
)
def test_glossary_search_from_the_url(query, shown):
    """`/glossary?q=...` opens with that search applied."""
    at = open_page("pages/glossary.py", query)
    assert at.text_input(key="q").value == query["q"]
    body = "".join(e.proto.body for e in at.get("html"))
    if shown:
        assert shown in body
    else:
        assert "No word matches" in texts(at)


# Every link parameter the README documents, plus one the app does not know.
LINK_KEYS = re.findall(r"^\| `/\w+` \| `(\w+)`", (ROOT / "README.md").read_text("utf-8"), re.M)
LINK_KEYS += [f"sarcf_{item}" for item in "sarcf"] + ["unknown"]


def test_link_keys_are_found():
    """The README table yields the link parameters the hostile test sends."""
    assert {"age", "rate", "weight", "chair_stands", "country", "q"} <= set(LINK_KEYS)


@pytest.mark.parametrize(
    "value",
    [
        "x" * 10_000,
        '<script>alert("x")</script>',
        '<img src=x onerror="alert(1)">',
        "NaN",
        "1e309",
        "-1e309",
        "",
        "\u202e\u0000\U0001f9b5",
        ["a", "b"],
    ],
)
@pytest.mark.parametrize("page", PAGES)
def test_hostile_url_parameters_never_crash(page, value):
    """Unknown, repeated, huge or script-like values for every parameter leave pages working."""
    at = open_page(page, dict.fromkeys(LINK_KEYS, value))
    assert not at.exception
    for element in at.get("html"):
        assert "<script" not in element.proto.body.lower()
        assert "onerror=" not in element.proto.body.lower()


def test_glossary_long_search_is_cut_with_a_note():
    """A search longer than 60 characters is shortened and the reader is told, not ignored."""
    at = open_page("pages/glossary.py", {"q": "sarcopenia" + "x" * 100})
    assert at.text_input(key="q").value == ("sarcopenia" + "x" * 100)[:60]
    assert "longer than 60 characters" in texts(at)
