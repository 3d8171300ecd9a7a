"""A replica dies under a reader's open page: Chromium reconnects through nginx to another.

The reader has typed a value; the replica that drew the page is killed (SIGKILL, no
goodbye). The page shows Streamlit's connection-lost state, reconnects by itself (no reload)
through the balancer to the other replica, keeps the view and what was typed (the link
holds it), and the next input is answered there; the download it then offers comes from
the same replica.
"""

from __future__ import annotations

import re
from pathlib import Path

from deploy.serve import COOKIE, Stack
from tests.browser.conftest import Visit

QUERY = "age=70&weight=70&moderate=100&protein_g=60"
MODERATE = "Moderate minutes a week (brisk walking)"
APP = '[data-testid="stApp"]'


def cookie(visit: Visit) -> str:
    found = [c["value"] for c in visit.page.context.cookies() if c["name"] == COOKIE]
    assert len(found) == 1
    return found[0]


# Records every connection state the app goes through from now on: the reconnection through
# the balancer can be quicker than a poll of the current state.
OBSERVE = f"""() => {{
  window.__states = [];
  const app = document.querySelector('{APP}');
  new MutationObserver(() => window.__states.push(
      app.getAttribute('data-test-connection-state'))).observe(app, {{attributes: true}});
}}"""
LOST_THEN_BACK = f"""() => window.__states.some(s => s !== 'CONNECTED') &&
  document.querySelector('{APP}').getAttribute('data-test-connection-state') === 'CONNECTED'"""


def test_a_replica_failure_loses_no_reader(app_stack: Stack, visit: Visit):
    page = visit.page
    page.goto(f"{app_stack.url}/self_check?{QUERY}")
    visit.settle()
    home = cookie(visit)
    other = next(r.name for r in app_stack.members if r.name != home)

    # The reader types a value (as a link-bound input, it goes into the address).
    moderate = page.get_by_label(MODERATE, exact=True)
    moderate.fill("200")
    moderate.press("Enter")
    page.wait_for_url(re.compile(r"[?&]moderate=200\b"), timeout=30_000)
    visit.settle()
    before = page.locator("main").inner_text()

    replica = app_stack.replica(home)
    assert replica.process is not None
    page.evaluate(OBSERVE)
    replica.process.kill()
    replica.process.wait(timeout=10)
    page.wait_for_function(LOST_THEN_BACK, timeout=60_000)
    visit.settle()
    assert cookie(visit) == other  # the balancer moved the session, and the cookie with it
    assert moderate.input_value() == "200"
    assert re.search(r"[?&]moderate=200\b", page.url)
    assert page.locator('[data-testid="stException"]').count() == 0

    # The next input is answered by the live replica, with what was typed before.
    runs = visit.watch.finished if visit.watch else 0
    protein = page.get_by_label(re.compile(r"protein", re.IGNORECASE)).first
    protein.fill("90")
    protein.press("Enter")
    page.wait_for_url(re.compile(r"[?&]protein_g=90\b"), timeout=30_000)
    visit.settle()
    assert visit.watch is not None
    assert visit.watch.finished > runs
    assert re.search(r"[?&]moderate=200\b", page.url)
    assert moderate.input_value() == "200"
    assert page.locator('[data-testid="stException"]').count() == 0
    after = page.locator("main").inner_text()
    assert after != before  # the new protein figure was drawn...
    assert cookie(visit) == other

    # ...and the summary it offers downloads from the replica that drew it.
    # (Made on the click, by the session's replica; served from its memory under /media/.)
    button = page.locator('[data-testid="stDownloadButton"] button').filter(
        has_text="Download a printable summary"
    )
    with page.expect_download(timeout=30_000) as download:
        button.click()
    path = download.value.path()
    assert path is not None
    text = Path(path).read_text(encoding="utf-8")
    assert re.search(r"\b200\b", text)
    assert "<html" in text.lower()
    assert cookie(visit) == other
