"""On a 390 px phone, driven by taps and typing: the result is where the reader looks.

A reader who changes an input sees the result bar, inside the viewport, change; ticking a
warning sign low in the list shows the verdict inside the viewport; the large-text option
turned on from the sidebar is kept in the share link, which opens large in a fresh browser;
the charts' text stays whole and apart in that mode (tests/browser/chart_geometry.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lib import redflags
from tests.browser.chart_geometry import problems
from tests.browser.conftest import SETTLED, RunWatch, Server, Visit
from tests.browser.test_chart_geometry import open_charts

PHONE = {"width": 390, "height": 844}
BAR = ".st-key-lme_result"
IN_VIEW = """(selector) => {
  const box = document.querySelector(selector)?.getBoundingClientRect();
  return !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight + 1;
}"""


@pytest.fixture
def phone(browser) -> Iterator[Visit]:
    """A fresh touch-screen phone context, 390 by 844 px."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    seen = Visit(page)
    seen.watch = RunWatch(page)
    yield seen
    context.close()


def settle_after(visit: Visit, before: int) -> None:
    """Wait for the rerun an input change starts to finish."""
    page: Any = visit.page
    assert visit.watch is not None
    page.wait_for_function("1", timeout=1000)
    deadline = 200  # x 50 ms
    while visit.watch.finished <= before and deadline:
        page.wait_for_timeout(50)
        deadline -= 1
    page.wait_for_selector(SETTLED, timeout=30_000)
    page.wait_for_timeout(300)


def bar_text(visit: Visit) -> str:
    return str(visit.page.locator(BAR).inner_text())  # type: ignore[attr-defined]


def bar_in_view(visit: Visit) -> bool:
    return bool(visit.page.evaluate(IN_VIEW, BAR))  # type: ignore[attr-defined]


def test_typing_a_number_changes_the_self_check_result_in_view(server: Server, phone: Visit):
    page: Any = phone.page
    page.goto(server.url + "/self_check?age=40&strength_days=2&protein_g=60")
    phone.settle()
    assert "Aerobic activity: not met" in bar_text(phone)
    box = page.get_by_label("Moderate minutes a week (brisk walking)")
    box.tap()
    assert bar_in_view(phone)  # while the reader is at the input, the bar is on screen
    before = phone.watch.finished if phone.watch else 0
    box.fill("200")
    box.press("Enter")
    settle_after(phone, before)
    assert "Aerobic activity: meets" in bar_text(phone)
    assert bar_in_view(phone)
    # The input the reader typed in is not hidden under the bar.
    field = box.bounding_box()
    result = page.locator(BAR).bounding_box()
    assert field["y"] + field["height"] <= result["y"] + 1


def test_tapping_the_age_slider_changes_the_projection_result_in_view(server: Server, phone: Visit):
    """A tap on the slider's track, far right: the bar names the new age, on screen."""
    page: Any = phone.page
    page.goto(server.url + "/projection")
    phone.settle()
    assert "At 50," in bar_text(phone)
    thumb = page.get_by_role("slider", name="Age to look at")
    thumb.scroll_into_view_if_needed()
    track = page.locator('[data-testid="stSlider"]').first.bounding_box()
    before = phone.watch.finished if phone.watch else 0
    page.touchscreen.tap(track["x"] + track["width"] * 0.9, track["y"] + track["height"] - 12)
    settle_after(phone, before)
    age = int(float(thumb.input_value()))
    assert age > 80
    assert f"At {age}," in bar_text(phone)
    assert bar_in_view(phone)
    before = phone.watch.finished if phone.watch else 0
    thumb.press("Home")  # and from the keyboard
    settle_after(phone, before)
    assert "At 30," in bar_text(phone)
    assert bar_in_view(phone)


def test_ticking_a_sign_low_in_the_list_shows_the_verdict_in_view(server: Server, phone: Visit):
    """The last group's box, tapped: the verdict (and the box itself) are on screen."""
    page: Any = phone.page
    page.goto(server.url + "/red_flags?country=us")
    phone.settle()
    label = page.get_by_text("Weakness with no other symptoms")
    label.scroll_into_view_if_needed()
    before = phone.watch.finished if phone.watch else 0
    label.tap()
    settle_after(phone, before)
    assert page.get_by_role("checkbox", name="Weakness with no other symptoms").is_checked()
    assert bar_in_view(phone)
    text = bar_text(phone)
    assert "Book an appointment" in text
    assert "Weakness with no other symptoms" in text
    # And an emergency sign ticked there puts the call in view too.
    emergency = page.get_by_text("You cannot move your leg", exact=False).first
    emergency.scroll_into_view_if_needed()
    before = phone.watch.finished if phone.watch else 0
    emergency.tap()
    settle_after(phone, before)
    assert bar_in_view(phone)
    call = page.locator(f"{BAR} a[href='tel:911']")
    assert call.inner_text() == "Tap to call 911"
    assert page.evaluate(IN_VIEW, f"{BAR} a[href='tel:911']")


def test_a_mouse_click_low_in_the_list_shows_the_verdict_in_view(server: Server, visit: Visit):
    """The same with a real mouse click at 390 px: the last box of the last group."""
    page: Any = visit.page
    page.set_viewport_size(PHONE)
    page.goto(server.url + "/red_flags")
    visit.settle()
    flag = redflags.GROUPS[-1].flags[-1]  # the last box of the last group
    box = page.get_by_role("checkbox", name=flag.symptom)
    before = visit.watch.finished if visit.watch else 0
    page.get_by_text(flag.symptom, exact=True).click()  # scrolled to the list's foot first
    settle_after(visit, before)
    assert box.is_checked()
    assert bar_in_view(visit)
    text = bar_text(visit)
    assert redflags.triage([flag.id], "uk").message in text
    assert flag.symptom in text


def test_large_text_from_the_sidebar_is_kept_in_the_share_link(
    server: Server, phone: Visit, browser
):
    page: Any = phone.page
    page.goto(server.url + "/self_check?age=72&moderate=60")
    phone.settle()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
    page.locator('[data-testid="stExpandSidebarButton"]').tap()
    switch = page.get_by_role("switch", name="Large text and high contrast")
    before = phone.watch.finished if phone.watch else 0
    page.get_by_text("Large text and high contrast").tap()
    settle_after(phone, before)
    assert switch.is_checked()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px"
    assert "large=true" in page.url
    page.locator('[data-testid="stSidebarCollapseButton"] button').tap()
    page.wait_for_selector(
        '[data-testid="stSidebar"][data-collapsed="true"]', state="attached", timeout=5000
    )
    page.wait_for_timeout(500)  # the sidebar slides away
    page.get_by_text("Share this view (link and QR code)").tap()
    link = page.locator("code.lme-link").inner_text()
    assert "large=true" in link
    assert "age=72" in link
    fresh = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        other = fresh.new_page()
        watch = RunWatch(other)
        opened = Visit(other, watch=watch)
        other.goto(link)
        other.wait_for_url("**/self_check?**", timeout=20_000)
        opened.settle()
        assert other.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px"
        assert other.get_by_role("switch", name="Large text and high contrast").is_checked()
        assert "At 72" not in other.content()  # a self-check, not the projection
        assert other.get_by_label("Age (years)").input_value() == "72"
    finally:
        fresh.close()


LARGE_CHARTS = [
    ("projection", "/projection?age=80&rate=8&large=true", 1),
    ("projection_bed_rest", "/projection?bedrest_age=67&bedrest_days=10&large=true", 2),
    (
        "self_check",
        "/self_check?age=70&weight=70&moderate=100&vigorous=25&strength_days=1"
        "&balance_days=0&protein_g=60&large=true",
        1,
    ),
    (
        "self_check_zero",
        "/self_check?age=40&moderate=0&vigorous=0&strength_days=0&balance_days=0"
        "&protein_g=0&kidney=true&large=true",
        1,
    ),
    ("screening", "/screening?age=72&sex=female&chair_stands=9&large=true", 1),
    ("plan", "/plan?level=seated&days=mon,wed,fri,sat&minutes=45&age=72&weeks=8&large=true", 1),
]


@pytest.mark.parametrize("width", [390, 768, 1280, 1920])
@pytest.mark.parametrize(
    ("name", "link", "expected"), LARGE_CHARTS, ids=[c[0] for c in LARGE_CHARTS]
)
def test_large_chart_text_is_whole_and_apart(
    server: Server, visit: Visit, name, link, expected, width
):
    """In the large-text mode too, no chart text is cut, clipped or drawn over other text."""
    visit.page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
    drawn = open_charts(visit, server.url + link, expected)
    assert len(drawn) == expected
    found = {d["label"][:60]: problems(d) for d in drawn}
    assert not any(found.values()), found
    # The option is on in the chart itself: its axis labels are drawn at 20 px, not 15.
    sizes = visit.page.evaluate(  # type: ignore[attr-defined]
        '[...document.querySelectorAll(\'[data-testid="stVegaLiteChart"] svg .role-axis-label'
        " text')].map((t) => parseFloat(getComputedStyle(t).fontSize))"
    )
    assert sizes
    assert min(sizes) >= 20, sizes
