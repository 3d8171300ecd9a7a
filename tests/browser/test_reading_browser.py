"""The reading pages in a real Chromium, served by the real entry file beside the app."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

from lib import content, reading
from tests.conftest import CONTENT


def _sitemap_paths(page, base: str) -> list[str]:
    text = page.request.get(f"{base}/sitemap.xml").text()
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


def test_a_reading_page_reads_with_javascript_off(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    reply = page.goto(f"{server.url}/read/causes")
    assert reply is not None
    assert reply.status == 200
    assert reply.headers["content-encoding"] == "gzip"
    article = content.load_article(
        content.article_paths(CONTENT)["causes"], content.load_sources(CONTENT / "sources.yaml")
    )
    assert page.locator("h1").inner_text() == article.title
    assert page.locator(".redflag").is_visible()
    assert "Call 999 (UK)" in page.locator(".redflag").inner_text()
    assert (
        page.get_by_role("contentinfo").inner_text().startswith("Educational, not medical advice.")
    )
    assert page.locator("section.sources li").count() == len(article.source_ids)
    # Everything the page needed came from this server, and it was the page alone.
    assert {urlsplit(u).netloc for u in requests} == {urlsplit(server.url).netloc}
    assert len(requests) == 1
    # A link to the projection carries the context of the article.
    tool = page.get_by_role("link", name=re.compile("spell in bed"))
    assert "bedrest_days=10" in (tool.get_attribute("href") or "")
    context.close()


def test_reading_pages_have_no_axe_violations(browser, server) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    axe = Axe()
    paths = _sitemap_paths(page, server.url)
    assert reading.INDEX_PATH in paths
    assert len(paths) > 30
    found: dict[str, list[str]] = {}
    for path in paths:
        page.goto(f"{server.url}{path}")
        results = axe.run(page)
        violations = results.response["violations"]
        if violations:
            found[path] = [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in violations]
    # The control: the same run does report a page that breaks the rules.
    page.set_content('<html><body><img src="data:,"><a href="#"></a></body></html>')
    control = {v["id"] for v in axe.run(page).response["violations"]}
    context.close()
    assert {"html-has-lang", "image-alt", "link-name"} <= control
    assert found == {}


def test_reading_pages_log_nothing_on_the_console(browser, server) -> None:
    # With the page's own Content-Security-Policy in force: a blocked style or request is
    # reported on the console (Lighthouse counts it against best practices).
    context = browser.new_context()
    page = context.new_page()
    logged: list[str] = []
    page.on("console", lambda msg: logged.append(f"{page.url}: {msg.text}"))
    page.on("pageerror", lambda err: logged.append(f"{page.url}: {err}"))
    for path in _sitemap_paths(page, server.url):
        page.goto(f"{server.url}{path}")
    page.goto(f"{server.url}/p/projection?age=80")
    context.close()
    assert logged == []


def test_a_learn_page_links_to_its_reading_page(visit, server) -> None:
    visit.page.goto(f"{server.url}/prevention")
    visit.settle()
    visit.page.get_by_role("link", name=re.compile("Read this as a plain page")).click()
    visit.page.wait_for_url(f"{server.url}/read/prevention")
    assert visit.page.locator("h1").inner_text().startswith("Leg muscle loss: prevent it")


def test_a_preview_link_takes_a_browser_on_to_the_live_view(visit, server) -> None:
    visit.page.goto(f"{server.url}/p/projection?age=80&bedrest_days=10")
    visit.page.wait_for_url(f"{server.url}/projection?age=80&bedrest_days=10")
    visit.settle()
    assert visit.page.get_by_text("Muscle over a lifetime").first.is_visible()
