"""Docs test: README's "Link parameters" table is what the app declares and what clicking writes.

Every page's parameters in the table are the ones `lib/linkparams.py` declares; every code
the table lists for a choice is one of that parameter's codes, and each is what the address
bar holds after a reader clicks that option (a default is left out of the link).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from lib import linkparams
from lib.links import Choice, Choices, Flag, OptionalChoice, Param
from tests.app.test_pages import open_page
from tests.conftest import ROOT

ROW = re.compile(r"^\| `/(\w+)` \| ([^|]+) \| ([^|]+) \|", re.M)
RANGE = re.compile(r"`(\w+)`-`(\w+)`")
DYNAMIC = {"scene", "ex"}  # their codes come from content: scene ids, exercise file names


def documented() -> dict[str, dict[str, set[str]]]:
    """Each page's parameters in the README, with the codes its Values column lists."""
    found: dict[str, dict[str, set[str]]] = {}
    for page, keys_cell, values_cell in ROW.findall((ROOT / "README.md").read_text("utf-8")):
        keys = re.findall(r"`(\w+)`", keys_cell)
        for key in keys:
            found.setdefault(page, {})[key] = set()
        for key in keys:
            param = linkparams.page_param(page, key)
            order = list(param.values()) if param is not None else []
            cell = values_cell
            codes: set[str] = set()
            for first, last in RANGE.findall(cell):
                if first in order and last in order:
                    codes |= set(order[order.index(first) : order.index(last) + 1])
            cell = RANGE.sub(" ", cell)
            codes |= set(re.findall(r"`(\w+)`", cell))
            keys_of_page = {p.key for p in linkparams.PAGES.get(page, ())}
            found[page][key] = codes - keys_of_page  # `age` and `sex`, named as shared keys
    # "each section then takes the same parameters as its own page": the handout's row
    # stands for those pages' rows too (the keys the handout takes: the screening page's
    # `country` is its own emergency line, not a handout section's).
    for section_page in ("self_check", "screening", "plan"):
        for key, codes in found.get(section_page, {}).items():
            if linkparams.page_param("handout", key) is not None:
                found.setdefault("handout", {}).setdefault(key, codes)
    return found


README = documented()


def test_the_readme_lists_every_declared_parameter():
    """The table's pages and keys are exactly those lib/linkparams.py declares."""
    declared = {page: {p.key for p in params} for page, params in linkparams.PAGES.items()}
    assert {page: set(keys) for page, keys in README.items()} == declared


CHOICES = [
    (page, param)
    for page, params in linkparams.PAGES.items()
    for param in params
    if isinstance(param, (Choice, OptionalChoice, Choices, Flag)) and param.key not in DYNAMIC
]


@pytest.mark.parametrize(("page", "param"), CHOICES, ids=[f"{pg}-{p.key}" for pg, p in CHOICES])
def test_the_readme_lists_each_choice_by_its_codes(page, param):
    """Every code the table gives for a choice is the parameter's, and none is missing."""
    assert README[page][param.key] == set(param.values())


def click(at: Any, param: Param[Any], code: str) -> None:
    """Choose `code` in the input of `param`, as a reader clicks it."""
    if isinstance(param, Flag):
        at.toggle(key=param.key).set_value(code == "true")
    elif isinstance(param, Choices):
        at.button_group(key=param.key).set_value([code])
    elif param.key == "scene":
        at.selectbox(key=param.key).set_value(code)
    else:
        at.button_group(key=param.key).set_value(code)
    at.run()


def has_input(at: Any, key: str) -> bool:
    kinds = ("button_group", "toggle", "selectbox")
    return any(e.key == key for kind in kinds for e in getattr(at, kind))


@pytest.mark.parametrize("page", sorted({page for page, _ in CHOICES}))
def test_clicking_each_documented_code_writes_it(page):
    """Click every option: the address bar holds its code (the default: no parameter).

    The handout's sections hide some inputs (those are checked on their own pages).
    """
    at = open_page(f"pages/{page}.py")
    checked = 0
    for param in (p for pg, p in CHOICES if pg == page):
        if not has_input(at, param.key):
            assert page == "handout", f"no input for {param.key} on {page}"
            continue
        default = param.empty
        for code in sorted(README[page][param.key]):
            click(at, param, code)
            assert not at.exception, [e.value for e in at.exception]
            written = at.query_params.get(param.key)
            written = written if isinstance(written, list) or written is None else [written]
            if isinstance(param, Choices):
                # One option alone, where the default is several: exactly that code.
                expected = None if (code,) == tuple(default) else [code]
            else:  # an unanswered question (None) is no default code
                expected = None if (code,) == param.codes(default) else [code]
            assert written == expected, (param.key, code, at.query_params)
            checked += 1
    assert checked >= 2


EVERY_PAGE_ROW = re.compile(r"^\| any page \| ([^|]+) \| ([^|]+) \|", re.M)


def documented_every_page() -> dict[str, set[str]]:
    """The README's "any page" rows: each key with the codes its Values column lists."""
    found: dict[str, set[str]] = {}
    for keys_cell, values_cell in EVERY_PAGE_ROW.findall((ROOT / "README.md").read_text("utf-8")):
        for key in re.findall(r"`(\w+)`", keys_cell):
            found[key] = set(re.findall(r"`(\w+)`", values_cell))
    return found


def test_the_readme_lists_every_any_page_parameter_with_its_codes():
    """The "any page" rows are lib/linkparams.py's EVERY_PAGE, each with all its codes."""
    declared = {p.key: set(p.values()) for p in linkparams.EVERY_PAGE}
    assert documented_every_page() == declared


@pytest.mark.parametrize("page", ["pages/home.py", "pages/self_check.py", "pages/causes.py"])
def test_clicking_the_large_text_switch_writes_its_code(page):
    """Switched on, the address bar says `large=true`; off, the parameter is left out."""
    at = open_page(page)
    assert at.query_params.get("large") is None
    at.toggle(key=linkparams.LARGE.key).set_value(True).run()
    assert at.query_params.get("large") == "true"
    at.toggle(key=linkparams.LARGE.key).set_value(False).run()
    assert at.query_params.get("large") is None
