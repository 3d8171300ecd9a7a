"""The room, in Chromium at projector sizes: scenes fit one screen, the QR slide, the keys."""

from __future__ import annotations

import re

import pytest

from lib import content, linkparams, scenes
from tests.browser.conftest import SCREENSHOTS, Server, Visit
from tests.conftest import CONTENT, ROOT

SCENES = scenes.load_scenes(
    CONTENT / "scenes.yaml",
    content.load_sources(CONTENT / "sources.yaml"),
    [p.stem for p in (ROOT / "pages").glob("*.py")],
)

SCREENS = [(1280, 720), (1920, 1080)]
FIRST = "/projection?age=80&rate=5&measure=mass&present=1&scene=age-30-80"
BOX = "(e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"


def _open(visit: Visit, url: str, width: int, height: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.set_viewport_size({"width": width, "height": height})  # type: ignore[attr-defined]
    visit.page.goto(url)  # type: ignore[attr-defined]
    visit.settle()


def _boxes(visit: Visit, selector: str) -> list[list[float]]:
    page = visit.page
    page.locator(selector).first.wait_for(timeout=15_000)  # type: ignore[attr-defined]
    return [loc.evaluate(BOX) for loc in page.locator(selector).all()]  # type: ignore[attr-defined]


def _inside(box: list[float], width: int, height: int) -> bool:
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=lambda v: str(v))
def test_every_scene_fits_one_screen_with_a_large_chart_and_a_corner_qr(
    server: Server, visit: Visit, width: int, height: int
):
    """Each scene's charts lie wholly on screen, over a third of its height; so does the QR."""
    for scene in SCENES:
        _open(visit, f"{server.url}/{scene.path(present=True)}", width, height)
        (qr,) = _boxes(visit, ".st-key-lme_scene_qr")
        assert _inside(qr, width, height), scene.id
        link = visit.page.locator(".st-key-lme_scene_qr p")  # type: ignore[attr-defined]
        assert link.inner_text().endswith(f"/s/{scene.id}"), scene.id
        visit.page.screenshot(path=str(SCREENSHOTS / f"room-{scene.id}-{width}x{height}.png"))  # type: ignore[attr-defined]
        if scene.page == "red_flags":  # a checklist, no chart
            continue
        charts = _boxes(visit, '[data-testid="stVegaLiteChart"] svg')
        # Only the scene's charts are open: the rest of the page is folded under them.
        shown = [box for box in charts if box[3] > box[1]]
        assert shown, scene.id
        for box in shown:
            assert _inside(box, width, height), (scene.id, box)
            assert box[3] - box[1] >= height / 3, (scene.id, box)


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=lambda v: str(v))
def test_the_qr_slide_takes_half_the_screen(server: Server, visit: Visit, width, height):
    """The bar's "QR code" opens the slide: a code at least half the screen's height, on it."""
    _open(visit, server.url + FIRST, width, height)
    visit.page.get_by_role("link", name="QR code").click()  # type: ignore[attr-defined]
    visit.page.wait_for_url(re.compile(r"/present\?.*qr=1"))  # type: ignore[attr-defined]
    visit.settle()
    (box,) = _boxes(visit, ".st-key-lme_qr_slide .lme-qr-box img")
    assert _inside(box, width, height)
    assert box[3] - box[1] >= height / 2, box
    visit.page.screenshot(path=str(SCREENSHOTS / f"room-qr-{width}x{height}.png"))  # type: ignore[attr-defined]


def _scene(visit: Visit) -> str | None:
    found = re.search(r"[?&]scene=([a-z0-9-]+)", visit.page.url)  # type: ignore[attr-defined]
    return found[1] if found else None


def _press(visit: Visit, key: str, scene: str) -> None:
    visit.page.keyboard.press(key)  # type: ignore[attr-defined]
    visit.page.wait_for_url(re.compile(rf"scene={scene}(&|$)"), timeout=15_000)  # type: ignore[attr-defined]
    visit.settle()


def test_a_clicker_and_the_keys_move_between_scenes(server: Server, visit: Visit):
    """PageDown/PageUp (a clicker), the arrows and the space bar, with no mouse at all."""
    _open(visit, server.url + FIRST, 1280, 720)
    visit.page.locator(".st-key-lme_key_next a").wait_for()  # type: ignore[attr-defined]
    _press(visit, "PageDown", "bed-rest-67")
    _press(visit, "PageUp", "age-30-80")
    _press(visit, "ArrowRight", "bed-rest-67")
    _press(visit, "Space", "strength-vs-muscle")
    _press(visit, "ArrowLeft", "bed-rest-67")
    _press(visit, "ArrowDown", "strength-vs-muscle")
    _press(visit, "ArrowUp", "bed-rest-67")
    assert "present=1" in visit.page.url  # type: ignore[attr-defined]
    # An arrow key on a slider moves the slider, not the scene.
    visit.page.get_by_text("Change the inputs").click()  # type: ignore[attr-defined]
    visit.page.get_by_role("slider").first.focus()  # type: ignore[attr-defined]
    visit.page.keyboard.press("ArrowRight")  # type: ignore[attr-defined]
    visit.settle()
    assert _scene(visit) == "bed-rest-67"


def test_the_notes_open_in_their_own_tab_and_follow_the_projector(
    server: Server, visit: Visit, browser
):
    """Notes are not on the projected scene; the presenter's tab shows them and follows it."""
    _open(visit, server.url + FIRST, 1280, 720)
    projected = visit.page
    assert projected.get_by_text("Ask the class").count() == 0  # type: ignore[attr-defined]
    with projected.expect_popup() as opened:  # type: ignore[attr-defined]
        projected.get_by_role("link", name="Speaker notes").click()  # type: ignore[attr-defined]
    notes = opened.value
    notes.wait_for_load_state()
    notes.get_by_text("Ask the class", exact=False).first.wait_for(timeout=30_000)
    assert notes.get_by_text("Next: Ten days in a hospital bed at 67").count() == 1
    # The presenter moves on in their own tab; the projector follows (same room).
    notes.locator(".st-key-lme_key_next button").click()
    notes.wait_for_url(re.compile(r"scene=bed-rest-67"), timeout=15_000)
    projected.wait_for_url(re.compile(r"/projection\?.*scene=bed-rest-67"), timeout=30_000)  # type: ignore[attr-defined]
    # And the other way: a clicker on the projected tab moves the notes.
    visit.settle()
    _press(visit, "PageDown", "strength-vs-muscle")
    notes.wait_for_url(re.compile(r"scene=strength-vs-muscle"), timeout=30_000)


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=lambda v: str(v))
def test_the_quiz_in_class_votes_then_reveals_from_the_clicker(
    server: Server, visit: Visit, width: int, height: int
):
    """One question a screen, its choices on screen; PageDown reveals, then moves on."""
    _open(visit, f"{server.url}/quiz?present=1", width, height)
    page = visit.page
    right = page.locator("li.lme-quiz-right")  # type: ignore[attr-defined]
    assert page.get_by_text("Question 1 of 15").count() == 1  # type: ignore[attr-defined]
    assert right.count() == 0
    for box in _boxes(visit, ".lme-quiz-options li"):
        assert _inside(box, width, height), box
    page.keyboard.press("PageDown")  # type: ignore[attr-defined]
    right.wait_for(timeout=15_000)
    assert "150 to 300 minutes of moderate activity" in right.inner_text()
    assert "Fact ids" not in page.inner_text("body")  # type: ignore[attr-defined]
    page.screenshot(path=str(SCREENSHOTS / f"room-quiz-revealed-{width}x{height}.png"))  # type: ignore[attr-defined]
    page.keyboard.press("PageDown")  # type: ignore[attr-defined]
    page.get_by_text("Question 2 of 15").wait_for(timeout=15_000)  # type: ignore[attr-defined]
    visit.settle()
    assert right.count() == 0
    page.keyboard.press("PageUp")  # type: ignore[attr-defined]
    page.get_by_text("Question 1 of 15").wait_for(timeout=15_000)  # type: ignore[attr-defined]
    right.wait_for(timeout=15_000)  # still revealed


def test_a_short_link_opens_its_scene_view(server: Server, visit: Visit):
    """`/s/<scene>` (the corner QR) opens the scene's own view, without presenter mode."""
    for scene in SCENES[:2]:
        visit.page.goto(f"{server.url}/s/{scene.id}")  # type: ignore[attr-defined]
        visit.page.wait_for_url(re.compile(rf"/{scene.page}(\?|$)"))  # type: ignore[attr-defined]
        visit.settle()
        url = visit.page.url  # type: ignore[attr-defined]
        for key, value in linkparams.canonical(scene.page, scene.query):  # defaults left out
            assert f"{key}={value}" in url, (scene.id, key, url)
        assert "present" not in url
    visit.page.goto(f"{server.url}/s/no-such-scene")  # type: ignore[attr-defined]
    visit.page.wait_for_url(re.compile(r"/present"))  # type: ignore[attr-defined]
