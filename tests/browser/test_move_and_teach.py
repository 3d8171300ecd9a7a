"""The exercise library, the plan, presenter mode, the quiz and QR codes in a real Chromium."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from PIL import Image

from lib import content, linkparams, scenes
from tests.browser.conftest import Server, Visit, screenshot
from tests.browser.test_browser import assert_page_is_whole, foreign_requests
from tests.conftest import CONTENT, ROOT


def test_plan_deep_link(server: Server, visit: Visit):
    """A shared plan link opens with its inputs, a week grid and the stop rules first."""
    page = visit.page
    page.goto(f"{server.url}/plan?level=seated&days=mon,wed,fri,sat&minutes=45&age=72&weeks=6")
    visit.settle()
    assert_page_is_whole(visit)
    assert page.get_by_text("A 6-week plan").count() >= 1
    rows = page.locator("table", has_text="Your plan, week by week").locator("tbody tr")
    rows.nth(5).wait_for()
    assert rows.count() == 6
    # The address bar keeps every input in the README's codes (a comma-separated link is
    # written back with the key repeated), so a copied link or the QR code reopens this plan.
    query = parse_qs(urlparse(page.url).query)
    assert query["level"] == ["seated"]
    assert query["days"] == ["mon", "wed", "fri", "sat"]
    assert query["weeks"] == ["6"]
    alerts = page.locator('[data-testid="stAlert"]')
    assert "chest pain" in alerts.first.inner_text()
    assert (
        page.locator(
            '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
        ).count()
        >= 1
    )
    screenshot(visit, "plan_deep_link")
    assert foreign_requests(visit) == []


def test_exercise_diagrams_are_drawn_by_the_app(server: Server, visit: Visit):
    """Each exercise card shows an inline SVG diagram with a name for screen readers."""
    page = visit.page
    page.goto(f"{server.url}/exercises?kind=strength&level=seated")
    visit.settle()
    assert_page_is_whole(visit)
    figures = page.locator('img[src^="data:image/svg+xml"][alt^="Diagram of the"]')
    cards = page.locator('[data-testid="stHeading"] h2')  # each card is titled by an h2
    assert cards.count() >= 4
    assert figures.count() >= cards.count()
    assert page.locator("img").count() == 0 or all(
        (page.locator("img").nth(i).get_attribute("src") or "").startswith(
            ("data:", "/", "http://localhost")
        )
        for i in range(page.locator("img").count())
    )
    screenshot(visit, "exercises_seated")
    assert foreign_requests(visit) == []


def test_share_panel_qr_code_reads_back_as_the_page_link(server: Server, visit: Visit):
    """The QR code on the page, as the browser draws it, decodes to this view's link."""
    page = visit.page
    page.goto(f"{server.url}/projection?age=80&rate=6")
    visit.settle()
    page.get_by_text("Share this view").click()
    box = page.locator(".lme-qr-box").first
    box.wait_for(state="visible")
    page.wait_for_function(
        "() => { const i = document.querySelector('.lme-qr-box img');"
        " return i && i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 100; }"
    )
    decoded: list[str] = []
    for _ in range(10):  # the expander may still be opening: read until the code is whole
        image = Image.open(io.BytesIO(box.screenshot()))
        decoded = [r.text for r in zxingcpp.read_barcodes(image)]
        if decoded:
            break
        page.wait_for_timeout(300)
    assert len(decoded) == 1
    link = urlparse(decoded[0])
    assert link.path == "/p/projection"  # the view's link preview, which goes on to it
    assert parse_qs(link.query)["age"] == ["80"]
    assert parse_qs(link.query)["rate"] == ["6.0"] or parse_qs(link.query)["rate"] == ["6"]
    # The same link is written out beside the code, and one click selects all of it to copy.
    shown = page.locator("code.lme-link").first
    assert shown.inner_text() == decoded[0]
    shown.click()
    assert page.evaluate("() => window.getSelection().toString()") == decoded[0]


def test_presenter_mode_hides_the_menu_and_enlarges_type(server: Server, visit: Visit):
    """present=1 hides the sidebar, sets large type and offers the next scene."""
    page = visit.page
    page.goto(f"{server.url}/projection?age=80&rate=5&measure=mass&present=1&scene=age-30-80")
    visit.settle()
    # Bounded waits for the final state: a link value written back may cost one more run.
    page.locator('[data-testid="stSidebar"]').wait_for(state="hidden", timeout=15_000)
    # On a scene the type follows the screen's height (ui.present.SCENE_CSS): larger than 16 px.
    page.wait_for_function(
        "parseFloat(getComputedStyle(document.documentElement).fontSize) > 18", timeout=15_000
    )
    next_link = page.get_by_role("link", name=re.compile("Next: Ten days in a hospital bed at 67"))
    assert next_link.count() == 1
    screenshot(visit, "present_mode")
    next_link.click()
    page.wait_for_url("**/projection?*bedrest_days=10*")
    visit.settle()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Days in bed").count() >= 1


def test_quiz_answer_shows_its_explanation(server: Server, visit: Visit):
    """Choosing an answer shows whether it is right and the explanation with its source."""
    page = visit.page
    page.goto(f"{server.url}/quiz")
    visit.settle()
    first = page.locator('[data-testid="stRadio"]').first
    first.get_by_text("150 to 300 minutes of moderate activity", exact=False).click()
    visit.settle()
    assert page.get_by_text("Right.", exact=True).count() == 1
    assert page.locator(".sources a[href^='http']").count() >= 1
    assert page.get_by_text("You got 1 of 15 right.", exact=False).count() == 1


def test_a_link_copied_from_the_address_bar_reopens_the_same_choices(
    server: Server, visit: Visit, browser
):
    """Choices written to the URL by clicking (as codes) reopen the same view, no note."""
    page = visit.page
    page.goto(f"{server.url}/plan")
    visit.settle()
    page.get_by_text("Seated or lying", exact=True).first.click()
    visit.settle()
    page.get_by_text("Saturday", exact=True).first.click()
    visit.settle()
    copied = page.url
    assert parse_qs(urlparse(copied).query)["level"] == ["seated"]
    assert parse_qs(urlparse(copied).query)["days"] == ["mon", "tue", "wed", "thu", "fri", "sat"]
    fresh = browser.new_context().new_page()
    try:
        fresh.goto(copied)
        fresh.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000
        )
        assert fresh.locator('[data-testid="stException"]').count() == 0
        notes = fresh.locator('[data-testid="stAlert"]').all_inner_texts()
        assert not any("link's value" in n for n in notes), notes
        summary = fresh.get_by_text("An 8-week plan", exact=False).first.inner_text()
        assert "seated or lying" in summary
        assert "Saturday" in summary  # a day from the link (Mon-Fri plus Saturday)
    finally:
        fresh.context.close()


def test_moving_between_pages_keeps_every_page_whole(server: Server, visit: Visit):
    """Going self-check, handout, self-check, plan, exercises, plan by the menu never breaks."""
    page = visit.page
    page.goto(f"{server.url}/self_check")
    visit.settle()
    for target in ("handout", "self_check", "plan", "exercises", "plan", "present"):
        page.locator(f'[data-testid="stSidebarNav"] a[href$="/{target}"]').click()
        page.wait_for_url(re.compile(rf"/{target}(\?.*)?$"))
        visit.settle()
        assert_page_is_whole(visit)


def test_plan_downloads_a_calendar_that_parses(server: Server, visit: Visit):
    """The .ics a reader downloads parses, one event per planned day, with the stop rule."""
    import icalendar

    page = visit.page
    page.goto(f"{server.url}/plan?level=seated&days=mon,wed,fri&minutes=60&age=60&weeks=4")
    visit.settle()
    buttons = page.locator('[data-testid="stDownloadButton"] button')
    with page.expect_download() as info:
        buttons.filter(has_text="Add to your calendar").click()
    data = Path(info.value.path()).read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 4 * 3
    assert all("chest pain" in str(e["description"]) for e in events)
    with page.expect_download() as info:  # straight after: a download must not rerun the page
        buttons.filter(has_text="printable summary").click()
    html = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Your weekly leg plan" in html
    assert "<svg" in html  # the QR code back to the plan


def test_a_corrected_link_value_is_written_back(server: Server, visit: Visit):
    """?age=150 shows 100 with a note, and the address bar then says 100, not nothing."""
    page = visit.page
    page.goto(f"{server.url}/projection?age=150&measure=us")
    visit.settle()
    assert page.get_by_text("the link asked for", exact=False).count() >= 1
    page.wait_for_url(re.compile(r"age=100"))
    assert parse_qs(urlparse(page.url).query)["age"] == ["100"]


SCENES = scenes.load_scenes(
    CONTENT / "scenes.yaml",
    content.load_sources(CONTENT / "sources.yaml"),
    [p.stem for p in (ROOT / "pages").glob("*.py")],
)


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.id)
def test_every_scene_opens_in_the_browser_with_its_inputs(server: Server, visit: Visit, scene):
    """Each presenter scene's link opens whole, refuses none of its values, keeps them all."""
    page = visit.page
    page.goto(f"{server.url}/{scene.path(present=True)}")
    visit.settle()
    assert_page_is_whole(visit)
    notes = page.locator('[data-testid="stAlert"]').all_inner_texts()
    assert not any("link's value" in n or "the link asked for" in n for n in notes), notes
    kept = parse_qs(urlparse(page.url).query)
    # A value equal to its input's default leaves the address bar; every other value stays,
    # in its code, so the class's QR code (the same canonical link) opens the same scene.
    expected = linkparams.canonical(scene.page, scene.query)
    assert {k: v for k, v in kept.items() if k not in linkparams.PRESENTING} == {
        key: [value for k, value in expected if k == key] for key, _ in expected
    }, page.url
    assert foreign_requests(visit) == []
