"""The home tests' timers on the screening page: a Streamlit v2 component of this app's own.

The component's JavaScript and CSS (`ui/timer/`) are read here and sent with the page, so
nothing comes from another host; the beep is made in the browser (Web Audio API). The timer
runs in the browser (the state machine of `lib/timers.py`) and, when it ends, sends its
result; the callback below writes it into the test's input before the page runs again, so
the result, the address bar and every link follow, as if the reader had typed it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st

from lib import screening, timers
from lib.links import OptionalChoice, OptionalNumber
from lib.screening import ScreeningText

_HERE = Path(__file__).parent / "timer"
NAME = "lme_timer"


@cache
def _component() -> Callable[..., Any]:
    return st.components.v2.component(
        NAME,
        html="",
        css=(_HERE / "timer.css").read_text(encoding="utf-8"),
        js=(_HERE / "timer.js").read_text(encoding="utf-8"),
    )


def spec_data(spec: timers.Spec, text: ScreeningText | None = None) -> dict[str, Any]:
    """The timer's settings as the JavaScript reads them."""
    data: dict[str, Any] = {
        "kind": spec.kind.value,
        "duration_ms": spec.duration_ms,
        "stages": spec.stages,
        "limit_ms": spec.limit_ms,
    }
    if spec.kind is timers.Kind.HOLDS and text is not None:
        data["stage_names"] = [s.name for s in text.balance_stages]
        data["stage_how"] = [s.how for s in text.balance_stages]
    return data


# Each test's timer and how its result becomes the input's value.
SPECS: Mapping[str, timers.Spec] = {
    "chair_stand": timers.countdown(screening.CHAIR_STAND_SECONDS),
    "balance": timers.holds(screening.BALANCE_HOLD_SECONDS, screening.BALANCE_STAGE_COUNT),
    "tug": timers.stopwatch(screening.MAX_TUG_SECONDS),
    "sts5": timers.stopwatch(screening.MAX_STS5_SECONDS),
}


def widget_value(param: OptionalNumber | OptionalChoice, result: object) -> object | None:
    """What the input shows for a timer's result, or None when the input cannot take it."""
    if isinstance(result, bool) or not isinstance(result, int | float):
        return None
    number = float(result)
    if not math.isfinite(number):
        return None
    whole = number.is_integer()
    if isinstance(param, OptionalChoice):
        code = str(int(number)) if whole else ""
        return code if code in param.options else None
    if param.integer and not whole:
        return None
    value: object = int(number) if param.integer else number
    return value if param.fits(value) else None


def _write_result(component_key: str, param: OptionalNumber | OptionalChoice) -> None:
    """The timer ended: its result goes into the input (before the page runs again)."""
    event = st.session_state.get(component_key)
    payload = event.get("result") if isinstance(event, Mapping) else None
    result = payload.get("value") if isinstance(payload, Mapping) else None
    value = widget_value(param, result)
    if value is not None:
        st.session_state[param.key] = value


def timer(test: str, param: OptionalNumber | OptionalChoice, text: ScreeningText) -> None:
    """Draw the timer of `test` ("chair_stand", "balance", "tug", "sts5") above `param`'s
    input, which must be drawn after it, on the same run."""
    words = {**text.timers[test], "safety": text.timers["safety"]["safety"]}
    key = f"timer_{test}"
    _component()(
        key=key,
        data={"spec": spec_data(SPECS[test], text), "words": words},
        on_result_change=lambda: _write_result(key, param),
    )
