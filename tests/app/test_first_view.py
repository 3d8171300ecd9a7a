"""A new session's first view: charts of known views drawn once per process, never shared otherwise.

`ui.charts.show_chart` keeps the chart of a page's default view and of a presenter's scene
for the whole process (every reader who opens them gets the same chart); a view a reader
set is drawn for that session only. These tests check that each session still gets its own
chart, that what is kept is exactly what an uncached run draws, that nothing kept can be
changed by a session, and that no reader's values are kept.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from lib import charts, projection
from tests.app.test_pages import open_page
from ui import charts as ui_charts
from ui.content import load_scenes

PROJECTION = "pages/projection.py"
CHART_PAGES = ("pages/projection.py", "pages/self_check.py", "pages/plan.py", "pages/screening.py")


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    ui_charts._drawn_once.cache_clear()
    ui_charts._table_once.cache_clear()
    yield
    ui_charts._drawn_once.cache_clear()
    ui_charts._table_once.cache_clear()


def chart_specs(at) -> list[str]:
    return [c.proto.spec for c in at.get("vega_lite_chart")]


def chart_data(at) -> list[list[tuple[str, bytes]]]:
    return [[(d.name, d.data.data) for d in c.proto.datasets] for c in at.get("vega_lite_chart")]


def tables(at) -> list[str]:
    return [h.proto.body for h in at.get("html") if "lme-table-wrap" in h.proto.body]


def scene_query(page: str) -> dict[str, str]:
    scene = next(s for s in load_scenes() if s.page == page)
    return dict(scene.query)


def test_default_and_scene_views_are_kept_a_readers_own_is_not():
    """Only the defaults and a scene's link enter the process-wide cache."""
    open_page(PROJECTION)
    assert ui_charts._drawn_once.cache_info().currsize == 1
    open_page(PROJECTION, {"age": "81", "rate": "4.5"})  # the reader's own view
    assert ui_charts._drawn_once.cache_info().currsize == 1
    open_page(PROJECTION, {"age": "150"})  # clamped to 100: still the reader's link
    assert ui_charts._drawn_once.cache_info().currsize == 1
    open_page(PROJECTION, scene_query("projection"))  # the first scene: a known view
    assert ui_charts._drawn_once.cache_info().currsize == 2
    assert ui_charts._drawn_once.cache_info().hits == 0


def test_a_second_session_with_the_same_known_view_reuses_the_chart():
    first = open_page(PROJECTION, scene_query("projection"))
    second = open_page(PROJECTION, scene_query("projection"))
    assert ui_charts._drawn_once.cache_info().hits == 1
    assert chart_specs(first) == chart_specs(second)
    assert chart_data(first) == chart_data(second)
    assert tables(first) == tables(second)


@pytest.mark.parametrize("page", CHART_PAGES)
def test_a_kept_chart_is_exactly_what_an_uncached_run_draws(page, monkeypatch):
    """The same spec, the same Arrow data and the same table, from the cache or not."""
    cached = open_page(page)
    again = open_page(page)  # from the cache
    assert ui_charts._drawn_once.cache_info().hits >= 1
    monkeypatch.setattr(ui_charts, "known_view", lambda: False)
    fresh = open_page(page)
    assert chart_specs(fresh), "the page drew no chart"
    assert chart_specs(cached) == chart_specs(again) == chart_specs(fresh)
    assert chart_data(cached) == chart_data(again) == chart_data(fresh)
    assert tables(cached) == tables(again) == tables(fresh)


def test_two_sessions_with_different_inputs_get_their_own_charts():
    """Interleaved: the default view, a reader's view, the default view again."""
    default = open_page(PROJECTION)
    reader = open_page(PROJECTION, {"age": "81", "rate": "7"})
    default_again = open_page(PROJECTION)
    assert chart_specs(default) == chart_specs(default_again)
    assert chart_specs(reader) != chart_specs(default)
    assert "At 81" in json.loads(chart_specs(reader)[0])["description"]
    assert tables(reader) != tables(default)
    # The reader's session, changing its own input, still gets its own chart.
    reader.slider(key="age").set_value(90).run()
    assert "At 90" in json.loads(chart_specs(reader)[0])["description"]
    assert "At 50" in json.loads(chart_specs(default_again)[0])["description"]


def test_a_kept_chart_cannot_be_changed_by_a_session():
    """Each session gets its own dict from the kept JSON; what is kept is immutable."""
    path = projection.project(age_years=50, rate_pct_per_decade=5)
    drawn = ui_charts._drawn_once(charts.projection_chart, (path, None), False)
    spec = drawn.spec()
    spec["config"]["axis"]["labelColor"] = "#ff0000"
    spec["datasets"].clear()
    spec.clear()
    again = ui_charts._drawn_once(charts.projection_chart, (path, None), False)
    assert again is drawn
    assert again.spec() == ui_charts.draw(charts.projection_chart(path)).spec()
    assert again.spec()["datasets"]
    with pytest.raises(AttributeError):
        drawn.spec_json = "{}"  # type: ignore[misc]
    # And after whole page runs, the kept chart is still the uncached one.
    open_page(PROJECTION)
    open_page(PROJECTION)
    assert ui_charts._drawn_once(charts.projection_chart, (path, None), False).spec() == (
        ui_charts.draw(charts.projection_chart(path)).spec()
    )


def test_a_scene_link_with_a_hostile_extra_is_not_a_known_view():
    """A scene's values plus anything else the page takes is the reader's own link."""
    query = {**scene_query("projection"), "bedrest_days": "5"}
    at = open_page(PROJECTION, query)
    assert not at.exception
    assert ui_charts._drawn_once.cache_info().currsize == 0


def test_content_loaders_read_an_edited_file_again_and_never_remember_a_failure(
    content_copy, monkeypatch
):
    """`ui.content.shared`: one dict lookup per call, keyed by the files' mtimes."""
    from lib.content import ContentError
    from ui import content as ui_content

    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    scenes = ui_content.load_scenes()
    assert ui_content.load_scenes() is scenes  # remembered
    path = content_copy / "scenes.yaml"
    original = path.read_text(encoding="utf-8")

    def write(text: str, mtime_ns: int) -> None:
        # Explicit mtimes: two writes within one clock tick could share one.
        path.write_text(text, "utf-8")
        os.utime(path, ns=(mtime_ns, mtime_ns))

    write(original.replace("title: Age 30 against 80", "title: Age 30 and 80"), 2_000_000_000)
    edited = ui_content.load_scenes()
    assert edited is not scenes
    assert edited[0].title == "Age 30 and 80"
    write("- id: [unclosed\n", 3_000_000_000)
    for _ in range(2):  # the failure is raised on every call, never kept
        with pytest.raises(ContentError):
            ui_content.load_scenes()
    write(original, 4_000_000_000)
    assert ui_content.load_scenes()[0].title == scenes[0].title


def test_shared_content_cannot_be_changed_by_a_session():
    """What the loaders share is read-only: a mapping proxy, tuples, frozen dataclasses."""
    import dataclasses

    from ui import content as ui_content

    sources = ui_content.load_sources()
    with pytest.raises(TypeError):
        sources["volpi2004"] = sources["volpi2004"]  # type: ignore[index]
    scene = ui_content.load_scenes()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        scene.title = "changed"  # type: ignore[misc]
    assert isinstance(ui_content.load_scenes(), tuple)
    assert isinstance(scene.query, tuple)


@pytest.mark.parametrize(("page", "key"), [("pages/plan.py", "plan_pdf")])
def test_the_pdf_is_laid_out_when_clicked_not_on_every_run(page, key, monkeypatch):
    """The page's run only offers the PDF; the click makes it, for this view."""
    import streamlit as st

    from lib import handout

    built: list[object] = []
    real_build = handout.build
    monkeypatch.setattr(handout, "build", lambda **kw: built.append(kw) or real_build(**kw))
    offered: dict[str, object] = {}
    real_button = st.download_button

    def download_button(label, data, *args, **kwargs):
        offered[kwargs.get("key") or label] = data
        return real_button(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", download_button)
    at = open_page(page, {"age": "72", "level": "seated"})
    assert not at.exception
    assert built == []  # nothing laid out while the page ran
    document = offered[key]
    assert callable(document)
    made = document()
    assert isinstance(made, bytes)
    assert made.startswith(b"%PDF")
    assert len(built) == 1
    assert built[0]["built"].inputs.age_years == 72


def _both_ways(body: str) -> None:
    import streamlit as st

    from ui.chrome import html

    st.html(body)
    html(body)


@pytest.mark.parametrize(
    "body",
    [
        "<p>one line</p>",
        "<p>a</p>\n<p>b</p>\n",
        "\n<p>after a blank line</p>\n\n",
        "  <p>indented first line</p>",
        "<div>\n  <p>indented</p>\n</div>",
        "<p>a</p>\n   \n<p>a line of spaces</p>",
        "\t<p>a tab</p>",
        "<pre>\n    code\n  more\n</pre>",
        "<style>p { color: red; }</style>",
        "<table><caption>x</caption><tr><td>1</td></tr></table>",
    ],
)
def test_the_html_helper_sends_what_st_html_sends(body):
    """`ui.chrome.html` skips Streamlit's dedent only where it would change nothing."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_both_ways, args=(body,)).run()
    assert not at.exception
    sent = [h.proto.body for h in at.get("html")]
    if body.startswith("<style>"):
        sent = [
            node.proto.body
            for node in at._tree.children[1].children.values()  # the event container
            if getattr(node, "type", "") == "html"
        ] or sent
    assert len(sent) == 2, sent
    assert sent[0] == sent[1]


def _draw_qr(link: str) -> None:
    from ui import share

    share.qr_code(link, title="QR code of this view's link")


def _draw_many_qr() -> None:
    from ui import share

    for age in range(20, 40):
        share.qr_code(f"http://x/projection?age={age}", title="QR code of this view's link")


def test_a_readers_share_qr_code_stays_in_their_own_session():
    """The QR code encodes the reader's link (their values): kept in their session only,
    the last few of them, and never in a cache the whole process shares."""
    from streamlit.testing.v1 import AppTest

    from ui import share

    mine = AppTest.from_function(_draw_qr, args=("http://x/projection?age=81",)).run()
    assert [link for link, _ in mine.session_state[share._QR_KEY]] == ["http://x/projection?age=81"]
    other = AppTest.from_function(_draw_qr, args=("http://x/projection",)).run()
    assert [link for link, _ in other.session_state[share._QR_KEY]] == ["http://x/projection"]
    assert not hasattr(share._qr_img, "clear"), "the QR codes must not be a process-wide cache"
    many = AppTest.from_function(_draw_many_qr).run()
    kept = [link for link, _ in many.session_state[share._QR_KEY]]
    assert kept == [f"http://x/projection?age={age}" for age in range(40 - share._QR_KEEP, 40)]
