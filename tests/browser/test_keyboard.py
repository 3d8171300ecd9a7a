"""The keyboard alone, in Chromium: skip link, visible focus at every stop, no trap, inputs.

No mouse clicks here: only Tab, Shift+Tab, Enter, arrow keys and typing, as a person who
cannot use a mouse (or uses a switch or a screen reader) moves through the page.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass

import numpy as np
from PIL import Image

from tests.browser.conftest import Server, Visit

# A focus indicator must differ from the unfocused state by at least 3:1 (WCAG 1.4.11 for the
# state of a control; the same figure as 2.4.13 Focus Appearance).
FOCUS_CONTRAST = 3.0
# ...over at least this many pixels: a 1 px ring round a 10 px square control is 44 pixels.
FOCUS_MIN_PIXELS = 40
# Bounded walks: the longest page here has well under this many tab stops.
MAX_STOPS = 250
FOOTER_LINK = "When to seek care: warning signs that need a doctor now"

# The focused element, described, and the box to look at for its focus indicator: the element
# itself, or its widget when the element is visually hidden (a slider's <input type=range>
# sits in a 1 px clipped box; the thumb shows its focus).
DESCRIBE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: 'BODY', name: '', testid: null, uid: 0};
  window.__uids = window.__uids || new WeakMap();
  window.__uid = window.__uid || 0;
  if (!window.__uids.has(e)) window.__uids.set(e, ++window.__uid);
  let box = e.getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  if (!(hit && (e === hit || e.contains(hit)))) {
    const widget = e.closest('[data-testid]');
    if (widget) box = widget.getBoundingClientRect();
  }
  const name = e.getAttribute('aria-label') || (e.innerText || e.value || '').trim();
  return {tag: e.tagName, name: name.replace(/\\s+/g, ' ').slice(0, 120),
          testid: e.getAttribute('data-testid'), uid: window.__uids.get(e),
          box: {x: box.x, y: box.y, width: box.width, height: box.height}};
}"""


@dataclass(frozen=True)
class Stop:
    """One tab stop: what is focused (`uid` tells two links with the same text apart)."""

    tag: str
    name: str
    testid: str | None
    uid: int

    def __str__(self) -> str:
        return f"{self.tag} {self.testid or ''} {self.name!r}".replace("  ", " ")


def focused(visit: Visit) -> tuple[Stop, dict[str, float] | None]:
    info = visit.page.evaluate(DESCRIBE)
    return Stop(info["tag"], info["name"], info["testid"], info["uid"]), info.get("box")


def press(visit: Visit, key: str) -> Stop:
    visit.page.keyboard.press(key)
    return focused(visit)[0]


def open_page(server: Server, visit: Visit, path: str) -> None:
    visit.page.goto(f"{server.url}{path}")
    visit.settle()


def skip_to_content(visit: Visit) -> Stop:
    """First Tab, then Enter on the skip link; returns the first stop."""
    first = press(visit, "Tab")
    press(visit, "Enter")
    return first


def summary(visit: Visit) -> str:
    return visit.page.locator("p", has_text="In words:").first.inner_text()


# --- pixels: does focus show? ------------------------------------------------------------------


def luminance(rgb: np.ndarray) -> np.ndarray:
    """WCAG 2.x relative luminance of sRGB pixels (0-255)."""
    c = rgb / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def pixels_changed(before: bytes, after: bytes) -> int:
    """How many pixels change colour by a contrast ratio of at least FOCUS_CONTRAST."""
    a = np.asarray(Image.open(io.BytesIO(before)).convert("RGB"), dtype=float)
    b = np.asarray(Image.open(io.BytesIO(after)).convert("RGB"), dtype=float)
    la, lb = luminance(a), luminance(b)
    ratio = (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)
    return int((ratio >= FOCUS_CONTRAST).sum())


def focus_indicator_pixels(visit: Visit, box: dict[str, float]) -> int:
    """Screenshot the focused element's box focused and blurred; count the strongly changed pixels.

    The element is focused again afterwards, so the next Tab goes on from it.
    """
    page = visit.page
    viewport = page.viewport_size
    pad = 8
    x, y = max(box["x"] - pad, 0), max(box["y"] - pad, 0)
    clip = {
        "x": x,
        "y": y,
        "width": max(min(box["x"] + box["width"] + pad, viewport["width"]) - x, 1),
        "height": max(min(box["y"] + box["height"] + pad, viewport["height"]) - y, 1),
    }
    element = page.evaluate_handle("document.activeElement")
    with_focus = page.screenshot(clip=clip, animations="disabled", caret="hide")
    element.evaluate("e => e.blur()")
    without_focus = page.screenshot(clip=clip, animations="disabled", caret="hide")
    element.evaluate("e => e.focus({preventScroll: true})")
    return pixels_changed(without_focus, with_focus)


def walk(visit: Visit, measure: bool = False) -> list[tuple[Stop, int]]:
    """Tab from the top of the page until focus leaves the page or returns to the first stop."""
    stops: list[tuple[Stop, int]] = []
    for _ in range(MAX_STOPS):
        visit.page.keyboard.press("Tab")
        stop, box = focused(visit)
        if stop.tag == "BODY" or (stops and stop == stops[0][0]):
            return stops
        pixels = focus_indicator_pixels(visit, box) if measure and box else -1
        stops.append((stop, pixels))
    raise AssertionError(f"no end to the tab order after {MAX_STOPS} stops: {stops[-5:]}")


# --- tests -----------------------------------------------------------------------------------


def test_first_tab_is_the_skip_link_to_the_first_input(server: Server, visit: Visit):
    """The first Tab lands on 'Skip to main content'; Enter then Tab reaches the first input."""
    open_page(server, visit, "/projection")
    first = skip_to_content(visit)
    assert first.testid == "stSkipToContent"
    assert first.name == "Skip to main content"
    assert focused(visit)[0].testid == "stMain"
    assert press(visit, "Tab").name == "Age to look at"


def test_age_slider_moves_with_arrow_keys(server: Server, visit: Visit):
    """ArrowRight twice, then End, move the age; the summary and the link follow; focus stays."""
    open_page(server, visit, "/projection")
    skip_to_content(visit)
    press(visit, "Tab")
    assert summary(visit).startswith("In words: At 50,")

    press(visit, "ArrowRight")
    assert press(visit, "ArrowRight").name == "Age to look at"
    visit.page.wait_for_url(re.compile(r"[?&]age=52\b"), timeout=15_000)
    visit.settle()
    assert summary(visit).startswith("In words: At 52,")
    assert focused(visit)[0].name == "Age to look at"  # the rerun did not steal focus

    press(visit, "End")
    visit.page.wait_for_url(re.compile(r"[?&]age=100\b"), timeout=15_000)
    visit.settle()
    assert summary(visit).startswith("In words: At 100,")


def test_self_check_age_can_be_typed(server: Server, visit: Visit):
    """Typing 70 into the age box (select all, type, Enter) updates the verdicts and the link."""
    balance = visit.page.get_by_role("heading", name=re.compile("^Balance activity"))
    # Two tries: on a busy machine a late rerun can move focus mid-walk; the age box must
    # still be reachable from the skip link by Tab alone.
    for _attempt in range(2):
        open_page(server, visit, "/self_check")
        assert balance.inner_text().endswith("no target for you here")
        skip_to_content(visit)
        for _ in range(10):
            if press(visit, "Tab").name == "Age (years)":
                break
        if focused(visit)[0].name == "Age (years)":
            break
    assert focused(visit)[0].name == "Age (years)"
    visit.page.keyboard.press("ControlOrMeta+A")
    visit.page.keyboard.type("70")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url(re.compile(r"[?&]age=70\b"), timeout=15_000)
    visit.settle()
    assert balance.inner_text() == "Balance activity (65 and over): not met yet"


def test_tab_order_has_no_trap_and_reaches_the_footer(server: Server, visit: Visit):
    """Tab moves on at every press, reaches the footer link, then leaves the page."""
    open_page(server, visit, "/projection?bedrest_days=10")
    stops = [stop for stop, _ in walk(visit)]
    names = [stop.name for stop in stops]
    assert names[0] == "Skip to main content"
    assert "Age to look at" in names
    assert any(FOOTER_LINK in name for name in names), names
    repeats = [a for a, b in itertools.pairwise(stops) if a == b]
    assert repeats == []
    # And back: Shift+Tab from where the walk ended (past the last stop) returns to the footer.
    assert FOOTER_LINK in press(visit, "Shift+Tab").name


def test_every_tab_stop_shows_where_focus_is(server: Server, visit: Visit):
    """At every tab stop on /projection, focus shows as a 3:1 contrast change round the element."""
    open_page(server, visit, "/projection?bedrest_days=10")
    stops = walk(visit, measure=True)
    assert len(stops) > 20
    unseen = [f"{stop} ({pixels} px)" for stop, pixels in stops if pixels < FOCUS_MIN_PIXELS]
    assert unseen == [], "focus cannot be seen on:\n" + "\n".join(unseen)
