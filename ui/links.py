"""The address bar and every link of the app, from one builder (`lib.links.query`).

Streamlit's own `bind="query-params"` writes an option's label to the URL
(`?level=Seated+or+lying`), keeps one value per key in some paths, and drops values it
cannot parse. So the app keeps the URL itself:

- `begin` (app.py, before the page runs) notes whether the URL is one the app did not
  write (a link opened, a page link followed, the page changed). Then each input starts
  from the link's value (checked, with a note) or, when the link names none of the app's
  parameters (the menu), from what the reader last chose on that page this session.
- Each `ui.inputs` helper reports what its input shows (`shown`).
- `finish` (app.py, after the page runs) writes the address bar from those inputs, in
  codes; the share link, QR codes, printable summaries and calendar events are built from
  the same inputs (`view_items`), so they equal the address bar.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from lib import linkparams, links
from lib.links import Item, Param, Shown
from lib.params import Checked

_KEY = "_lme_links"


@dataclass
class _State:
    """What this session knows about its links (kept in Session State)."""

    page: str | None = None  # the page of the last run
    written: list[tuple[Item, ...]] = field(default_factory=list)  # the last 2 URLs we wrote
    store: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # page: key: codes
    new: bool = True  # this run's URL is not one we wrote: the inputs start from it
    describes: bool = False  # and it names at least one link parameter
    query: dict[str, list[str]] = field(default_factory=dict)
    shown: dict[str, Shown] = field(default_factory=dict)  # this run's inputs, in order


def _state() -> _State:
    state = st.session_state.get(_KEY)
    if not isinstance(state, _State):
        state = _State()
        st.session_state[_KEY] = state
    return state


def _url_items() -> tuple[Item, ...]:
    return tuple((key, value) for key in st.query_params for value in st.query_params.get_all(key))


def begin(page: str) -> None:
    """Start a run of `page` (its URL name): is the address bar one the app wrote?"""
    state = _state()
    items = _url_items()
    changed_page = page != state.page
    state.new = changed_page or items not in state.written
    if changed_page:
        state.written = []
    state.query = links.grouped(items)
    state.describes = any(key in linkparams.KNOWN_KEYS for key in state.query)
    state.page = page
    state.shown = {}


def finish() -> None:
    """Write the address bar from the inputs this run showed, if it differs."""
    state = _state()
    keep = [
        (key, value)
        for key, value in _url_items()
        if key in linkparams.PRESENTING and key not in state.shown
    ]
    wanted = (*view_items(), *keep)
    if wanted != _url_items():
        st.query_params.from_dict(links.grouped(wanted))
    state.written = [*state.written[-1:], wanted]


def start(param: Param[Any]) -> Checked[Any] | None:
    """The value an input should start from this run, or None to keep what it shows.

    A URL the app did not write sets every input it names (checked, with a note) and,
    when it names any link parameter, puts the others back to their defaults: a link
    describes the whole view. Otherwise an input keeps its value, or, when Streamlit has
    forgotten it (the page was left and opened again from the menu), takes the value the
    reader last chose on this page.
    """
    state = _state()
    if param.key not in st.session_state and _sent_by_browser(param.key):
        return None  # a tab reconnected to a restarted server: what it shows stands
    if state.new:
        raws = state.query.get(param.key)
        if raws is not None:
            return param.read(raws)
        if state.describes:
            return Checked(param.empty)
    if (
        not state.new
        and param.key in st.session_state
        and param.fits(_value(st.session_state[param.key]))
    ):
        return None
    stored = state.store.get(state.page or "", {}).get(param.key)
    return Checked(param.empty if stored is None else param.read(stored).value)


def _sent_by_browser(key: str) -> bool:
    """Whether this run's request carries a value the browser holds for the input `key`.

    Why: after a server restart, the open tab reconnects to a new session and sends its
    inputs' values with the reader's next change; the URL it sends is the one from before
    that change. There is no public API for this, so it looks at the widget states the
    request brought (Streamlit's keyed widget ids end in `-<key>`); if that changes, the
    tab's first input after a restart would show the link's older value instead.
    """
    ctx = get_script_run_ctx()
    try:
        incoming = ctx.session_state._state._new_widget_state.states  # type: ignore[union-attr]
    except AttributeError:
        return False
    return any(widget_id.endswith(f"-{key}") for widget_id in incoming)


def _value(widget_value: object) -> object:
    return tuple(widget_value) if isinstance(widget_value, list) else widget_value


def current_page() -> str | None:
    """The URL name of the page this run shows ("" for home)."""
    return _state().page


def shown(param: Param[Any], value: object) -> None:
    """Record what an input shows this run: for the address bar and every link."""
    state = _state()
    value = _value(value)
    state.shown[param.key] = Shown(param, value)
    codes = param.codes(value) or (() if value is None else ("",))
    state.store.setdefault(state.page or "", {})[param.key] = codes


def value_of(key: str) -> Any:
    """What the input `key` shows this run (None when the page has no such input)."""
    entry = _state().shown.get(key)
    return None if entry is None else entry.value


def view_items() -> tuple[Item, ...]:
    """This view's link parameters, as the builder writes them, then the reading options."""
    return (*links.query(_state().shown.values()), *reading_items())


def link_is_new() -> bool:
    """Whether this run's address is one the app did not write (a link opened, a page change)."""
    return _state().new


def reading_items() -> tuple[Item, ...]:
    """The reading options every link carries (`large=true`), when the reader has them on.

    They live in Session State under their keys (`ui.large` keeps them), not in a page's
    own inputs, so they stay on from page to page.
    """
    param = linkparams.LARGE
    return ((param.key, "true"),) if st.session_state.get(param.key) is True else ()


def _root() -> str:
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def page_url(page: str) -> str | None:
    """The full address of a page of this app (`page` is its URL name, "" for home)."""
    here = st.context.url
    if not here:
        return None
    parts = urlsplit(here)
    return urlunsplit((parts.scheme, parts.netloc, f"{_root()}/{page}", "", ""))


def public_base() -> str | None:
    """Where the app is published, when the person running it says so (EXPLORER_PUBLIC_URL)."""
    return os.environ.get("EXPLORER_PUBLIC_URL") or None


def link_to(page: str, items: Sequence[Item]) -> str | None:
    """The shareable address of `page` with `items`, on the public address when one is set."""
    url = page_url(page)
    return None if url is None else links.share_link(url, items, public_base())


def current_link() -> str | None:
    """The address that reopens this view with its inputs, or None outside a browser session."""
    return link_to(_state().page or "", view_items())


def carried(page: str, extra: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """The link parameters a link to `page` carries.

    What the reader last chose on that page this session, then the context this page has
    and that page takes (age, sex, guideline, country, level, minutes), each checked
    against that page's own range, then `extra`.
    """
    state = _state()
    found: dict[str, list[str]] = {
        key: list(codes) for key, codes in state.store.get(page, {}).items()
    }
    for key in linkparams.CONTEXT:
        target, here = linkparams.page_param(page, key), state.shown.get(key)
        if target is None or here is None:
            continue
        checked = target.read(list(here.param.codes(here.value)) or [""])
        found[key] = list(target.codes(checked.value)) or [""]
    for key, value in (extra or {}).items():
        found[key] = [value]
    for key, value in reading_items():
        found.setdefault(key, [value])
    if _presenting():
        found.setdefault(linkparams.PRESENT.key, ["1"])
    return found


def _presenting() -> bool:
    return linkparams.PRESENT.read(st.query_params.get_all(linkparams.PRESENT.key)).value


def page_link(
    page: str, *, label: str, icon: str | None = None, extra: Mapping[str, str] | None = None
) -> None:
    """A link to another page of the app that carries the context that page takes."""
    st.page_link(
        f"pages/{page}.py",
        label=label,
        icon=icon,
        query_params=carried(page, extra),
    )


def href(page: str, extra: Mapping[str, str] | None = None) -> str:
    """A page's address with its context, for a Markdown link (`[Mini squat](/exercises?...)`)."""
    items = [(key, value) for key, values in carried(page, extra).items() for value in values]
    return links.page_path(page, items, _root())


@st.cache_data(ttl=300, show_spinner=False)
def lan_address() -> str | None:
    """This machine's address on its local network, if it has one (nothing is sent).

    Connecting a UDP socket only picks the interface a packet would leave by; no packet is
    sent. The address is not checked against the outside world.
    """
    candidates: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        candidates.append(str(probe.getsockname()[0]))
    with contextlib.suppress(OSError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        candidates += [str(info[4][0]) for info in infos]
    for address in candidates:
        if not links.is_local(f"http://{address}/"):
            return address
    return None
