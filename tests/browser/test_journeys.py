"""The three readers' journeys, by clicking and typing in Chromium, as a person would.

Each ends in a fresh browser context (no cookies, no session) that opens the link the reader
would pass on (the copied share link, the link in a calendar event, the decoded QR code of
a scene or of a printed handout) and sees the same view. Along the way the address bar must
hold the README's codes, never an option's label.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import icalendar
import zxingcpp
from PIL import Image

from lib import linkparams
from tests.browser.conftest import SETTLED, Server, Visit, screenshot, streamlit_server
from tests.browser.test_browser import assert_page_is_whole, foreign_requests

OPTIONS = [
    getattr(param, "options", {}) for params in linkparams.PAGES.values() for param in params
]
CODES = {code.casefold() for options in OPTIONS for code in options}
# An option's label where it is not also a code ("Seated or lying", "US 2018", "Saturday").
LABELS = {
    label.casefold()
    for options in OPTIONS
    for label in options.values()
    if label.casefold() not in CODES
}


def act(visit: Visit, action: Callable[[], Any]) -> None:
    """Do something that reruns the page, and wait until that run has finished."""
    assert visit.watch is not None
    before = visit.watch.finished
    action()
    deadline = time.monotonic() + 30
    while visit.watch.finished == before:
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not rerun within 30 s")
        visit.page.wait_for_timeout(20)  # type: ignore[attr-defined]
    visit.settle()


def pick(page: Any, group: str, option: str) -> Any:
    """The option `option` of the segmented control or pills labelled `group`."""
    return page.locator(f'[data-testid="stButtonGroup"] [aria-label="{group}"]').get_by_text(
        option, exact=True
    )


def slider_value(page: Any, label: str) -> str:
    return str(page.get_by_role("slider", name=label).input_value())


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query, keep_blank_values=True)


def assert_codes_only(url: str) -> None:
    """No value in the link is an option's label where the README documents a code."""
    for key, values in query(url).items():
        for value in values:
            assert value.casefold() not in LABELS, f"{key}={value} is a label, not a code: {url}"


def copied_link(page: Any) -> str:
    """The link in "Share this view", as a reader copies it."""
    panel = page.get_by_text("Share this view (link and QR code)")
    if (
        page.locator("code.lme-link").count() == 0
        or not page.locator("code.lme-link").first.is_visible()
    ):
        panel.click()
    link = page.locator("code.lme-link").first
    link.wait_for(state="visible")
    return str(link.inner_text())


def decode_qr(locator: Any, page: Any) -> str:
    """The text of the QR code inside `locator`, read from a screenshot as a phone would."""
    locator.scroll_into_view_if_needed()
    for _ in range(20):
        found = [
            r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(locator.screenshot())))
        ]
        if found:
            assert len(found) == 1, found
            return str(found[0])
        page.wait_for_timeout(300)
    raise AssertionError("no QR code could be read")


def fresh_page(browser: Any, url: str) -> Any:
    """`url` opened in a new browser context, after its first script run has finished."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(SETTLED, timeout=30_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(SETTLED, timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    notes = page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert not any("link's value" in n or "the link asked for" in n for n in notes), notes
    return page


def summary_of(page: Any) -> str:
    return str(page.locator("p", has_text="In short:").first.inner_text())


def test_patient_journey(server: Server, visit: Visit, browser):
    """Home, the warning signs, the self-check typed in, "build a weekly plan" at the same
    age, and the calendar whose events link back to that same plan."""
    page = visit.page
    page.goto(server.url)
    visit.settle()
    act(
        visit,
        lambda: page.get_by_role(
            "link", name="Warning signs that need a doctor", exact=True
        ).click(),
    )
    assert urlparse(page.url).path == "/seek_care"
    act(visit, lambda: page.locator('[data-testid="stSidebarNav"] a[href$="/self_check"]').click())
    assert urlparse(page.url).path == "/self_check"

    def type_into(label: str, text: str) -> None:
        box = page.get_by_label(label, exact=True)
        box.fill(text)
        act(visit, lambda: box.press("Enter"))

    type_into("Age (years)", "72")
    type_into("Moderate minutes a week (brisk walking)", "60")
    type_into("Strength-training days a week", "1")
    act(visit, lambda: pick(page, "Guideline", "US 2018").click())
    address = query(page.url)
    assert address["age"] == ["72"]
    assert address["moderate"] == ["60"]
    assert address["guideline"] == ["us"]  # the code, not "US 2018"
    assert_codes_only(page.url)

    act(visit, lambda: page.get_by_role("link", name=re.compile("Build a weekly plan")).click())
    assert urlparse(page.url).path == "/plan"
    assert query(page.url)["age"] == ["72"]
    assert slider_value(page, "Age (years)") == "72"
    act(visit, lambda: pick(page, "Days you can exercise", "Saturday").click())
    assert query(page.url)["days"] == ["mon", "tue", "wed", "thu", "fri", "sat"]
    assert_codes_only(page.url)
    summary = summary_of(page)
    assert "balance" in summary.casefold()  # 72: balance work is in the plan
    shared = copied_link(page)
    assert query(shared) == query(page.url)
    # Served on localhost, as from a laptop: the reader is told a phone cannot open it.
    assert page.get_by_text("This link only works on this computer").count() == 1

    with page.expect_download() as info:
        page.locator(
            '[data-testid="stDownloadButton"] button', has_text="Add to your calendar"
        ).click()
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
    in_events = {
        line.removeprefix("Your plan: ")
        for event in calendar.walk("VEVENT")
        for line in str(event["description"]).splitlines()
        if line.startswith("Your plan: ")
    }
    assert in_events == {shared}, in_events
    screenshot(visit, "journey_patient_plan")
    assert foreign_requests(visit) == []

    other = fresh_page(browser, next(iter(in_events)))
    try:
        assert summary_of(other) == summary
        assert slider_value(other, "Age (years)") == "72"
        assert query(other.url) == query(shared)
    finally:
        other.context.close()


def test_educator_journey(server: Server, visit: Visit, browser):
    """Present, next, next, open the scene (still in presenter mode), then the quiz; the
    scene's QR code, decoded, opens the same scene on a phone."""
    page = visit.page
    page.goto(f"{server.url}/present")
    visit.settle()
    act(visit, lambda: page.get_by_text("Presenter mode (big type, no menu)").click())
    assert query(page.url)["present"] == ["true"]
    for _ in range(2):
        act(visit, lambda: page.get_by_role("button", name="Next").click())
    assert query(page.url)["scene"] == ["strength-vs-muscle"]
    code = decode_qr(page.locator(".lme-qr-box").first, page)
    assert_codes_only(code)

    act(visit, lambda: page.get_by_role("link", name=re.compile("^Open the scene")).click())
    assert urlparse(page.url).path == "/projection"
    assert query(page.url)["present"] == ["1"]  # still presenting
    # A scene's type follows the screen's height (ui.present.SCENE_CSS): above 16 px.
    page.wait_for_function("parseFloat(getComputedStyle(document.documentElement).fontSize) > 18")
    assert page.locator('[data-testid="stSidebar"]').is_hidden()
    shown = {k: v for k, v in query(page.url).items() if k not in linkparams.PRESENTING}
    assert shown == query(code)
    # On the projector the chart's words are folded under it ("The chart in words").
    page.get_by_text("The chart in words").click()
    words = page.locator('[data-testid="stExpander"]', has_text="The chart in words")
    chart_words = str(words.locator("p").last.inner_text())

    act(visit, lambda: page.get_by_role("link", name="All scenes").click())
    act(visit, lambda: page.get_by_role("link", name=re.compile("the quiz")).click())
    assert urlparse(page.url).path == "/quiz"
    assert query(page.url)["present"] == ["1"]
    assert page.get_by_role("heading", name=re.compile("Quiz")).count() >= 1
    screenshot(visit, "journey_educator_quiz")

    phone = fresh_page(browser, code)
    try:
        assert urlparse(phone.url).path == "/projection"
        phone_words = str(phone.locator("p", has_text="In words:").first.inner_text())
        assert phone_words == f"In words: {chart_words}"
    finally:
        phone.context.close()


def test_clinician_journey(server: Server, visit: Visit, browser):
    """A handout with several sections and several days, downloaded, its printed QR code
    decoded and opened: the same sections and days."""
    page = visit.page
    page.goto(f"{server.url}/handout")
    visit.settle()
    # The README's example handout: screening results and a plan, not the self-check (with
    # the self-check too, the handout runs on to a second page rather than into small type).
    for section in ("Self-check results", "Screening results", "A weekly plan"):
        act(visit, lambda s=section: pick(page, "Sections", s).click())
    stands = page.get_by_label("Full stands in 30 seconds", exact=True)
    stands.fill("9")
    act(visit, lambda: stands.press("Enter"))
    act(visit, lambda: pick(page, "Where you start", "Seated or lying").click())
    for day in ("Tuesday", "Thursday"):
        act(visit, lambda d=day: pick(page, "Days you can exercise", d).click())
    address = query(page.url)
    assert address["sections"] == ["screening", "plan", "redflags"]
    assert address["days"] == ["mon", "wed", "fri"]
    assert address["level"] == ["seated"]
    assert address["chair_stands"] == ["9"]
    assert_codes_only(page.url)
    shared = copied_link(page)
    assert query(shared) == address

    with page.expect_download() as info:
        page.locator(
            '[data-testid="stDownloadButton"] button', has_text="Download the handout (PDF"
        ).click()
    printed = Path(info.value.path()).read_bytes()
    assert printed.startswith(b"%PDF")
    import pypdfium2
    import zxingcpp

    sheet = pypdfium2.PdfDocument(printed)
    assert len(sheet) == 1
    codes = zxingcpp.read_barcodes(sheet[0].render(scale=3).to_pil())
    assert len(codes) == 1
    code = codes[0].text
    assert code == shared
    held = page.locator(
        '[data-testid="stMarkdown"]', has_text="The handout holds"
    ).first.inner_text()
    assert_page_is_whole(visit)

    other = fresh_page(browser, code)
    try:
        holds = other.locator('[data-testid="stMarkdown"]', has_text="The handout holds")
        assert holds.first.inner_text() == held
        assert query(other.url) == address
    finally:
        other.context.close()


def test_links_use_the_public_address_when_one_is_set(browser, tmp_path):
    """With EXPLORER_PUBLIC_URL set, the share link and QR code use it, with no localhost note."""
    public = "http://192.0.2.10:8501"
    with streamlit_server(tmp_path, env={"EXPLORER_PUBLIC_URL": public}) as running:
        page = fresh_page(browser, f"{running.url}/plan?days=mon,sat&level=Seated+or+lying")
        try:
            assert query(page.url) == {"days": ["mon", "sat"], "level": ["seated"]}
            link = copied_link(page)
            assert link == f"{public}/p/plan?level=seated&days=mon&days=sat"
            assert decode_qr(page.locator(".lme-qr-box").first, page) == link
            assert page.get_by_text("This link only works on this computer").count() == 0
        finally:
            page.context.close()
