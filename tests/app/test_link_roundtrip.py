"""Every page's inputs round-trip through the link, and clicking writes the documented codes.

For any valid combination of a page's inputs (lib/linkparams.py declares them):
- written as a link and opened in a fresh session, the page shows those inputs, no note,
  and writes the same link back to the address bar; that address, opened in another fresh
  session, shows the same inputs and the same results;
- set by clicking and typing (AppTest's set_value) in a fresh session, the address bar
  holds that same link: codes, not labels.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from lib import linkparams
from lib.links import Param, Shown, grouped, query
from tests.app.test_pages import open_page
from tests.linkvalues import values, with_runtime_options

WIDGETS = ("slider", "number_input", "button_group", "toggle", "text_input", "selectbox")
RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large]
# Set first, each with a run of its own: they change which inputs exist or their range.
FIRST = ("sections", "unit")


def widgets(at: AppTest) -> dict[str, Any]:
    """Every keyed input on the page, by key."""
    return {e.key: e for kind in WIDGETS for e in getattr(at, kind) if e.key}


def shown_value(element: Any) -> Any:
    value = element.value
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return float(value)


def address(at: AppTest) -> dict[str, list[str]]:
    """The address bar's query, every key's values as a list."""
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def results(at: AppTest) -> list[str]:
    """What the page says, beside its inputs: text, alerts, tables and charts."""
    parts = [str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.warning)]
    parts += [str(e.value) for e in (*at.success, *at.error)]
    parts += [e.proto.body for e in at.get("html")]
    parts += [e.proto.spec for e in at.get("vega_lite_chart")]
    return parts


def link_notes(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.info if "link" in str(e.value).casefold()]


def declared(page: str, chosen: dict[str, Any]) -> list[Param[Any]]:
    """The page's parameters, with runtime options, the weight in the unit chosen."""
    params = [with_runtime_options(p) for p in linkparams.PAGES[page]]
    if chosen.get("unit") == "lb":
        params = [linkparams.WEIGHT_LB if p.key == "weight" else p for p in params]
    return params


@st.composite
def views(draw: st.DrawFn, page: str) -> dict[str, Any]:
    """Any valid combination of the page's inputs."""
    chosen: dict[str, Any] = {}
    for param in linkparams.PAGES[page]:
        if param.key == "weight" and chosen.get("unit") == "lb":
            param = linkparams.WEIGHT_LB
        chosen[param.key] = draw(values(param), label=param.key)
    return chosen


def expected_link(page: str, chosen: dict[str, Any], keys: set[str]) -> dict[str, list[str]]:
    """The link the builder writes for the inputs `keys` the page shows."""
    return grouped(query(Shown(p, chosen[p.key]) for p in declared(page, chosen) if p.key in keys))


def assert_codes(page: str, query_: dict[str, list[str]]) -> None:
    """Every option in the address is one of its parameter's codes, never its label."""
    for key, raws in query_.items():
        param = linkparams.page_param(page, key)
        assert param is not None, f"{key} is not a parameter of {page}"
        codes = with_runtime_options(param).values()
        if codes:
            assert all(raw in codes or raw == "" for raw in raws), (key, raws, codes)


def check_shows(at: AppTest, page: str, chosen: dict[str, Any]) -> set[str]:
    """The page shows `chosen` in every input it draws; returns the keys it draws."""
    assert not at.exception, [e.value for e in at.exception]
    drawn = widgets(at)
    for key, element in drawn.items():
        if key not in chosen:
            continue  # an input that is not a link parameter (the plan's week, the quiz)
        want, got = chosen[key], shown_value(element)
        if isinstance(want, float) and isinstance(got, float):
            assert math.isclose(got, want, abs_tol=1e-9), (key, got, want)
        else:
            assert got == want, (key, got, want)
    keys = {k for k in drawn if k in chosen}
    if page == "exercises":
        keys.add("ex")  # kept in the link, with no input of its own
    return keys


def same_results(page: str, chosen: dict[str, Any]) -> bool:
    """A shuffled quiz differs between sessions on purpose; every other page is the same."""
    return not (page == "quiz" and chosen.get("order") == "shuffled")


PAGES = sorted(linkparams.PAGES)


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=6, suppress_health_check=RELAXED)
@given(data=st.data())
def test_a_link_reopens_the_same_inputs_and_results(page, data):
    """Any inputs, written as a link and opened fresh, show the same; so does its address."""
    chosen = data.draw(views(page), label="inputs")
    link = grouped(query(Shown(p, chosen[p.key]) for p in declared(page, chosen)))
    at = open_page(f"pages/{page}.py", link)
    keys = check_shows(at, page, chosen)
    assert link_notes(at) == []
    assert_codes(page, address(at))
    assert address(at) == expected_link(page, chosen, keys)

    again = open_page(f"pages/{page}.py", address(at))
    check_shows(again, page, chosen)
    assert address(again) == address(at)
    if same_results(page, chosen):
        assert results(again) == results(at)


def set_input(element: Any, value: Any) -> None:
    if isinstance(value, tuple):
        value = list(value)
    elif isinstance(value, float) and getattr(element.proto, "data_type", None) == 0:
        value = int(value)  # an integer input (its proto's data type INT)
    element.set_value(value)


@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=4, suppress_health_check=RELAXED)
@given(data=st.data())
def test_clicking_writes_the_same_link(page, data):
    """Inputs set by clicking and typing write the builder's link, in codes, to the address."""
    chosen = data.draw(views(page), label="inputs")
    chosen.pop("ex", None)  # no input: only a link sets it
    at = open_page(f"pages/{page}.py")
    for key in FIRST:
        if key in chosen and key in widgets(at):
            set_input(widgets(at)[key], chosen[key])
            at.run()
    for key, element in widgets(at).items():
        if key in chosen and key not in FIRST:
            set_input(element, chosen[key])
    at.run()
    keys = check_shows(at, page, chosen) - {"ex"}
    assert_codes(page, address(at))
    assert address(at) == expected_link(page, chosen, keys)
    if same_results(page, chosen):
        opened = open_page(f"pages/{page}.py", address(at))
        assert results(opened) == results(at)


def test_a_label_link_from_an_older_version_opens_and_is_rewritten_in_codes():
    """`level=Seated+or+lying&days=Monday&days=Saturday` opens; the address then holds codes."""
    at = open_page(
        "pages/plan.py", {"level": "Seated or lying", "days": ["Monday", "Saturday"], "age": "72"}
    )
    assert link_notes(at) == []
    assert address(at) == {"level": ["seated"], "days": ["mon", "sat"], "age": ["72"]}


def test_the_self_check_sends_its_age_to_the_plan():
    """ "Build a weekly plan" carries the age (a 72-year-old gets balance work) and minutes."""
    at = open_page("pages/self_check.py", {"age": "72", "moderate": "60"})
    link = next(p for p in at.get("page_link") if "weekly plan" in p.proto.label)
    carried = dict(_parse(link.proto.query_string))
    assert carried["age"] == ["72"]
    assert carried["now"] == ["60"]
    plan = open_page("pages/plan.py", dict(carried))
    assert plan.slider(key="age").value == 72
    assert "balance" in " ".join(str(m.value) for m in plan.markdown).casefold()


def test_the_self_check_sends_an_age_the_plan_can_take():
    """The self-check goes to 110, the plan to 100: the link says 100, with no note on the plan."""
    at = open_page("pages/self_check.py", {"age": "105"})
    link = next(p for p in at.get("page_link") if "weekly plan" in p.proto.label)
    assert dict(_parse(link.proto.query_string))["age"] == ["100"]


def test_presenter_mode_stays_on_when_a_scene_is_opened():
    """ "Open the scene" and the quiz link keep `present=1` in presenter mode."""
    at = open_page("pages/present.py", {"present": "1", "scene": "bed-rest-67"})
    links = {p.proto.label: dict(_parse(p.proto.query_string)) for p in at.get("page_link")}
    opened = next(v for k, v in links.items() if k.startswith("Open the scene"))
    assert opened["present"] == ["1"]
    assert opened["bedrest_days"] == ["10"]
    quiz = next(v for k, v in links.items() if "quiz" in k)
    assert quiz["present"] == ["1"]


def test_a_page_left_by_the_menu_keeps_what_the_reader_chose():
    """Back on the plan from the menu (no query), the reader's days and level are still there."""
    at = open_page("pages/plan.py")
    at.button_group(key="days").set_value(["tue", "sat"]).run()
    at.switch_page("pages/glossary.py").run()
    at.query_params.clear()
    at.switch_page("pages/plan.py").run()
    assert at.button_group(key="days").value == ["tue", "sat"]
    assert address(at) == {"days": ["tue", "sat"]}


def _parse(query_string: str) -> list[tuple[str, list[str]]]:
    return list(parse_qs(query_string, keep_blank_values=True).items())
