"""Inputs bound to the URL: each widget's key is its public link parameter.

Streamlit's `bind="query-params"` keeps a widget and the URL in step, but it silently drops
a value it cannot use (`?age=150` opens at the default). These helpers read the raw value
first, check it with `lib.params`, seed the widget with the checked value, and show a
friendly note when the link's value was refused or clamped. The note shows on the first
run only: after that, the reader's own input wins and is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from lib import params
from lib.params import Checked


def _raw(key: str) -> str | None:
    """The link's value for `key` (the last one when a link repeats it)."""
    values = st.query_params.get_all(key)
    return values[-1] if values else None


def _forget_link_value(key: str) -> None:
    """Stop Streamlit seeding a widget from a link value we refused or corrected.

    Why: on a session's first run a bound widget takes the URL's value over Session State,
    and Streamlit 1.67 crashes on some values it cannot parse (`int(inf)` for
    `?age=1e309` on an integer number box raises OverflowError, which it does not catch).
    There is no public way to do this, so it drops the value from the query parameters the
    binding reads; the widget then starts from the checked value we put in Session State.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return
    with ctx.session_state.query_params() as query_params:
        query_params._initial_query_params.pop(key, None)
        query_params.remove_param(key)


def _drop_if_foreign(key: str, fits: Callable[[object], bool]) -> None:
    """Forget a value this widget cannot take, left in Session State by another page.

    Why: pages share link keys (`age` on the self-check goes up to 110, on the plan to 100;
    `level` is one choice on the plan and several on the exercise library), and Streamlit
    hands a widget the session's value under its key, raising on one out of its range.
    """
    if key in st.session_state and not fits(st.session_state[key]):
        del st.session_state[key]


def _is_number_in(lo: float, hi: float, integer: bool) -> Callable[[object], bool]:
    def fits(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return lo <= value <= hi and (not integer or float(value).is_integer())

    return fits


def _is_one_of(options: Sequence[str], *, empty: bool = False) -> Callable[[object], bool]:
    return lambda value: (empty and value is None) or value in options


def _are_some_of(options: Sequence[str]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, list) and all(v in options for v in value)


_RESEED = "_lme_reseed_"


def _reseed_after(key: str, value: object) -> None:
    """If a required choice came back empty, start it again from its checked value.

    Why: after a page switch, Streamlit 1.67's binding resets a bound segmented control
    whose key is not in the new page's URL to its `default` (none), even though Session
    State holds a value. The widget cannot be changed once drawn, so this marks the key and
    reruns once; the next run seeds the widget before drawing it.
    """
    if value is None:
        st.session_state[_RESEED + key] = True
        st.rerun()


def _write_link_value(key: str, value: object) -> None:
    """Put the checked value back in the address bar, in the form the binding reads.

    Without this a corrected or re-spelt value would vanish from the URL until the reader
    changed the input, and a link copied (or QR code made) in between would lose it.
    """
    if value is None or isinstance(value, list):
        return
    st.query_params[key] = str(value).lower() if isinstance(value, bool) else str(value)


def _seed(key: str, checked: Checked[object], *, binding_reads: str | None = None) -> None:
    """On a widget's first run in this session, start it from the checked link value.

    `binding_reads` is the link text Streamlit's binding itself would understand for the
    checked value (for options, their label); a link that says it another way (`us` for
    "US 2018", `1` for true) is dropped from what the binding reads, so our value stands.
    """
    if st.session_state.pop(_RESEED + key, False):
        st.session_state[key] = checked.value
        return
    if key in st.session_state:
        return
    st.session_state[key] = checked.value
    raw = _raw(key)
    if checked.note or (binding_reads is not None and raw is not None and raw != binding_reads):
        _forget_link_value(key)
        _write_link_value(key, binding_reads if binding_reads is not None else checked.value)
    if checked.note:
        st.info(checked.note, icon=":material/link:")


def _url_numeric(
    widget: Callable[..., object],
    label: str,
    key: str,
    lo: float,
    hi: float,
    default: float,
    step: float,
    integer: bool,
    **extra: object,
) -> float:
    """Seed a bound numeric widget from the checked link value, draw it, return its value."""
    _drop_if_foreign(key, _is_number_in(lo, hi, integer))
    _seed(
        key, params.number(_raw(key), label=label, lo=lo, hi=hi, default=default, integer=integer)
    )
    kind = int if integer else float
    value = widget(
        label, kind(lo), kind(hi), step=kind(step), key=key, bind="query-params", **extra
    )
    return float(value)  # type: ignore[arg-type]


def url_slider(
    label: str,
    *,
    key: str,
    lo: float,
    hi: float,
    default: float,
    step: float = 1,
    integer: bool = True,
    help: str | None = None,
    format: str | None = None,
) -> float:
    """A slider whose value is the link parameter `key`, checked and clamped."""
    return _url_numeric(
        st.slider, label, key, lo, hi, default, step, integer, help=help, format=format
    )


def url_number(
    label: str,
    *,
    key: str,
    lo: float,
    hi: float,
    default: float,
    step: float = 1,
    integer: bool = True,
    help: str | None = None,
) -> float:
    """A number box whose value is the link parameter `key`, checked and clamped."""
    return _url_numeric(st.number_input, label, key, lo, hi, default, step, integer, help=help)


def url_choice(
    label: str,
    *,
    key: str,
    options: Mapping[str, str],
    default: str,
    help: str | None = None,
    on_change: Callable[[], None] | None = None,
) -> str:
    """A segmented choice whose value (a key of `options`) is the link parameter `key`.

    `options` maps each value in the URL to the label the reader sees; `on_change` runs
    when the reader picks another option (before the rerun).
    """
    return _url_one_of(
        st.segmented_control,
        label,
        key,
        options,
        default,
        help=help,
        required=True,
        on_change=on_change,
    )


def _url_one_of(
    widget: Callable[..., object],
    label: str,
    key: str,
    options: Mapping[str, str],
    default: str,
    **extra: object,
) -> str:
    """Seed a bound one-of widget from the checked link value (or label), draw it, return it."""
    _drop_if_foreign(key, _is_one_of(list(options)))
    checked = params.choice(
        _raw(key), label=label, options=list(options), default=default, labels=options
    )
    _seed(key, checked, binding_reads=options[checked.value])
    value = widget(
        label,
        list(options),
        format_func=options.__getitem__,
        key=key,
        bind="query-params",
        **extra,
    )
    _reseed_after(key, value)
    return str(value)


def url_toggle(
    label: str,
    *,
    key: str,
    default: bool = False,
    help: str | None = None,
) -> bool:
    """A toggle whose value is the link parameter `key` (true or false)."""
    _drop_if_foreign(key, lambda v: isinstance(v, bool))
    checked = params.boolean(_raw(key), label=label, default=default)
    _seed(key, checked, binding_reads=str(checked.value).lower())
    return bool(st.toggle(label, key=key, bind="query-params", help=help))


def url_optional_number(
    label: str,
    *,
    key: str,
    lo: float,
    hi: float,
    step: float = 1,
    integer: bool = True,
    clamp: bool = True,
    help: str | None = None,
) -> float | None:
    """A number box that may stay empty (None), bound to the link parameter `key`.

    With `clamp=False` an impossible value from the link is refused rather than clamped.
    """
    checked = params.optional_number(
        _raw(key), label=label, lo=lo, hi=hi, integer=integer, clamp=clamp
    )
    _drop_if_foreign(key, lambda v: v is None or _is_number_in(lo, hi, integer)(v))
    _seed(key, checked)
    kind = int if integer else float
    value = st.number_input(
        label,
        kind(lo),
        kind(hi),
        step=kind(step),
        key=key,
        bind="query-params",
        help=help,
        placeholder="not done",
    )
    return None if value is None else float(value)


def url_optional_choice(
    label: str,
    *,
    key: str,
    options: Mapping[str, str],
    help: str | None = None,
) -> str | None:
    """A segmented choice that may stay unanswered (None), bound to the link parameter `key`."""
    _drop_if_foreign(key, _is_one_of(list(options), empty=True))
    checked = params.optional_choice(_raw(key), label=label, options=list(options), labels=options)
    _seed(key, checked, binding_reads=None if checked.value is None else options[checked.value])
    value = st.segmented_control(
        label,
        list(options),
        format_func=options.__getitem__,
        key=key,
        bind="query-params",
        help=help,
    )
    return None if value is None else str(value)


def url_text(
    label: str,
    *,
    key: str,
    max_chars: int,
    placeholder: str | None = None,
) -> str:
    """A text box whose value is the link parameter `key`, cut to `max_chars` with a note."""
    _drop_if_foreign(key, lambda v: isinstance(v, str) and len(v) <= max_chars)
    _seed(key, params.text(_raw(key), label=label, max_chars=max_chars))
    value = st.text_input(
        label, key=key, bind="query-params", max_chars=max_chars, placeholder=placeholder
    )
    return str(value)


def url_pills(
    label: str,
    *,
    key: str,
    options: Mapping[str, str],
    default: Sequence[str],
    help: str | None = None,
) -> tuple[str, ...]:
    """Several-of choice (pills) bound to the link parameter `key`, repeated or comma-separated.

    `options` maps each value in the URL to the label the reader sees.
    """
    checked = params.choices(
        st.query_params.get_all(key),
        label=label,
        options=list(options),
        default=default,
        labels=options,
    )
    _drop_if_foreign(key, _are_some_of(list(options)))
    raw = st.query_params.get_all(key)
    labels = [options[v] for v in checked.value]
    first_run = key not in st.session_state
    _seed(key, Checked(list(checked.value), checked.note))
    if raw and first_run and labels != raw:
        # A comma-separated or corrected link: the binding cannot read it, so start from ours
        # and write it back as the binding writes it (one label per repeated key).
        _forget_link_value(key)
        if labels:
            st.query_params[key] = labels
    value = st.pills(
        label,
        list(options),
        selection_mode="multi",
        format_func=options.__getitem__,
        key=key,
        bind="query-params",
        help=help,
    )
    return tuple(str(v) for v in value or ())


def url_select(
    label: str,
    *,
    key: str,
    options: Mapping[str, str],
    default: str,
    help: str | None = None,
) -> str:
    """A drop-down whose value (a key of `options`) is the link parameter `key`."""
    return _url_one_of(st.selectbox, label, key, options, default, help=help)
