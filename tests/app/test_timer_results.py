"""A timer's result fills its test's input (AppTest): the verdict and the link follow.

AppTest cannot run the timer's JavaScript, so each test sends what the browser sends when a
timer ends: a trigger event `result` on the component (the same widget state Streamlit's
frontend sends). The browser tests (tests/browser/test_timers.py) click the real thing.
"""

from __future__ import annotations

import json

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id

from tests.app.test_pages import open_page
from tests.app.test_screening_page import PAGE, verdicts


def timer_id(at, test: str) -> str:
    ids = [e.proto.id for e in at.get("bidi_component") if e.proto.id.endswith(f"-timer_{test}")]
    assert len(ids) == 1, ids
    return ids[0]


def send_result(at, test: str, value: object):
    """The timer of `test` ends with `value`, and the page runs again."""
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = _make_trigger_id(timer_id(at, test), "events")
    state.json_trigger_value = json.dumps([{"event": "result", "value": {"value": value, "n": 1}}])
    return at._run(states)


def test_every_test_has_its_timer_on_the_screening_page():
    at = open_page(PAGE, {"age": "72"})
    names = sorted(e.proto.id.rsplit("-", 1)[1] for e in at.get("bidi_component"))
    assert names == ["timer_balance", "timer_chair_stand", "timer_sts5", "timer_tug"]
    data = json.loads(at.get("bidi_component")[0].proto.json)
    assert data["spec"] == {"kind": "countdown", "duration_ms": 30_000, "stages": 0, "limit_ms": 0}
    assert data["words"]["safety"].startswith("Safety first: have someone stand beside you")


def test_chair_stand_timer_fills_the_input_the_verdict_and_the_link():
    at = send_result(open_page(PAGE, {"age": "72", "sex": "female"}), "chair_stand", 9)
    assert not at.exception
    assert at.number_input(key="chair_stands").value == 9
    assert at.query_params.get("chair_stands") == "9"
    line = next(v for v in verdicts(at) if v.startswith("**30-second chair stand (9 stands)"))
    assert "worth a check" in line


def test_balance_timer_picks_the_stage_held():
    at = send_result(open_page(PAGE, {"age": "72"}), "balance", 2)
    assert at.segmented_control(key="balance_stage").value == "2"
    assert at.query_params.get("balance_stage") == "2"
    assert any(v.startswith("**4-stage balance test (2 of 4 stages held)") for v in verdicts(at))


@pytest.mark.parametrize(
    ("test", "key", "value"), [("tug", "tug_s", 13.4), ("sts5", "sts5_s", 9.9)]
)
def test_stopwatch_fills_its_own_input_only(test, key, value):
    at = send_result(open_page(PAGE, {"age": "72"}), test, value)
    assert at.number_input(key=key).value == value
    other = {"tug_s": "sts5_s", "sts5_s": "tug_s"}[key]
    assert at.number_input(key=other).value is None
    assert at.query_params.get(key) == f"{value:g}"


def test_a_timer_result_replaces_what_was_typed_and_keeps_the_rest():
    at = open_page(PAGE, {"age": "72", "tug_s": "20", "chair_stands": "5"})
    at = send_result(at, "chair_stand", 12)
    assert at.number_input(key="chair_stands").value == 12
    assert at.number_input(key="tug_s").value == 20


@pytest.mark.parametrize(
    "hostile", [200, -1, 3.5, "12", None, True, {"x": 1}, [9], float("inf"), "NaN"]
)
def test_an_impossible_timer_result_is_ignored(hostile):
    """A payload the page did not make (a forged event) never crashes it or changes the count."""
    at = open_page(PAGE, {"age": "72", "chair_stands": "7"})
    at = send_result(at, "chair_stand", hostile)
    assert not at.exception
    assert at.number_input(key="chair_stands").value == 7
    at = send_result(at, "balance", 5 if hostile == 200 else hostile)
    assert not at.exception
    assert at.segmented_control(key="balance_stage").value is None


def test_every_timer_carries_the_safety_line():
    """Each of the four timers shows the safety line (someone beside you), and the page's
    emergency line, with the reader's number, is above them all."""
    at = open_page(PAGE, {"age": "72", "country": "us"})
    timers = at.get("bidi_component")
    assert len(timers) == 4
    for element in timers:
        words = json.loads(element.proto.json)["words"]
        assert words["safety"].startswith("Safety first: have someone stand beside you")
    assert "call [911](tel:911)" in at.error[0].value
