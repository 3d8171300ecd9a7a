"""The exercise library and the weekly plan under AppTest: filters, deep links, bad links."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from lib import content, exercises, plan
from tests.app.test_pages import open_page, texts
from tests.conftest import CONTENT

LIBRARY = exercises.load_library(
    CONTENT / "exercises", content.load_sources(CONTENT / "sources.yaml")
)


def subheaders(at) -> list[str]:
    """The exercise cards' titles: each an h2 (st.header) under the page's h1."""
    return [s.value for s in at.header]


def test_library_shows_every_exercise_unfiltered():
    """With no filter, every exercise of the library has its card and diagram."""
    at = open_page("pages/exercises.py")
    assert not at.exception
    assert set(subheaders(at)) == {e.title for e in LIBRARY}
    svgs = [h for h in at.get("html") if "data:image/svg+xml;base64," in h.proto.body]
    assert len(svgs) == len(LIBRARY)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"level": "seated", "kind": "strength"}, {"glute_bridge", "seated_knee_extension"}),
        ({"equipment": "machine", "kind": "strength"}, {"leg_press", "leg_curl_machine"}),
        ({"muscle": "hamstrings", "level": "supported"}, {"standing_hamstring_curl"}),
        ({"kind": "balance"}, {"one_leg_stand", "tai_chi"}),
    ],
)
def test_filters_from_the_link(query, expected):
    """Filters set in the link narrow the list to matching exercises."""
    at = open_page("pages/exercises.py", query)
    assert not at.exception
    titles = set(subheaders(at))
    wanted = exercises.matching(
        LIBRARY,
        levels=query.get("level", "").split(",") if "level" in query else (),
        muscles=[query["muscle"]] if "muscle" in query else (),
        equipment=[query["equipment"]] if "equipment" in query else (),
        kinds=[query["kind"]] if "kind" in query else (),
    )
    assert titles == {e.title for e in wanted}
    slugs = {e.slug for e in wanted}
    assert expected <= slugs
    assert len(slugs) < len(LIBRARY)


def test_a_linked_exercise_opens_first():
    """?ex=mini_squat puts that exercise first, its details open."""
    at = open_page("pages/exercises.py", {"ex": "mini_squat", "kind": "aerobic"})
    assert subheaders(at)[0] == next(e.title for e in LIBRARY if e.slug == "mini_squat")
    assert at.expander[1].proto.expanded  # [0] is the filter box


def test_bad_filter_values_get_a_note():
    """An unknown level in the link is dropped with a friendly note."""
    at = open_page("pages/exercises.py", {"level": "<script>", "ex": "nope"})
    assert not at.exception
    notes = " ".join(i.value for i in at.info)
    assert "Level" in notes
    assert "exercise" in notes


def test_stop_rules_come_first():
    """Both pages open with the stop rules before any advice."""
    for page in ("pages/exercises.py", "pages/plan.py"):
        at = open_page(page)
        assert "chest pain" in at.error[0].value


PLAN_LINK = {
    "level": "seated",
    "days": "mon,wed,fri,sat",
    "minutes": "45",
    "age": "72",
    "weeks": "6",
}


def test_plan_deep_link_reproduces_its_inputs():
    """The documented plan link opens with its inputs and a plan of that length."""
    at = open_page("pages/plan.py", PLAN_LINK)
    assert not at.exception
    assert at.button_group(key="level").value == "seated"
    assert list(at.button_group(key="days").value) == ["mon", "wed", "fri", "sat"]
    assert at.slider(key="minutes").value == 45
    assert at.slider(key="age").value == 72
    assert at.slider(key="weeks").value == 6
    body = texts(at)
    assert "A 6-week plan" in body
    assert "Balance on" in body  # 72: WHO balance days


def test_plan_page_shows_grid_and_downloads():
    """The week grid has a row per week, and the three downloads are offered."""
    at = open_page("pages/plan.py", PLAN_LINK)
    grids = [h.proto.body for h in at.get("html") if "Your plan, week by week" in h.proto.body]
    assert len(grids) == 1
    assert grids[0].count("<tr>") == 1 + 6  # the header row and a row per week
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Download a printable summary (HTML)", "Download as a spreadsheet (CSV)"} <= labels
    assert "Add to your calendar (.ics)" in labels


def test_too_few_days_are_named_as_a_shortfall():
    """Two neighbouring days cannot hold the guidelines: the page says what is short."""
    at = open_page("pages/plan.py", {"days": "mon,tue", "minutes": "20"})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "falls short" in warning
    assert "not next to each other" in warning


def test_no_days_asks_for_a_day():
    """Clearing every day asks the reader to pick one, without an error."""
    at = open_page("pages/plan.py")
    at.button_group(key="days").set_value([]).run()
    assert not at.exception
    assert "Pick at least one day" in " ".join(w.value for w in at.warning)


@pytest.mark.parametrize(
    ("query", "key", "shown"),
    [
        ({"weeks": "40"}, "weeks", 12),
        ({"minutes": "-5"}, "minutes", plan.MIN_DAY_MIN),
        ({"age": "1e309"}, "age", 70),  # not a finite number: the default
        ({"level": "expert"}, "level", "supported"),
        ({"days": "funday"}, "days", ["mon", "tue", "wed", "thu", "fri"]),
    ],
)
def test_bad_plan_links_are_corrected_with_a_note(query, key, shown):
    """Out-of-range or unknown plan values are clamped or replaced, and the page says so."""
    at = open_page("pages/plan.py", query)
    assert not at.exception
    widget = at.slider(key=key) if key in {"weeks", "minutes", "age"} else at.button_group(key=key)
    value = widget.value
    assert (list(value) if key == "days" else value) == shown
    assert at.info, "a note explains the change"


def test_calendar_export_parses_back():
    """The .ics the page offers holds one event per planned day, with the stop rule."""
    at = open_page("pages/plan.py", PLAN_LINK)
    button = next(b for b in at.get("download_button") if "calendar" in b.proto.label)
    assert button.proto.label
    built = plan.build_plan(plan.PlanInput("seated", (0, 2, 4, 5), 45, 72, 6), LIBRARY)
    data = plan.to_ics(built, dt.date(2026, 11, 23), stamp=dt.datetime(2026, 11, 21, tzinfo=dt.UTC))
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == sum(len(w.days) for w in built.weeks)


@pytest.mark.parametrize(
    ("first", "query"),
    [
        ("pages/exercises.py", {"level": "seated,loaded"}),  # several levels; the plan takes one
        ("pages/self_check.py", {"age": "110"}),  # the plan's age stops at 100
        ("pages/screening.py", {"age": "105"}),
        ("pages/handout.py", {"sections": "plan", "age": "104"}),
    ],
)
def test_moving_between_pages_that_share_a_key(first, query):
    """A value another page left under a shared key never breaks the plan page."""
    at = open_page(first, query)
    assert not at.exception
    at.switch_page("pages/plan.py").run()
    assert not at.exception
    assert at.slider(key="age").value <= plan.MAX_AGE
    assert at.button_group(key="level").value in exercises.LEVELS


@pytest.mark.parametrize(
    ("file", "text", "pages", "named"),
    [
        (
            "exercises/mini_squat.md",
            "---\ntitle: [unclosed\n---\n",
            ("pages/exercises.py", "pages/plan.py"),
            "mini_squat.md",
        ),
        (
            "exercises/step_up.md",
            None,  # figure renamed to one no one draws
            ("pages/exercises.py", "pages/plan.py"),
            "step_up.md",
        ),
        ("quiz.yaml", "- id: [unclosed\n", ("pages/quiz.py",), "quiz.yaml"),
        ("scenes.yaml", "- just text\n", ("pages/present.py",), "scenes.yaml"),
    ],
)
def test_a_broken_content_file_errors_on_its_own_pages_only(
    content_copy, monkeypatch, file, text, pages, named
):
    """A malformed exercise, quiz or scenes file shows an error naming it; other pages work."""
    path = content_copy / file
    if text is None:
        path.write_text(
            path.read_text("utf-8").replace("figure: step_up", "figure: moonwalk"), "utf-8"
        )
    else:
        path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CONTENT_DIR", str(content_copy))
    for page in pages:
        at = open_page(page)
        assert not at.exception
        assert any(named in e.value for e in at.error), page
    for page in ("pages/projection.py", "pages/causes.py", "pages/handout.py"):
        at = open_page(page, {"present": "1", "scene": "age-30-80"})
        assert not at.exception
