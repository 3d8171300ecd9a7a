"""Unit tests of lib.links and lib.linkparams: one builder for every link, in codes."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import linkparams
from lib.links import (
    Choices,
    Shown,
    grouped,
    is_local,
    number_code,
    page_path,
    query,
    share_link,
    with_host,
)
from tests.linkvalues import SCENES, values, with_runtime_options

EVERY_PARAM = sorted(
    {(page, p.key): p for page, params in linkparams.PAGES.items() for p in params}.items()
)
PARAM_IDS = [f"{page}-{key}" for (page, key), _ in EVERY_PARAM]


@pytest.mark.parametrize(
    ("page_url", "params", "base", "expected"),
    [
        ("http://localhost:8501/projection", {"age": "80"}, None,
         "http://localhost:8501/projection?age=80"),
        ("http://localhost:8501/", {}, None, "http://localhost:8501/"),
        ("http://localhost:8501/projection", {"age": "80", "rate": "8"},
         "https://legs.example.org", "https://legs.example.org/projection?age=80&rate=8"),
        ("http://10.0.0.5:8501/self_check", {"q": "a b&c"}, "https://example.org/apps/legs/",
         "https://example.org/apps/legs/self_check?q=a+b%26c"),
        ("http://localhost:8501/", {"present": "1"}, "https://example.org/legs",
         "https://example.org/legs?present=1"),
        ("http://localhost:8501/plan", [("days", "mon"), ("days", "sat")], None,
         "http://localhost:8501/plan?days=mon&days=sat"),
    ],
)  # fmt: skip
def test_share_link(page_url, params, base, expected):
    """The link keeps the page and every parameter, repeated keys too, on the public address."""
    assert share_link(page_url, params, base) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(72, 0, "72"), (72.0, 0, "72"), (13.5, 1, "13.5"), (13.0, 1, "13"), (0.1, 1, "0.1"),
     (12.300000000000001, 1, "12.3"), (5.0, 1, "5"), (0, 1, "0"), (599.9, 1, "599.9")],
)  # fmt: skip
def test_number_code(value, decimals, expected):
    """Numbers are written short: no `.0`, no float noise, no exponent."""
    assert number_code(value, decimals) == expected


def test_query_writes_codes_in_order_and_leaves_defaults_out():
    """Codes, not labels; the order shown; defaults left out; several values repeat the key."""
    shown = [
        Shown(linkparams.LEVEL, "seated"),
        Shown(linkparams.DAYS, ("mon", "wed", "fri", "sat")),
        Shown(linkparams.MINUTES, 60.0),  # the default
        Shown(linkparams.PLAN_AGE, 72.0),
        Shown(linkparams.NOW, None),
    ]
    assert query(shown) == (
        ("level", "seated"),
        ("days", "mon"), ("days", "wed"), ("days", "fri"), ("days", "sat"),
        ("age", "72"),
    )  # fmt: skip


def test_nothing_chosen_is_written_as_an_empty_value_when_the_default_is_not_nothing():
    """`days=` says "no day", which a link without `days` (the default, Mon-Fri) cannot."""
    assert query([Shown(linkparams.DAYS, ())]) == (("days", ""),)
    assert linkparams.DAYS.read([""]).value == ()
    assert query([Shown(linkparams.LEVELS, ())]) == ()  # the library's default is no filter


@pytest.mark.parametrize(("key", "param"), [(k, p) for k, p in EVERY_PARAM], ids=PARAM_IDS)
@given(data=st.data())
def test_every_value_round_trips_through_its_codes(key, param, data):
    """Any value an input can show, written as codes and read back, is the same, no note."""
    param = with_runtime_options(param)
    value = data.draw(values(param))
    items = query([Shown(param, value)])
    raws = grouped(items).get(param.key, [])
    checked = param.read(raws)
    assert checked.note is None
    assert checked.value == value


@pytest.mark.parametrize(("key", "param"), [(k, p) for k, p in EVERY_PARAM], ids=PARAM_IDS)
@given(data=st.data())
def test_labels_from_older_links_read_as_their_codes(key, param, data):
    """A link written by an older version (labels, as Streamlit's binding wrote) still opens."""
    param = with_runtime_options(param)
    options: dict[str, str] = dict(getattr(param, "options", {}))
    if not options or key[1] == "ex":  # the slugs stand in for titles here
        return
    value = data.draw(values(param))
    if value is None or value == ():
        return
    chosen = value if isinstance(value, tuple) else (value,)
    raws = [options[v] for v in chosen]
    checked = param.read(raws if isinstance(param, Choices) else raws[-1:])
    assert checked.note is None
    assert checked.value == value


@given(chosen=st.sets(st.sampled_from(linkparams.DAYS.values()), min_size=1))
def test_repeated_and_comma_separated_read_alike(chosen):
    """`days=mon&days=wed` and `days=mon,wed` give the same days."""
    ordered = [d for d in linkparams.DAYS.values() if d in chosen]
    repeated = linkparams.DAYS.read(ordered)
    assert repeated == linkparams.DAYS.read([",".join(ordered)])
    assert repeated.value == tuple(ordered)
    assert repeated.note is None


@pytest.mark.parametrize(
    ("raws", "value", "noted"),
    [(["Seated or lying"], "seated", False), (["SEATED"], "seated", False),
     (["sitting"], "supported", True), (["seated", "loaded"], "loaded", False)],
)  # fmt: skip
def test_a_misspelt_value_keeps_its_friendly_note(raws, value, noted):
    """An unknown level falls back to the default with a note; the last of repeats wins."""
    checked = linkparams.LEVEL.read(raws)
    assert checked.value == value
    assert (checked.note is not None) == noted
    if noted:
        assert "Where you start" in checked.note


@given(data=st.data())
def test_a_whole_page_round_trips(data):
    """Every page's inputs together: the link, parsed back as a browser sends it, reads the same."""
    for page, params in linkparams.PAGES.items():
        chosen = {p.key: data.draw(values(p), label=f"{page}.{p.key}") for p in params}
        shown = [Shown(with_runtime_options(p), chosen[p.key]) for p in params]
        url = share_link(f"http://localhost:8501/{page}", query(shown))
        received = grouped(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        for p in params:
            checked = with_runtime_options(p).read(received.get(p.key, []))
            assert checked.note is None, (page, p.key, url)
            assert checked.value == chosen[p.key], (page, p.key, url)


def test_each_page_declares_each_key_once():
    """A page cannot take the same link parameter twice."""
    for page, params in linkparams.PAGES.items():
        keys = [p.key for p in params]
        assert len(keys) == len(set(keys)), page


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.id)
def test_a_scene_link_is_its_page_link(scene):
    """A scene's QR link holds only its page's parameters, in codes, defaults left out."""
    items = linkparams.canonical(scene.page, scene.query)
    given_ = dict(scene.query)
    for key, raws in grouped(items).items():
        param = linkparams.page_param(scene.page, key)
        assert param is not None
        assert param.read([given_[key]]).value == param.read(raws).value
    assert {key for key, _ in items} <= set(given_)


@pytest.mark.parametrize(
    ("url", "local"),
    [("http://localhost:8501/plan", True), ("http://127.0.0.1:8501/", True),
     ("http://127.3.2.1/", True), ("http://[::1]:8501/", True), ("http://app.localhost/", True),
     ("http://192.168.1.20:8501/", False), ("https://example.org/legs", False),
     ("http://10.0.0.5:8501/x", False), ("http://[fe80::1]:8501/", False)],
)  # fmt: skip
def test_is_local(url, local):
    """A link to localhost or a loopback address works on this computer only."""
    assert is_local(url) is local


@pytest.mark.parametrize(
    ("url", "host", "expected"),
    [("http://localhost:8501/plan?days=mon", "192.168.1.20",
      "http://192.168.1.20:8501/plan?days=mon"),
     ("http://localhost/", "10.0.0.2", "http://10.0.0.2/"),
     ("http://localhost:8501/", "fd00::2", "http://[fd00::2]:8501/")],
)  # fmt: skip
def test_with_host(url, host, expected):
    """The same link on the machine's network address, keeping the port, path and query."""
    assert with_host(url, host) == expected


def test_page_path_for_markdown_links():
    """A page's address below the app's root, with its parameters."""
    assert page_path("exercises", [("ex", "mini_squat"), ("level", "seated")]) == (
        "/exercises?ex=mini_squat&level=seated"
    )
    assert page_path("plan", [], "/legs/") == "/legs/plan"
