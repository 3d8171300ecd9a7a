"""What a person sees, in a real Chromium: every page, no errors, nothing from other hosts."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import Server, Visit, screenshot, streamlit_server

FOOTER = "Educational, not medical advice."
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
# Streamlit probes <page>/_stcore/health and <page>/_stcore/host-config on nested URLs and
# logs the 404s to the console; those are Streamlit's own and expected.
EXPECTED_404_PROBES = ("/_stcore/health", "/_stcore/host-config")


def unexpected_console_errors(visit: Visit) -> list[str]:
    return [e for e in visit.console_errors if not any(p in e for p in EXPECTED_404_PROBES)]


def foreign_requests(visit: Visit) -> list[str]:
    return [
        url
        for url in visit.requests
        if urlparse(url).scheme not in {"data", "blob"}
        and urlparse(url).hostname not in LOCAL_HOSTS
    ]


def assert_page_is_whole(visit: Visit) -> None:
    """No exception box, a heading, and the footer with its link to care."""
    page = visit.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip()
    assert page.get_by_text(FOOTER).count() == 1
    assert page.get_by_role("link", name="When to seek care").count() >= 1


def test_every_page_from_the_navigation(server: Server, visit: Visit):
    """Clicking through the navigation opens every page whole, with nothing foreign loaded."""
    page = visit.page
    page.goto(server.url)
    visit.settle()
    assert_page_is_whole(visit)
    screenshot(visit, "home")

    nav = page.locator('[data-testid="stSidebarNav"] a')
    hrefs = [nav.nth(i).get_attribute("href") for i in range(nav.count())]
    assert len(hrefs) >= 9, hrefs
    for href in hrefs:
        page.locator(f'[data-testid="stSidebarNav"] a[href="{href}"]').click()
        # Pages with inputs add their current values to the address (?age=50).
        page.wait_for_url(re.compile(re.escape(href) + r"(\?.*)?$"))
        visit.settle()
        assert_page_is_whole(visit)
        screenshot(visit, urlparse(page.url).path.strip("/") or "home")

    assert foreign_requests(visit) == [], sorted(set(foreign_requests(visit)))
    assert unexpected_console_errors(visit) == []


def test_sections_are_grouped_in_the_navigation(server: Server, visit: Visit):
    """The navigation shows its section headings."""
    visit.page.goto(server.url)
    visit.settle()
    nav = visit.page.locator('[data-testid="stSidebarNav"]').inner_text()
    for section in ("Start", "Learn", "About"):
        assert section in nav


def test_article_shows_sources_and_callouts(server: Server, visit: Visit):
    """An article shows its emergency callout and ends with linked, numbered sources."""
    visit.page.goto(f"{server.url}/seek_care")
    visit.settle()
    article = visit.page.locator(".lme-article")
    assert article.locator(".admonition.danger").count() >= 1
    assert article.locator(".sources ol li").count() >= 3
    first_citation = article.locator("sup.cite a").first
    assert first_citation.get_attribute("href") == "#src-1"
    assert visit.page.locator("#src-1 a").first.get_attribute("href").startswith("http")
    danger = article.locator(".admonition.danger").first
    for number in ("999", "911", "112"):  # emergency numbers are links a phone can call
        assert danger.locator(f'a[href="tel:{number}"]').count() >= 1


def test_glossary_deep_link_filters(server: Server, visit: Visit):
    """Opening /glossary?q=claudication shows that word's definition."""
    visit.page.goto(f"{server.url}/glossary?q=claudication")
    visit.settle()
    terms = visit.page.locator(".lme-glossary dt")
    assert terms.count() >= 1
    assert "laudication" in terms.first.inner_text()
    assert visit.page.get_by_label("Find a word").input_value() == "claudication"


def test_deep_link_as_the_first_request_to_a_fresh_server(browser, tmp_path_factory):
    """A shared link opened before anyone visits the home page still gets nav and footer.

    Regression test: with a folder named pages/, Streamlit runs a deep-linked page without
    app.py until st.navigation has run once in the process (see ui.chrome.require_router).
    """
    with streamlit_server(tmp_path_factory.mktemp("fresh")) as fresh:
        context = browser.new_context()
        page = context.new_page()
        visit = Visit(page)
        page.goto(f"{fresh.url}/causes")
        visit.settle()
        assert page.get_by_text(FOOTER).count() == 1
        assert "Learn" in page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "causes" in page.locator("h1").first.inner_text().lower()
        context.close()


@pytest.fixture(scope="module")
def broken_server(browser, tmp_path_factory):
    """The app over a copy of the content with one broken article and one hostile one."""
    import shutil

    from tests.conftest import CONTENT

    tmp = tmp_path_factory.mktemp("broken")
    content = tmp / "content"
    shutil.copytree(CONTENT, content)
    (content / "020-consequences.md").write_text("---\ntitle: [unclosed\n---\n", "utf-8")
    causes = content / "010-causes.md"
    attack = '\n<img src=x onerror="alert(1)">\n\n<script>alert(2)</script>\n'
    causes.write_text(causes.read_text("utf-8") + attack, "utf-8")
    with streamlit_server(tmp, env={"EXPLORER_CONTENT_DIR": str(content)}) as running:
        yield running


def test_broken_article_errors_on_its_own_page_only(broken_server: Server, visit: Visit):
    """The broken article's page names the file; the other pages carry on."""
    page = visit.page
    page.goto(f"{broken_server.url}/consequences")
    visit.settle()
    alert = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "020-consequences.md" in alert
    assert page.get_by_text(FOOTER).count() == 1

    page.goto(f"{broken_server.url}/prevention")
    visit.settle()
    assert page.locator('[data-testid="stAlert"]').count() == 0
    assert page.locator(".lme-article .sources li").count() > 0


def test_injected_html_is_shown_as_text_and_never_runs(broken_server: Server, visit: Visit):
    """An <img onerror> or <script> written into an article shows as text; no dialog opens."""
    page = visit.page
    page.goto(f"{broken_server.url}/causes")
    visit.settle()
    page.wait_for_timeout(500)
    assert visit.dialogs == []
    # The only images are the project's own callout icons (data: URIs), never the injected one.
    assert page.locator(".lme-article img:not(.lme-icon)").count() == 0
    sources = page.locator(".lme-article img").evaluate_all("(imgs) => imgs.map((i) => i.src)")
    assert all(src.startswith("data:image/svg+xml;base64,") for src in sources)
    assert page.locator(".lme-article script").count() == 0
    assert page.get_by_text('<img src=x onerror="alert(1)">').count() == 1


def test_projection_deep_link_shows_the_summary(server: Server, visit: Visit):
    """/projection?age=80&rate=8 shows that view's summary sentence and draws the chart."""
    page = visit.page
    page.goto(f"{server.url}/projection?age=80&rate=8")
    visit.settle()
    # Once under the chart ("In words"), once in the result bar that stays in view.
    sentence = "At 80, someone on this path keeps about 64% of the leg muscle they had at 30"
    words = page.locator('[data-testid="stMarkdownContainer"]').get_by_text(sentence)
    assert words.count() == 1
    assert page.locator(".lme-result").get_by_text(sentence).count() == 1
    page.wait_for_selector(
        '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
    )
    assert page.locator('[data-testid="stException"]').count() == 0
    assert foreign_requests(visit) == []


def test_projection_refused_link_value_is_explained(server: Server, visit: Visit):
    """A nonsense age in the link opens the page with a friendly note, not an error."""
    visit.page.goto(f"{server.url}/projection?age=%3Cscript%3Ealert(1)%3C/script%3E")
    visit.settle()
    assert visit.page.get_by_text("is not a number").count() == 1
    assert visit.dialogs == []
    assert visit.page.locator('[data-testid="stException"]').count() == 0


def test_self_check_deep_link(server: Server, visit: Visit):
    """The documented self-check link shows its four verdicts in the browser."""
    page = visit.page
    query = "age=70&weight=70&moderate=100&vigorous=25&strength_days=1&balance_days=0&protein_g=60"
    page.goto(f"{server.url}/self_check?{query}")
    visit.settle()
    for heading in (
        "Aerobic activity: meets the guideline",
        "Strength training: not met yet",
        "Balance activity (65 and over): not met yet",
        "Protein: partly met",
    ):
        assert page.get_by_role("heading", name=heading).count() == 1
    assert page.get_by_text("0.86 g/kg", exact=False).count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0


def test_red_flag_emergency_is_on_top(server: Server, visit: Visit):
    """Ticking an emergency sign shows 'Call 911 now' at the top of the page."""
    page = visit.page
    page.goto(f"{server.url}/red_flags?country=us")
    visit.settle()
    page.get_by_text("Sciatica (nerve pain down the leg) in both legs").click()
    visit.settle()
    alert = page.locator('[data-testid="stAlert"]').first
    assert "Call 911 now." in alert.inner_text()
    heading = page.locator("h1", has_text="Warning signs checklist")
    assert alert.bounding_box()["y"] < heading.bounding_box()["y"]
    # The number is a link a phone can call, kept by the page's HTML sanitiser.
    # Every number the verdict names is a link too (lib.tel), and only the reader's number.
    # The verdict's call link on top; the result bar at the screen's foot repeats it.
    calls = page.get_by_role("link", name="Tap to call 911")
    assert calls.count() == 2
    call = calls.first
    assert call.get_attribute("href") == "tel:911"
    assert call.bounding_box()["y"] < heading.bounding_box()["y"]
    assert page.locator(".lme-result").get_by_role("link", name="Tap to call 911").count() == 1
    numbers = page.eval_on_selector_all('a[href^="tel:"]', "els => els.map(e => e.href)")
    assert set(numbers) == {"tel:911"}


def test_screening_deep_link(server: Server, visit: Visit):
    """A woman of 72 with 9 chair stands sees a below-average verdict and the chart."""
    page = visit.page
    page.goto(f"{server.url}/screening?age=72&sex=female&chair_stands=9")
    visit.settle()
    assert page.get_by_text("30-second chair stand (9 stands)", exact=False).count() == 1
    assert page.get_by_text("below that line", exact=False).count() == 1
    assert page.get_by_text("Screening, not a diagnosis", exact=False).count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
