"""The room, in Chromium at projector sizes: scenes fit one screen, the QR slide, the keys."""

from __future__ import annotations

import re

import pytest

from lib import content, linkparams, redflags, scenes
from tests.browser.chart_geometry import problems, read_charts
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
    page.locator(selector).first.wait_for(state="attached", timeout=15_000)  # type: ignore[attr-defined]
    return [loc.evaluate(BOX) for loc in page.locator(selector).all()]  # type: ignore[attr-defined]


def _inside(box: list[float], width: int, height: int) -> bool:
    left, top, right, bottom = box
    return left >= 0 and top >= 0 and right <= width and bottom <= height


# What a scene must show on screen: the bar, the page's title, the corner QR code, the
# header of each control folded under the chart ("Change the inputs"), every chart.
CONTROLS = (
    ".st-key-lme_present_bar, h1, .st-key-lme_scene_qr,"
    ' [data-testid="stMainBlockContainer"] [data-testid="stExpander"]'
    ":not(details [data-testid='stExpander']) > details > summary"
)
# Each chart text's font size in pixels (Vega writes it on the element).
FONT_SIZES = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"] svg text')]
  .filter((t) => t.textContent.trim())
  .map((t) => [t.textContent, parseFloat(getComputedStyle(t).fontSize)])"""
# Chart text at least this share of the screen's height: about 19 px on a 720-line screen.
MIN_CHART_TEXT = 0.025
# The warning signs' type: at least this share of the height (20 px at 720 lines).
MIN_SIGN_TEXT = 0.028


def _drawn(visit: Visit) -> None:
    """Wait until every chart is drawn as SVG and has stopped changing size (it is refitted
    to the height the screen leaves it)."""
    page = visit.page
    page.wait_for_function(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
          .filter((c) => c.getBoundingClientRect().height > 0)  // not folded away
          .every((c) => c.querySelector('svg.marks text'))""",
        timeout=15_000,
    )
    before = None
    every = '[data-testid="stVegaLiteChart"] svg.marks, ' + CONTROLS
    for _ in range(20):
        now = page.evaluate(  # type: ignore[attr-defined]
            f"(sel) => [...document.querySelectorAll(sel)].map({BOX})", every
        )
        if now == before:
            return
        before = now
        page.wait_for_timeout(400)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=lambda v: str(v))
def test_every_scene_fits_one_screen_with_a_large_chart_and_a_corner_qr(
    server: Server, visit: Visit, width: int, height: int
):
    """On each scene the bar, the title, the controls' headers, the QR code and every chart
    lie wholly on screen; the charts take over a third of its height."""
    for scene in SCENES:
        _open(visit, f"{server.url}/{scene.path(present=True)}", width, height)
        link = visit.page.locator(".st-key-lme_scene_qr p")  # type: ignore[attr-defined]
        assert link.inner_text().endswith(f"/s/{scene.id}"), scene.id
        if scene.page != "red_flags":  # a checklist, no chart
            _drawn(visit)
        visit.page.screenshot(path=str(SCREENSHOTS / f"room-{scene.id}-{width}x{height}.png"))  # type: ignore[attr-defined]
        for box in _boxes(visit, CONTROLS):
            assert _inside(box, width, height), (scene.id, box)
        if scene.page == "red_flags":
            continue
        charts = _boxes(visit, '[data-testid="stVegaLiteChart"] svg')
        # Only the scene's charts are open: the rest of the page is folded under them.
        shown = [box for box in charts if box[3] > box[1]]
        assert shown, scene.id
        for box in shown:
            assert _inside(box, width, height), (scene.id, box)
            assert box[3] - box[1] >= height / 3, (scene.id, box)


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=lambda v: str(v))
def test_every_scene_chart_draws_its_text_whole_and_large(
    server: Server, visit: Visit, width: int, height: int
):
    """In each chart scene no chart text is cut, clipped or over other text (the self-check's
    row labels too), and all of it is large enough to read from the back of a room."""
    for scene in SCENES:
        if scene.page == "red_flags":
            continue
        _open(visit, f"{server.url}/{scene.path(present=True)}", width, height)
        _drawn(visit)
        for drawn in read_charts(visit.page):
            if drawn["chart"]["bottom"] <= drawn["chart"]["top"]:
                continue  # folded away under the scene's controls
            assert problems(drawn) == [], (scene.id, drawn["label"])
        sizes = visit.page.evaluate(FONT_SIZES)  # type: ignore[attr-defined]
        assert sizes, scene.id
        small = [(text, size) for text, size in sizes if size < MIN_CHART_TEXT * height]
        assert small == [], (scene.id, small)
        if scene.page == "self_check":
            rows = {t["text"] for d in read_charts(visit.page) for t in d["texts"]}
            assert {"Aerobic activity", "Strength training", "Balance activity", "Protein"} <= rows


def _signs_step(visit: Visit, width: int, height: int) -> list[str]:
    """Check one step of the warning-signs scene; return the signs it lists."""
    page = visit.page
    boxes = page.locator(".lme-room-signs > .lme-room-box")  # type: ignore[attr-defined]
    first = boxes.first
    # The emergency line first, with the country's number, above anything else it shows.
    assert first.get_attribute("data-urgency") == "emergency"
    assert first.locator("h2").inner_text().startswith("Call 999 now")
    for box in _boxes(visit, CONTROLS + ", .lme-room-signs"):
        assert _inside(box, width, height), box
    sizes = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.lme-room-box li, .lme-room-box p')]
          .map((e) => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert sizes
    assert min(sizes) >= MIN_SIGN_TEXT * height, sizes
    return [li.inner_text() for li in page.locator(".lme-room-box li").all()]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=lambda v: str(v))
def test_the_warning_signs_scene_steps_through_every_sign_on_one_screen_each(
    server: Server, visit: Visit, width: int, height: int
):
    """Groups by urgency first, then a group a step: each step fits the screen in large
    type with the emergency line first; the clicker moves through them all, then on to the
    quiz; together the steps list every sign of the checklist."""
    scene = next(s for s in SCENES if s.page == "red_flags")
    _open(visit, f"{server.url}/{scene.path(present=True)}", width, height)
    listed: list[str] = []
    steps = 1 + len(redflags.GROUPS)
    for step in range(1, steps + 1):
        assert visit.page.get_by_text(f"step {step} of {steps}").count() == 1  # type: ignore[attr-defined]
        listed += _signs_step(visit, width, height)
        visit.page.screenshot(path=str(SCREENSHOTS / f"room-signs-{step}-{width}x{height}.png"))  # type: ignore[attr-defined]
        if step < steps:
            _press(visit, "PageDown", scene.id)
            visit.page.wait_for_url(re.compile(rf"step={step + 1}(&|$)"), timeout=15_000)  # type: ignore[attr-defined]
            visit.settle()
    for flag in redflags.RED_FLAGS:
        assert any(item.startswith(flag.symptom) for item in listed), flag.id
    _press(visit, "PageUp", scene.id)
    visit.page.wait_for_url(re.compile(rf"step={steps - 1}(&|$)"), timeout=15_000)  # type: ignore[attr-defined]
    visit.page.goto(f"{server.url}/{scene.path(present=True)}&step={steps}")  # type: ignore[attr-defined]
    visit.settle()
    visit.page.keyboard.press("PageDown")  # type: ignore[attr-defined]
    visit.page.wait_for_url(re.compile(r"/quiz\?"), timeout=15_000)  # type: ignore[attr-defined]


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


def test_every_scene_and_step_has_no_axe_violations_of_its_own(server: Server, visit: Visit):
    """axe-core (WCAG 2.2 AA and best practice) finds nothing in the scenes' own markup."""
    from tests.browser.test_axe import our_violations, run_axe

    signs = next(s for s in SCENES if s.page == "red_flags")
    urls = [scene.path(present=True) for scene in SCENES]
    urls += [f"{signs.path(present=True)}&step={step}" for step in (2, 3)]
    for url in urls:
        _open(visit, f"{server.url}/{url}", 1280, 720)
        assert our_violations(visit.page, run_axe(visit)) == [], url
