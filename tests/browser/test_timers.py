"""The home tests' timers in Chromium, by clicking: the count-down, the holds, the stopwatch.

Playwright's clock (`page.clock`) stands in for the browser's time, so a 30-second test
takes no 30 seconds and nothing here waits on real time: the clock is run forward and the
page is read. Each timer writes its result into the page's input, and from there into the
verdict and the address bar.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import Server, Visit
from tests.browser.test_browser import foreign_requests


def timer(visit: Visit, kind: str):
    return visit.page.locator(f'.lme-timer[data-kind="{kind}"]')


def open_screening(server: Server, visit: Visit, query: str = "age=72&sex=female"):
    page = visit.page
    page.clock.install()
    page.goto(f"{server.url}/screening?{query}")
    visit.settle()
    # From here the page's time moves only when a test runs the clock forward.
    page.clock.pause_at(page.evaluate("Date.now()") + 1_000)
    return page


def settle(visit: Visit) -> None:
    """Let time flow again and wait for the run the timer's result started."""
    visit.page.clock.resume()
    visit.settle()


def link(visit: Visit) -> dict[str, list[str]]:
    return parse_qs(urlsplit(visit.page.url).query)


def test_chair_stand_counts_taps_for_30_seconds_then_writes_the_count(server, visit):
    """Start, 9 taps, 30 s on the clock: it beeps, says so, and 9 goes into the input."""
    page = open_screening(server, visit)
    box = timer(visit, "countdown")
    box.scroll_into_view_if_needed()
    assert "someone stand beside you" in box.locator(".lme-safety").inner_text()
    box.get_by_role("button", name="Start the 30 seconds").click()
    assert box.get_attribute("data-phase") == "running"
    tap = box.get_by_role("button", name="Tap for each full stand")
    for _ in range(9):
        tap.click()
    assert box.locator(".lme-count").inner_text() == "9 stands"
    page.clock.run_for(29_000)
    assert box.get_attribute("data-phase") == "running"
    assert box.get_attribute("data-beeps") is None
    page.clock.run_for(1_500)
    assert box.get_attribute("data-phase") == "done"
    assert box.get_attribute("data-beeps") == "1"
    assert tap.count() == 0  # no counting after the end
    assert "Time is up: 9 stands" in box.locator(".lme-end").inner_text()
    settle(visit)
    field = page.get_by_role("spinbutton", name="Full stands in 30 seconds")
    assert field.input_value() == "9"
    assert link(visit).get("chair_stands") == ["9"]
    assert page.get_by_text("30-second chair stand (9 stands)", exact=False).count() == 1
    assert foreign_requests(visit) == []
    assert page.locator('[data-testid="stException"]').count() == 0


def test_chair_stand_reset_before_the_end_writes_nothing(server, visit):
    page = open_screening(server, visit)
    box = timer(visit, "countdown")
    box.get_by_role("button", name="Start the 30 seconds").click()
    box.get_by_role("button", name="Tap for each full stand").click()
    box.get_by_role("button", name="Stop and start again").click()
    page.clock.run_for(31_000)
    assert box.get_attribute("data-phase") == "ready"
    assert box.locator(".lme-count").inner_text() == "0 stands"
    assert "chair_stands" not in link(visit)


def test_balance_holds_two_stages_then_fails_the_third(server, visit):
    """Stages 1 and 2 held for 10 s each (a beep each), stage 3 lost: stage 2 is written."""
    page = open_screening(server, visit)
    box = timer(visit, "holds")
    box.scroll_into_view_if_needed()
    for stage in (1, 2):
        box.get_by_role("button", name=f"Start holding stage {stage}").click()
        page.clock.run_for(9_000)
        assert box.get_attribute("data-held") == str(stage - 1)
        page.clock.run_for(1_200)
        assert box.get_attribute("data-held") == str(stage)
        assert box.get_attribute("data-beeps") == str(stage)
    assert "Stage 3: Tandem stand" in box.inner_text()
    box.get_by_role("button", name="Start holding stage 3").click()
    page.clock.run_for(4_000)
    box.get_by_role("button", name="My feet moved, or I held on").click()
    assert box.get_attribute("data-phase") == "done"
    assert "last stage held was stage 2" in box.locator(".lme-end").inner_text()
    settle(visit)
    assert link(visit).get("balance_stage") == ["2"]
    assert page.get_by_text("4-stage balance test (2 of 4 stages held)", exact=False).count() == 1


def test_tug_stopwatch_writes_the_time_to_the_tenth(server, visit):
    """Start, 13.04 s on the clock, Stop: 13 s goes into the input and the fall-risk verdict."""
    page = open_screening(server, visit)
    box = timer(visit, "stopwatch").first
    box.scroll_into_view_if_needed()
    box.get_by_role("button", name="Start the stopwatch").click()
    page.clock.run_for(13_040)
    box.get_by_role("button", name="Stop: sat down again").click()
    assert box.get_attribute("data-phase") == "done"
    assert "13 seconds" in box.locator(".lme-end").inner_text()
    settle(visit)
    assert link(visit).get("tug_s") == ["13"]
    field = page.get_by_role("spinbutton", name="Timed Up and Go (seconds)")
    assert float(field.input_value()) == 13.0


def test_sit_to_stand_stopwatch_writes_its_own_input(server, visit):
    page = open_screening(server, visit)
    box = timer(visit, "stopwatch").nth(1)
    box.scroll_into_view_if_needed()
    box.get_by_role("button", name="Start the stopwatch").click()
    page.clock.run_for(16_260)
    box.get_by_role("button", name="Stop: fifth stand done").click()
    settle(visit)
    assert link(visit).get("sts5_s") == ["16.3"]
    assert "tug_s" not in link(visit)


def test_screening_shows_the_emergency_line_as_a_tap_to_call_link_above_the_title(server, visit):
    """A US reader standing up for a test sees 911 first, as a link a phone can call."""
    page = visit.page
    page.goto(f"{server.url}/screening?country=us&age=72")
    visit.settle()
    call = page.locator('a[href="tel:911"]').first
    title = page.get_by_role("heading", name="Strength and balance screening")
    assert call.bounding_box()["y"] < title.bounding_box()["y"]
    assert page.locator('a[href="tel:999"]').count() == 0
    assert page.get_by_role("link", name="Tap to call 911").count() == 1


def test_emergency_numbers_are_links_on_the_home_page(server, visit):
    page = visit.page
    page.goto(server.url)
    visit.settle()
    hrefs = page.eval_on_selector_all('a[href^="tel:"]', "els => els.map(e => e.textContent)")
    assert {"999", "911", "112"} <= set(hrefs)
