"""Link parameters and the one link builder: every view's inputs as short, documented codes.

Each input that a link can set is declared once (`lib.linkparams`) as one of the kinds
below: its key, the label the reader sees, its codes and their labels, its default. From
that one declaration the app reads a link (`read`: the codes, the labels of older links,
repeated or comma-separated values, anything else refused with a friendly note from
`lib.params`) and writes one (`query`: codes only, in the order the inputs are drawn,
defaults left out, a several-of input repeated as `days=mon&days=wed`). The address bar,
the share link, its QR code, the printable summaries and every calendar event all come
from `query` and `share_link`, so they are the same link.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode, urlsplit, urlunsplit

from lib import params
from lib.params import Checked

V = TypeVar("V")
Item = tuple[str, str]


@dataclass(frozen=True, kw_only=True)
class Param(Generic[V]):
    """One link parameter: its key in the URL and the input's label (for notes)."""

    key: str
    label: str

    @property
    def empty(self) -> V:
        """The value a link that does not name this parameter gives."""
        raise NotImplementedError

    def read(self, raws: Sequence[str]) -> Checked[V]:
        """The value a link's values for this key give (the last one for a single value)."""
        raise NotImplementedError

    def codes(self, value: V) -> tuple[str, ...]:
        """How `value` is written in a link: its codes."""
        raise NotImplementedError

    def fits(self, value: object) -> bool:
        """Whether `value` is one this input can show (a value left by another page may not)."""
        raise NotImplementedError

    def values(self) -> tuple[str, ...]:
        """The codes this parameter documents (empty for numbers and text)."""
        return ()


def _decimals(step: float) -> int:
    text = f"{step:g}"
    return len(text.split(".", 1)[1]) if "." in text else 0


@dataclass(frozen=True, kw_only=True)
class Number(Param[float]):
    """A number from `lo` to `hi` in steps of `step`; a link's value is clamped, with a note."""

    lo: float
    hi: float
    default: float
    step: float = 1
    integer: bool = True

    @property
    def empty(self) -> float:
        return self.default

    def read(self, raws: Sequence[str]) -> Checked[float]:
        raw = raws[-1] if raws else None
        return params.number(
            raw,
            label=self.label,
            lo=self.lo,
            hi=self.hi,
            default=self.default,
            integer=self.integer,
        )

    def codes(self, value: float) -> tuple[str, ...]:
        return (number_code(value, 0 if self.integer else _decimals(self.step)),)

    def fits(self, value: object) -> bool:
        return _is_number_in(value, self.lo, self.hi, self.integer)

    def within(self, lo: float, hi: float, default: float, *, label: str) -> Number:
        """The same parameter in another unit (the weight in kg or in lb)."""
        return Number(
            key=self.key,
            label=label,
            lo=lo,
            hi=hi,
            default=default,
            step=self.step,
            integer=self.integer,
        )


@dataclass(frozen=True, kw_only=True)
class OptionalNumber(Param["float | None"]):
    """A number that may stay empty (a test not done); `clamp=False` refuses the impossible."""

    lo: float
    hi: float
    step: float = 1
    integer: bool = True
    clamp: bool = True

    @property
    def empty(self) -> float | None:
        return None

    def read(self, raws: Sequence[str]) -> Checked[float | None]:
        raw = raws[-1] if raws else None
        return params.optional_number(
            raw, label=self.label, lo=self.lo, hi=self.hi, integer=self.integer, clamp=self.clamp
        )

    def codes(self, value: float | None) -> tuple[str, ...]:
        if value is None:
            return ()
        return (number_code(value, 0 if self.integer else _decimals(self.step)),)

    def fits(self, value: object) -> bool:
        return value is None or _is_number_in(value, self.lo, self.hi, self.integer)


@dataclass(frozen=True, kw_only=True)
class Choice(Param[str]):
    """One of `options` (code: label); a link gives the code (older links: the label)."""

    options: Mapping[str, str]
    default: str

    @property
    def empty(self) -> str:
        return self.default

    def read(self, raws: Sequence[str]) -> Checked[str]:
        raw = raws[-1] if raws else None
        return params.choice(
            raw,
            label=self.label,
            options=list(self.options),
            default=self.default,
            labels=self.options,
        )

    def codes(self, value: str) -> tuple[str, ...]:
        return (value,)

    def fits(self, value: object) -> bool:
        return value in self.options

    def values(self) -> tuple[str, ...]:
        return tuple(self.options)

    def with_options(self, options: Mapping[str, str], default: str) -> Choice:
        """The same parameter with options known only when the page runs (the scenes)."""
        return Choice(key=self.key, label=self.label, options=options, default=default)


@dataclass(frozen=True, kw_only=True)
class OptionalChoice(Param["str | None"]):
    """One of `options`, or unanswered (None)."""

    options: Mapping[str, str]

    @property
    def empty(self) -> str | None:
        return None

    def read(self, raws: Sequence[str]) -> Checked[str | None]:
        raw = raws[-1] if raws else None
        return params.optional_choice(
            raw, label=self.label, options=list(self.options), labels=self.options
        )

    def codes(self, value: str | None) -> tuple[str, ...]:
        return () if value is None else (value,)

    def fits(self, value: object) -> bool:
        return value is None or value in self.options

    def values(self) -> tuple[str, ...]:
        return tuple(self.options)

    def with_options(
        self, options: Mapping[str, str], *, label: str | None = None
    ) -> OptionalChoice:
        """The same codes' parameter with labels known only when the page runs (the exercises,
        the SARC-F answers and balance stages worded in content/screening.yaml)."""
        return OptionalChoice(key=self.key, label=label or self.label, options=options)


@dataclass(frozen=True, kw_only=True)
class Choices(Param["tuple[str, ...]"]):
    """Several of `options`, in their order; a link repeats the key or separates with commas."""

    options: Mapping[str, str]
    default: tuple[str, ...] = ()

    @property
    def empty(self) -> tuple[str, ...]:
        return self.default

    def read(self, raws: Sequence[str]) -> Checked[tuple[str, ...]]:
        return params.choices(
            raws,
            label=self.label,
            options=list(self.options),
            default=self.default,
            labels=self.options,
        )

    def codes(self, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(option for option in self.options if option in value)

    def fits(self, value: object) -> bool:
        return isinstance(value, (list, tuple)) and all(v in self.options for v in value)

    def values(self) -> tuple[str, ...]:
        return tuple(self.options)


@dataclass(frozen=True, kw_only=True)
class Flag(Param[bool]):
    """On or off: `true`/`false` (a link may also say 1/0, yes/no, on/off)."""

    default: bool = False

    @property
    def empty(self) -> bool:
        return self.default

    def read(self, raws: Sequence[str]) -> Checked[bool]:
        raw = raws[-1] if raws else None
        return params.boolean(raw, label=self.label, default=self.default)

    def codes(self, value: bool) -> tuple[str, ...]:
        return ("true" if value else "false",)

    def fits(self, value: object) -> bool:
        return isinstance(value, bool)

    def values(self) -> tuple[str, ...]:
        return ("true", "false")


@dataclass(frozen=True, kw_only=True)
class Text(Param[str]):
    """Free text up to `max_chars` characters; a longer one is cut, with a note."""

    max_chars: int

    @property
    def empty(self) -> str:
        return ""

    def read(self, raws: Sequence[str]) -> Checked[str]:
        raw = raws[-1] if raws else None
        return params.text(raw, label=self.label, max_chars=self.max_chars)

    def codes(self, value: str) -> tuple[str, ...]:
        return (value,)

    def fits(self, value: object) -> bool:
        return isinstance(value, str) and len(value) <= self.max_chars


def _is_number_in(value: object, lo: float, hi: float, integer: bool) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and lo <= value <= hi and (not integer or float(value).is_integer())


def number_code(value: float, decimals: int) -> str:
    """A number as a link writes it: `72`, `13.5`, never `72.0` or `1e+02`."""
    text = f"{round(float(value), decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Shown:
    """An input as it is on screen: its parameter and its value."""

    param: Param[Any]
    value: Any = field(default=None)


def query(shown: Iterable[Shown]) -> tuple[Item, ...]:
    """The link parameters of a view: codes, in the order shown, defaults left out.

    A several-of input repeats its key (`days=mon&days=wed`); one with nothing chosen, where
    its default is not nothing, is written `days=` so a link can say "none".
    """
    items: list[Item] = []
    for entry in shown:
        param, value = entry.param, entry.value
        if isinstance(param, Choices):
            value = tuple(param.codes(tuple(value)))
            if value == param.codes(param.default):
                continue
        elif value == param.empty:
            continue
        codes = param.codes(value)
        items.extend((param.key, code) for code in codes) if codes else items.append(
            (param.key, "")
        )
    return tuple(items)


def grouped(items: Iterable[Item]) -> dict[str, list[str]]:
    """The items by key, each key's values in order (as `st.query_params.from_dict` takes them)."""
    found: dict[str, list[str]] = {}
    for key, value in items:
        found.setdefault(key, []).append(value)
    return found


def share_link(
    page_url: str, items: Iterable[Item] | Mapping[str, str], public_base: str | None = None
) -> str:
    """The link that reopens a view.

    Args:
        page_url: the page's address as the browser sees it (scheme, host, port and path).
        items: the view's link parameters (`query`), in order; a key may repeat.
        public_base: where the app is published (for example `https://example.org/legs`);
            when set, it replaces the scheme, host and any path prefix of `page_url`.

    Returns:
        The address with the parameters encoded, e.g. `https://example.org/projection?age=80`.
    """
    pairs = list(items.items()) if isinstance(items, Mapping) else list(items)
    page = urlsplit(page_url)
    scheme, netloc, path = page.scheme, page.netloc, page.path
    if public_base:
        base = urlsplit(public_base.rstrip("/"))
        page_name = path.rstrip("/").rsplit("/", 1)[-1] if path.strip("/") else ""
        scheme, netloc = base.scheme, base.netloc
        path = f"{base.path}/{page_name}" if page_name else (base.path or "/")
    return urlunsplit((scheme, netloc, path or "/", urlencode(pairs), ""))


def page_path(page: str, items: Iterable[Item], root: str = "") -> str:
    """A page's address below the app's root, e.g. `/exercises?ex=mini_squat&level=seated`."""
    encoded = urlencode(list(items))
    return f"{root.rstrip('/')}/{page}" + (f"?{encoded}" if encoded else "")


LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_local(url: str) -> bool:
    """Whether a link points at this computer only (localhost, 127.x, ::1), not at a network."""
    host = (urlsplit(url).hostname or "").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def with_host(url: str, host: str) -> str:
    """The same link on another host (keeping the port), e.g. the machine's LAN address."""
    parts = urlsplit(url)
    name = f"[{host}]" if ":" in host else host
    netloc = f"{name}:{parts.port}" if parts.port else name
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
