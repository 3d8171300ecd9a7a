"""Every page with the large-text option on and off, and the result bar, under AppTest.

The option (`?large=true`, the sidebar's switch) adds ui/large.css, makes chart text larger,
stays on from page to page and goes into every link the app writes. The result bar sums up
the page's result right after its inputs and follows them.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from lib import charts, linkparams
from tests.app.test_pages import PAGES, open_page

LARGE_MARK = "html { font-size: 22px !important; }"  # the first rule of ui/large.css
KEY = linkparams.LARGE.key


def styles(at: AppTest) -> str:
    return "".join(e.proto.body for e in at.get("html") if "<style>" in e.proto.body)


def bar(at: AppTest) -> str:
    """The result bar's markup ("" when the page draws none)."""
    found = [e.proto.body for e in at.get("html") if 'class="lme-result' in e.proto.body]
    assert len(found) <= 1
    return found[0] if found else ""


def chart_specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]


def switch(at: AppTest) -> Any:
    return at.toggle(key=KEY)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_with_the_option_on_and_off(page):
    """Off: the standard style and an off switch. On (from a link): the larger style sheet,
    the switch on, the address keeps `large=true`, and the footer is still there."""
    plain = open_page(page)
    assert not plain.exception, [e.value for e in plain.exception]
    assert LARGE_MARK not in styles(plain)
    assert switch(plain).value is False
    large = open_page(page, {KEY: "true"})
    assert not large.exception, [e.value for e in large.exception]
    assert LARGE_MARK in styles(large)
    assert switch(large).value is True
    assert large.query_params.get(KEY) == "true"
    assert any("Educational, not medical advice" in str(c.value) for c in large.caption)


def test_the_option_stays_on_as_the_reader_changes_page():
    """Turned on with the switch, it holds on the next page opened from the menu."""
    at = open_page("pages/self_check.py")
    switch(at).set_value(True).run()
    at.switch_page("pages/plan.py")
    at.query_params.clear()  # the menu's link carries no parameters
    at.run()
    assert switch(at).value is True
    assert LARGE_MARK in styles(at)
    assert at.query_params.get(KEY) == "true"
    switch(at).set_value(False).run()
    assert LARGE_MARK not in styles(at)
    assert at.query_params.get(KEY) is None


def test_links_between_pages_carry_the_option():
    at = open_page("pages/self_check.py", {KEY: "1", "age": "72"})
    link = next(p for p in at.get("page_link") if "weekly plan" in p.proto.label)
    assert dict(parse_qsl(link.proto.query_string))[KEY] == "true"
    plain = open_page("pages/self_check.py", {"age": "72"})
    link = next(p for p in plain.get("page_link") if "weekly plan" in p.proto.label)
    assert KEY not in dict(parse_qsl(link.proto.query_string))


def test_a_refused_value_says_so_and_leaves_the_option_off():
    at = open_page("pages/projection.py", {KEY: "<b>big</b>"})
    assert switch(at).value is False
    notes = [str(i.value) for i in at.info]
    assert any("large text and high contrast" in n.casefold() for n in notes), notes


@pytest.mark.parametrize("page", ["pages/projection.py", "pages/self_check.py"])
def test_charts_get_larger_text_with_the_option(page):
    query = {"bedrest_days": "10"} if page == "pages/projection.py" else {}
    plain = chart_specs(open_page(page, query))
    large = chart_specs(open_page(page, {**query, KEY: "true"}))
    assert plain
    assert len(plain) == len(large)
    for small, big in zip(plain, large, strict=True):
        assert small["config"]["axis"]["labelFontSize"] == charts.CHART_TEXT_PX
        assert big["config"]["axis"]["labelFontSize"] == round(
            charts.CHART_TEXT_PX * charts.LARGE_SCALE
        )


# --- the result bar -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "pages/projection.py",
        "pages/self_check.py",
        "pages/screening.py",
        "pages/plan.py",
        "pages/red_flags.py",
    ],
)
def test_each_page_with_inputs_and_a_result_draws_one_bar_before_its_full_results(page):
    at = open_page(page)
    markup = bar(at)
    assert 'aria-live="polite"' in markup
    bodies = [e.proto.body for e in at.get("html")]
    where = next(i for i, b in enumerate(bodies) if 'class="lme-result' in b)
    target = "lme-verdict" if page == "pages/red_flags.py" else "lme-full"
    assert f'href="#{target}"' in markup
    assert any(f'id="{target}"' in b for b in bodies)
    if page != "pages/red_flags.py":  # the verdict stays above the title there
        assert any(f'id="{target}"' in b for b in bodies[where:])


def test_the_projection_bar_follows_the_sliders():
    at = open_page("pages/projection.py")
    assert "At 50," in bar(at)
    at.slider(key="age").set_value(80).run()
    assert "At 80," in bar(at)
    assert "not a prediction for you" in bar(at)
    at.slider(key="bedrest_days").set_value(14).run()
    assert "After 14 days in bed" in bar(at)


def test_the_self_check_bar_follows_the_minutes():
    at = open_page("pages/self_check.py", {"age": "40", "strength_days": "2", "protein_g": "60"})
    assert "Aerobic activity: not met" in bar(at)
    at.number_input(key="moderate").set_value(200).run()
    assert "Aerobic activity: meets" in bar(at)


def test_the_screening_bar_says_not_a_diagnosis_and_follows_a_result():
    at = open_page("pages/screening.py", {"age": "72"})
    assert "not a diagnosis" in bar(at).casefold()
    assert "No test entered yet" in bar(at)
    at.number_input(key="chair_stands").set_value(5).run()
    assert "30-second chair stand" in bar(at)
    assert "lme-result-warning" in bar(at)


def test_the_plan_bar_follows_the_level():
    at = open_page("pages/plan.py")
    assert "Starts at: Standing, holding a support." in bar(at)
    at.button_group(key="level").set_value("seated").run()
    assert "Starts at: Seated or lying." in bar(at)


def test_ticking_an_emergency_sign_puts_the_call_in_the_bar():
    at = open_page("pages/red_flags.py", {"country": "us"})
    assert "Nothing ticked yet" in bar(at)
    flag = next(c for c in at.checkbox if c.key == "rf_RF-01a")
    flag.check().run()
    assert 'href="tel:911"' in bar(at)
    assert "lme-result-error" in bar(at)
    assert flag.label in bar(at)
