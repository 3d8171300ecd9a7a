"""A Streamlit session driven over its own websocket protocol, as the browser drives it.

Streamlit 1.67's frontend opens `ws://host:port/_stcore/stream` with the subprotocol
`streamlit` (a second and third entry would carry an XSRF token and a session id to resume;
neither is needed on loopback without auth). Nothing runs until the client sends a
`BackMsg` whose `rerun_script` is a `ClientState`: the query string, the page (by URL name
on a first load, by script hash afterwards, as a click in the navigation does), and the
widget values the browser holds. The server answers with a stream of `ForwardMsg`s:
`new_session`, `navigation`, `delta`s (one per element), `page_info_changed` when a
link-bound widget changes the query string, and `script_finished`.

A rerun's latency here is from sending the `BackMsg` to `script_finished` with
FINISHED_SUCCESSFULLY (a run that ends early because the page asked for a rerun is part of
the same wait). Any `exception` element in a delta is recorded as an error, with its
message.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

FINISHED = ForwardMsg.FINISHED_SUCCESSFULLY
EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN


def _with_param(query_string: str, key: str, value: object) -> str:
    """`query_string` with `key` set to `value`, written as the browser writes it."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    params = dict(parse_qsl(query_string, keep_blank_values=True))
    params[key] = text
    return urlencode(params)


class ProtocolError(Exception):
    """The server answered in a way a browser would show as broken."""


@dataclass
class Widget:
    """A widget the last run drew: its element id, element type and the element itself."""

    id: str
    kind: str
    element: object


@dataclass
class Run:
    """What one rerun sent back."""

    ms: float
    deltas: int
    bytes: int
    runs: int = 1  # script runs it took: more than one when a run ended early for a rerun


@dataclass
class Session:
    """One browser tab's worth of Streamlit session, over a websocket."""

    ws: ClientConnection
    query_string: str = ""
    page_hash: str = ""
    page_hashes: dict[str, str] = field(default_factory=dict)  # URL name -> script hash
    widgets: dict[str, Widget] = field(default_factory=dict)  # widget key -> widget
    exceptions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The last run's elements, in the order they arrived (element type, the element).
    elements: list[tuple[str, object]] = field(default_factory=list)

    @classmethod
    async def open(cls, base_url: str, headers: dict[str, str] | None = None) -> Session:
        """Connect as a browser tab would; `headers` (a `Cookie`, say) go with the upgrade."""
        url = base_url.replace("http://", "ws://") + "/_stcore/stream"
        ws = await connect(
            url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            open_timeout=30,
            additional_headers=headers,
        )
        return cls(ws)

    def header(self, name: str) -> str | None:
        """A header of the server's answer to the websocket upgrade (None when absent)."""
        response = self.ws.response
        return None if response is None else response.headers.get(name)

    def texts(self) -> list[str]:
        """The Markdown bodies of the last run's text elements (`st.write`, `st.markdown`)."""
        return [str(getattr(e, "body", "")) for kind, e in self.elements if kind == "markdown"]

    async def close(self) -> None:
        await self.ws.close()

    async def load(self, page: str, query_string: str = "", timeout: float = 30) -> Run:
        """Open `page` (a URL name, "" for home) with `query_string`, as a link or a click."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query_string
        if page in self.page_hashes:
            state.page_script_hash = self.page_hashes[page]
        else:
            state.page_name = page
        self.query_string = query_string
        return await self._run(msg, timeout)

    async def change(self, key: str, value: object, timeout: float = 30) -> Run:
        """Set the widget with user key `key` to `value` and rerun, as the browser does.

        The widgets here are bound to the URL, and the browser writes a changed value into
        the address before it reruns; a stale address would take the widget back.
        """
        msg = BackMsg()
        state = msg.rerun_script
        self.query_string = _with_param(self.query_string, key, value)
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash
        state.widget_states.widgets.append(self.widget_state(key, value))
        return await self._run(msg, timeout)

    def widget_state(self, key: str, value: object) -> WidgetState:
        """The wire form of `value` for the widget `key` (as the frontend serialises it)."""
        widget = self.widgets.get(key)
        if widget is None:
            raise ProtocolError(f"no widget with key {key!r} on this page")
        state = WidgetState(id=widget.id)
        if widget.kind == "slider":
            state.double_array_value.data.append(float(value))  # type: ignore[arg-type]
        elif widget.kind == "number_input":
            state.double_value = float(value)  # type: ignore[arg-type]
        elif widget.kind == "checkbox":
            state.bool_value = bool(value)
        elif widget.kind in ("text_input", "text_area"):
            state.string_value = str(value)
        elif widget.kind == "button_group":
            state.string_array_value.data.append(str(value))
        else:
            raise ProtocolError(f"cannot set a {widget.kind} ({key!r})")
        return state

    async def _run(self, msg: BackMsg, timeout: float) -> Run:
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        self.elements = []
        deltas = size = 0
        runs = 1
        async with asyncio.timeout(timeout):
            while True:
                data = await self.ws.recv()
                size += len(data)
                forward = ForwardMsg()
                forward.ParseFromString(data)
                kind = forward.WhichOneof("type")
                if kind == "new_session":
                    self.widgets = {}
                elif kind == "navigation":
                    self.page_hash = forward.navigation.page_script_hash
                    self.page_hashes = {
                        p.url_pathname: p.page_script_hash for p in forward.navigation.app_pages
                    }
                elif kind == "page_info_changed":
                    self.query_string = forward.page_info_changed.query_string
                elif kind == "page_not_found":
                    raise ProtocolError(f"page not found: {forward.page_not_found.page_name}")
                elif kind == "session_event":
                    if forward.session_event.HasField("script_compilation_exception"):
                        exc = forward.session_event.script_compilation_exception
                        self.exceptions.append(f"{exc.type}: {exc.message}")
                elif kind == "delta":
                    deltas += 1
                    self._element(forward)
                elif kind == "script_finished":
                    if forward.script_finished == FINISHED:
                        return Run((time.perf_counter() - start) * 1000, deltas, size, runs)
                    if forward.script_finished == EARLY:
                        runs += 1
                    else:
                        raise ProtocolError(f"script finished with {forward.script_finished}")

    def _element(self, forward: ForwardMsg) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            exc = element.exception
            where = self.warnings if exc.is_warning else self.exceptions
            where.append(f"{exc.type}: {exc.message}".strip())
            return
        inner = getattr(element, kind) if kind else None
        self.elements.append((kind or "", inner))
        widget_id = getattr(inner, "id", "")
        if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
            key = widget_id.rsplit("-", 1)[-1]
            self.widgets[key] = Widget(widget_id, kind or "", inner)
