"""Link previews of interactive views (lib.preview): words, escaping, the way on."""

from __future__ import annotations

import html
import io
import re
from urllib.parse import parse_qsl, urlsplit

import html5lib
import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from lib import links, preview, qr, reading
from lib.exercises import Exercise
from lib.figures import HEIGHT, WIDTH
from tests.conftest import CONTENT

SITE = reading.Site("https://example.org/legs")


@pytest.mark.parametrize(
    ("params", "title"),
    [
        ({"age": "80", "bedrest_days": "10"},
         "Muscle over a lifetime at 80, after 10 days in bed at 70"),
        ({"age": "80"}, "Muscle over a lifetime at 80"),
        ({}, "Muscle over a lifetime at 50"),
        ({"age": "67", "measure": "strength", "bedrest_age": "67", "bedrest_days": "14"},
         "Leg strength over a lifetime at 67, after 14 days in bed at 67"),
        ({"age": "500", "bedrest_days": "-3"}, "Muscle over a lifetime at 100"),  # clamped
        ({"age": "abc", "bedrest_days": "1e309"}, "Muscle over a lifetime at 50"),  # refused
        ({"age": "29.6"}, "Muscle over a lifetime at 30"),
    ],
)  # fmt: skip
def test_projection_previews_say_what_the_view_shows(params: dict[str, str], title: str) -> None:
    found = preview.describe("projection", list(params.items()))
    assert found is not None
    assert found.title == title
    assert found.image
    assert "not a prediction for you" in found.description
    assert re.search(r"keeps (between )?about \d+%", found.description)


def test_the_description_uses_the_same_numbers_as_the_page() -> None:
    found = preview.describe("projection", [("age", "80"), ("bedrest_days", "10")])
    view = preview.projection_view([("age", "80"), ("bedrest_days", "10")])
    assert found is not None
    assert found.description.startswith(view.summary)


def test_other_views_have_a_preview_in_words_without_a_picture() -> None:
    found = preview.describe("self_check", [("age", "70")])
    assert found is not None
    assert found.title == "Guideline self-check"
    assert not found.image
    assert preview.describe("no_such_page", []) is None
    assert preview.describe("../etc/passwd", []) is None


def test_preview_url_is_short_and_keeps_the_parameters_in_order() -> None:
    url = preview.preview_url(
        "projection", {"age": "80", "bedrest_days": "10"}, "https://example.org/legs/"
    )
    assert url == "https://example.org/legs/p/projection?age=80&bedrest_days=10"
    live = "https://example.org/legs/projection?age=80&bedrest_days=10"
    assert len(url) == len(live) + len("/p")
    assert preview.preview_url("quiz", {}, "http://localhost:8501") == (
        "http://localhost:8501/p/quiz"
    )


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        ("https://example.org/legs/projection?age=80&bedrest_days=10",
         "https://example.org/legs/p/projection?age=80&bedrest_days=10"),
        ("http://localhost:8501/self_check?age=70", "http://localhost:8501/p/self_check?age=70"),
        ("http://localhost:8501/exercises", "http://localhost:8501/p/exercises"),
        ("http://localhost:8501/causes", "http://localhost:8501/causes"),  # no preview
        ("http://localhost:8501/", "http://localhost:8501/"),
        ("http://localhost:8501/p/projection?age=1", "http://localhost:8501/p/projection?age=1"),
    ],
)  # fmt: skip
def test_a_share_link_becomes_its_preview_link(share: str, expected: str) -> None:
    assert preview.preview_link(share) == expected


@given(st.dictionaries(st.text(max_size=20), st.text(max_size=40), max_size=5))
def test_the_preview_link_of_a_share_link_keeps_its_query(link_params: dict[str, str]) -> None:
    share = links.share_link("http://localhost:8501/projection", link_params)
    out = preview.preview_link(share)
    assert out == preview.preview_url("projection", link_params, "http://localhost:8501")
    assert len(out) == len(share) + len(preview.PREFIX)


def test_the_qr_code_of_a_preview_link_stays_small_and_reads_back() -> None:
    share = (
        "https://example.org/legs/projection?age=80&rate=5.0&measure=strength"
        "&bedrest_age=70&bedrest_days=10"
    )
    link = preview.preview_link(share)
    # A 3-character longer link: the same QR version (module count) or at most one up.
    assert len(qr.matrix(link)) - len(qr.matrix(share)) <= 4
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.qr_png(link))))
    assert [r.text for r in found] == [link]


def test_the_preview_document_has_social_tags_an_image_and_a_way_on() -> None:
    pairs = [("age", "80"), ("bedrest_days", "10")]
    found = preview.describe("projection", pairs)
    assert found is not None
    document = preview.preview_document(found, SITE)
    parser = html5lib.HTMLParser()
    parser.parse(document)
    assert not parser.errors
    assert (
        '<meta property="og:image" content="https://example.org/legs/p/projection.png?age=80'
        '&amp;bedrest_days=10">'
    ) in document
    assert (
        '<meta http-equiv="refresh" content="0; url=https://example.org/legs/projection?age=80'
        '&amp;bedrest_days=10">'
    ) in document
    assert 'name="robots" content="noindex"' in document
    assert "<script" not in document


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_the_projection_picture_is_its_chart_drawn_at_twice_its_size() -> None:
    found = preview.describe("projection", [("age", "80"), ("bedrest_days", "10")])
    assert found is not None
    spec = preview.chart_spec(found.image_key)
    assert spec["width"] == preview.IMAGE_WIDTH_PX
    assert spec["background"] == "white"
    width, _ = png_size(preview.preview_png("projection", found.image_key))
    assert width >= 2 * preview.IMAGE_WIDTH_PX


def test_two_spellings_of_one_view_share_one_picture() -> None:
    one = preview.describe("projection", [("age", "80"), ("rate", "5")])
    two = preview.describe("projection", [("rate", "5.0"), ("age", "80.2"), ("junk", "<b>")])
    assert one is not None
    assert two is not None
    assert one.image_key == two.image_key
    assert one.query != two.query  # while each goes on to the view exactly as it was linked


@pytest.fixture(scope="module")
def library() -> tuple[Exercise, ...]:
    return reading.load_library(CONTENT).exercises


def test_a_library_link_to_one_exercise_is_previewed_with_its_diagram(
    library: tuple[Exercise, ...],
) -> None:
    found = preview.describe("exercises", [("ex", "sit_to_stand")], library)
    squat = next(e for e in library if e.slug == "sit_to_stand")
    assert found is not None
    assert found.title == squat.title
    assert found.description.startswith(squat.summary)
    assert found.image_key == (("ex", "sit_to_stand"),)
    svg = preview.figure_for_preview(squat)
    assert svg.startswith(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}"')
    assert f'width="{WIDTH}" height="{HEIGHT}"' in svg
    assert '<rect width="100%" height="100%" fill="white"/>' in svg
    assert png_size(preview.preview_png("exercises", found.image_key, library)) == (
        3 * WIDTH,
        3 * HEIGHT,
    )


@pytest.mark.parametrize("ex", [None, "no_such_exercise", "<script>"])
def test_the_library_without_a_known_exercise_is_described_in_words(
    library: tuple[Exercise, ...], ex: str | None
) -> None:
    pairs = [("ex", ex)] if ex is not None else []
    found = preview.describe("exercises", pairs, library)
    assert found is not None
    assert found.title == "Exercise library"
    assert not found.image
    with pytest.raises(LookupError):
        preview.preview_png("exercises", found.image_key, library)


def test_views_without_a_picture_have_none() -> None:
    found = preview.describe("quiz", [])
    assert found is not None
    assert not found.image
    with pytest.raises(LookupError, match="no preview picture"):
        preview.preview_png("quiz", found.image_key)


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            '"><script>alert(1)</script>',
            "'; url=https://evil.example/",
            "javascript:alert(1)",
            "0; url=//evil.example",
            "&amp;&lt;&#x27;",
            "\u2028\u0000\ufeff",
            "1e309",
            "-0",
            "NaN",
        ]
    ),
)
KEYS = st.one_of(
    st.sampled_from(["age", "rate", "measure", "bedrest_age", "bedrest_days"]), HOSTILE
)


@given(
    page=st.sampled_from([*preview.VIEWS, "projection"]),
    pairs=st.lists(st.tuples(KEYS, HOSTILE), max_size=8),
)
def test_every_hostile_parameter_is_escaped_and_the_way_on_stays_on_the_site(
    page: str, pairs: list[tuple[str, str]]
) -> None:
    found = preview.describe(page, pairs)
    assert found is not None
    document = preview.preview_document(found, SITE)
    parser = html5lib.HTMLParser()
    tree = parser.parse(document)
    assert not [e for e in parser.errors if e[1] != "unexpected-null-character"]
    namespace = {"h": "http://www.w3.org/1999/xhtml"}
    assert tree.findall(".//h:script", namespace) == []
    assert len(tree.findall(".//h:body/*", namespace)) == 2  # main and footer: nothing injected
    refresh = [
        m.get("content") for m in tree.iter("{http://www.w3.org/1999/xhtml}meta")
        if m.get("http-equiv") == "refresh"
    ]  # fmt: skip
    assert len(refresh) == 1
    target = refresh[0].split("; url=", 1)[1]
    parts = urlsplit(target)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "example.org", f"/legs/{page}")
    # The live view gets the same parameters (bounded), not a rewritten version of them.
    assert parse_qsl(parts.query, keep_blank_values=True) == [
        (k, v) for k, v in preview.clean_query(pairs)
    ]
    assert html.escape(found.title) in document
