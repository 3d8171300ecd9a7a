"""Inputs that a link can set: each draws one parameter declared in `lib.linkparams`.

Each helper asks `ui.links.start` what its input should start from (the link's value,
checked by `lib.params` with a friendly note when it was refused or clamped; or what the
reader chose), seeds Session State with it, draws the widget with the parameter's key and
labels, and reports what it shows (`ui.links.shown`), from which the address bar and every
link are written in codes. The note shows on the run that read the link only: after that,
the reader's own input wins and is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from lib.links import (
    Choice,
    Choices,
    Flag,
    Number,
    OptionalChoice,
    OptionalNumber,
    Param,
    Text,
)
from ui import links

V = TypeVar("V")


def _seed(param: Param[Any], as_widget: Callable[[Any], object] = lambda v: v) -> None:
    """Start the input from the link's value or the reader's, with the link's note if any."""
    checked = links.start(param)
    if checked is None:
        return
    st.session_state[param.key] = as_widget(checked.value)
    if checked.note:
        st.info(checked.note, icon=":material/link:")


def _number(value: float, integer: bool) -> float | int:
    return int(value) if integer else float(value)


def _numeric(widget: Callable[..., Any], param: Number, label: str | None, **extra: Any) -> float:
    _seed(param, lambda v: _number(v, param.integer))
    kind = int if param.integer else float
    value = widget(
        label or param.label,
        kind(param.lo),
        kind(param.hi),
        step=kind(param.step),
        key=param.key,
        **extra,
    )
    links.shown(param, float(value))
    return float(value)


def url_slider(
    param: Number, *, label: str | None = None, help: str | None = None, format: str | None = None
) -> float:
    """A slider for the link parameter `param`, checked and clamped."""
    return _numeric(st.slider, param, label, help=help, format=format)


def url_number(param: Number, *, label: str | None = None, help: str | None = None) -> float:
    """A number box for the link parameter `param`, checked and clamped."""
    return _numeric(st.number_input, param, label, help=help)


def url_optional_number(
    param: OptionalNumber, *, label: str | None = None, help: str | None = None
) -> float | None:
    """A number box that may stay empty (None); an impossible link value is refused."""
    _seed(param, lambda v: None if v is None else _number(v, param.integer))
    kind = int if param.integer else float
    value = st.number_input(
        label or param.label,
        kind(param.lo),
        kind(param.hi),
        step=kind(param.step),
        key=param.key,
        help=help,
        placeholder="not done",
    )
    result = None if value is None else float(value)
    links.shown(param, result)
    return result


def url_choice(
    param: Choice,
    *,
    label: str | None = None,
    help: str | None = None,
    on_change: Callable[[], None] | None = None,
) -> str:
    """A segmented choice for `param`: the reader sees its labels, the link holds its codes.

    `on_change` runs when the reader picks another option (before the rerun).
    """
    _seed(param)
    value = st.segmented_control(
        label or param.label,
        list(param.options),
        format_func=param.options.__getitem__,
        key=param.key,
        help=help,
        required=True,
        on_change=on_change,
    )
    chosen = str(value) if value in param.options else param.default
    links.shown(param, chosen)
    return chosen


def url_select(param: Choice, *, label: str | None = None, help: str | None = None) -> str:
    """A drop-down for `param` (a code; the reader sees its label)."""
    _seed(param)
    value = st.selectbox(
        label or param.label,
        list(param.options),
        format_func=param.options.__getitem__,
        key=param.key,
        help=help,
    )
    chosen = str(value) if value in param.options else param.default
    links.shown(param, chosen)
    return chosen


def url_optional_choice(
    param: OptionalChoice, *, label: str | None = None, help: str | None = None
) -> str | None:
    """A segmented choice that may stay unanswered (None)."""
    _seed(param)
    value = st.segmented_control(
        label or param.label,
        list(param.options),
        format_func=param.options.__getitem__,
        key=param.key,
        help=help,
    )
    chosen = None if value is None else str(value)
    links.shown(param, chosen)
    return chosen


def url_toggle(param: Flag, *, label: str | None = None, help: str | None = None) -> bool:
    """A toggle for `param` (true or false)."""
    _seed(param)
    value = bool(st.toggle(label or param.label, key=param.key, help=help))
    links.shown(param, value)
    return value


def url_text(param: Text, *, label: str | None = None, placeholder: str | None = None) -> str:
    """A text box for `param`, cut to its length with a note."""
    _seed(param)
    value = str(
        st.text_input(
            label or param.label, key=param.key, max_chars=param.max_chars, placeholder=placeholder
        )
    )
    links.shown(param, value)
    return value


def url_pills(
    param: Choices, *, label: str | None = None, help: str | None = None
) -> tuple[str, ...]:
    """Several-of choice (pills) for `param`; the link repeats its key, one code each."""
    _seed(param, list)
    value = st.pills(
        label or param.label,
        list(param.options),
        selection_mode="multi",
        format_func=param.options.__getitem__,
        key=param.key,
        help=help,
    )
    chosen = tuple(param.codes(tuple(str(v) for v in value or ())))
    links.shown(param, chosen)
    return chosen


def url_value(param: Param[V]) -> V:
    """A link value with no input of its own (the exercise to show first): checked, with a
    note, and kept in the link while the page shows it."""
    checked = links.start(param)
    if checked is not None:
        if checked.note:
            st.info(checked.note, icon=":material/link:")
        st.session_state[f"_lme_value_{param.key}"] = checked.value
    value = st.session_state.get(f"_lme_value_{param.key}", param.empty)
    value = value if param.fits(value) else param.empty
    links.shown(param, value)
    return value
